import type { FiscalYearPeriod } from '../values/fiscal-year.js';
import type { KpiValue } from '../values/kpi-value.js';
import type { PolicyArea } from '../values/policy-area.js';
import type { CycleDeadlines } from './cycle.state.js';

export interface OpenCycle {
  type: 'OpenCycle';
  fiscalYear: number;
  title: string;
  /** ISO dates 'YYYY-MM-DD'; a missing key means no deadline set yet. */
  deadlines: Partial<CycleDeadlines>;
}

export interface AddSheetToCycle {
  type: 'AddSheetToCycle';
  sheetId: string;
  projectCode: string;
  department: string;
  /** The department's slug in the master; without it, the seeded table's. */
  departmentSlug?: string;
}

/** The current state of a sheet as the lead reads it from its stream (version = stream revision). */
export interface SheetSnapshot {
  sheetId: string;
  /** 'missing' when the cycle lists the sheet but its stream was never created. */
  status: string;
  version: number;
  headHash: string;
}

export interface PublishCycle {
  type: 'PublishCycle';
  sheets: SheetSnapshot[];
}

export interface RecordCommitteeMeeting {
  type: 'RecordCommitteeMeeting';
  date: string;
  /** keyed by policy area '1', '2', '3', 'プラス1' */
  opinionsByPolicyArea: Record<string, string>;
}

/**
 * 数値目標 of a policy area: strategy-level, not tied to any sheet. The actual is the one known when
 * the fiscal year is reviewed, so the goals are recorded on that year's cycle.
 */
export interface NumericalGoal {
  /** Stable within the strategy, e.g. '3-g2'. */
  id: string;
  policyArea: PolicyArea;
  measure: string;
  target: KpiValue;
  targetPeriod: FiscalYearPeriod | null;
  actual: KpiValue;
  actualPeriod: FiscalYearPeriod | null;
  /** 社会減の抑制: the smaller the figure, the better. */
  lowerIsBetter: boolean;
  /** Why a reading was made (e.g. of lowerIsBetter); null when there is nothing to explain. */
  note: string | null;
}

/** Replaces the year's whole set of numerical goals (the strategy prints them as one table). */
export interface RecordNumericalGoals {
  type: 'RecordNumericalGoals';
  goals: NumericalGoal[];
}

export type CycleCommand = OpenCycle | AddSheetToCycle | PublishCycle | RecordCommitteeMeeting | RecordNumericalGoals;
export type CycleCommandType = CycleCommand['type'];
