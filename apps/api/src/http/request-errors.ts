import { HttpException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** Our own HTTP-level errors carry a stable code and extensions for the problem body. */
export class HttpProblem extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    readonly title: string,
    detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, status);
  }
}

/** Flattens class-validator's tree so every bad field is named by its full path. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) out.push({ field, problems: Object.values(error.constraints) });
    if (error.children?.length) out.push(...fieldProblems(error.children, field));
  }
  return out;
}

export function validationProblem(errors: ValidationError[]): HttpProblem {
  const fields = fieldProblems(errors);
  return new HttpProblem(400, 'request.validation', 'Invalid request', fields.map((f) => `${f.field}: ${f.problems.join('; ')}`).join(' | '), {
    errors: fields,
  });
}
