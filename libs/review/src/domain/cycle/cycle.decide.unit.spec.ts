import { DEFAULT_NOW } from '../testing/decider-spec.js';
import { committee, kikaku, planning } from '../testing/fixtures.js';
import { cycle } from '../testing/specs.js';
import type { OpenCycle, SheetSnapshot } from './cycle.commands.js';
import type { CycleEvent } from './cycle.events.js';

const NOW = DEFAULT_NOW;
const deadlines = { departmentSubmission: '2017-06-30', planningReview: '2017-07-31', committee: '2017-09-30', publication: '2017-10-31' };
const openCycle: OpenCycle = { type: 'OpenCycle', fiscalYear: 2016, title: '平成28年度 効果検証', deadlines };
const opened: CycleEvent = { type: 'CycleOpened', data: { fiscalYear: 2016, title: '平成28年度 効果検証', deadlines, openedAt: NOW } };
const added = (sheetId: string, projectCode: string, department: string): CycleEvent => ({
  type: 'SheetAddedToCycle',
  data: { sheetId, projectCode, department },
});
const withTwoSheets: CycleEvent[] = [opened, added('2016.1-01.kikaku', '1-01', '企画課'), added('2016.1-02.sangyoshinko', '1-02', '産業振興課')];
const snapshot = (sheetId: string, status: string, version = 5, headHash = `hash-${sheetId}`): SheetSnapshot => ({ sheetId, status, version, headHash });
const publishedEdition = (edition: number, version = 5): CycleEvent => ({
  type: 'CyclePublished',
  data: {
    edition,
    publishedAt: NOW,
    sheets: [
      { sheetId: '2016.1-01.kikaku', version, headHash: 'hash-2016.1-01.kikaku' },
      { sheetId: '2016.1-02.sangyoshinko', version, headHash: 'hash-2016.1-02.sangyoshinko' },
    ],
  },
});

describe('OpenCycle', () => {
  it('opens a fiscal-year cycle with its deadlines', () => {
    cycle.given([]).when(openCycle, planning).then([opened]);
  });

  it('fills absent deadlines with null', () => {
    const [event] = cycle
      .given([])
      .when({ ...openCycle, deadlines: { committee: '2017-09-30' } }, planning)
      .events();
    expect(event?.data).toMatchObject({ deadlines: { departmentSubmission: null, planningReview: null, committee: '2017-09-30', publication: null } });
  });

  it('refuses to open the same year twice', () => {
    cycle.given([opened]).when(openCycle, planning).thenThrows('cycle.already_opened', { fiscalYear: 2016 });
  });

  it('refuses dates that do not exist', () => {
    cycle
      .given([])
      .when({ ...openCycle, deadlines: { ...deadlines, planningReview: '2017-02-30' } }, planning)
      .thenThrows('value.invalid_date', { field: 'deadlines.planningReview' });
  });

  it('refuses deadlines out of order', () => {
    cycle
      .given([])
      .when({ ...openCycle, deadlines: { departmentSubmission: '2017-08-01', committee: '2017-07-01' } }, planning)
      .thenThrows('cycle.deadlines_out_of_order', { field: 'deadlines.committee' });
  });

  it('is for planning only', () => {
    cycle.given([]).when(openCycle, kikaku).thenThrows('cycle.forbidden_role');
  });
});

describe('AddSheetToCycle', () => {
  const add = { type: 'AddSheetToCycle', sheetId: '2016.1-15.nosuisan', projectCode: '1-15', department: '農水産課' } as const;

  it('adds a sheet to an open cycle', () => {
    cycle
      .given([opened])
      .when(add, planning)
      .then([added('2016.1-15.nosuisan', '1-15', '農水産課')]);
  });

  it('lets one project be split among departments (1-15: 農水産課 and 産業振興課)', () => {
    cycle
      .given([opened, added('2016.1-15.nosuisan', '1-15', '農水産課')])
      .when({ ...add, sheetId: '2016.1-15.sangyoshinko', department: '産業振興課' }, planning)
      .then([added('2016.1-15.sangyoshinko', '1-15', '産業振興課')]);
  });

  it('is idempotent for a sheet already there', () => {
    cycle
      .given([opened, added('2016.1-15.nosuisan', '1-15', '農水産課')])
      .when(add, planning)
      .then([]);
  });

  it('refuses the same project and department under another sheet id', () => {
    cycle
      .given([opened, added('2016.1-15.legacy', '1-15', '農水産課')])
      .when(add, planning)
      .thenThrows('sheet.already_assigned', { sheetId: '2016.1-15.legacy' });
  });

  it('refuses a sheet of another fiscal year', () => {
    cycle
      .given([opened])
      .when({ ...add, sheetId: '2017.1-15.nosuisan' }, planning)
      .thenThrows('sheet.invalid_id');
  });

  it('refuses when no cycle was opened', () => {
    const error = cycle.given([]).when(add, planning).thenThrows('cycle.not_found');
    expect(error.kind).toBe('not_found');
  });

  it('refuses new sheets once the year is published (closed)', () => {
    const error = cycle
      .given([...withTwoSheets, publishedEdition(1)])
      .when(add, planning)
      .thenThrows('cycle.closed', { fiscalYear: 2016 });
    expect(error.kind).toBe('rule');
  });
});

describe('PublishCycle', () => {
  it('publishes edition 1, pinning every sheet’s version and head hash', () => {
    cycle
      .given(withTwoSheets)
      .when({ type: 'PublishCycle', sheets: [snapshot('2016.1-02.sangyoshinko', 'approved'), snapshot('2016.1-01.kikaku', 'approved')] }, planning)
      .then([publishedEdition(1)]);
  });

  it('publishes edition 2 after a correction', () => {
    cycle
      .given([...withTwoSheets, publishedEdition(1)])
      .when({ type: 'PublishCycle', sheets: [snapshot('2016.1-01.kikaku', 'approved', 7), snapshot('2016.1-02.sangyoshinko', 'approved', 7)] }, planning)
      .then([publishedEdition(2, 7)]);
    const state = cycle.given([...withTwoSheets, publishedEdition(1), publishedEdition(2, 7)]).state;
    expect(state.editions.map((e) => e.edition)).toEqual([1, 2]);
    expect(state.status).toBe('published');
  });

  it('refuses a new edition when nothing changed since the last one', () => {
    const error = cycle
      .given([...withTwoSheets, publishedEdition(1)])
      .when({ type: 'PublishCycle', sheets: [snapshot('2016.1-01.kikaku', 'approved'), snapshot('2016.1-02.sangyoshinko', 'approved')] }, planning)
      .thenThrows('cycle.nothing_to_publish', { edition: 1 });
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('前回の公表から変更がありません');
  });

  it('names an assigned sheet whose stream was never created', () => {
    const error = cycle
      .given(withTwoSheets)
      .when({ type: 'PublishCycle', sheets: [snapshot('2016.1-01.kikaku', 'approved'), snapshot('2016.1-02.sangyoshinko', 'missing', -1)] }, planning)
      .thenThrows('cycle.sheet_not_created', { sheetIds: ['2016.1-02.sangyoshinko'] });
    expect(error.kind).toBe('rule');
  });

  it('refuses while a sheet is still a draft, listing it', () => {
    const error = cycle
      .given(withTwoSheets)
      .when({ type: 'PublishCycle', sheets: [snapshot('2016.1-01.kikaku', 'approved'), snapshot('2016.1-02.sangyoshinko', 'draft')] }, planning)
      .thenThrows('cycle.sheets_not_approved', { sheets: [{ sheetId: '2016.1-02.sangyoshinko', status: 'draft' }] });
    expect(error.kind).toBe('rule');
  });

  it('counts a sheet the caller left out as not approved', () => {
    cycle
      .given(withTwoSheets)
      .when({ type: 'PublishCycle', sheets: [snapshot('2016.1-01.kikaku', 'approved')] }, planning)
      .thenThrows('cycle.sheets_not_approved', { sheets: [{ sheetId: '2016.1-02.sangyoshinko', status: 'missing' }] });
  });

  it('refuses sheets that are not part of the cycle', () => {
    cycle
      .given(withTwoSheets)
      .when(
        {
          type: 'PublishCycle',
          sheets: [snapshot('2016.1-01.kikaku', 'approved'), snapshot('2016.1-02.sangyoshinko', 'approved'), snapshot('2016.9-99.kikaku', 'approved')],
        },
        planning,
      )
      .thenThrows('cycle.unknown_sheet', { sheetIds: ['2016.9-99.kikaku'] });
  });

  it('refuses a cycle without sheets', () => {
    cycle.given([opened]).when({ type: 'PublishCycle', sheets: [] }, planning).thenThrows('cycle.empty');
  });
});

describe('RecordCommitteeMeeting', () => {
  const meeting = {
    type: 'RecordCommitteeMeeting',
    date: '2017-08-28',
    opinionsByPolicyArea: { '1': '雇用の創出に一層の工夫を', プラス1: '広域連携の推進を' },
  } as const;

  it('records a meeting with opinions per policy area, also after publication', () => {
    const expected: CycleEvent = { type: 'CommitteeMeetingRecorded', data: { date: '2017-08-28', opinionsByPolicyArea: { ...meeting.opinionsByPolicyArea } } };
    cycle.given([opened]).when(meeting, committee).then([expected]);
    cycle
      .given([...withTwoSheets, publishedEdition(1)])
      .when(meeting, planning)
      .then([expected]);
  });

  it('refuses an unknown policy area', () => {
    cycle
      .given([opened])
      .when({ ...meeting, opinionsByPolicyArea: { '5': 'x' } }, committee)
      .thenThrows('sheet.invalid_policy_area');
  });

  it('is not for departments', () => {
    cycle.given([opened]).when(meeting, kikaku).thenThrows('cycle.forbidden_role');
  });
});
