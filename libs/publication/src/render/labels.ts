import type { Category, ChoiceProvenance, Direction, Effectiveness, KpiStatus, PolicyArea, StrategyRevision } from '@kensho/review';
import type { StrategyReference } from '../edition/edition.types.js';

// Option texts exactly as the printed sheet has them (DESIGN §2), in the printed order.
export const EFFECTIVENESS_OPTIONS: ReadonlyArray<[Effectiveness, string]> = [
  ['effective', '総合戦略のKPI達成に有効であった'],
  ['not_effective', '総合戦略のKPI達成に有効とは言えなかった'],
];
export const DIRECTION_OPTIONS: ReadonlyArray<[Direction, string]> = [
  ['expand', '事業が効果的なため、更に発展させる'],
  ['improve', '事業内容の見直し(改善)を行う'],
  ['continue', '特に見直しをせず、事業を継続する'],
  ['discontinue', '継続的な事業実施を予定していたが中止する'],
  ['complete', '当初予定どおり事業を終了する'],
];
export const STRATEGY_REVISION_OPTIONS: ReadonlyArray<[StrategyRevision, string]> = [
  ['needed', '見直しが必要'],
  ['not_needed', '見直す必要はない'],
];
export const CATEGORY_OPTIONS: ReadonlyArray<[Category, string]> = [
  ['new', '新規'],
  ['continuing', '継続'],
  ['revised', '見直し'],
];

/** Short forms for the contents page. */
export const EFFECTIVENESS_SHORT: Record<Effectiveness, string> = { effective: '有効', not_effective: '有効とは言えない' };
export const DIRECTION_SHORT: Record<Direction, string> = {
  expand: '更に発展',
  improve: '見直し(改善)',
  continue: '継続',
  discontinue: '中止',
  complete: '終了',
};

export const INFERRED_NOTE = '記載理由から判断';
export const UNKNOWN_NOTE = '原資料に記載なし';

/** What a choice's value rests on, in words (the CSV's 根拠 columns). */
export function basisLabel(provenance: ChoiceProvenance, known: boolean): string {
  if (!known || provenance === 'unknown') return UNKNOWN_NOTE;
  return provenance === 'inferred' ? INFERRED_NOTE : '記載どおり';
}

export const KPI_STATUS_LABEL: Record<KpiStatus, string> = {
  numeric: '数値',
  qualitative: '定性的',
  not_measured: '未測定',
  in_progress: '調査中',
  empty: '記載なし',
};

/** Field paths of a correction (diffContent) as a reader names them. */
const FIELD_LABELS: Record<string, string> = {
  category: '区分',
  implementingBody: '事業主体',
  summary: '事業概要',
  'finance.budget': '予算',
  'finance.settlement': '決算',
  'finance.funding.nationalPrefectural': '財源内訳（国・道）',
  'finance.funding.municipalBonds': '財源内訳（地方債）',
  'finance.funding.other': '財源内訳（その他）',
  'finance.funding.generalFund': '財源内訳（一般財源）',
  implementation: '実施内容',
  effect: '事業効果',
  strategyKpis: '総合戦略における重要業績指標(KPI)',
  planKpis: '実施計画における重要業績指標(KPI)',
};

export const fieldLabel = (path: string): string => FIELD_LABELS[path] ?? path;

/** '基本目標1' or 'プラス1': how the area is numbered. */
export const areaNumber = (code: PolicyArea): string => (code === 'プラス1' ? 'プラス1' : `基本目標${code}`);

/** The area's printed heading: '1 まちの特性を活かした…', or '基本目標1' without a strategy on record. */
export function areaHeading(code: PolicyArea, strategy: StrategyReference | null): string {
  const name = strategy?.areas.find((a) => a.code === code)?.name;
  return name ? `${areaNumber(code)}　${name}` : areaNumber(code);
}
