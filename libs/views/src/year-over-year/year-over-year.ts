import { fiscalYearLabel, type Amount, type KpiValue, type PlanKpiEntry, type StrategyKpiEntry } from '@kensho/review';
import { budgetFigures, type BudgetFigures } from '../budget/budget.js';
import { bySheetOrder, type SheetFacts } from '../facts.js';
import { judgeKpi, type KpiJudgement, type RatingThresholds } from '../kpis/judge.js';
import { planKpiView, type PlanKpiView } from '../kpis/kpi-progress.js';

export interface YearSheet {
  facts: SheetFacts;
  strategyKpis: StrategyKpiEntry[];
  planKpis: PlanKpiEntry[];
}

export interface YearColumn extends Omit<BudgetFigures, 'sheetCount'> {
  fiscalYear: number;
  fiscalYearLabel: string;
  sheetId: string;
  department: string;
  status: string;
  policyAreas: string[];
  /** Against the same department's sheet of the year before, where both figures exist. */
  budgetChange: number | null;
  settlementChange: number | null;
  effectiveness: string | null;
  direction: string | null;
  strategyRevision: string | null;
  strategyKpis: Array<Pick<StrategyKpiEntry, 'name' | 'targetPeriod' | 'actualPeriod'> & { target: KpiValue; actual: KpiValue; judgement: KpiJudgement }>;
  planKpis: Array<Pick<PlanKpiView, 'name' | 'targetThisYear' | 'targetLaterYear' | 'laterFiscalYear' | 'actualThisYear' | 'judgement'>>;
}

export interface YearOverYear {
  projectCode: string;
  /** As the latest year names it. */
  projectName: string;
  years: YearColumn[];
}

const change = (now: Amount, before: Amount | undefined): number | null => (now === null || before === null || before === undefined ? null : now - before);

/** One project's sheets side by side, oldest first; a project split among departments has a column each. */
export function yearOverYear(projectCode: string, sheets: YearSheet[], thresholds: RatingThresholds): YearOverYear {
  const sorted = [...sheets].sort((a, b) => bySheetOrder(a.facts, b.facts));
  const years = sorted.map(({ facts, strategyKpis, planKpis }): YearColumn => {
    const previous = sorted.find((s) => s.facts.fiscalYear === facts.fiscalYear - 1 && s.facts.department === facts.department)?.facts;
    const { sheetCount: _one, ...figures } = budgetFigures([facts]);
    return {
      fiscalYear: facts.fiscalYear,
      fiscalYearLabel: fiscalYearLabel(facts.fiscalYear),
      sheetId: facts.sheetId,
      department: facts.department,
      status: facts.status,
      policyAreas: facts.policyAreas,
      ...figures,
      budgetChange: change(facts.budget, previous?.budget),
      settlementChange: change(facts.settlement, previous?.settlement),
      effectiveness: facts.effectiveness,
      direction: facts.direction,
      strategyRevision: facts.strategyRevision,
      strategyKpis: strategyKpis.map((k) => ({
        name: k.name,
        target: k.target,
        targetPeriod: k.targetPeriod,
        actual: k.actual,
        actualPeriod: k.actualPeriod,
        judgement: judgeKpi({ ...k, lowerIsBetter: k.lowerIsBetter ?? false, fiscalYear: facts.fiscalYear }, thresholds),
      })),
      planKpis: planKpis.map((entry, ordinal) => {
        const view = planKpiView({ ...facts, kind: 'plan', ordinal, kpiKey: `plan:${entry.name}`, name: entry.name, entry }, thresholds);
        const { name, targetThisYear, targetLaterYear, laterFiscalYear, actualThisYear, judgement } = view;
        return { name, targetThisYear, targetLaterYear, laterFiscalYear, actualThisYear, judgement };
      }),
    };
  });
  return { projectCode, projectName: sorted[sorted.length - 1]?.facts.projectName ?? '', years };
}
