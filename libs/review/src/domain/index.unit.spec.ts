// Drives one fiscal year through the public barrel only, as the application layer will.
import type { Actor, CycleEvent, CycleState, DecisionContext, SheetEvent, SheetState } from './index.js';
import {
  cycleStreamId,
  decideCycle,
  decideSheet,
  evolveCycle,
  evolveSheet,
  initialCycleState,
  initialSheetState,
  parseKpiCell,
  sheetIdFor,
  sheetStreamId,
  toRichText,
  withPublications,
} from './index.js';

const planning: Actor = { id: 'p', role: 'planning', department: '企画課' };
const department: Actor = { id: 'd', role: 'department', department: '産業振興課' };
const at = (actor: Actor, now: string): DecisionContext => ({ actor, now });

describe('one fiscal year through the barrel', () => {
  it('opens, fills, approves and publishes a sheet, then publishes it in edition 1', () => {
    // given an open FY2016 cycle holding 1-02 for 産業振興課
    const sheetId = sheetIdFor(2016, '1-02', '産業振興課');
    let cycle: CycleState = initialCycleState;
    const applyCycle = (events: CycleEvent[]): void => {
      cycle = events.reduce(evolveCycle, cycle);
    };
    applyCycle(decideCycle({ type: 'OpenCycle', fiscalYear: 2016, title: 'FY2016', deadlines: {} }, cycle, at(planning, '2017-04-01T09:00:00+09:00')));
    applyCycle(
      decideCycle({ type: 'AddSheetToCycle', sheetId, projectCode: '1-02', department: '産業振興課' }, cycle, at(planning, '2017-04-02T09:00:00+09:00')),
    );

    // when the sheet goes through its lifecycle
    let sheet: SheetState = initialSheetState;
    const history: SheetEvent[] = [];
    const run = (command: Parameters<typeof decideSheet>[0], actor: Actor, now: string): void => {
      const events = decideSheet(command, sheet, at(actor, now));
      history.push(...events);
      sheet = events.reduce(evolveSheet, sheet);
    };
    const target = parseKpiCell('50人 [平成27~31年度]');
    const actual = parseKpiCell('8人 [平成27~28年度]');
    run(
      {
        type: 'AssignSheet',
        sheetId,
        fiscalYear: 2016,
        projectCode: '1-02',
        projectName: 'UIJターン適職フェア事業',
        department: '産業振興課',
        policyAreas: ['1'],
      },
      planning,
      '2017-04-02T10:00:00+09:00',
    );
    run(
      {
        type: 'ReviseSheetContent',
        changes: {
          category: 'continuing',
          implementingBody: { city: true, other: null },
          summary: toRichText('合同企業説明会を札幌で開催する'),
          finance: { budget: 6249, settlement: 6221, funding: { nationalPrefectural: 2500, generalFund: 3721 } },
          implementation: toRichText('来場者は76名、就職に繋がったのは5名'),
          effect: toRichText('企業PR・人材確保の機会を創出した'),
          strategyKpis: [
            { name: 'UIJターン促進による新規就業者数', target: target.value, targetPeriod: target.period, actual: actual.value, actualPeriod: actual.period },
          ],
        },
      },
      department,
      '2017-05-10T10:00:00+09:00',
    );
    run(
      {
        type: 'RecordDepartmentEvaluation',
        evaluation: {
          effectiveness: 'not_effective',
          effectivenessReason: 'イベントは有効と言えなかった',
          direction: 'improve',
          directionReason: '地方と地方の連携による就職フェアに見直す',
          strategyRevision: 'not_needed',
          strategyRevisionReason: '総合戦略の見直しを伴うものではないため',
        },
      },
      department,
      '2017-05-11T10:00:00+09:00',
    );
    run({ type: 'SubmitSheet' }, department, '2017-06-01T10:00:00+09:00');
    run({ type: 'ApproveSheet' }, planning, '2017-07-01T10:00:00+09:00');
    const publication = decideCycle(
      { type: 'PublishCycle', sheets: [{ sheetId, status: sheet.status, version: history.length - 1, headHash: 'h' }] },
      cycle,
      at(planning, '2017-10-01T10:00:00+09:00'),
    );
    applyCycle(publication);
    // The cycle alone records the publication; the sheet's status is derived from its pins.
    sheet = withPublications(sheet, history.length - 1, cycle.editions);

    // then the events tell the story and both states agree
    expect(history.map((e) => e.type)).toEqual(['SheetAssigned', 'SheetContentRevised', 'DepartmentEvaluationRecorded', 'SheetSubmitted', 'SheetApproved']);
    expect(publication).toEqual([
      { type: 'CyclePublished', data: { edition: 1, publishedAt: '2017-10-01T10:00:00+09:00', sheets: [{ sheetId, version: 4, headHash: 'h' }] } },
    ]);
    expect(sheet).toMatchObject({ status: 'published', publishedEditions: [1], submittedAt: '2017-06-01T10:00:00+09:00' });
    expect([cycleStreamId(2016), sheetStreamId(sheetId)]).toEqual(['cycle-2016', 'sheet-2016.1-02.sangyoshinko']);
  });
});
