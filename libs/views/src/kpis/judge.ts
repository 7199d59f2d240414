import { achievement, type AchievementReason, type FiscalYearPeriod, type KpiValue } from '@kensho/review';

export type KpiRating = 'on_track' | 'roughly_on_track' | 'needs_improvement' | 'not_measurable';
export const KPI_RATINGS: readonly KpiRating[] = ['on_track', 'roughly_on_track', 'needs_improvement', 'not_measurable'];

/** Rates (1 = target met) from which a KPI is on track / roughly on track; from config. */
export interface RatingThresholds {
  onTrack: number;
  roughly: number;
}

export const DEFAULT_THRESHOLDS: RatingThresholds = { onTrack: 1, roughly: 0.8 };

/** Why no rate: the achievement's own reasons, or sheets that report one KPI differently. */
export type JudgementReason = AchievementReason | 'reports_differ' | 'no_value';

export interface KpiJudgement {
  /** Actual against the full target, a ratio (1 = met); null where it cannot be computed. */
  rate: number | null;
  /** For a cumulative multi-year target still running: k/n of the target by year k of n. */
  proRatedExpectation: number | null;
  proRatedRate: number | null;
  /** What the rating rests on: the pro-rated rate while a cumulative target runs, else the rate. */
  basis: 'pro_rated' | 'target' | null;
  rating: KpiRating;
  /** The full target is already reached (7件 against 5件), not merely the year's share of it. */
  pastTarget: boolean;
  /** Either side was printed as approximate (約110人). */
  approximate: boolean;
  reason: JudgementReason | null;
}

export interface KpiToJudge {
  target: KpiValue;
  targetPeriod: FiscalYearPeriod | null;
  actual: KpiValue;
  actualPeriod: FiscalYearPeriod | null;
  lowerIsBetter: boolean;
  /** The fiscal year under review; the actual's period end wins when it has one. */
  fiscalYear: number;
}

export function ratingOf(rate: number | null, thresholds: RatingThresholds): KpiRating {
  if (rate === null || !Number.isFinite(rate)) return 'not_measurable';
  if (rate >= thresholds.onTrack) return 'on_track';
  return rate >= thresholds.roughly ? 'roughly_on_track' : 'needs_improvement';
}

export const notMeasurable = (reason: JudgementReason): KpiJudgement => ({
  rate: null,
  proRatedExpectation: null,
  proRatedRate: null,
  basis: null,
  rating: 'not_measurable',
  pastTarget: false,
  approximate: false,
  reason,
});

/**
 * Achievement (docs/domain.md: same unit, lower-is-better, pro-rated cumulative targets) turned into a
 * rating. A cumulative total only grows, so a lower-is-better cumulative target (a ceiling on the
 * 5-year social decrease) is never "past" while its period runs, however low the figure so far.
 */
export function judgeKpi(kpi: KpiToJudge, thresholds: RatingThresholds): KpiJudgement {
  const evaluatedYear = kpi.actualPeriod?.to ?? kpi.fiscalYear;
  const result = achievement(kpi.target, kpi.actual, {
    lowerIsBetter: kpi.lowerIsBetter,
    targetPeriod: kpi.targetPeriod,
    actualPeriod: kpi.actualPeriod,
    fiscalYear: evaluatedYear,
  });
  const approximate = kpi.target.approximate === true || kpi.actual.approximate === true;
  if (result.rate === null) return { ...notMeasurable(result.reason ?? 'actual_not_numeric'), approximate };
  const proRated = result.proRatedRate !== undefined;
  const judged = proRated ? (result.proRatedRate ?? null) : result.rate;
  const period = kpi.targetPeriod;
  const cumulativeRunning = period !== null && period.to > period.from && evaluatedYear < period.to;
  return {
    rate: result.rate,
    proRatedExpectation: result.proRatedExpectation ?? null,
    proRatedRate: result.proRatedRate ?? null,
    basis: proRated ? 'pro_rated' : 'target',
    rating: ratingOf(judged, thresholds),
    pastTarget: result.rate >= 1 && !(kpi.lowerIsBetter && cumulativeRunning),
    approximate,
    reason: judged === null ? (result.reason ?? 'zero_divisor') : null,
  };
}
