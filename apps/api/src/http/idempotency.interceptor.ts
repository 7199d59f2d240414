import { CallHandler, ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { from, mergeMap, of, type Observable } from 'rxjs';
import { Database, canonicalJson, sha256Hex } from '@kensho/platform';
import type { AuthenticatedRequest } from './auth.js';
import { idempotencyKeyOf } from './command-meta.js';
import { HttpProblem } from './request-errors.js';

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * Idempotency-Key on writes: the first successful answer is stored per token and key; a repeat
 * gets the same answer and appends nothing. The same key with a different request is refused.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly db: Database) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = WRITES.has(req.method) && req.principal ? idempotencyKeyOf(req) : null;
    if (!key || !req.principal) return next.handle();
    const scope = `${req.principal.tokenId}:${key}`;
    const requestHash = sha256Hex(`${req.method} ${req.originalUrl}\n${canonicalJson(req.body ?? null)}`);
    const stored = await this.db.query<{ request_hash: string; status: number; body: unknown; headers: Record<string, string> }>(
      'SELECT request_hash, status, body, headers FROM http_idempotency WHERE scope = $1',
      [scope],
    );
    const previous = stored.rows[0];
    if (previous) {
      if (previous.request_hash !== requestHash) {
        throw new HttpProblem(422, 'request.idempotency_key_reused', 'Idempotency-Key reused', 'This Idempotency-Key was already used for a different request');
      }
      res.status(previous.status);
      for (const [name, value] of Object.entries(previous.headers)) res.setHeader(name, value);
      res.setHeader('Idempotent-Replayed', 'true');
      return of(previous.body);
    }
    return next.handle().pipe(
      mergeMap((body) =>
        from(
          (async () => {
            const headers: Record<string, string> = {};
            for (const name of REPLAYED_HEADERS) {
              const value = res.getHeader(name);
              if (typeof value === 'string') headers[name] = value;
            }
            await this.db.query(
              `INSERT INTO http_idempotency (scope, request_hash, status, body, headers) VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (scope) DO NOTHING`,
              [scope, requestHash, res.statusCode, JSON.stringify(body ?? null), JSON.stringify(headers)],
            );
            return body;
          })(),
        ),
      ),
    );
  }
}
