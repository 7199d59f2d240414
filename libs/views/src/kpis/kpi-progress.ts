import { canonicalJson } from '@kensho/platform';
import { periodLabel, type FiscalYearPeriod, type KpiValue, type NumericalGoal, type PlanKpiEntry, type StrategyKpiEntry } from '@kensho/review';
import { compareText } from '../facts.js';
import { judgeKpi, KPI_RATINGS, notMeasurable, type KpiJudgement, type KpiRating, type RatingThresholds } from './judge.js';

/** A sheet's KPI as v_kpi_entries holds it, with the sheet's identity beside it. */
export interface KpiEntryRow<E = StrategyKpiEntry | PlanKpiEntry> {
  sheetId: string;
  kind: 'strategy' | 'plan';
  ordinal: number;
  fiscalYear: number;
  projectCode: string;
  projectName: string;
  department: string;
  policyAreas: string[];
  status: string;
  kpiKey: string;
  name: string;
  entry: E;
}

export interface NumericalGoalView extends NumericalGoal {
  targetPeriodLabel: string | null;
  actualPeriodLabel: string | null;
  judgement: KpiJudgement;
}

export interface FeedingSheet {
  sheetId: string;
  projectCode: string;
  projectName: string;
  department: string;
  status: string;
  target: KpiValue;
  targetPeriod: FiscalYearPeriod | null;
  actual: KpiValue;
  actualPeriod: FiscalYearPeriod | null;
  judgement: KpiJudgement;
}

export interface StrategyKpiView {
  key: string;
  kpiId: string | null;
  name: string;
  /** Null where the feeding sheets report different values: none of them is chosen over the others. */
  target: KpiValue | null;
  targetPeriod: FiscalYearPeriod | null;
  actual: KpiValue | null;
  actualPeriod: FiscalYearPeriod | null;
  lowerIsBetter: boolean;
  /** Every feeding sheet reports the same target and actual. */
  consistent: boolean;
  judgement: KpiJudgement;
  /** The printed "( /n)", derived: distinct projects and sheets feeding the KPI. */
  projectCount: number;
  sheetCount: number;
  projects: FeedingSheet[];
}

export interface PlanKpiView {
  sheetId: string;
  projectCode: string;
  projectName: string;
  department: string;
  status: string;
  name: string;
  targetThisYear: KpiValue;
  targetLaterYear: KpiValue;
  laterFiscalYear: number | null;
  actualThisYear: KpiValue;
  lowerIsBetter: boolean;
  /** The rating uses this year's target; only a plan without one is rated against the later year's. */
  ratedAgainst: 'this_year' | 'later_year' | null;
  judgement: KpiJudgement;
  laterYearRate: number | null;
}

export type RatingCounts = Record<KpiRating, number>;

export interface KpiProgress {
  numericalGoals: NumericalGoalView[];
  strategyKpis: StrategyKpiView[];
  planKpis: PlanKpiView[];
  summary: { numericalGoals: RatingCounts; strategyKpis: RatingCounts; planKpis: RatingCounts };
}

const label = (period: FiscalYearPeriod | null) => (period ? periodLabel(period) : null);

export function numericalGoalView(goal: NumericalGoal, fiscalYear: number, thresholds: RatingThresholds): NumericalGoalView {
  return {
    ...goal,
    targetPeriodLabel: label(goal.targetPeriod),
    actualPeriodLabel: label(goal.actualPeriod),
    judgement: judgeKpi({ ...goal, fiscalYear }, thresholds),
  };
}

/** The one value every sheet agrees on, or null. */
function agreed<T>(values: T[]): { value: T | null; same: boolean } {
  const [first] = values;
  // Canonical form: jsonb does not keep key order, and the values come back from jsonb.
  const same = values.every((v) => canonicalJson(v) === canonicalJson(first));
  return { value: same && first !== undefined ? first : null, same };
}

export function strategyKpiViews(rows: KpiEntryRow<StrategyKpiEntry>[], thresholds: RatingThresholds): StrategyKpiView[] {
  const groups = new Map<string, KpiEntryRow<StrategyKpiEntry>[]>();
  for (const row of rows) groups.set(row.kpiKey, [...(groups.get(row.kpiKey) ?? []), row]);
  const views = [...groups.entries()].map(([key, group]): StrategyKpiView => {
    const sorted = [...group].sort((a, b) => compareText(a.projectCode, b.projectCode) || compareText(a.sheetId, b.sheetId));
    const projects = sorted.map((row) => ({
      sheetId: row.sheetId,
      projectCode: row.projectCode,
      projectName: row.projectName,
      department: row.department,
      status: row.status,
      target: row.entry.target,
      targetPeriod: row.entry.targetPeriod,
      actual: row.entry.actual,
      actualPeriod: row.entry.actualPeriod,
      judgement: judgeKpi({ ...row.entry, lowerIsBetter: row.entry.lowerIsBetter ?? false, fiscalYear: row.fiscalYear }, thresholds),
    }));
    const target = agreed(sorted.map((r) => ({ value: r.entry.target, period: r.entry.targetPeriod })));
    const actual = agreed(sorted.map((r) => ({ value: r.entry.actual, period: r.entry.actualPeriod })));
    const lowerIsBetter = sorted.some((r) => r.entry.lowerIsBetter === true);
    const consistent = target.same && actual.same;
    const judgement =
      target.value && actual.value
        ? judgeKpi(
            {
              target: target.value.value,
              targetPeriod: target.value.period,
              actual: actual.value.value,
              actualPeriod: actual.value.period,
              lowerIsBetter,
              fiscalYear: sorted[0]!.fiscalYear,
            },
            thresholds,
          )
        : notMeasurable('reports_differ');
    return {
      key,
      kpiId: sorted.find((r) => r.entry.kpiId)?.entry.kpiId ?? null,
      name: sorted[0]!.name,
      target: target.value?.value ?? null,
      targetPeriod: target.value?.period ?? null,
      actual: actual.value?.value ?? null,
      actualPeriod: actual.value?.period ?? null,
      lowerIsBetter,
      consistent,
      judgement,
      projectCount: new Set(sorted.map((r) => r.projectCode)).size,
      sheetCount: sorted.length,
      projects,
    };
  });
  // Master ids sort in the strategy's own order (sk-01, sk-02, …); KPIs without one follow by name.
  return views.sort((a, b) => compareText(a.key, b.key));
}

export function planKpiView(row: KpiEntryRow<PlanKpiEntry>, thresholds: RatingThresholds): PlanKpiView {
  const e = row.entry;
  const lowerIsBetter = e.lowerIsBetter ?? false;
  const thisYear = { from: row.fiscalYear, to: row.fiscalYear };
  const later = e.laterFiscalYear === null ? null : { from: e.laterFiscalYear, to: e.laterFiscalYear };
  const judge = (target: KpiValue, targetPeriod: FiscalYearPeriod | null) =>
    judgeKpi({ target, targetPeriod, actual: e.actualThisYear, actualPeriod: thisYear, lowerIsBetter, fiscalYear: row.fiscalYear }, thresholds);
  const againstThisYear = judge(e.targetThisYear, thisYear);
  const againstLater = judge(e.targetLaterYear, later);
  const useLater = e.targetThisYear.status !== 'numeric' && e.targetLaterYear.status === 'numeric';
  const judgement = useLater ? againstLater : againstThisYear;
  return {
    sheetId: row.sheetId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    department: row.department,
    status: row.status,
    name: e.name,
    targetThisYear: e.targetThisYear,
    targetLaterYear: e.targetLaterYear,
    laterFiscalYear: e.laterFiscalYear,
    actualThisYear: e.actualThisYear,
    lowerIsBetter,
    ratedAgainst: judgement.rate === null ? null : useLater ? 'later_year' : 'this_year',
    judgement,
    laterYearRate: againstLater.rate,
  };
}

export function countRatings(judgements: KpiJudgement[]): RatingCounts {
  const counts = Object.fromEntries(KPI_RATINGS.map((r) => [r, 0])) as RatingCounts;
  for (const j of judgements) counts[j.rating]++;
  return counts;
}

export function kpiProgress(
  input: { fiscalYear: number; goals: NumericalGoal[]; strategyRows: KpiEntryRow<StrategyKpiEntry>[]; planRows: KpiEntryRow<PlanKpiEntry>[] },
  thresholds: RatingThresholds,
): KpiProgress {
  const numericalGoals = input.goals.map((goal) => numericalGoalView(goal, input.fiscalYear, thresholds));
  const strategyKpis = strategyKpiViews(input.strategyRows, thresholds);
  const planKpis = input.planRows.map((row) => planKpiView(row, thresholds));
  return {
    numericalGoals,
    strategyKpis,
    planKpis,
    summary: {
      numericalGoals: countRatings(numericalGoals.map((g) => g.judgement)),
      strategyKpis: countRatings(strategyKpis.map((k) => k.judgement)),
      planKpis: countRatings(planKpis.map((k) => k.judgement)),
    },
  };
}
