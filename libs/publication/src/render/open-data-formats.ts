import type { EditionSnapshot } from '../edition/edition.types.js';
import { toCsv as writeCsv } from '@kensho/platform';
import { fiscalYearEra } from './format.js';
import type { OpenDataTable } from './open-data.js';

/** The shared CSV writer, one line per cell as the open-data rules ask (no line breaks in cells). */
export function toCsv<R>(table: OpenDataTable<R>): string {
  return writeCsv(table.columns, table.rows, { oneLine: true });
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
