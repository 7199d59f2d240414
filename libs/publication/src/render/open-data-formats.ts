import type { EditionSnapshot } from '../edition/edition.types.js';
import { csvField, csvLineText } from '@kensho/platform';
import { fiscalYearEra } from './format.js';
import type { CellValue, OpenDataTable } from './open-data.js';

// The BOM lets spreadsheet software that citizens use open UTF-8 Japanese text correctly.
const BOM = '\uFEFF';

function csvCell(type: 'text' | 'number', value: CellValue): string {
  if (value === null) return csvField('');
  // Numbers are written by us, never taken from a sheet's text: they cannot smuggle a formula.
  return csvField(type === 'number' ? String(value) : csvLineText(String(value)));
}

/** UTF-8 (with BOM), CRLF, one header row, every field quoted, text cells neutralised. */
export function toCsv<R>(table: OpenDataTable<R>): string {
  const lines = [table.columns.map((c) => csvField(c.header)).join(',')];
  for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(c.type, c.value(row))).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** The same table as JSON: the columns with their Japanese headers, then one object per row. */
export function toJson<R>(table: OpenDataTable<R>, snapshot: EditionSnapshot): string {
  const document = {
    title: table.title,
    fiscalYear: snapshot.fiscalYear,
    fiscalYearJapanese: fiscalYearEra(snapshot.fiscalYear),
    edition: snapshot.edition,
    publishedAt: snapshot.publishedAt,
    columns: table.columns.map((c) => ({ key: c.key, header: c.header, type: c.type })),
    records: table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, c.value(row)]))),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
