import { DEFAULT_NOW } from '../testing/decider-spec.js';
import {
  approved,
  assigned,
  committee,
  completeContent,
  completeEvaluation,
  kikaku,
  planning,
  published,
  readyDraft,
  SHEET_ID,
  submitted,
} from '../testing/fixtures.js';
import { sheet } from '../testing/specs.js';
import type { SheetEvent } from './sheet.events.js';
import { decideSheet } from './sheet.decide.js';
import { evolveSheet, initialSheetState, withPublications } from './sheet.state.js';

const NOW = DEFAULT_NOW;

describe('sheet lifecycle: draft → submitted → approved → published → corrected', () => {
  it('assigns a sheet with empty content', () => {
    sheet
      .given([])
      .when(
        {
          type: 'AssignSheet',
          sheetId: SHEET_ID,
          fiscalYear: 2016,
          projectCode: '1-01',
          projectName: '移住推進事業',
          department: '企画課',
          policyAreas: ['1'],
        },
        planning,
        '2017-04-10T09:00:00+09:00',
      )
      .then([assigned()]);
  });

  it('revises the content of a draft', () => {
    sheet
      .given([assigned()])
      .when({ type: 'ReviseSheetContent', changes: { category: 'continuing', finance: { budget: 286 } } }, kikaku)
      .then([
        {
          type: 'SheetContentRevised',
          data: { changes: { category: 'continuing', finance: { budget: 286 } }, fields: ['category', 'finance.budget'] },
        },
      ]);
  });

  it('produces no event when a revision changes nothing', () => {
    sheet
      .given([assigned(completeContent())])
      .when({ type: 'ReviseSheetContent', changes: { finance: { budget: 286 } } }, kikaku)
      .then([]);
  });

  it('stores plain text typed into a rich-text field as structured rich text', () => {
    const [event] = sheet
      .given([assigned()])
      .when({ type: 'ReviseSheetContent', changes: { effect: '効果あり' as never } }, kikaku)
      .events();
    expect(event).toEqual({
      type: 'SheetContentRevised',
      data: { changes: { effect: [{ kind: 'paragraph', text: '効果あり' }] }, fields: ['effect'] },
    });
  });

  it('records the department evaluation', () => {
    sheet
      .given([assigned()])
      .when({ type: 'RecordDepartmentEvaluation', evaluation: { effectiveness: 'effective' } }, kikaku)
      .then([{ type: 'DepartmentEvaluationRecorded', data: { evaluation: { effectiveness: 'effective' } } }]);
  });

  it('submits a complete draft', () => {
    sheet
      .given(readyDraft())
      .when({ type: 'SubmitSheet' }, kikaku)
      .then([{ type: 'SheetSubmitted', data: { submittedAt: NOW, warnings: [], acknowledgedGaps: [] } }]);
  });

  it('approves a submitted sheet, with or without a comment', () => {
    sheet
      .given(submitted())
      .when({ type: 'ApproveSheet' }, planning)
      .then([{ type: 'SheetApproved', data: { comment: null, approvedAt: NOW } }]);
    sheet
      .given(submitted())
      .when({ type: 'ApproveSheet', comment: '了承' }, planning)
      .then([{ type: 'SheetApproved', data: { comment: '了承', approvedAt: NOW } }]);
  });

  it('records a committee opinion on an approved sheet, and a later one replaces it', () => {
    const first: SheetEvent = { type: 'CommitteeOpinionRecorded', data: { opinion: '情報発信の強化を', rating: null, recordedAt: NOW } };
    sheet.given(approved()).when({ type: 'RecordCommitteeOpinion', opinion: '情報発信の強化を' }, committee).then([first]);
    const state = sheet.given([...approved(), first, { type: 'CommitteeOpinionRecorded', data: { opinion: '継続を', rating: 'B', recordedAt: NOW } }]).state;
    expect(state.committeeOpinion).toEqual({ opinion: '継続を', rating: 'B', recordedAt: NOW });
  });

  it("records the city's response to the committee", () => {
    sheet
      .given(approved())
      .when({ type: 'RecordCityResponse', response: '情報発信を強化します' }, planning)
      .then([{ type: 'CityResponseRecorded', data: { response: '情報発信を強化します', recordedAt: NOW } }]);
  });

  it('derives publication from the editions that pin the sheet, not from its own stream', () => {
    const version = approved().length - 1;
    const edition = (n: number, pinned: number) => ({
      edition: n,
      publishedAt: `2017-10-0${n}T09:00:00+09:00`,
      sheets: [{ sheetId: SHEET_ID, version: pinned }],
    });
    const state = sheet.given(approved()).state;
    expect(withPublications(state, version, [])).toBe(state);
    expect(withPublications(state, version, [edition(1, version)])).toMatchObject({
      status: 'published',
      publishedEditions: [1],
      publishedAt: '2017-10-01T09:00:00+09:00',
    });
    // An edition pinning a later version than the one read does not count yet.
    expect(withPublications(state, version, [edition(1, version + 1)]).status).toBe('approved');
    expect(withPublications(state, version, [{ ...edition(1, version), sheets: [{ sheetId: 'other', version }] }]).status).toBe('approved');
    expect(withPublications(state, version + 1, [edition(1, version), edition(2, version + 1)])).toMatchObject({ publishedEditions: [1, 2] });
  });

  it('counts an edition once when an older log also carries SheetPublished for it', () => {
    const state = sheet.given(published(1)).state;
    expect(withPublications(state, 5, [{ edition: 1, publishedAt: NOW, sheets: [{ sheetId: SHEET_ID, version: 5 }] }]).publishedEditions).toEqual([1]);
  });

  it('corrects a pinned sheet and refuses the steps before publication on it', () => {
    const version = approved().length - 1;
    const pinned = withPublications(sheet.given(approved()).state, version, [{ edition: 1, publishedAt: NOW, sheets: [{ sheetId: SHEET_ID, version }] }]);
    const correction = { type: 'CorrectPublishedSheet', changes: { finance: { budget: 268 } }, reason: '予算額の転記誤り' } as const;
    expect(decideSheet(correction, pinned, { actor: planning, now: NOW }).map((e) => e.type)).toEqual(['PublishedSheetCorrected']);
    for (const [command, actor] of [
      [{ type: 'RecordCommitteeOpinion', opinion: 'x' }, committee],
      [{ type: 'RecordCityResponse', response: 'x' }, planning],
      [{ type: 'ReturnSheet', comment: 'x' }, planning],
    ] as const) {
      expect(() => decideSheet(command, pinned, { actor, now: NOW })).toThrow(expect.objectContaining({ code: 'sheet.invalid_transition' }));
    }
  });

  it('corrects a published sheet with a reason, naming the fields', () => {
    sheet
      .given(published())
      .when({ type: 'CorrectPublishedSheet', changes: { finance: { budget: 268 } }, reason: '予算額の転記誤り' }, planning)
      .then([
        {
          type: 'PublishedSheetCorrected',
          data: { changes: { finance: { budget: 268 } }, reason: '予算額の転記誤り', fields: ['finance.budget'], correctedAt: NOW },
        },
      ]);
  });

  it('refuses a correction without a reason', () => {
    sheet
      .given(published())
      .when({ type: 'CorrectPublishedSheet', changes: { finance: { budget: 268 } }, reason: '  ' }, planning)
      .thenThrows('sheet.reason_required', { field: 'reason' });
  });

  it('folds the whole history into the state the read side expects', () => {
    const history: SheetEvent[] = [
      ...published(),
      { type: 'PublishedSheetCorrected', data: { changes: { finance: { budget: 268 } }, reason: '転記誤り', fields: ['finance.budget'], correctedAt: NOW } },
    ];
    const state = history.reduce(evolveSheet, initialSheetState);
    expect(state).toMatchObject({
      exists: true,
      id: SHEET_ID,
      status: 'published',
      publishedEditions: [1],
      corrections: [{ reason: '転記誤り', at: NOW, fields: ['finance.budget'] }],
      evaluation: completeEvaluation(),
      approvedAt: '2017-07-01T09:00:00+09:00',
    });
    expect(state.content.finance.budget).toBe(268);
    expect(initialSheetState.exists).toBe(false);
  });
});

describe('return and resubmit', () => {
  const returned: SheetEvent[] = [...submitted(), { type: 'SheetReturned', data: { comment: 'KPI実績を記入してください', returnedAt: NOW } }];

  it('returns a submitted sheet with a comment', () => {
    sheet
      .given(submitted())
      .when({ type: 'ReturnSheet', comment: 'KPI実績を記入してください' }, planning)
      .then([{ type: 'SheetReturned', data: { comment: 'KPI実績を記入してください', returnedAt: NOW } }]);
  });

  it('refuses a return without a comment', () => {
    sheet.given(submitted()).when({ type: 'ReturnSheet', comment: '' }, planning).thenThrows('sheet.comment_required');
  });

  it('lets the department revise and resubmit a returned sheet', () => {
    const state = sheet.given(returned).state;
    expect(state).toMatchObject({ status: 'returned', lastReturnComment: 'KPI実績を記入してください' });
    sheet
      .given(returned)
      .when({ type: 'ReviseSheetContent', changes: { category: 'revised' } }, kikaku)
      .then([{ type: 'SheetContentRevised', data: { changes: { category: 'revised' }, fields: ['category'] } }]);
    sheet
      .given(returned)
      .when({ type: 'SubmitSheet' }, kikaku)
      .then([{ type: 'SheetSubmitted', data: { submittedAt: NOW, warnings: [], acknowledgedGaps: [] } }]);
  });
});

describe('transitions not allowed in the current status', () => {
  it.each([
    ['ReviseSheetContent on a submitted sheet', submitted(), { type: 'ReviseSheetContent', changes: { category: 'new' } }, kikaku, 'submitted'],
    ['SubmitSheet twice', submitted(), { type: 'SubmitSheet' }, kikaku, 'submitted'],
    ['ApproveSheet on a draft', readyDraft(), { type: 'ApproveSheet' }, planning, 'draft'],
    ['ReturnSheet on an approved sheet', approved(), { type: 'ReturnSheet', comment: 'x' }, planning, 'approved'],
    ['RecordCommitteeOpinion on a submitted sheet', submitted(), { type: 'RecordCommitteeOpinion', opinion: 'x' }, committee, 'submitted'],
    ['CorrectPublishedSheet on an approved sheet', approved(), { type: 'CorrectPublishedSheet', changes: {}, reason: 'x' }, planning, 'approved'],
    ['RecordDepartmentEvaluation on a published sheet', published(), { type: 'RecordDepartmentEvaluation', evaluation: {} }, kikaku, 'published'],
  ] as const)('refuses %s as sheet.invalid_transition', (_name, given, command, actor, status) => {
    const error = sheet
      .given([...given])
      .when(command as never, actor)
      .thenThrows('sheet.invalid_transition', { status, command: command.type });
    expect(error.kind).toBe('rule');
  });

  it('refuses any command on a sheet that was never assigned', () => {
    const error = sheet.given([]).when({ type: 'SubmitSheet' }, kikaku).thenThrows('sheet.not_found');
    expect(error.kind).toBe('not_found');
  });

  it('refuses to assign the same sheet twice', () => {
    const command = {
      type: 'AssignSheet',
      sheetId: SHEET_ID,
      fiscalYear: 2016,
      projectCode: '1-01',
      projectName: '移住推進事業',
      department: '企画課',
      policyAreas: ['1'],
    } as const;
    const error = sheet
      .given([assigned()])
      .when({ ...command, policyAreas: ['1'] }, planning)
      .thenThrows('sheet.already_assigned');
    expect(error.kind).toBe('conflict');
  });
});
