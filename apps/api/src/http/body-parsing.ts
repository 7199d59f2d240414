import express, { type NextFunction, type Request, type Response } from 'express';
import { problem, sendProblem } from './problem.js';

/**
 * JSON body parsing with a size limit, and its failures answered as problem+json. These errors
 * happen before Nest routes the request, so Nest's exception filters never see them.
 */
export function jsonBodyParser(limitBytes: number) {
  const parse = express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'], strict: false });
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
  return [parse, onError] as const;
}
