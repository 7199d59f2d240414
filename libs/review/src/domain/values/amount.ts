import { invalid } from '../errors.js';
import type { Issues } from '../validation.js';

/** An amount in thousand yen (千円). `null` means the cell is empty, which is not the same as zero. */
export type Amount = number | null;

function amountProblem(value: unknown): { code: string; message: string } | null {
  if (value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) {
    return { code: 'value.invalid_amount', message: 'must be an integer amount in thousand yen (千円) or null' };
  }
  if (value < 0) return { code: 'value.negative_amount', message: 'must not be negative' };
  return null;
}

export function assertAmount(value: unknown, field = 'amount'): asserts value is Amount {
  const problem = amountProblem(value);
  if (problem) throw invalid(problem.code, `${field}: ${problem.message}`, { field, value });
}

export function checkAmount(issues: Issues, field: string, value: unknown): void {
  const problem = amountProblem(value);
  if (problem) issues.add(field, problem.code, problem.message, value);
}

/** Sum of the non-empty amounts; null when every one is empty (nothing was stated). */
export function sumAmounts(values: readonly Amount[]): Amount {
  const stated = values.filter((v): v is number => v !== null);
  return stated.length === 0 ? null : stated.reduce((a, b) => a + b, 0);
}
