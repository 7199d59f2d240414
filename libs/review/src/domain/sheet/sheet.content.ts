import { cloneJson, jsonEqual } from '../equality.js';
import type { Amount } from '../values/amount.js';
import type { FiscalYearPeriod } from '../values/fiscal-year.js';
import type { KpiValue } from '../values/kpi-value.js';
import type { RichText } from '../values/rich-text.js';

/** 区分: 新規 / 継続 / 見直し */
export type Category = 'new' | 'continuing' | 'revised';
export const CATEGORIES: readonly Category[] = ['new', 'continuing', 'revised'];

/** 財源内訳 (千円): 国・道, 地方債, その他, 一般財源 */
export interface Funding {
  nationalPrefectural: Amount;
  municipalBonds: Amount;
  other: Amount;
  generalFund: Amount;
}
export const FUNDING_PARTS: readonly (keyof Funding)[] = ['nationalPrefectural', 'municipalBonds', 'other', 'generalFund'];

/** 予算 / 決算 (千円) */
export interface Finance {
  budget: Amount;
  settlement: Amount;
  funding: Funding;
}

/** 総合戦略における重要業績指標(KPI): target and actual each for a single FY or a cumulative range. */
export interface StrategyKpiEntry {
  kpiId?: string;
  name: string;
  target: KpiValue;
  targetPeriod: FiscalYearPeriod | null;
  actual: KpiValue;
  actualPeriod: FiscalYearPeriod | null;
  lowerIsBetter?: boolean;
  /**
   * The "( /n)" an imported source printed beside the KPI. Never used as data (the count is
   * derived from the sheets that feed the KPI); kept so the quality report can show disagreements.
   */
  printedShare?: number | null;
}

/** 実施計画における重要業績指標(KPI); the later year is usually 2019 (平成31) but 1-13 uses 2020. */
export interface PlanKpiEntry {
  name: string;
  targetThisYear: KpiValue;
  targetLaterYear: KpiValue;
  laterFiscalYear: number | null;
  actualThisYear: KpiValue;
  lowerIsBetter?: boolean;
  /** As printed in an imported source; see StrategyKpiEntry.printedShare. */
  printedShare?: number | null;
}

/** 事業主体: 室蘭市 and/or その他(named body) */
export interface ImplementingBody {
  /** 室蘭市 ticked; null when unknown (the source export lost the tick marks). */
  city: boolean | null;
  other: string | null;
}

export interface SheetContent {
  category: Category | null;
  implementingBody: ImplementingBody;
  summary: RichText | null; // 事業概要
  finance: Finance;
  implementation: RichText | null; // 実施内容
  effect: RichText | null; // 事業効果
  strategyKpis: StrategyKpiEntry[];
  planKpis: PlanKpiEntry[];
}

export interface FinancePatch {
  budget?: Amount;
  settlement?: Amount;
  funding?: Partial<Funding>;
}

/** Finance and funding merge field by field; everything else (arrays included) replaces. */
export type SheetContentPatch = Partial<Omit<SheetContent, 'finance'>> & { finance?: FinancePatch };

export const SHEET_CONTENT_FIELDS: readonly (keyof SheetContent)[] = [
  'category',
  'implementingBody',
  'summary',
  'finance',
  'implementation',
  'effect',
  'strategyKpis',
  'planKpis',
];

export const emptyFunding = (): Funding => ({ nationalPrefectural: null, municipalBonds: null, other: null, generalFund: null });

export const emptyFinance = (): Finance => ({ budget: null, settlement: null, funding: emptyFunding() });

export const emptySheetContent = (): SheetContent => ({
  category: null,
  implementingBody: { city: false, other: null },
  summary: null,
  finance: emptyFinance(),
  implementation: null,
  effect: null,
  strategyKpis: [],
  planKpis: [],
});

const definedOnly = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

export function applyContentPatch(content: SheetContent, patch: SheetContentPatch): SheetContent {
  const { finance, ...rest } = patch;
  // States are never mutated, so unchanged fields are shared with the previous state; only what the
  // patch brings is copied (a state must not share structure with an event). Replay cost then
  // follows the size of the change, not of the sheet.
  const next: SheetContent = { ...content, ...cloneJson(definedOnly(rest)) };
  if (finance) {
    const { funding, ...amounts } = finance;
    next.finance = {
      ...next.finance,
      ...definedOnly(amounts),
      funding: { ...next.finance.funding, ...definedOnly(funding ?? {}) },
    };
  }
  return next;
}

/** Changed field paths, at the granularity the audit view shows: finance down to each amount, the rest whole. */
export function diffContent(before: SheetContent, after: SheetContent): string[] {
  const changed: string[] = [];
  for (const field of SHEET_CONTENT_FIELDS) {
    if (field !== 'finance') {
      if (!jsonEqual(before[field], after[field])) changed.push(field);
      continue;
    }
    for (const amount of ['budget', 'settlement'] as const) {
      if (before.finance[amount] !== after.finance[amount]) changed.push(`finance.${amount}`);
    }
    for (const part of FUNDING_PARTS) {
      if (before.finance.funding[part] !== after.finance.funding[part]) changed.push(`finance.funding.${part}`);
    }
  }
  return changed;
}
