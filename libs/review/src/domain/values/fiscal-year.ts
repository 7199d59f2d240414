import { invalid } from '../errors.js';

/** Western fiscal years (FY2016 = 2016-04-01 … 2017-03-31); a single FY has from === to. */
export interface FiscalYearPeriod {
  from: number;
  to: number;
}

type Era = '昭和' | '平成' | '令和';

// First western year of each era's numbering (N年 = base + N).
const ERA_BASE: Record<Era, number> = { 昭和: 1925, 平成: 1988, 令和: 2018 };
// 平成 goes past 31 on purpose: plans written before the 2019 era change count on (1-13 targets 平成32年度 = FY2020).
const ERA_LAST: Record<Era, number> = { 昭和: 64, 平成: 99, 令和: Number.MAX_SAFE_INTEGER };

export const isFiscalYear = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 1926 && value <= 2999;

export const isFiscalYearPeriod = (value: unknown): value is FiscalYearPeriod => {
  if (typeof value !== 'object' || value === null) return false;
  const { from, to } = value as Record<string, unknown>;
  return isFiscalYear(from) && isFiscalYear(to) && from <= to;
};

const eraYear = (n: number): string => (n === 1 ? '元' : String(n));

function eraOf(fy: number): Era {
  if (fy <= 1988) return '昭和';
  return fy <= 2019 ? '平成' : '令和';
}

/**
 * Japanese era label of a fiscal year. FY2019 began in 平成31 and the era changed to 令和 on 2019-05-01,
 * so it carries both names, as municipal documents of that year do.
 */
export function eraLabel(fy: number): string {
  if (!isFiscalYear(fy)) throw invalid('value.invalid_fiscal_year', `Not a fiscal year: ${fy}`, { value: fy });
  if (fy === 2019) return '平成31年度/令和元年度';
  const era = eraOf(fy);
  return `${era}${eraYear(fy - ERA_BASE[era])}年度`;
}

/** '2016年度（平成28年度）' */
export const fiscalYearLabel = (fy: number): string => `${fy}年度（${eraLabel(fy)}）`;

/** Label of a period in the source's own style: '平成27~31年度', '平成28年度', '平成30年度~令和2年度'. */
export function periodLabel(period: FiscalYearPeriod): string {
  if (period.from === period.to) return eraLabel(period.from);
  // FY2019 is written with the era of the other end, so a 平成 plan reads 平成27~31年度.
  const fromEra: Era = period.from === 2019 ? '令和' : eraOf(period.from);
  const toEra: Era = period.to === 2019 ? fromEra : eraOf(period.to);
  const from = eraYear(period.from - ERA_BASE[fromEra]);
  const to = eraYear(period.to - ERA_BASE[toEra]);
  return fromEra === toEra ? `${fromEra}${from}~${to}年度` : `${fromEra}${from}年度~${toEra}${to}年度`;
}

const JAPANESE_PERIOD = /^(昭和|平成|令和)(元|\d+)(?:年度)?(?:~(昭和|平成|令和)?(元|\d+))?年度$/;
const WESTERN_PERIOD = /^(\d{4})(?:年度)?(?:~(\d{4}))?年度$/;

function westernYear(era: Era, n: string): number | null {
  const year = n === '元' ? 1 : Number(n);
  if (year < 1 || year > ERA_LAST[era]) return null;
  return ERA_BASE[era] + year;
}

/**
 * Reads '平成27~31年度', '平成28年度', '[平成27~28年度]', '平成30年度～令和2年度' or '2015~2019年度'.
 * The source mixes ~, 〜 (wave dash) and ～ (full-width tilde), so all three are accepted.
 * Returns null rather than guessing when the text is not a period.
 */
export function parseJapanesePeriod(text: string): FiscalYearPeriod | null {
  const normalized = text
    .normalize('NFKC')
    .replace(/[〜～~]/g, '~')
    .replace(/\s+/g, '')
    .replace(/^\[(.*)\]$/, '$1');
  let from: number | null = null;
  let to: number | null = null;
  const japanese = JAPANESE_PERIOD.exec(normalized);
  if (japanese) {
    const fromEra = japanese[1] as Era;
    from = westernYear(fromEra, japanese[2]!);
    to = japanese[4] === undefined ? from : westernYear((japanese[3] as Era | undefined) ?? fromEra, japanese[4]);
  } else {
    const western = WESTERN_PERIOD.exec(normalized);
    if (!western) return null;
    from = Number(western[1]);
    to = western[2] === undefined ? from : Number(western[2]);
  }
  if (from === null || to === null || from > to || !isFiscalYear(from) || !isFiscalYear(to)) return null;
  return { from, to };
}
