import type { ChoiceProvenance, Direction, Effectiveness, EvaluationChoice, SheetStatus, StrategyRevision } from '@kensho/review';
import type { KpiJudgement, KpiRating } from './kpis/judge.js';
import type { DeadlineStage } from './progress/progress.js';

// Japanese labels for the CSV exports; the JSON keeps the stable codes.

export const STATUS_LABEL: Record<SheetStatus, string> = {
  draft: '作成中',
  submitted: '提出済み',
  returned: '差戻し',
  approved: '承認済み',
  published: '公表済み',
};

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

export const CHOICE_LABEL: Record<EvaluationChoice, string> = {
  effectiveness: '事業の評価',
  direction: '今後の方針',
  strategyRevision: '総合戦略見直しの必要性',
};

// Option texts as the printed sheet has them (DESIGN §2).
export const OPTION_LABEL: Record<Effectiveness | Direction | StrategyRevision | 'unknown', string> = {
  effective: '総合戦略のKPI達成に有効であった',
  not_effective: '総合戦略のKPI達成に有効とは言えなかった',
  expand: '事業が効果的なため、更に発展させる',
  improve: '事業内容の見直し(改善)を行う',
  continue: '特に見直しをせず、事業を継続する',
  discontinue: '継続的な事業実施を予定していたが中止する',
  complete: '当初予定どおり事業を終了する',
  needed: '見直しが必要',
  not_needed: '見直す必要はない',
  unknown: '未選択・不明',
};

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
