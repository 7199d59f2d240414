import type { FiscalYearPeriod } from './fiscal-year.js';
import type { KpiValue } from './kpi-value.js';
import { sameUnit } from './kpi-value.js';

export interface AchievementOptions {
  lowerIsBetter?: boolean;
  targetPeriod?: FiscalYearPeriod | null;
  actualPeriod?: FiscalYearPeriod | null;
  /** The evaluated fiscal year; defaults to the end of the actual's period. */
  fiscalYear?: number;
}

export type AchievementReason = 'target_not_numeric' | 'actual_not_numeric' | 'unit_mismatch' | 'zero_divisor';

/** Rates are ratios (1 = target met exactly); rounding and % formatting are the renderer's job. */
export interface Achievement {
  rate: number | null;
  proRatedExpectation?: number;
  proRatedRate?: number | null;
  reason?: AchievementReason;
}

function ratio(target: number, actual: number, lowerIsBetter: boolean): number | null {
  const [numerator, divisor] = lowerIsBetter ? [target, actual] : [actual, target];
  return divisor === 0 ? null : numerator / divisor;
}

/**
 * Achievement is computed only where both sides are numbers in the same unit: comparing 1日1往復
 * with a count, or 万トン with トン, would produce a figure nobody printed.
 */
export function achievement(target: KpiValue, actual: KpiValue, opts: AchievementOptions = {}): Achievement {
  if (target.status !== 'numeric' || target.number === undefined) return { rate: null, reason: 'target_not_numeric' };
  if (actual.status !== 'numeric' || actual.number === undefined) return { rate: null, reason: 'actual_not_numeric' };
  if (!sameUnit(target, actual)) return { rate: null, reason: 'unit_mismatch' };
  const lowerIsBetter = opts.lowerIsBetter ?? false;
  const rate = ratio(target.number, actual.number, lowerIsBetter);
  const result: Achievement = { rate };
  if (rate === null) result.reason = 'zero_divisor';

  // A cumulative multi-year target is judged against the share expected by year k of n.
  const period = opts.targetPeriod;
  const fiscalYear = opts.fiscalYear ?? opts.actualPeriod?.to;
  if (period && period.to > period.from && fiscalYear !== undefined && fiscalYear >= period.from && fiscalYear <= period.to) {
    const n = period.to - period.from + 1;
    const k = fiscalYear - period.from + 1;
    const expectation = (target.number * k) / n;
    result.proRatedExpectation = expectation;
    result.proRatedRate = ratio(expectation, actual.number, lowerIsBetter);
  }
  return result;
}
