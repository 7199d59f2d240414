import type { Issues } from '../validation.js';
import { isRecord } from '../validation.js';
import type { FiscalYearPeriod } from './fiscal-year.js';
import { parseJapanesePeriod } from './fiscal-year.js';

/**
 * KPI values in the source are not just numbers (1日1往復, 構想策定, アンケート未実施, 調査中).
 * The printed text is always kept verbatim; number/unit are a reading of it, never a replacement.
 */
export type KpiStatus = 'numeric' | 'qualitative' | 'not_measured' | 'in_progress' | 'empty';

export const KPI_STATUSES: readonly KpiStatus[] = ['numeric', 'qualitative', 'not_measured', 'in_progress', 'empty'];

export interface KpiValue {
  text: string;
  number?: number;
  unit?: string;
  approximate?: boolean;
  status: KpiStatus;
}

export const emptyKpiValue = (): KpiValue => ({ text: '', status: 'empty' });

// Dashes the source uses for "no value" (half/full width, bars, minus signs).
const EMPTY_MARKS = new Set(['', '-', '－', '―', 'ー', '—', '–', '‐', '−']);
const NOT_MEASURED = ['未実施']; // アンケート未実施: the survey was not carried out
const IN_PROGRESS = ['調査中', '集計中']; // being surveyed / being tallied

// [approx prefix][sign][number][unit without digits][approx suffix][(parenthetical)]
const NUMERIC = /^(約|およそ|概ね)?([-−▲△])?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([^\d\s()[\]]*?)(程度|前後)?(\(.*\))?$/;

export function parseKpiValue(text: string): KpiValue {
  const normalized = text.normalize('NFKC').replace(/\s+/g, '');
  if (EMPTY_MARKS.has(normalized)) return { text, status: 'empty' };
  if (NOT_MEASURED.some((m) => normalized.includes(m))) return { text, status: 'not_measured' };
  if (IN_PROGRESS.some((m) => normalized.includes(m))) return { text, status: 'in_progress' };
  const match = NUMERIC.exec(normalized);
  if (!match) return { text, status: 'qualitative' };
  const [, prefix, sign, integer, fraction, unit, suffix] = match;
  const magnitude = Number(`${integer!.replace(/,/g, '')}${fraction ?? ''}`);
  const value: KpiValue = { text, number: sign ? -magnitude : magnitude, status: 'numeric' };
  if (unit) value.unit = unit;
  if (prefix || suffix) value.approximate = true;
  return value;
}

/** Splits a source cell such as '1,045人 [平成27~28年度]' into its value and its period. */
export function parseKpiCell(cell: string): { value: KpiValue; period: FiscalYearPeriod | null } {
  const match = /^(.*?)\s*\[([^\]]*)\]\s*$/.exec(cell.trim());
  if (!match) return { value: parseKpiValue(cell.trim()), period: null };
  return { value: parseKpiValue(match[1]!), period: parseJapanesePeriod(match[2]!) };
}

/** Units compare after width normalisation, so ％ and % are the same unit. */
export const sameUnit = (a: KpiValue, b: KpiValue): boolean => (a.unit ?? '').normalize('NFKC') === (b.unit ?? '').normalize('NFKC');

export function checkKpiValue(issues: Issues, field: string, value: unknown): void {
  if (!isRecord(value)) {
    issues.add(field, 'value.invalid_kpi_value', 'must be a KPI value object', value);
    return;
  }
  if (typeof value.text !== 'string') issues.add(`${field}.text`, 'value.invalid_kpi_value', 'must be a string');
  if (!(KPI_STATUSES as readonly unknown[]).includes(value.status)) {
    issues.add(`${field}.status`, 'value.invalid_enum', `must be one of ${KPI_STATUSES.join(', ')}`, value.status);
  }
  const hasNumber = value.number !== undefined;
  if (value.status === 'numeric' && (typeof value.number !== 'number' || !Number.isFinite(value.number))) {
    issues.add(`${field}.number`, 'value.invalid_kpi_value', 'a numeric value needs a finite number', value.number);
  }
  if (value.status !== 'numeric' && hasNumber) {
    issues.add(`${field}.number`, 'value.invalid_kpi_value', 'only a numeric value carries a number', value.number);
  }
  if (value.unit !== undefined && typeof value.unit !== 'string') {
    issues.add(`${field}.unit`, 'value.invalid_type', 'must be a string', value.unit);
  }
  if (value.approximate !== undefined && typeof value.approximate !== 'boolean') {
    issues.add(`${field}.approximate`, 'value.invalid_type', 'must be a boolean', value.approximate);
  }
}
