import { ErrorType, NO_STREAM, jsonEvent, type AppendExpectedRevision, type EventData, type RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import { PartialDuplicateError, WrongExpectedRevisionError } from '../errors.js';
import { GENESIS_HASH, eventHash } from '../hash-chain.js';
import type { AppendResult, ExpectedRevision, LogCheckpoint, NewEvent, RecordedEvent } from '../port.js';
import type { EsdbAppendOptions, Position } from './client-boundary.js';

/*
 * Pure translations between the port's shapes and @eventstore/db-client's, so that each one is
 * unit-tested without a server. The adapter (eventstoredb-event-store.ts) only sequences calls.
 */

/** An event about to be stored: the port's event with the hash the chain gave it. */
export interface ChainedEvent {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: RecordedEvent['metadata'];
}

/**
 * Numbers the batch after the stream's last event and links each to the previous hash, exactly as
 * the PostgreSQL adapter does (there the head hash is a column; here it is the last event's).
 */
export function chainEvents(streamId: string, events: NewEvent[], last: RecordedEvent | null): ChainedEvent[] {
  let previousHash = last ? last.metadata.hash : GENESIS_HASH;
  const base = last ? last.revision + 1 : 0;
  return events.map((event, index) => {
    const hash = eventHash(previousHash, { streamId, revision: base + index, type: event.type, data: event.data, metadata: event.metadata });
    previousHash = hash;
    return { id: event.id, type: event.type, data: event.data, metadata: { ...event.metadata, hash } };
  });
}

/**
 * A retried command: every id of the batch is already in the stream, so the answer is the first
 * run's (the last of its events), as the PostgreSQL adapter reports it. Some but not all: refused.
 */
export function duplicateOf(streamId: string, stored: RecordedEvent[], events: NewEvent[]): AppendResult | null {
  const wanted = new Set(events.map((e) => e.id.toLowerCase()));
  const found = stored.filter((e) => wanted.has(e.id));
  const foundIds = new Set(found.map((e) => e.id));
  if (foundIds.size === 0) return null;
  if (foundIds.size !== wanted.size) throw new PartialDuplicateError(streamId, [...foundIds]);
  const last = found.reduce((a, b) => (a.position > b.position ? a : b));
  return { streamId, nextExpectedRevision: last.revision, position: last.position, duplicate: true };
}

/**
 * Marks which append attempt wrote a record. The server's idempotence answers a retried batch with
 * success whether this attempt wrote it or another process did first; only the mark tells them
 * apart. It is the adapter's, outside the hash and never shown to readers.
 */
const APPEND_MARK = 'esdbAppendId';

/** The client record for an event: JSON data, and the metadata (hash included) as JSON metadata. */
export function toEventData(event: ChainedEvent, appendId?: string): EventData {
  const metadata = appendId === undefined ? event.metadata : { ...event.metadata, [APPEND_MARK]: appendId };
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata });
}

/** The append attempt that wrote a client record (see APPEND_MARK), if it carries one. */
export function appendIdOf(record: ClientRecordedEvent | undefined): string | null {
  const metadata = record?.metadata as Record<string, unknown> | undefined;
  const mark = metadata && typeof metadata === 'object' ? metadata[APPEND_MARK] : undefined;
  return typeof mark === 'string' ? mark : null;
}

/**
 * EventStoreDB's system streams and event types start with '$' ($stats, $metadata, link events,
 * tombstones). They are the server's bookkeeping, not Kensho's history, so readers never see them.
 */
export function isSystemRecord(record: { streamId: string; type: string }): boolean {
  return record.streamId.startsWith('$') || record.type.startsWith('$');
}

/** The port's event for a client record, or null for the server's own records. */
export function fromClientRecord(record: ClientRecordedEvent | undefined): RecordedEvent | null {
  if (!record || isSystemRecord(record)) return null;
  if (!record.isJson) throw new Error(`EventStoreDB event ${record.id} in ${record.streamId} is not JSON: not written by Kensho`);
  if (!hasPosition(record.position)) {
    // Stream reads carry positions only from server 22.6 on; without them there is no read-your-writes.
    throw new Error('EventStoreDB returned an event without its position: Kensho needs EventStoreDB 22.10 or later (or KurrentDB)');
  }
  const { [APPEND_MARK]: _mark, ...metadata } = (record.metadata ?? {}) as RecordedEvent['metadata'] & { [APPEND_MARK]?: string };
  if (typeof metadata !== 'object' || typeof metadata.hash !== 'string') {
    throw new Error(`EventStoreDB event ${record.id} in ${record.streamId} has no hash-chain metadata: not written by Kensho`);
  }
  return {
    id: record.id.toLowerCase(),
    streamId: record.streamId,
    revision: toSafeNumber(record.revision, 'revision'),
    position: positionNumber(record.position),
    checkpoint: formatCheckpoint(record.position),
    type: record.type,
    data: record.data as Record<string, unknown>,
    metadata,
    recordedAt: record.created.toISOString(),
  };
}

const NO_POSITION = (1n << 64n) - 1n;

/**
 * The client never leaves a position out: an absent one reads as commit "0" (protobuf's default),
 * and servers before 22.6 send 2^64-1 on stream reads. Position 0 is the log's first record, which
 * is always the server's own ($epoch-information), never Kensho's.
 */
function hasPosition(position: Position | undefined): position is Position {
  return !!position && position.commit !== 0n && position.commit !== NO_POSITION && position.prepare !== NO_POSITION;
}

/**
 * The number clients quote back: the commit position. Events appended through gRPC are committed
 * one by one in the log (commit = prepare), so it is unique per event.
 */
export function positionNumber(position: Position): number {
  return toSafeNumber(position.commit, 'commit position');
}

function toSafeNumber(value: bigint, what: string): number {
  if (value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`EventStoreDB ${what} ${value} does not fit in a JavaScript number`);
  return Number(value);
}

/*
 * Checkpoints carry a prefix so that one written by another store (the PostgreSQL adapter writes
 * `<xid>:<position>`) is refused loudly instead of being read as a log position: switching stores
 * needs a projection rebuild.
 */
const CHECKPOINT = /^esdb:(\d+):(\d+)$/;

export function formatCheckpoint(position: Position): LogCheckpoint {
  return `esdb:${position.commit}:${position.prepare}`;
}

export function parseCheckpoint(checkpoint: LogCheckpoint): Position {
  const match = CHECKPOINT.exec(checkpoint);
  if (!match) throw new Error(`Not an EventStoreDB log checkpoint: ${checkpoint} (projections written with another store need a rebuild)`);
  return { commit: BigInt(match[1]!), prepare: BigInt(match[2]!) };
}

/** The log's total order: commit position, then prepare position. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  return a.prepare === b.prepare ? 0 : a.prepare < b.prepare ? -1 : 1;
}

export function compareCheckpoints(a: LogCheckpoint | null, b: LogCheckpoint | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return comparePositions(parseCheckpoint(a), parseCheckpoint(b));
}

/**
 * What the adapter asks the server for: always the exact revision it read (never ANY), because
 * the hashes it computed hold only at that revision. The caller's wish was checked before.
 */
export function exactExpectedRevision(actual: number | null): AppendExpectedRevision {
  return actual === null ? NO_STREAM : BigInt(actual);
}

/**
 * The append's options, the one place they are named. @eventstore/db-client reads
 * `expectedRevision`; its successor @kurrent/kurrentdb-client renamed it `streamState` and ignores
 * an unknown option silently, so the append would become "any" and the guard that keeps the hash
 * chain unbroken would be gone. Both names are sent: each client reads its own, ignores the other.
 */
export function appendOptions(actual: number | null): EsdbAppendOptions {
  const revision = exactExpectedRevision(actual);
  return { expectedRevision: revision, streamState: revision };
}

/** The caller's expectation against the revision read; throws the port's typed error. */
export function checkExpected(streamId: string, expected: ExpectedRevision, actual: number | null): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === null) ||
    (expected === 'stream_exists' && actual !== null) ||
    (typeof expected === 'number' && expected === actual);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
}

/** The client's errors that have a meaning in the port; anything else is returned as it came. */
export function toPortError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  const typed = error as { type?: string; actualVersion?: bigint | string };
  if (typed?.type === ErrorType.WRONG_EXPECTED_VERSION) {
    const actual = typeof typed.actualVersion === 'bigint' ? Number(typed.actualVersion) : null;
    return new WrongExpectedRevisionError(streamId, expected, actual);
  }
  return error;
}

export function isStreamNotFound(error: unknown): boolean {
  return (error as { type?: string })?.type === ErrorType.STREAM_NOT_FOUND;
}

/** The server does not refuse one id twice in a batch; the port does (the PostgreSQL adapter's unique key). */
export function assertDistinctIds(streamId: string, events: NewEvent[]): void {
  const ids = new Set(events.map((e) => e.id.toLowerCase()));
  if (ids.size !== events.length) throw new Error(`Stream ${streamId}: the batch repeats an event id; nothing was appended`);
}
