import type { ExpectedRevision } from './port.js';

/** The stream's revision is not what the writer expected: someone else wrote first. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'event_store.wrong_expected_revision';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** null when the stream does not exist. */
    readonly actual: number | null,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual ?? 'no stream'}`);
  }
}

/** Some, but not all, of a batch's event ids are already stored: never a legal retry. */
export class PartialDuplicateError extends Error {
  readonly code = 'event_store.partial_duplicate';
  constructor(
    readonly streamId: string,
    readonly existingIds: string[],
  ) {
    super(`Stream ${streamId}: ${existingIds.length} of the batch's event ids already exist`);
  }
}
