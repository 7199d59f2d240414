/**
 * What no field of any request may carry, checked once over the whole parsed body (and over the
 * query and path) before a DTO sees it: the walk uses its own stack, so a 10,000-deep body cannot
 * overflow the call stack, and PostgreSQL never receives text it cannot store.
 */
export const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// NUL (PostgreSQL text and jsonb cannot hold it) and UTF-16 surrogates without their other half.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

export interface BodyViolation {
  code: 'request.too_deep' | 'request.unstorable_text' | 'request.forbidden_key';
  /** Where, as a path such as `strategyKpis[0].name`. */
  field: string;
  detail: string;
}

const at = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** The first violation found, or null. */
export function findBodyViolation(body: unknown, maxDepth = MAX_JSON_DEPTH): BodyViolation | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) return unstorable(path || '(body)');
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) {
      return { code: 'request.too_deep', field: path || '(body)', detail: `JSON is nested deeper than ${maxDepth} levels (入れ子が深すぎます)` };
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: at(path, i), depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(value)) {
      const field = at(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        return { code: 'request.forbidden_key', field, detail: `The key "${key}" is not accepted (使用できないキーです)` };
      }
      if (!isStorableText(key)) return unstorable(field);
      stack.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return null;
}

/** The field named with its bad characters spelled as \uXXXX, so the answer itself stays printable. */
const printable = (text: string): string => text.replace(new RegExp(UNSTORABLE.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function unstorable(raw: string): BodyViolation {
  const field = printable(raw);
  return {
    code: 'request.unstorable_text',
    field,
    detail: `${field} contains a NUL character or an unpaired UTF-16 surrogate (保存できない文字が含まれています)`,
  };
}
