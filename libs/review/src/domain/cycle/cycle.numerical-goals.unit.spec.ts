import { DEFAULT_NOW } from '../testing/decider-spec.js';
import { committee, kikaku, planning, system } from '../testing/fixtures.js';
import { cycle } from '../testing/specs.js';
import { parseKpiValue } from '../values/kpi-value.js';
import type { NumericalGoal, RecordNumericalGoals } from './cycle.commands.js';
import type { CycleEvent } from './cycle.events.js';

const deadlines = { departmentSubmission: '2017-06-30', planningReview: '2017-07-31', committee: null, publication: null };
const opened: CycleEvent = { type: 'CycleOpened', data: { fiscalYear: 2016, title: '平成28年度 効果検証', deadlines, openedAt: DEFAULT_NOW } };
const added: CycleEvent = { type: 'SheetAddedToCycle', data: { sheetId: '2016.1-01.kikaku', projectCode: '1-01', department: '企画課' } };
const published: CycleEvent = {
  type: 'CyclePublished',
  data: { edition: 1, publishedAt: DEFAULT_NOW, sheets: [{ sheetId: '2016.1-01.kikaku', version: 5, headHash: 'h' }] },
};

/** 3-g2 and 1-g1 as strategy.json transcribes them. */
const portDeals: NumericalGoal = {
  id: '3-g2',
  policyArea: '3',
  measure: '新規に室蘭港を活用した取引を開始した事業者等の件数',
  target: parseKpiValue('5件'),
  targetPeriod: { from: 2015, to: 2019 },
  actual: parseKpiValue('7件'),
  actualPeriod: { from: 2015, to: 2016 },
  lowerIsBetter: false,
  note: null,
};
const socialDecrease: NumericalGoal = {
  id: '1-g1',
  policyArea: '1',
  measure: '生産年齢人口(15~64歳)の社会減を5年間で200人程度抑制',
  target: parseKpiValue('1,750人'),
  targetPeriod: { from: 2015, to: 2019 },
  actual: parseKpiValue('1,045人'),
  actualPeriod: { from: 2015, to: 2016 },
  lowerIsBetter: true,
  note: 'the figures count the decrease',
};
const record = (goals: unknown[]): RecordNumericalGoals => ({ type: 'RecordNumericalGoals', goals: goals as NumericalGoal[] });
const recorded = (goals: NumericalGoal[]): CycleEvent => ({ type: 'NumericalGoalsRecorded', data: { goals } });

describe('RecordNumericalGoals', () => {
  it('records the year’s numerical goals on the cycle', () => {
    cycle
      .given([opened])
      .when(record([socialDecrease, portDeals]), planning)
      .then([recorded([socialDecrease, portDeals])]);
  });

  it('keeps them in the cycle state, and a later set replaces the earlier one', () => {
    const corrected = { ...portDeals, actual: parseKpiValue('8件') };
    const state = cycle.given([opened, recorded([socialDecrease, portDeals]), recorded([corrected])]).state;
    expect(state.numericalGoals).toEqual([corrected]);
  });

  it('records an absent note as null, so a repeat compares equal', () => {
    const { note: _note, ...withoutNote } = portDeals;
    cycle
      .given([opened])
      .when(record([withoutNote]), system)
      .then([recorded([portDeals])]);
    cycle
      .given([opened, recorded([portDeals])])
      .when(record([withoutNote]), system)
      .then([]);
  });

  it('is idempotent: the same set again records nothing', () => {
    cycle
      .given([opened, recorded([socialDecrease, portDeals])])
      .when(record([socialDecrease, portDeals]), planning)
      .then([]);
  });

  it('names every bad field at once', () => {
    const error = cycle
      .given([opened])
      .when(
        record([{ ...portDeals, policyArea: '5', measure: ' ', target: { text: '5件', status: 'numeric' }, targetPeriod: { from: 2019, to: 2015 } }]),
        planning,
      )
      .thenThrows('sheet.invalid_policy_area');
    expect(((error.details?.issues ?? []) as Array<{ field: string }>).map((i) => i.field)).toEqual([
      'goals[0].policyArea',
      'goals[0].measure',
      'goals[0].target.number',
      'goals[0].targetPeriod',
    ]);
  });

  it('refuses two goals with one id, and fields it does not know', () => {
    cycle
      .given([opened])
      .when(record([portDeals, { ...socialDecrease, id: '3-g2' }]), planning)
      .thenThrows('value.duplicate', { field: 'goals[1].id' });
    cycle
      .given([opened])
      .when(record([{ ...portDeals, owner: '港湾政策課' }]), planning)
      .thenThrows('value.unknown_field', { field: 'goals[0].owner' });
  });

  it('refuses a payload that is not a list', () => {
    cycle
      .given([opened])
      .when({ type: 'RecordNumericalGoals', goals: 'none' } as unknown as RecordNumericalGoals, planning)
      .thenThrows('value.invalid_type', { field: 'goals' });
  });

  it('refuses once the year is published: the edition shows the goals as they were', () => {
    const error = cycle
      .given([opened, added, published])
      .when(record([portDeals]), planning)
      .thenThrows('cycle.closed', { fiscalYear: 2016 });
    expect(error.kind).toBe('rule');
  });

  it('needs an opened cycle', () => {
    cycle
      .given([])
      .when(record([portDeals]), planning)
      .thenThrows('cycle.not_found');
  });

  it('is for the planning division only', () => {
    cycle
      .given([opened])
      .when(record([portDeals]), kikaku)
      .thenThrows('cycle.forbidden_role');
    cycle
      .given([opened])
      .when(record([portDeals]), committee)
      .thenThrows('cycle.forbidden_role');
  });
});
