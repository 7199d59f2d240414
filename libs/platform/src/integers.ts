/**
 * Numbers in paths and query strings: canonical decimal integers only, within a documented range.
 * `Number()` would take '2042.0', '02042', '1e3', '0x10' and ' 7 ', and a value past a column's type
 * reaches PostgreSQL as an out-of-range error (a 500); one parser keeps both out at the edge.
 */
export interface IntegerRange {
  min: number;
  max: number;
}

/** PostgreSQL `integer` (int4): revisions, fiscal years, editions. */
export const INT4_MAX = 2_147_483_647;

/** The ranges of the API's numeric path and query parameters (documented in docs/api-limits.md). */
export const INTEGER_RANGES = {
  fiscalYear: { min: 1989, max: 2200 },
  version: { min: 0, max: INT4_MAX },
  edition: { min: 1, max: INT4_MAX },
  /** Global log positions start at 1 (bigint, read as a JS number). */
  position: { min: 1, max: Number.MAX_SAFE_INTEGER },
  cursor: { min: 0, max: Number.MAX_SAFE_INTEGER },
  pageSize: { min: 1, max: 1000 },
} as const satisfies Record<string, IntegerRange>;

const CANONICAL = /^(0|[1-9][0-9]*)$/;

/** The integer `raw` spells canonically within `range`, or null. Long digit strings never reach Number(). */
export function parseCanonicalInteger(raw: unknown, range: IntegerRange): number | null {
  if (typeof raw !== 'string' || raw.length > 16 || !CANONICAL.test(raw)) return null;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value >= range.min && value <= range.max ? value : null;
}

export const integerRangeMessage = (name: string, range: IntegerRange): string =>
  `${name} must be a decimal integer from ${range.min} to ${range.max}, without sign, leading zeros, decimals or exponent (整数で指定してください)`;
