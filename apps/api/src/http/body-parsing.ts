import express, { type NextFunction, type Request, type Response } from 'express';
import { findBodyViolation, type BodyViolation } from './body-guard.js';
import { problem, sendProblem } from './problem.js';

const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * JSON body parsing with a size limit, strict media types and the body guard, their failures
 * answered as problem+json. These run before Nest routes the request, so Nest's exception filters
 * never see them. A write without a body (POST …/submit) needs no Content-Type.
 */
export function jsonBodyParser(limitBytes: number) {
  const parse = express.json({ limit: limitBytes, type: JSON_TYPES, strict: false });
  const onError = (error: { type?: string; status?: number; message?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (error?.type === 'entity.too.large') {
      return sendProblem(res, problem(413, 'request.too_large', 'Request body too large', `The body exceeds ${limitBytes} bytes`));
    }
    if (error?.type === 'entity.parse.failed') {
      return sendProblem(res, problem(400, 'request.malformed_json', 'Malformed JSON', `The body is not valid JSON: ${error.message}`));
    }
    if (error?.status && error.status < 500) {
      return sendProblem(res, problem(error.status, 'request.unreadable', 'Unreadable request body', error.message ?? 'Unreadable body'));
    }
    next(error);
  };
  return [guardUrl, requireJsonBody, parse, onError, guardBody] as const;
}

const hasBody = (req: Request): boolean =>
  req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

/** A body that is not JSON would otherwise be skipped by the parser and read as an empty one. */
function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req) || req.is(JSON_TYPES)) return next();
  const sent = req.headers['content-type'] ?? '(none)';
  sendProblem(
    res,
    problem(415, 'request.unsupported_media_type', 'Unsupported media type', `Send the body as application/json, not ${sent} (JSON形式で送信してください)`, {
      contentType: req.headers['content-type'] ?? null,
    }),
  );
}

function guardBody(req: Request, res: Response, next: NextFunction): void {
  const violation = req.body === undefined ? null : findBodyViolation(req.body);
  if (!violation) return next();
  refuse(res, violation);
}

/** Path segments and query values reach SQL as text too. */
function guardUrl(req: Request, res: Response, next: NextFunction): void {
  const segments: Record<string, string> = {};
  for (const [index, segment] of req.path.split('/').entries()) {
    try {
      segments[`path[${index}]`] = decodeURIComponent(segment);
    } catch {
      return refuse(res, {
        code: 'request.unstorable_text',
        field: `path[${index}]`,
        detail: 'The path is not valid percent-encoded UTF-8 (URLの形式が正しくありません)',
      });
    }
  }
  const violation = findBodyViolation(segments) ?? findBodyViolation({ ...(req.query as Record<string, unknown>) });
  if (!violation) return next();
  refuse(res, violation);
}

function refuse(res: Response, violation: BodyViolation): void {
  const title = {
    'request.too_deep': 'Body nested too deeply',
    'request.unstorable_text': 'Text that cannot be stored',
    'request.forbidden_key': 'Forbidden key',
  }[violation.code];
  sendProblem(res, problem(400, violation.code, title, violation.detail, { field: violation.field }));
}
