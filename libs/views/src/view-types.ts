import type { BudgetExecution } from './budget/budget.js';
import type { EvaluationSummary } from './evaluations/evaluation-summary.js';
import type { RatingThresholds } from './kpis/judge.js';
import type { KpiProgress } from './kpis/kpi-progress.js';
import type { CycleProgress } from './progress/progress.js';
import type { YearOverYear } from './year-over-year/year-over-year.js';

/** The filters every view takes; a department token is always held to its own department. */
export interface ViewFilter {
  department?: string;
  policyArea?: string;
  status?: string;
}

export interface ViewHeader {
  fiscalYear: number;
  fiscalYearLabel: string;
  /** The filter as applied (a department's own token fills in its department). */
  filter: ViewFilter;
}

export type ProgressView = ViewHeader & { title: string; cycleStatus: string } & CycleProgress;
export type KpisView = ViewHeader & { thresholds: RatingThresholds } & KpiProgress;
export type BudgetView = ViewHeader & BudgetExecution;
export type EvaluationsView = ViewHeader & EvaluationSummary;
export type YearOverYearView = ViewHeader & YearOverYear;
