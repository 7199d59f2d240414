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

export interface StrategyMeasure {
  /** 具体的な施策 */
  name: string;
  subMeasures: string[];
}

export interface StrategyDirection {
  /** 基本的方向 */
  name: string;
  measures: StrategyMeasure[];
}

export interface StrategyPolicyArea {
  code: PolicyArea;
  /** 基本目標 as printed, e.g. 'まちの特性を活かした産業振興と魅力ある雇用の創出'. */
  name: string;
  basicDirections: StrategyDirection[];
}

/**
 * A KPI of the strategy (総合戦略における重要業績指標) as the source lists it. The source prints no unit
 * and no rule for combining the sheets' figures, so none is recorded: values stay on the sheets.
 */
export interface StrategyKpiDefinition {
  /** Stable within the strategy, e.g. 'sk-03'; sheets name it as their KPI's kpiId. */
  id: string;
  name: string;
  /** The "( /n)" notations printed beside the KPI, kept as printed, never used as data. */
  printedShares: number[];
  /** The project codes whose sheets report this KPI. */
  projects: string[];
}

/** The strategy master (総合戦略) in force for a fiscal year: what the published report prints around the sheets. */
export interface Strategy {
  name: string;
  period: FiscalYearPeriod;
  policyAreas: StrategyPolicyArea[];
  strategyKpis: StrategyKpiDefinition[];
}

/** Replaces the cycle's whole strategy master. */
export interface RecordStrategy {
  type: 'RecordStrategy';
  strategy: Strategy;
}

export type CycleCommand = OpenCycle | AddSheetToCycle | PublishCycle | RecordCommitteeMeeting | RecordNumericalGoals | RecordStrategy;
export type CycleCommandType = CycleCommand['type'];
