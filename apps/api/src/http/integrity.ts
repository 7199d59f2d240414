import type { Response } from 'express';
import type { StreamIntegrity } from '@kensho/review';

/** `intact` or `broken` on every read of a stream's content: a client sees tampering without parsing the body. */
export const INTEGRITY_HEADER = 'Kensho-Integrity';

export function flagIntegrity(res: Response, integrity: StreamIntegrity): void {
  res.setHeader(INTEGRITY_HEADER, integrity.status);
}
