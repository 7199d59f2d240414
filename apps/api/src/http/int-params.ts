import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Request } from 'express';
import { INTEGER_RANGES, integerRangeMessage, parseCanonicalInteger, type IntegerRange } from '@kensho/platform';
import { HttpProblem } from './request-errors.js';

/**
 * A numeric path parameter, parsed by the same rule as the query parameters; a 400 names it.
 * A param decorator rather than a pipe: the global ValidationPipe would first turn '2042.0' into 2042.
 */
const IntegerParam = createParamDecorator(({ name, range }: { name: string; range: IntegerRange }, context: ExecutionContext): number => {
  const raw = context.switchToHttp().getRequest<Request>().params[name];
  const parsed = parseCanonicalInteger(raw, range);
  if (parsed !== null) return parsed;
  const message = integerRangeMessage(name, range);
  throw new HttpProblem(400, 'request.validation', 'Invalid request', `${name}: ${message}`, { errors: [{ field: name, problems: [message] }] });
});

/** Keeps the parameter in the OpenAPI document, with its range, as @Param would have. */
const documented =
  (name: string, range: IntegerRange, description: string): ParameterDecorator =>
  (target, key, index) => {
    IntegerParam({ name, range })(target, key, index);
    if (key === undefined) return;
    ApiParam({ name, schema: { type: 'integer', minimum: range.min, maximum: range.max }, description })(
      target,
      key,
      Object.getOwnPropertyDescriptor(target, key)!,
    );
  };

export const FiscalYearParam = (name = 'fy') => documented(name, INTEGER_RANGES.fiscalYear, 'Western fiscal year (2016 = 平成28年度)');
export const EditionParam = () => documented('edition', INTEGER_RANGES.edition, 'Edition number of the publication (第N版)');
