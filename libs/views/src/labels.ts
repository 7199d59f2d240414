import {
  CHOICE_LABELS,
  OPTION_LABELS,
  STATUS_LABELS,
  type ChoiceProvenance,
  type Direction,
  type Effectiveness,
  type EvaluationChoice,
  type SheetStatus,
  type StrategyRevision,
} from '@kensho/review';
import type { KpiJudgement, KpiRating } from './kpis/judge.js';
import type { DeadlineStage } from './progress/progress.js';

// Japanese labels for the CSV exports; the JSON keeps the stable codes.

export const STATUS_LABEL: Record<SheetStatus, string> = STATUS_LABELS;

export const RATING_LABEL: Record<KpiRating, string> = {
  on_track: '順調',
  roughly_on_track: '概ね順調',
  needs_improvement: '要改善',
  not_measurable: '測定不能',
};

export const STAGE_LABEL: Record<DeadlineStage, string> = {
  departmentSubmission: '所管課の提出',
  planningReview: '企画課の審査',
  publication: '公表',
};

export const CHOICE_LABEL: Record<EvaluationChoice, string> = CHOICE_LABELS;

export const OPTION_LABEL: Record<Effectiveness | Direction | StrategyRevision | 'unknown', string> = { ...OPTION_LABELS, unknown: '未選択・不明' };

export const PROVENANCE_LABEL: Record<ChoiceProvenance, string> = { stated: '記載どおり', inferred: '記載理由から判断', unknown: '不明' };

const REASON_LABEL: Record<NonNullable<KpiJudgement['reason']>, string> = {
  target_not_numeric: '目標値が数値でない',
  actual_not_numeric: '実績値が数値でない',
  unit_mismatch: '単位が異なる',
  zero_divisor: '比較の基準が0',
  reports_differ: 'シートにより報告値が異なる',
  no_value: '値がない',
};

export const reasonLabel = (reason: KpiJudgement['reason']): string => (reason ? REASON_LABEL[reason] : '');

export const optionLabel = (option: string): string => OPTION_LABEL[option as keyof typeof OPTION_LABEL] ?? option;

export const yesNo = (value: boolean): string => (value ? 'はい' : 'いいえ');

/** A ratio as a percentage with one decimal (0.6189 → '61.9'); empty when there is none. */
export const percent = (ratio: number | null | undefined): string => (ratio === null || ratio === undefined ? '' : (ratio * 100).toFixed(1));
