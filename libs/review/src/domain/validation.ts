import { DomainError } from './errors.js';

export interface ValidationIssue {
  field: string;
  code: string;
  message: string;
  value?: unknown;
}

/**
 * Collects every bad field before throwing, because the API promises a 400 that names all of them.
 * The thrown error carries the first issue's code so that a single-problem payload gets a precise code.
 */
export class Issues {
  private readonly list: ValidationIssue[] = [];

  add(field: string, code: string, message: string, value?: unknown): void {
    this.list.push(value === undefined ? { field, code, message } : { field, code, message, value });
  }

  get count(): number {
    return this.list.length;
  }

  throwIfAny(): void {
    const [first] = this.list;
    if (!first) return;
    const message = this.list.map((i) => `${i.field}: ${i.message}`).join('; ');
    const details: Record<string, unknown> = { field: first.field, issues: [...this.list] };
    if (first.value !== undefined) details.value = first.value;
    throw new DomainError(first.code, 'validation', message, details);
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '';

export function checkText(issues: Issues, field: string, value: unknown, opts: { nullable?: boolean } = {}): void {
  if (value === null && opts.nullable) return;
  if (typeof value !== 'string' || value.trim() === '') {
    issues.add(field, 'value.required', 'must be a non-blank string', value);
  }
}

export function checkOptionalText(issues: Issues, field: string, value: unknown): void {
  if (value !== null && value !== undefined && typeof value !== 'string') {
    issues.add(field, 'value.invalid_type', 'must be a string or null', value);
  }
}

export function checkEnum<T extends string>(issues: Issues, field: string, value: unknown, allowed: readonly T[], opts: { nullable?: boolean } = {}): void {
  if (value === null && opts.nullable) return;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    issues.add(field, 'value.invalid_enum', `must be one of ${allowed.join(', ')}`, value);
  }
}

export function checkBoolean(issues: Issues, field: string, value: unknown, opts: { optional?: boolean } = {}): void {
  if (value === undefined && opts.optional) return;
  if (typeof value !== 'boolean') issues.add(field, 'value.invalid_type', 'must be a boolean', value);
}

/** Rejects keys the model does not know, so a typo in a patch is not silently dropped. */
export function checkKnownKeys(issues: Issues, prefix: string, value: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) issues.add(prefix ? `${prefix}.${key}` : key, 'value.unknown_field', 'is not a known field');
  }
}
