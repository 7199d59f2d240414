import type { Category, Funding } from './sheet.content.js';
import type { Direction, Effectiveness, EvaluationChoice, StrategyRevision } from './sheet.evaluation.js';
import type { SheetStatus } from './sheet.state.js';

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

/**
 * The printed sheet's headings and field labels (事業評価シート), for every renderer: the published
 * report, the staff web app (which imports this module alone: it must stay free of imports but types).
 */
export const SHEET_LABELS = {
  title: '事業評価シート',
  projectName: '事業名',
  department: '所管課',
  projectCode: 'No',
  policyAreas: '施策区分',
  contentSection: '事業内容',
  evaluationSection: '評価',
  committeeSection: '総合戦略推進会議の意見・市の対応',
  category: '区分',
  implementingBody: '事業主体',
  summary: '事業概要',
  finance: '決算',
  budget: '予算',
  settlement: '決算',
  funding: '財源内訳',
  implementation: '実施内容',
  kpi: 'KPI',
  effect: '事業効果',
  strategyKpis: '総合戦略における重要業績指標(KPI)',
  planKpis: '実施計画における重要業績指標(KPI)',
  effectivenessReason: '事業の評価に対する意見・理由',
  directionReason: '今後の方針に対する理由',
  strategyRevisionReason: '総合戦略の見直しの必要性に対する理由',
  committeeOpinion: '推進会議の意見',
  cityResponse: '市の対応',
} as const;

/** What a choice rests on when the source did not state it (a sheet imported from the city's files). */
export const BASIS_NOTES = {
  inferred: '記載理由から判断',
  unknown: '原資料に記載なし',
} as const;

/** The four sources of the funding breakdown (財源内訳), as the printed sheet heads them. */
export const FUNDING_LABELS: Readonly<Record<keyof Funding, string>> = {
  nationalPrefectural: '国・道',
  municipalBonds: '地方債',
  other: 'その他',
  generalFund: '一般財源',
};

/** A sheet's status as staff and exports name it. */
export const STATUS_LABELS: Readonly<Record<SheetStatus, string>> = {
  draft: '下書き',
  submitted: '提出済み',
  returned: '差戻し',
  approved: '承認済み',
  published: '公表済み',
};
