import { canonicalJson, sha256Hex } from '@kensho/platform';
import type { EventMetadata } from './port.js';

/** Hash of the (nonexistent) event before revision 0. */
export const GENESIS_HASH = '';

/** hash = SHA-256(previous hash ‖ canonical JSON of stream, revision, type, data, metadata-without-hash). */
export function eventHash(
  previousHash: string,
  event: { streamId: string; revision: number; type: string; data: unknown; metadata: EventMetadata & { hash?: string } },
): string {
  const { hash: _ignored, ...metadata } = event.metadata;
  const body = canonicalJson({
    stream: event.streamId,
    revision: event.revision,
    type: event.type,
    data: event.data,
    metadata,
  });
  return sha256Hex(previousHash + body);
}

export interface ChainBreak {
  streamId: string;
  revision: number;
  problem: 'hash_mismatch' | 'revision_gap' | 'revision_order';
  expected: string | number;
  actual: string | number;
}

/** Walks one stream's events (forward order) and names the first broken link, or null when intact. */
export function verifyChain(
  events: Array<{ streamId: string; revision: number; type: string; data: unknown; metadata: EventMetadata & { hash: string } }>,
): ChainBreak | null {
  let previousHash = GENESIS_HASH;
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    if (event.revision !== index) {
      return {
        streamId: event.streamId,
        revision: event.revision,
        problem: event.revision > index ? 'revision_gap' : 'revision_order',
        expected: index,
        actual: event.revision,
      };
    }
    const expected = eventHash(previousHash, event);
    if (expected !== event.metadata.hash) {
      return { streamId: event.streamId, revision: event.revision, problem: 'hash_mismatch', expected, actual: event.metadata.hash };
    }
    previousHash = expected;
  }
  return null;
}
