/** 1234567 → '1,234,567千円'; null → null (an empty cell is not zero). */
export function amount(value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return `${value.toLocaleString('ja-JP')}千円`;
}

/** '2017-06-30' → '2017年6月30日' */
export function dateLabel(iso: string | null | undefined): string {
  if (!iso) return '－';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Calendar days from today to the deadline, both dates in Japan ('YYYY-MM-DD'). */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export function countdownLabel(days: number): string {
  if (days > 0) return `あと${days}日`;
  if (days === 0) return '本日が期限';
  return `${-days}日超過`;
}

/** An instant as a Japan date and time: 2017年7月1日 10:00 */
export function jstDateTime(iso: string | null | undefined): string {
  if (!iso) return '－';
  const jst = new Date(Date.parse(iso) + 9 * 3_600_000).toISOString();
  return `${dateLabel(jst)} ${jst.slice(11, 16)}`;
}
