import type { Amount, Direction, Effectiveness, EvaluationProvenance, Funding, SheetStatus, StrategyRevision } from '@kensho/review';

/** One row of v_sheets as the views use it: what a sheet says, not how it got there. */
export interface SheetFacts {
  sheetId: string;
  fiscalYear: number;
  projectCode: string;
  projectName: string;
  department: string;
  policyAreas: string[];
  status: SheetStatus;
  version: number;
  budget: Amount;
  settlement: Amount;
  funding: Funding;
  effectiveness: Effectiveness | null;
  direction: Direction | null;
  strategyRevision: StrategyRevision | null;
  /** Null: every choice was stated by the department. */
  provenance: EvaluationProvenance | null;
  assignedAt: string | null;
  submittedAt: string | null;
  approvedAt: string | null;
  committeeOpinionAt: string | null;
  publishedAt: string | null;
}

/** Code-point order: the same on every machine, whatever its ICU data (unlike localeCompare). */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sheets in the order the source prints them: by project code, then department. */
export const bySheetOrder = (a: SheetFacts, b: SheetFacts): number =>
  a.fiscalYear - b.fiscalYear || compareText(a.projectCode, b.projectCode) || compareText(a.department, b.department);
