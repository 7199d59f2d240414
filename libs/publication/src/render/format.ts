import { eraLabel, fiscalYearLabel, periodLabel, type Amount, type FiscalYearPeriod } from '@kensho/review';

/** 1234567 → '1,234,567'; decimals kept as given. Independent of the host's locale data. */
export function formatNumber(value: number): string {
  const [integer, fraction] = String(Math.abs(value)).split('.');
  const grouped = integer!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** '6,249千円'; null stays null: an empty cell is not zero. */
export const amountLabel = (amount: Amount): string | null => (amount === null ? null : `${formatNumber(amount)}千円`);

/** '2016年度（平成28年度）' */
export const fiscalYearBoth = (fy: number): string => fiscalYearLabel(fy);

/** The era year alone: '平成28年度'. */
export const fiscalYearEra = (fy: number): string => eraLabel(fy);

/** '2015～2019年度（平成27～31年度）', or a single year as fiscalYearBoth. */
export function periodBoth(period: FiscalYearPeriod): string {
  if (period.from === period.to) return fiscalYearBoth(period.from);
  return `${period.from}～${period.to}年度（${periodLabel(period).replace(/~/g, '～')}）`;
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000; // Japan has no daylight saving time.

function jstParts(iso: string) {
  const t = new Date(new Date(iso).getTime() + JST_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), min: t.getUTCMinutes() };
}

/** '2017年10月2日' in Japan time. */
export function jstDate(iso: string): string {
  const { y, m, d } = jstParts(iso);
  return `${y}年${m}月${d}日`;
}

/** '2017年10月2日 10時05分' in Japan time. */
export function jstDateTime(iso: string): string {
  const { h, min } = jstParts(iso);
  return `${jstDate(iso)} ${h}時${String(min).padStart(2, '0')}分`;
}

/** An ISO date 'YYYY-MM-DD' (a meeting day) as '2017年8月30日', with no time-zone shift. */
export function isoDayLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
