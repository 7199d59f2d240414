import type { Category } from './sheet.content.js';
import type { Direction, Effectiveness, EvaluationChoice, StrategyRevision } from './sheet.evaluation.js';

/** The three department choices as the printed sheet names them (docs/domain.md). */
export const CHOICE_LABELS: Readonly<Record<EvaluationChoice, string>> = {
  effectiveness: '事業の評価',
  direction: '今後の方針',
  strategyRevision: '総合戦略見直しの必要性',
};

/** Every option's text exactly as the printed sheet has it (docs/domain.md); one place for every renderer. */
export const OPTION_LABELS: Readonly<Record<Effectiveness | Direction | StrategyRevision | Category, string>> = {
  effective: '総合戦略のKPI達成に有効であった',
  not_effective: '総合戦略のKPI達成に有効とは言えなかった',
  expand: '事業が効果的なため、更に発展させる',
  improve: '事業内容の見直し(改善)を行う',
  continue: '特に見直しをせず、事業を継続する',
  discontinue: '継続的な事業実施を予定していたが中止する',
  complete: '当初予定どおり事業を終了する',
  needed: '見直しが必要',
  not_needed: '見直す必要はない',
  new: '新規',
  continuing: '継続',
  revised: '見直し',
};
