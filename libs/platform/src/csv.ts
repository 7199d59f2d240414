// CSV cells for people's spreadsheets, written one way for every export (views, audit, open data).

// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** Every field quoted, quotes doubled (RFC 4180). */
export const csvField = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** Text a spreadsheet would evaluate is kept as text by a leading apostrophe. */
export const formulaSafe = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** A quoted, formula-safe cell; null and undefined are empty. Line breaks are kept. */
export function csvCell(value: unknown): string {
  return csvField(formulaSafe(value === null || value === undefined ? '' : String(value)));
}

/** One line of text for a cell where line breaks are not allowed (open data): no breaks, no surrounding blanks, never a formula. */
export const csvLineText = (text: string): string => formulaSafe(text.replace(/\r\n|\r|\n/g, ' ').trim());
