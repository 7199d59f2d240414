/** One field as a reviewer reads it: "finance.budget: 3,920 → 4,100". */
export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

const EMPTY = '—';
const MAX_TEXT = 120;
// One formatter for every amount: toLocaleString builds a new one per call.
const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

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
  if (typeof value === 'number') return NUMBER.format(value);
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return truncate(value);
  if (isKpiValue(value)) return value.text === '' ? EMPTY : truncate(value.text);
  if (isRichText(value)) return truncate(value.map((b) => (b.kind === 'list' ? (b.items ?? []).map((i) => `・${i}`).join(' ') : (b.text ?? ''))).join(' '));
  if (Array.isArray(value) && value.length === 0) return EMPTY;
  return truncate(JSON.stringify(value));
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every leaf that differs between two states, with its path (arrays by index). */
export function describeChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  const changes: FieldChange[] = [];
  collectChanges(before, after, path, changes);
  return changes;
}

/** Keys of either object, sorted: a state read back from jsonb has its keys in another order than one folded in memory. */
function keysOfEither(before: Record<string, Json>, after: Record<string, Json>): string[] {
  const keys = Object.keys(after);
  for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) keys.push(key);
  return keys.sort();
}

const childPath = (path: string, key: string) => (path ? `${path}.${key}` : key);

function collectChanges(before: unknown, after: unknown, path: string, changes: FieldChange[]): void {
  // States share unchanged parts with their predecessor, so identity settles most subtrees at once;
  // serialising is left to the leaves.
  if (before === after) return;
  if (isKpiValue(before) || isKpiValue(after) || isRichText(before) || isRichText(after)) return leaf(before, after, path, changes);
  if (isObject(before) && isObject(after)) {
    for (const key of keysOfEither(before, after)) collectChanges(before[key], after[key], childPath(path, key), changes);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && (before.some(isObject) || after.some(isObject))) {
    const length = Math.max(before.length, after.length);
    for (let i = 0; i < length; i++) collectChanges(before[i] ?? null, after[i] ?? null, `${path}[${i}]`, changes);
    return;
  }
  if (isObject(before) && (after === null || after === undefined)) {
    for (const key of Object.keys(before).sort()) collectChanges(before[key], null, childPath(path, key), changes);
    return;
  }
  if (isObject(after) && (before === null || before === undefined)) {
    for (const key of Object.keys(after).sort()) collectChanges(null, after[key], childPath(path, key), changes);
    return;
  }
  leaf(before, after, path, changes);
}

function leaf(before: unknown, after: unknown, path: string, changes: FieldChange[]): void {
  if (!same(before, after)) changes.push({ field: path || '(state)', before: formatValue(before), after: formatValue(after) });
}

export function changeLine(change: FieldChange): string {
  return `${change.field}: ${change.before} → ${change.after}`;
}
