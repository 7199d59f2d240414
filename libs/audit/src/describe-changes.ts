/** One field as a reviewer reads it: "finance.budget: 3,920 → 4,100". */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const EMPTY = '—';
const MAX_TEXT = 120;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (value: unknown): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A KPI value is shown as it was printed, not as its parts. */
const isKpiValue = (value: unknown): value is { text: string; status: string } =>
  isObject(value) && typeof value.text === 'string' && typeof value.status === 'string';
/** Rich text (paragraph/list blocks) is shown as its plain text. */
const isRichText = (value: unknown): value is Array<{ kind: string; text?: string; items?: string[] }> =>
  Array.isArray(value) && value.length > 0 && value.every((b) => isObject(b) && (b.kind === 'paragraph' || b.kind === 'list'));

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_TEXT ? `${flat.slice(0, MAX_TEXT - 1)}…` : flat;
}

/** A leaf value in reviewer form: amounts with separators, KPI texts, plain text, '—' for empty. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return truncate(value);
  if (isKpiValue(value)) return value.text === '' ? EMPTY : truncate(value.text);
  if (isRichText(value)) return truncate(value.map((b) => (b.kind === 'list' ? (b.items ?? []).map((i) => `・${i}`).join(' ') : b.text ?? '')).join(' '));
  if (Array.isArray(value) && value.length === 0) return EMPTY;
  return truncate(JSON.stringify(value));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every leaf that differs between two states, with its path (arrays by index). */
export function describeChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  // States share unchanged parts with their predecessor, so identity settles most subtrees at once;
  // serialising is left to the leaves.
  if (before === after) return [];
  const leaf = (): FieldChange[] => (same(before, after) ? [] : [{ field: path || '(state)', before: formatValue(before), after: formatValue(after) }]);
  if (isKpiValue(before) || isKpiValue(after) || isRichText(before) || isRichText(after)) return leaf();
  if (isObject(before) && isObject(after)) {
    // Sorted: a state read back from jsonb has its keys in another order than one folded in memory.
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => describeChanges(before[key], after[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(before) && Array.isArray(after) && (before.some(isObject) || after.some(isObject))) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => describeChanges(before[i] ?? null, after[i] ?? null, `${path}[${i}]`)).flat();
  }
  if (isObject(before) && (after === null || after === undefined)) {
    return Object.keys(before).sort().flatMap((key) => describeChanges(before[key], null, path ? `${path}.${key}` : key));
  }
  if (isObject(after) && (before === null || before === undefined)) {
    return Object.keys(after).sort().flatMap((key) => describeChanges(null, after[key], path ? `${path}.${key}` : key));
  }
  return leaf();
}

export function changeLine(change: FieldChange): string {
  return `${change.field}: ${change.before} → ${change.after}`;
}
