import {
  BASIS_NOTES,
  CATEGORIES,
  DIRECTIONS,
  EFFECTIVENESS,
  FUNDING_LABELS,
  OPTION_LABELS,
  SHEET_LABELS as L,
  STRATEGY_REVISIONS,
  type Category,
  type ChoiceProvenance,
  type Direction,
  type Effectiveness,
  type KpiStatus,
  type PolicyArea,
  type StrategyRevision,
} from '@kensho/review';
import type { StrategyReference } from '../edition/edition.types.js';

// Option texts as the printed sheet has them, in the printed order (the domain's constants keep that order).
const options = <T extends keyof typeof OPTION_LABELS>(values: readonly T[]): ReadonlyArray<[T, string]> => values.map((v) => [v, OPTION_LABELS[v]]);
export const EFFECTIVENESS_OPTIONS: ReadonlyArray<[Effectiveness, string]> = options(EFFECTIVENESS);
export const DIRECTION_OPTIONS: ReadonlyArray<[Direction, string]> = options(DIRECTIONS);
export const STRATEGY_REVISION_OPTIONS: ReadonlyArray<[StrategyRevision, string]> = options(STRATEGY_REVISIONS);
export const CATEGORY_OPTIONS: ReadonlyArray<[Category, string]> = options(CATEGORIES);

/** Short forms for the contents page. */
export const EFFECTIVENESS_SHORT: Record<Effectiveness, string> = { effective: '有効', not_effective: '有効とは言えない' };
export const DIRECTION_SHORT: Record<Direction, string> = {
  expand: '更に発展',
  improve: '見直し(改善)',
  continue: '継続',
  discontinue: '中止',
  complete: '終了',
};

export const INFERRED_NOTE = BASIS_NOTES.inferred;
export const UNKNOWN_NOTE = BASIS_NOTES.unknown;

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
  category: L.category,
  implementingBody: L.implementingBody,
  summary: L.summary,
  'finance.budget': L.budget,
  'finance.settlement': L.settlement,
  'finance.funding.nationalPrefectural': `${L.funding}（${FUNDING_LABELS.nationalPrefectural}）`,
  'finance.funding.municipalBonds': `${L.funding}（${FUNDING_LABELS.municipalBonds}）`,
  'finance.funding.other': `${L.funding}（${FUNDING_LABELS.other}）`,
  'finance.funding.generalFund': `${L.funding}（${FUNDING_LABELS.generalFund}）`,
  implementation: L.implementation,
  effect: L.effect,
  strategyKpis: L.strategyKpis,
  planKpis: L.planKpis,
};

export const fieldLabel = (path: string): string => FIELD_LABELS[path] ?? path;

/** '基本目標1' or 'プラス1': how the area is numbered. */
export const areaNumber = (code: PolicyArea): string => (code === 'プラス1' ? 'プラス1' : `基本目標${code}`);

/** The area's printed heading: '1 まちの特性を活かした…', or '基本目標1' without a strategy on record. */
export function areaHeading(code: PolicyArea, strategy: StrategyReference | null): string {
  const name = strategy?.areas.find((a) => a.code === code)?.name;
  return name ? `${areaNumber(code)}　${name}` : areaNumber(code);
}
