import { csvCell } from '@kensho/platform';

export interface CsvColumn<R> {
  /** Japanese, with the unit where there is one: 予算（千円）. */
  header: string;
  value: (row: R) => string | number | null | undefined;
}

/**
 * One header row, one value per cell, every cell quoted and formula-neutralised (csvCell), CRLF
 * line ends and a BOM so spreadsheet software reads the Japanese as UTF-8.
 */
export function toCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(','), ...rows.map((row) => columns.map((c) => csvCell(c.value(row))).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
