import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { TokenRequestError } from '@kensho/auth';
import { PartialDuplicateError, WrongExpectedRevisionError } from '@kensho/event-store';
import { ConfigError, isDatabaseUnavailable } from '@kensho/platform';
import { ProjectionLagError, UnknownPositionError } from '@kensho/projections';
import { DomainError, StreamIntegrityError, VersionConflictError } from '@kensho/review';
import { problem, sendProblem, type Problem } from './problem.js';
import { HttpProblem } from './request-errors.js';

/** Seconds a client waits before retrying while the database is away (a restart takes a few). */
const DATABASE_RETRY_AFTER = '2';

const STATUS_BY_KIND: Record<DomainError['kind'], number> = {
  validation: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
};

/** The one place where errors become HTTP: application/problem+json with a stable code. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const [body, headers] = this.toProblem(error, req);
    body.instance = req.originalUrl;
    if (body.code === 'service.database_unavailable') this.logger.warn(`${req.method} ${req.originalUrl}: ${(error as Error).message}`);
    else if (body.status >= 500) this.logger.error(`${req.method} ${req.originalUrl}: ${(error as Error)?.stack ?? String(error)}`);
    sendProblem(res, body, headers);
  }

  private toProblem(error: unknown, req: Request): [Problem, Record<string, string>] {
    if (error instanceof HttpProblem) {
      return [problem(error.getStatus(), error.code, error.title, error.message, error.extensions), error.headers];
    }
    if (error instanceof DomainError) {
      return [problem(STATUS_BY_KIND[error.kind], error.code, titleOf(error.kind), error.message, { details: error.details ?? {} }), {}];
    }
    if (error instanceof VersionConflictError) {
      // With If-Match the client stated a precondition (412); otherwise a concurrent writer won (409).
      const status = req.headers['if-match'] ? 412 : 409;
      const headers: Record<string, string> = error.currentVersion === null ? {} : { ETag: `"${error.currentVersion}"` };
      return [
        problem(status, 'sheet.version_conflict', 'Version conflict', `${error.message}: read the current version and apply your change to it`, {
          currentVersion: error.currentVersion,
          expectedVersion: error.expectedVersion,
        }),
        headers,
      ];
    }
    if (error instanceof StreamIntegrityError) {
      return [
        problem(
          409,
          error.code,
          'Stream integrity broken',
          `${error.message} (このシートの履歴がハッシュチェーンと一致しません。改ざんの疑いがあるため、監査で解決されるまで変更できません)`,
          {
            streamId: error.streamId,
            revision: error.revision,
            problem: error.problem,
          },
        ),
        { 'Kensho-Integrity': 'broken' },
      ];
    }
    if (error instanceof WrongExpectedRevisionError || error instanceof PartialDuplicateError) {
      return [problem(409, error.code, 'Conflict', error.message), {}];
    }
    if (error instanceof ProjectionLagError) {
      return [problem(503, error.code, 'Views are catching up', error.message, { position: error.position }), { 'Retry-After': '1' }];
    }
    if (error instanceof UnknownPositionError) {
      return [problem(409, error.code, 'Position not in the log', error.message, { position: error.position }), {}];
    }
    if (isUnstorableText(error)) {
      // The edge refuses such text (body-guard.ts); this catches any path that reaches the store without it.
      return [
        problem(
          400,
          'request.unstorable_text',
          'Text that cannot be stored',
          'The text contains characters that cannot be stored, such as NUL (保存できない文字が含まれています)',
        ),
        {},
      ];
    }
    if (isDatabaseUnavailable(error)) {
      // Never a 500: the request was well-formed and may succeed when retried. A write is retried
      // with the same Idempotency-Key, so one that was stored after all is recognised, not repeated.
      return [
        problem(
          503,
          'service.database_unavailable',
          'Database unavailable',
          'The database is unreachable for the moment; retry shortly (writes with the same Idempotency-Key) (データベースに一時的に接続できません。しばらくしてから再度お試しください)',
        ),
        { 'Retry-After': DATABASE_RETRY_AFTER },
      ];
    }
    if (error instanceof TokenRequestError) return [problem(400, error.code, 'Invalid token request', error.message), {}];
    if (error instanceof ConfigError) return [problem(500, 'config.invalid', 'Configuration error', error.message), {}];
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return [problem(status, status === 404 ? 'route.not_found' : `http.${status}`, error.name, error.message), {}];
    }
    return [problem(500, 'internal', 'Internal error', 'Something went wrong on our side; it has been logged'), {}];
  }
}

/** PostgreSQL's refusals of text it cannot store: NUL in text or jsonb (22P05), invalid encoding (22021). */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22P05' || code === '22021';
}

function titleOf(kind: DomainError['kind']): string {
  return { validation: 'Invalid request', forbidden: 'Forbidden', not_found: 'Not found', conflict: 'Conflict', rule: 'Lifecycle rule violated' }[kind];
}
