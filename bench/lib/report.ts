export interface Row {
  metric: string;
  ours: string;
  emmett: string;
  ratio: string;
  target: string;
  met: string;
}

export const fmt = (value: number | null | undefined, digits = 0): string =>
  value === null || value === undefined || !Number.isFinite(value)
    ? '—'
    : value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export const yesNo = (ok: boolean | null): string => (ok === null ? '' : ok ? 'yes' : 'NO');

/** A plain-text table, wide enough for its longest cell in each column. */
export function renderTable(rows: Row[]): string {
  const header: Row = { metric: 'metric', ours: 'Kensho', emmett: 'Emmett', ratio: 'ratio', target: 'target', met: 'met?' };
  const keys = Object.keys(header) as (keyof Row)[];
  const all = [header, ...rows];
  const width = (key: keyof Row) => Math.max(...all.map((r) => [...r[key]].length));
  const widths = keys.map(width);
  const line = (r: Row) => `| ${keys.map((k, i) => (k === 'metric' ? r[k].padEnd(widths[i]!) : r[k].padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w - 1)}:-`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}
