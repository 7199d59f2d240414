import { parseKpiValue, type PlanKpiEntry, type StrategyKpiEntry } from '@kensho/review';
import { DEFAULT_THRESHOLDS } from './judge.js';
import { kpiProgress, planKpiView, strategyKpiViews, type KpiEntryRow } from './kpi-progress.js';

const strategyRow = (projectCode: string, actual: string, more: Partial<KpiEntryRow> = {}): KpiEntryRow<StrategyKpiEntry> => ({
  sheetId: `2016.${projectCode}.sangyoshinko`,
  kind: 'strategy',
  ordinal: 0,
  fiscalYear: 2016,
  projectCode,
  projectName: `事業 ${projectCode}`,
  department: '産業振興課',
  policyAreas: ['1'],
  status: 'approved',
  kpiKey: 'id:sk-01',
  name: 'UIJターン促進による新規就業者数',
  entry: {
    kpiId: 'sk-01',
    name: 'UIJターン促進による新規就業者数',
    target: parseKpiValue('50人'),
    targetPeriod: { from: 2015, to: 2019 },
    actual: parseKpiValue(actual),
    actualPeriod: { from: 2015, to: 2016 },
  },
  ...(more as object),
});

const planRow = (entry: Partial<PlanKpiEntry>): KpiEntryRow<PlanKpiEntry> => ({
  ...strategyRow('1-13', '0人'),
  kind: 'plan',
  kpiKey: 'plan:観光客入込客数',
  name: '観光客入込客数',
  entry: {
    name: '観光客入込客数',
    targetThisYear: parseKpiValue(''),
    targetLaterYear: parseKpiValue('140万人'),
    laterFiscalYear: 2019,
    actualThisYear: parseKpiValue('128万人'),
    ...entry,
  },
});

describe('strategyKpiViews', () => {
  it('derives the projects feeding a KPI and rates the value they agree on', () => {
    const [kpi] = strategyKpiViews([strategyRow('1-02', '22人'), strategyRow('1-01', '22人')], DEFAULT_THRESHOLDS);
    expect(kpi).toMatchObject({ kpiId: 'sk-01', consistent: true, projectCount: 2, sheetCount: 2, actual: { text: '22人' } });
    expect(kpi!.projects.map((p) => p.projectCode)).toEqual(['1-01', '1-02']);
    expect(kpi!.judgement).toMatchObject({ proRatedExpectation: 20, rating: 'on_track' });
  });

  it('chooses no value when the sheets report different actuals (0人 and 8人), but rates each sheet', () => {
    const [kpi] = strategyKpiViews([strategyRow('1-01', '0人'), strategyRow('1-02', '8人')], DEFAULT_THRESHOLDS);
    expect(kpi).toMatchObject({ consistent: false, actual: null, target: { text: '50人' }, judgement: { rating: 'not_measurable', reason: 'reports_differ' } });
    expect(kpi!.projects.map((p) => p.judgement.rating)).toEqual(['needs_improvement', 'needs_improvement']);
  });

  it('counts a project split among departments once as a project, twice as sheets', () => {
    const other = strategyRow('1-15', '3件', { sheetId: '2016.1-15.nosuisan', department: '農水産課' });
    const [kpi] = strategyKpiViews([strategyRow('1-15', '3件'), other], DEFAULT_THRESHOLDS);
    expect(kpi).toMatchObject({ projectCount: 1, sheetCount: 2 });
  });
});

describe('planKpiView', () => {
  it("rates against this year's target when there is one", () => {
    const view = planKpiView(
      planRow({ targetThisYear: parseKpiValue('10人'), targetLaterYear: parseKpiValue('40人'), actualThisYear: parseKpiValue('12人') }),
      DEFAULT_THRESHOLDS,
    );
    expect(view).toMatchObject({ ratedAgainst: 'this_year', judgement: { rate: 1.2, rating: 'on_track' }, laterYearRate: 0.3 });
  });

  it("falls back to the later year's target only when this year has none", () => {
    const view = planKpiView(planRow({}), DEFAULT_THRESHOLDS);
    expect(view.ratedAgainst).toBe('later_year');
    expect(view.judgement.rate).toBeCloseTo(128 / 140, 10);
  });

  it('is not rated when the actual is being surveyed (調査中)', () => {
    const view = planKpiView(planRow({ targetThisYear: parseKpiValue('250万人'), actualThisYear: parseKpiValue('調査中') }), DEFAULT_THRESHOLDS);
    expect(view).toMatchObject({ ratedAgainst: null, judgement: { rating: 'not_measurable', reason: 'actual_not_numeric' } });
  });
});

describe('kpiProgress', () => {
  it('counts ratings per kind', () => {
    const progress = kpiProgress(
      { fiscalYear: 2016, goals: [], strategyRows: [strategyRow('1-01', '0人'), strategyRow('1-02', '8人')], planRows: [planRow({})] },
      DEFAULT_THRESHOLDS,
    );
    expect(progress.summary.strategyKpis).toEqual({ on_track: 0, roughly_on_track: 0, needs_improvement: 0, not_measurable: 1 });
    expect(progress.summary.planKpis).toEqual({ on_track: 0, roughly_on_track: 1, needs_improvement: 0, not_measurable: 0 });
  });
});
