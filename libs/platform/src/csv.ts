// The one CSV writer of every export people open in a spreadsheet: the views, the audit trail and
// the published open data. Rules (the strictest of the three that existed before):
// UTF-8 with a BOM, CRLF, every field quoted with quotes doubled (RFC 4180); numbers written as
// numbers; text a spreadsheet would evaluate as a formula kept as text by a leading apostrophe.

export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvColumn<R> {
  /** Japanese, with the unit where there is one: 予算（千円）. */
  header: string;
  value: (row: R) => CsvValue;
}

export interface CsvOptions {
  /** Open data allows no line break inside a cell: breaks become spaces and the text is trimmed. */
  oneLine?: boolean;
}

// A spreadsheet evaluates a cell whose first visible character is one of = + - @ — also after
// leading blanks (spaces, no-break and ideographic spaces) or line breaks — and runs one that
// starts with a tab or CR as a command in some programs (CSV injection).
const FORMULA_START = /^(?:[\s\u00a0\u3000\ufeff]*[=+\-@＝＋－＠]|[\t\r\n])/u;

/** Every field quoted, quotes doubled. */
export const csvField = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** Text a spreadsheet would evaluate is kept as text by a leading apostrophe. */
export const formulaSafe = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** One quoted cell. A finite number stays a number (a negative amount is not a formula); null and undefined are empty. */
export function csvCell(value: CsvValue, options: CsvOptions = {}): string {
  if (value === null || value === undefined) return csvField('');
  if (typeof value === 'number') return csvField(Number.isFinite(value) ? String(value) : '');
  if (typeof value === 'boolean') return csvField(String(value));
  const text = options.oneLine ? value.replace(/\r\n|\r|\n/g, ' ').trim() : value;
  return csvField(formulaSafe(text));
}

/** One line of cells, without its line end. */
export const csvRow = (values: readonly CsvValue[], options: CsvOptions = {}): string => values.map((v) => csvCell(v, options)).join(',');

/** A whole document: the BOM (so spreadsheets read the Japanese as UTF-8), one header row, CRLF line ends. */
export function toCsv<R>(columns: readonly CsvColumn<R>[], rows: readonly R[], options: CsvOptions = {}): string {
  const lines = [
    csvRow(
      columns.map((c) => c.header),
      options,
    ),
    ...rows.map((row) =>
      csvRow(
        columns.map((c) => c.value(row)),
        options,
      ),
    ),
  ];
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
