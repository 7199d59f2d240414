/** The lead maps kind → HTTP: validation 400, forbidden 403, not_found 404, conflict 409, rule 422. */
export type DomainErrorKind = 'validation' | 'forbidden' | 'not_found' | 'conflict' | 'rule';

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

export const forbidden = (code: string, message: string, details?: Record<string, unknown>): DomainError =>
  new DomainError(code, 'forbidden', message, details);

export const notFound = (code: string, message: string, details?: Record<string, unknown>): DomainError => new DomainError(code, 'not_found', message, details);

export const conflict = (code: string, message: string, details?: Record<string, unknown>): DomainError => new DomainError(code, 'conflict', message, details);

export const ruleViolation = (code: string, message: string, details?: Record<string, unknown>): DomainError => new DomainError(code, 'rule', message, details);

export const invalid = (code: string, message: string, details?: Record<string, unknown>): DomainError => new DomainError(code, 'validation', message, details);
