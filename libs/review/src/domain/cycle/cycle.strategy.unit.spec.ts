import { DEFAULT_NOW } from '../testing/decider-spec.js';
import { committee, kikaku, planning, system } from '../testing/fixtures.js';
import { cycle } from '../testing/specs.js';
import { LIMITS } from '../limits.js';
import type { RecordStrategy, Strategy } from './cycle.commands.js';
import type { CycleEvent } from './cycle.events.js';

const deadlines = { departmentSubmission: '2017-06-30', planningReview: '2017-07-31', committee: null, publication: null };
const opened: CycleEvent = { type: 'CycleOpened', data: { fiscalYear: 2016, title: '平成28年度 効果検証', deadlines, openedAt: DEFAULT_NOW } };
const added: CycleEvent = { type: 'SheetAddedToCycle', data: { sheetId: '2016.1-01.kikaku', projectCode: '1-01', department: '企画課' } };
const published: CycleEvent = {
  type: 'CyclePublished',
  data: { edition: 1, publishedAt: DEFAULT_NOW, sheets: [{ sheetId: '2016.1-01.kikaku', version: 5, headHash: 'h' }] },
};

/** Part of seeds/fy2016/strategy.json: area 1 with one direction, and two KPIs of the master. */
const muroran: Strategy = {
  name: '室蘭市まち・ひと・しごと創生総合戦略',
  period: { from: 2015, to: 2019 },
  policyAreas: [
    {
      code: '1',
      name: 'まちの特性を活かした産業振興と魅力ある雇用の創出',
      basicDirections: [{ name: '「働くまち」の競争力を高める', measures: [{ name: '企業誘致等の推進', subMeasures: ['地場産品の販路拡大や創業支援'] }] }],
    },
  ],
  strategyKpis: [
    { id: 'sk-01', name: 'UIJターン促進による新規就業者数', printedShares: [2], projects: ['1-01', '1-02'] },
    { id: 'sk-02', name: '室蘭工業大学卒業生の道内就職者数', printedShares: [], projects: ['1-03'] },
  ],
};
const record = (strategy: unknown): RecordStrategy => ({ type: 'RecordStrategy', strategy: strategy as Strategy });
const recorded = (strategy: Strategy): CycleEvent => ({ type: 'StrategyRecorded', data: { strategy } });
const fieldsOf = (error: { details?: Record<string, unknown> }) => ((error.details?.issues ?? []) as Array<{ field: string }>).map((i) => i.field);

describe('RecordStrategy', () => {
  it('records the strategy master on the cycle', () => {
    cycle
      .given([opened])
      .when(record(muroran), planning)
      .then([recorded(muroran)]);
  });

  it('keeps it in the cycle state, and a later one replaces the earlier one', () => {
    const renamed = { ...muroran, name: '第2期 室蘭市まち・ひと・しごと創生総合戦略' };
    expect(cycle.given([opened]).state.strategy).toBeNull();
    expect(cycle.given([opened, recorded(muroran), recorded(renamed)]).state.strategy).toEqual(renamed);
  });

  it('is idempotent: the same strategy again, with other whitespace around its texts, records nothing', () => {
    cycle
      .given([opened, recorded(muroran)])
      .when(record(muroran), system)
      .then([]);
    cycle
      .given([opened, recorded(muroran)])
      .when(record({ ...muroran, name: ` ${muroran.name}　` }), planning)
      .then([]);
  });

  it('records a changed strategy', () => {
    const more = { ...muroran, strategyKpis: [...muroran.strategyKpis, { id: 'sk-03', name: '客船の寄港回数', printedShares: [], projects: ['3-02'] }] };
    cycle
      .given([opened, recorded(muroran)])
      .when(record(more), planning)
      .then([recorded(more)]);
  });

  it('names every bad field at once', () => {
    const bad = {
      name: ' ',
      period: { from: 2015, to: 2019 },
      policyAreas: [
        { code: '5', name: 'x', basicDirections: [{ name: '', measures: [{ name: 'm', subMeasures: [1] }] }] },
        { ...muroran.policyAreas[0], owner: '企画課' },
        muroran.policyAreas[0],
      ],
      strategyKpis: [
        { id: 'sk-01', name: 'n', printedShares: [0], projects: ['1-1'] },
        { id: 'sk-01', name: 'x'.repeat(LIMITS.kpiName + 1), printedShares: [], projects: [] },
      ],
    };
    const error = cycle.given([opened]).when(record(bad), planning).thenThrows('value.required');
    expect(fieldsOf(error)).toEqual([
      'strategy.name',
      'strategy.policyAreas[0].code',
      'strategy.policyAreas[0].basicDirections[0].name',
      'strategy.policyAreas[0].basicDirections[0].measures[0].subMeasures[0]',
      'strategy.policyAreas[1].owner',
      'strategy.policyAreas[2].code',
      'strategy.strategyKpis[0].printedShares[0]',
      'strategy.strategyKpis[0].projects[0]',
      'strategy.strategyKpis[1].id',
      'strategy.strategyKpis[1].name',
    ]);
  });

  it('refuses a period that does not cover the cycle’s year, and a backwards one', () => {
    cycle
      .given([opened])
      .when(record({ ...muroran, period: { from: 2020, to: 2024 } }), planning)
      .thenThrows('value.invalid_period', { field: 'strategy.period' });
    cycle
      .given([opened])
      .when(record({ ...muroran, period: { from: 2019, to: 2015 } }), planning)
      .thenThrows('value.invalid_period', { field: 'strategy.period' });
  });

  it('refuses lists over their limits and fields it does not know', () => {
    const many = Array.from({ length: LIMITS.strategyKpis + 1 }, (_, i) => ({ id: `sk-${i}`, name: 'k', printedShares: [], projects: [] }));
    cycle
      .given([opened])
      .when(record({ ...muroran, strategyKpis: many }), planning)
      .thenThrows('value.too_many_items', { field: 'strategy.strategyKpis' });
    cycle
      .given([opened])
      .when(record({ ...muroran, numericalGoals: [] }), planning)
      .thenThrows('value.unknown_field', { field: 'strategy.numericalGoals' });
  });

  it('refuses a payload that is not an object', () => {
    cycle.given([opened]).when(record('none'), planning).thenThrows('value.invalid_type', { field: 'strategy' });
    cycle
      .given([opened])
      .when(record({ ...muroran, policyAreas: 'all' }), planning)
      .thenThrows('value.invalid_type', { field: 'strategy.policyAreas' });
  });

  it('refuses once the year is published: the edition shows the strategy as it was', () => {
    const error = cycle.given([opened, added, published]).when(record(muroran), planning).thenThrows('cycle.closed', { fiscalYear: 2016 });
    expect(error.kind).toBe('rule');
  });

  it('needs an opened cycle', () => {
    cycle.given([]).when(record(muroran), planning).thenThrows('cycle.not_found');
  });

  it('is for the planning division only', () => {
    cycle.given([opened]).when(record(muroran), kikaku).thenThrows('cycle.forbidden_role');
    cycle.given([opened]).when(record(muroran), committee).thenThrows('cycle.forbidden_role');
  });
});
