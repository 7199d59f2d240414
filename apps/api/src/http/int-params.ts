import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
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

export const FiscalYearParam = (name = 'fy') => IntegerParam({ name, range: INTEGER_RANGES.fiscalYear });
export const EditionParam = () => IntegerParam({ name: 'edition', range: INTEGER_RANGES.edition });
