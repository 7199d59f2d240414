import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { INTEGER_RANGES, newId, parseCanonicalInteger, uuidV5 } from '@kensho/platform';
import type { CommandMeta } from '@kensho/review';
import { actorOf, type AuthenticatedRequest } from './auth.js';
import { HttpProblem } from './request-errors.js';

/**
 * Command metadata from the request. With an Idempotency-Key the command id is derived from it
 * (per token), so even two racing retries append once: the event ids collide in the store.
 */
export const Meta = createParamDecorator((_data: unknown, context: ExecutionContext): CommandMeta => {
  const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const principal = req.principal;
  if (!principal) throw new Error('Meta used on a public route');
  const key = idempotencyKeyOf(req);
  const commandId = key ? uuidV5(`${principal.tokenId}:${req.method}:${req.path}:${key}`) : newId();
  const correlation = req.headers['x-correlation-id'];
  const correlationId = typeof correlation === 'string' && correlation.length <= 200 ? correlation : commandId;
  return { commandId, correlationId, causationId: commandId, actor: actorOf(principal), ...(key ? {} : { freshCommandId: true as const }) };
});

export function idempotencyKeyOf(req: { headers: Record<string, unknown> }): string | null {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 200 || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new HttpProblem(400, 'request.invalid_idempotency_key', 'Invalid Idempotency-Key', 'Idempotency-Key must be 1-200 visible ASCII characters');
  }
  return raw;
}

/** If-Match → the version the client read; `"3"`, `W/"3"` and `3` are accepted. */
export const IfMatchVersion = createParamDecorator((required: boolean | undefined, context: ExecutionContext): number | undefined => {
  const header = context.switchToHttp().getRequest<AuthenticatedRequest>().headers['if-match'];
  if (header === undefined) {
    if (required) {
      throw new HttpProblem(428, 'request.if_match_required', 'If-Match required', 'Send If-Match with the ETag (version) you last read, so no update is lost');
    }
    return undefined;
  }
  const match = /^(?:W\/)?"?(\d+)"?$/.exec(String(header).trim());
  // Same rule as a version in a query: no '03', nothing past the revision column's range.
  const version = match ? parseCanonicalInteger(match[1], INTEGER_RANGES.version) : null;
  if (version === null) throw new HttpProblem(400, 'request.invalid_if_match', 'Invalid If-Match', 'If-Match must be a sheet ETag such as "3"');
  return version;
});
