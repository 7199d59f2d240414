import { AppendSignal } from '../append-signal.js';
import { PartialDuplicateError, WrongExpectedRevisionError } from '../errors.js';
import { GENESIS_HASH, eventHash } from '../hash-chain.js';
import {
  EventStore,
  type AppendResult,
  type ExpectedRevision,
  type LogCheckpoint,
  type NewEvent,
  type ReadAllResult,
  type ReadStreamOptions,
  type RecordedEvent,
} from '../port.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The event-store port in one process's memory, for tests of the layers above the store (it passes
 * the same contract suite as the PostgreSQL adapter). Not for the service: nothing survives a restart.
 *
 * An append checks and stores its whole batch without awaiting in between, so on Node's single
 * thread it is atomic and appends commit in position order: the global log is the array itself.
 * Data and metadata go through JSON on the way in and out, as they do through PostgreSQL's jsonb,
 * so a caller can neither store what the real store would drop nor alter a stored event by
 * mutating what it read.
 */
export class MemoryEventStore extends EventStore {
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  /** Event ids are unique across the log, as es_events.event_id is. */
  private readonly ids = new Map<string, RecordedEvent>();
  private readonly appended = new AppendSignal();
  private closed = false;

  /** `now` is the store's own clock (recordedAt), injectable so tests can place appends in time. */
  constructor(private readonly now: () => Date = () => new Date()) {
    super();
  }

  async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    this.assertOpen();
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    const ids = events.map((e) => e.id.toLowerCase());
    const invalid = ids.find((id) => !UUID.test(id));
    if (invalid) throw new Error(`Stream ${streamId}: event id ${invalid} is not a UUID; nothing was appended`);
    if (new Set(ids).size !== ids.length) throw new Error(`Stream ${streamId}: the batch repeats an event id; nothing was appended`);

    // A retried command is recognised before the expected revision is checked: its retry may be stale.
    const duplicate = this.duplicateOf(streamId, ids);
    if (duplicate) return duplicate;

    const stream = this.streams.get(streamId) ?? [];
    const last = stream[stream.length - 1] ?? null;
    const actual = last?.revision ?? null;
    const fits =
      expected === 'any' ||
      (expected === 'no_stream' && actual === null) ||
      (expected === 'stream_exists' && actual !== null) ||
      (typeof expected === 'number' && expected === actual);
    if (!fits) throw new WrongExpectedRevisionError(streamId, expected, actual);

    const recordedAt = this.now().toISOString();
    let previousHash = last?.metadata.hash ?? GENESIS_HASH;
    const recorded = events.map((event, index): RecordedEvent => {
      const revision = (actual ?? -1) + 1 + index;
      const data = viaJson(event.data);
      const metadata = viaJson(event.metadata);
      // Hashed as stored (after the JSON round trip), as a verifier reading it back will hash it.
      const hash = eventHash(previousHash, { streamId, revision, type: event.type, data, metadata });
      previousHash = hash;
      const position = this.log.length + 1 + index;
      return {
        id: ids[index]!,
        streamId,
        revision,
        position,
        checkpoint: String(position),
        type: event.type,
        data,
        metadata: { ...metadata, hash },
        recordedAt,
      };
    });
    this.log.push(...recorded);
    this.streams.set(streamId, [...stream, ...recorded]);
    for (const event of recorded) this.ids.set(event.id, event);
    this.appended.notify();
    const end = recorded[recorded.length - 1]!;
    return { streamId, nextExpectedRevision: end.revision, position: end.position, duplicate: false };
  }

  /** All of the batch's ids already stored: the first run's answer. Some of them: refused. */
  private duplicateOf(streamId: string, ids: string[]): AppendResult | null {
    const found = ids.map((id) => this.ids.get(id)).filter((e): e is RecordedEvent => e !== undefined);
    if (found.length === 0) return null;
    const elsewhere = found.find((e) => e.streamId !== streamId);
    if (elsewhere) throw new Error(`Stream ${streamId}: event id ${elsewhere.id} is already stored in ${elsewhere.streamId}`);
    if (found.length !== ids.length)
      throw new PartialDuplicateError(
        streamId,
        found.map((e) => e.id),
      );
    const last = found.reduce((a, b) => (a.position > b.position ? a : b));
    return { streamId, nextExpectedRevision: last.revision, position: last.position, duplicate: true };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const backward = options.direction === 'backward';
    const { fromRevision: from, toRevision: to } = options;
    const occurredUntil = options.occurredUntil === undefined ? null : instant(options.occurredUntil);
    const recordedUntil = options.recordedUntil === undefined ? null : instant(options.recordedUntil);
    const selected = (this.streams.get(streamId) ?? []).filter(
      (e) =>
        (from === undefined || (backward ? e.revision <= from : e.revision >= from)) &&
        (to === undefined || (backward ? e.revision >= to : e.revision <= to)) &&
        (occurredUntil === null || instant(e.metadata.occurredAt) <= occurredUntil) &&
        (recordedUntil === null || instant(e.recordedAt) <= recordedUntil),
    );
    if (backward) selected.reverse();
    return (options.maxCount === undefined ? selected : selected.slice(0, options.maxCount)).map(copyOf);
  }

  async findEvent(streamId: string, eventId: string): Promise<{ streamId: string; revision: number; position: number } | null> {
    this.assertOpen();
    const found = this.ids.get(eventId.toLowerCase());
    return found && found.streamId === streamId ? { streamId, revision: found.revision, position: found.position } : null;
  }

  async streamRevision(streamId: string): Promise<number | null> {
    this.assertOpen();
    return this.streams.get(streamId)?.at(-1)?.revision ?? null;
  }

  async readAll(options: { after: LogCheckpoint | null; maxCount: number }): Promise<ReadAllResult> {
    this.assertOpen();
    // Positions are 1-based and gapless, so the event after position p sits at index p.
    const events = this.log.slice(parseCheckpoint(options.after), parseCheckpoint(options.after) + Math.max(0, options.maxCount)).map(copyOf);
    return { events, checkpoint: events.length ? events[events.length - 1]!.checkpoint : options.after };
  }

  async checkpointOfPosition(position: number): Promise<LogCheckpoint | null> {
    return Number.isSafeInteger(position) && position >= 1 && position <= this.log.length ? String(position) : null;
  }

  compareCheckpoints(a: LogCheckpoint | null, b: LogCheckpoint | null): number {
    return Math.sign(parseCheckpoint(a) - parseCheckpoint(b));
  }

  async headCheckpoint(): Promise<LogCheckpoint | null> {
    return this.log.length ? String(this.log.length) : null;
  }

  async waitForAppends(timeoutMs: number): Promise<void> {
    await this.appended.wait(timeoutMs);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.appended.releaseAll();
  }

  /**
   * Test hook: rewrites a stored event in place without re-hashing it, as someone with write access
   * to the database could (`UPDATE es_events …`). Only the hash chain can tell.
   */
  tamper(
    streamId: string,
    revision: number,
    change: (event: { type: string; data: Record<string, unknown> }) => { type: string; data: Record<string, unknown> },
  ): void {
    const stored = this.streams.get(streamId)?.[revision];
    if (!stored) throw new Error(`Stream ${streamId} has no revision ${revision}`);
    const changed = viaJson(change({ type: stored.type, data: viaJson(stored.data) }));
    const replacement: RecordedEvent = { ...stored, type: changed.type, data: changed.data };
    this.streams.get(streamId)![revision] = replacement;
    this.log[stored.position - 1] = replacement;
    this.ids.set(stored.id, replacement);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The in-memory event store is closed');
  }
}

function viaJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function copyOf(event: RecordedEvent): RecordedEvent {
  return { ...event, data: viaJson(event.data), metadata: viaJson(event.metadata) };
}

function instant(iso: string): number {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new Error(`Not an instant: ${iso}`);
  return time;
}

function parseCheckpoint(checkpoint: LogCheckpoint | null): number {
  if (checkpoint === null) return 0;
  if (!/^\d+$/.test(checkpoint)) throw new Error(`Not an in-memory log checkpoint: ${checkpoint}`);
  return Number(checkpoint);
}
