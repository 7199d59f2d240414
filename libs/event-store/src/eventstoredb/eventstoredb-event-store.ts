import { randomUUID } from 'node:crypto';
import { BACKWARDS, END, EventStoreDBClient, FORWARDS, START, excludeSystemEvents } from '@eventstore/db-client';
import { AppendSignal } from '../append-signal.js';
import { WrongExpectedRevisionError } from '../errors.js';
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
import type { EsdbClient, EsdbRead, EsdbSubscription, Position } from './client-boundary.js';
import { KeyedLock } from './keyed-lock.js';
import * as map from './mapping.js';

/** Appends that lose a race to another process are retried from a fresh read this often. */
const MAX_APPEND_ATTEMPTS = 5;

/**
 * The event-store port on EventStoreDB 22.10+ / KurrentDB through @eventstore/db-client (gRPC).
 *
 * - Hash chain: the previous hash is the stream's last event's `metadata.hash`, so every append
 *   reads the stream first and then appends at exactly the revision it read.
 * - Duplicates: the server's own idempotence holds only for some expected revisions, so a retried
 *   command is recognised here, from the ids in the stream it just read (streams are short: one
 *   sheet or cycle). Appends to one stream are serialised in this process so that concurrent
 *   retries see each other; across processes the server's idempotence stores the batch once, and
 *   the attempt's mark on the stored records tells the loser it was a duplicate.
 * - Every read is bounded by the server or cancelled when left early (see `finishing`).
 * - The global log is `$all` without the server's '$' records; its order is the commit order of a
 *   single-writer log, so a reader can never be overtaken by an event with a lower position.
 */
export class EventStoreDbEventStore extends EventStore {
  private readonly appends = new KeyedLock();
  private subscription: EsdbSubscription | null = null;
  private readonly appendSignal = new AppendSignal();
  /** Where the last fruitless scan of `$all` after a given checkpoint ended (only '$' records there). */
  private scanned: { after: LogCheckpoint | null; until: Position } | null = null;
  private closed = false;

  /** Takes ownership of the client: close() disposes it. */
  constructor(private readonly client: EsdbClient) {
    super();
  }

  static fromConnectionString(connectionString: string): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
  }

  async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    map.assertDistinctIds(streamId, events);
    return this.appends.run(streamId, () => this.appendSerialised(streamId, events, expected));
  }

  private async appendSerialised(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      const stored = await this.readStream(streamId);
      const duplicate = map.duplicateOf(streamId, stored, events);
      if (duplicate) return duplicate;
      const last = stored[stored.length - 1] ?? null;
      map.checkExpected(streamId, expected, last?.revision ?? null);
      const chained = map.chainEvents(streamId, events, last);
      const appendId = randomUUID();
      try {
        const result = await this.client.appendToStream(
          streamId,
          chained.map((event) => map.toEventData(event, appendId)),
          map.appendOptions(last?.revision ?? null),
        );
        this.wake();
        return await this.appended(streamId, Number(result.nextExpectedRevision), appendId);
      } catch (error) {
        const mapped = map.toPortError(error, streamId, expected);
        // Another process wrote in between: read again, which decides duplicate, conflict or retry.
        if (mapped instanceof WrongExpectedRevisionError && attempt < MAX_APPEND_ATTEMPTS) continue;
        throw mapped;
      }
    }
  }

  /**
   * The append's answer, from the stored last event rather than the response's position: that
   * way it is the position every read reports for the event, whatever the server version. The
   * server answers success also when another process stored the same batch first (its
   * idempotence): the attempt's mark on the stored event tells whether this one wrote it.
   */
  private async appended(streamId: string, revision: number, appendId: string): Promise<AppendResult> {
    let answer: AppendResult | null = null;
    const read = this.client.readStream(streamId, { direction: FORWARDS, fromRevision: BigInt(revision), maxCount: 1 });
    for await (const resolved of finishing(read)) {
      const last = map.fromClientRecord(resolved.event);
      if (!last) continue;
      const duplicate = map.appendIdOf(resolved.event) !== appendId;
      answer = { streamId, nextExpectedRevision: last.revision, position: last.position, duplicate };
    }
    if (!answer) throw new Error(`Stream ${streamId}: revision ${revision} is not readable right after its append`);
    return answer;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backward = options.direction === 'backward';
    const { fromRevision: from, toRevision: to, maxCount } = options;
    if (maxCount === 0) return [];
    const inRange = (revision: number) =>
      backward
        ? (from === undefined || revision <= from) && (to === undefined || revision >= to)
        : (from === undefined || revision >= from) && (to === undefined || revision <= to);
    const occurredUntil = options.occurredUntil === undefined ? null : Date.parse(options.occurredUntil);
    const recordedUntil = options.recordedUntil === undefined ? null : Date.parse(options.recordedUntil);
    // The time filters apply here, after the read; without them the server can stop early.
    const span = from !== undefined && to !== undefined ? Math.abs(from - to) + 1 : undefined;
    const serverMax = occurredUntil === null && recordedUntil === null ? minDefined(maxCount, span) : span;

    const events: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(streamId, {
        direction: backward ? BACKWARDS : FORWARDS,
        fromRevision: from !== undefined ? BigInt(from) : backward ? END : START,
        ...(serverMax !== undefined ? { maxCount: serverMax } : {}),
      });
      for await (const resolved of finishing(read)) {
        const event = map.fromClientRecord(resolved.event);
        if (!event) continue;
        if (to !== undefined && (backward ? event.revision < to : event.revision > to)) break;
        if (!inRange(event.revision)) continue;
        if (occurredUntil !== null && !(Date.parse(event.metadata.occurredAt) <= occurredUntil)) continue;
        if (recordedUntil !== null && !(Date.parse(event.recordedAt) <= recordedUntil)) continue;
        events.push(event);
        if (maxCount !== undefined && events.length >= maxCount) break;
      }
    } catch (error) {
      if (map.isStreamNotFound(error)) return [];
      throw error;
    }
    return events;
  }

  async findEvent(streamId: string, eventId: string): Promise<{ streamId: string; revision: number; position: number } | null> {
    const id = eventId.toLowerCase();
    const found = (await this.readStream(streamId)).find((e) => e.id === id);
    return found ? { streamId, revision: found.revision, position: found.position } : null;
  }

  async streamRevision(streamId: string): Promise<number | null> {
    const [last] = await this.readStream(streamId, { direction: 'backward', maxCount: 1 });
    return last?.revision ?? null;
  }

  async readAll(options: { after: LogCheckpoint | null; maxCount: number }): Promise<ReadAllResult> {
    const { after, maxCount } = options;
    // Resume past '$' records this reader already waded through from the same checkpoint.
    let seen: Position | null = this.scanned?.after === after ? this.scanned.until : after === null ? null : map.parseCheckpoint(after);
    const pageSize = Math.max(maxCount + 1, 100);
    const events: RecordedEvent[] = [];
    for (;;) {
      let records = 0;
      // Forward reads include the event at fromPosition: it is skipped below as already seen.
      for await (const resolved of finishing(this.client.readAll({ direction: FORWARDS, fromPosition: seen ?? START, maxCount: pageSize }))) {
        records++;
        const position = resolved.event?.position;
        if (!position || (seen && map.comparePositions(position, seen) <= 0)) continue;
        seen = position;
        const event = map.fromClientRecord(resolved.event);
        if (event) events.push(event);
        if (events.length >= maxCount) break;
      }
      if (events.length >= maxCount || records < pageSize) break;
    }
    if (events.length > 0) return { events, checkpoint: events[events.length - 1]!.checkpoint };
    if (seen) this.scanned = { after, until: seen };
    return { events, checkpoint: after };
  }

  async checkpointOfPosition(position: number): Promise<LogCheckpoint | null> {
    if (!Number.isSafeInteger(position) || position < 0) return null;
    const commit = BigInt(position);
    try {
      // Every event is its own commit (commit = prepare), so its exact log position is known.
      for await (const resolved of finishing(this.client.readAll({ direction: FORWARDS, fromPosition: { commit, prepare: commit }, maxCount: 1 }))) {
        const event = map.fromClientRecord(resolved.event);
        return event && event.position === position ? event.checkpoint : null;
      }
    } catch {
      // A position that is no event's (a client's typo) may not even be a record boundary.
      return null;
    }
    return null;
  }

  compareCheckpoints(a: LogCheckpoint | null, b: LogCheckpoint | null): number {
    return map.compareCheckpoints(a, b);
  }

  async headCheckpoint(): Promise<LogCheckpoint | null> {
    let before: Position | typeof END = END;
    for (;;) {
      let records = 0;
      const page = this.client.readAll({ direction: BACKWARDS, fromPosition: before, maxCount: 100 });
      for await (const resolved of finishing(page)) {
        records++;
        const position: Position | undefined = resolved.event?.position;
        if (!position || (before !== END && map.comparePositions(position, before) >= 0)) continue;
        before = position;
        const event = map.fromClientRecord(resolved.event);
        if (event) return event.checkpoint;
      }
      if (records < 100) return null;
    }
  }

  async waitForAppends(timeoutMs: number): Promise<void> {
    this.ensureSubscription();
    await this.appendSignal.wait(timeoutMs);
  }

  /** A live subscription to `$all` from its end wakes waiters on any other process's append. */
  private ensureSubscription(): void {
    if (this.subscription || this.closed) return;
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: excludeSystemEvents() });
    this.subscription = subscription;
    // Dropped (server restart): waits fall back to their timeout until the next wait resubscribes.
    const drop = () => {
      if (this.subscription === subscription) this.subscription = null;
    };
    subscription.on('data', () => this.wake());
    // A subscription from the end sees only what is appended after the server confirms it: one
    // wake-up then makes waiters read again, which covers appends made while it was being set up.
    subscription.on('confirmation', () => this.wake());
    subscription.on('error', drop);
    subscription.on('close', drop);
    subscription.on('end', drop);
  }

  private wake(): void {
    this.appendSignal.notify();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.appendSignal.releaseAll();
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }
}

/**
 * A client read that is left early (break, return, throw) keeps its gRPC call open: the client
 * holds it until dispose() (which then never returns) and the server holds it against the
 * connection's stream limit once the client stops reading. This cancels it instead.
 */
async function* finishing<T>(read: EsdbRead<T>): AsyncGenerator<T> {
  let done = false;
  try {
    for await (const item of read) yield item;
    done = true;
  } finally {
    if (!done) await read.cancel();
  }
}

function minDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.min(a, b);
}
