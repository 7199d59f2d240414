import { EventEmitter } from 'node:events';
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamRecordedEvent,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult,
  type Direction,
  type EventData,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EsdbClient, EsdbRead, EsdbSubscription } from '../client-boundary.js';

/**
 * An in-memory stand-in for EventStoreDB behind the client methods the adapter calls. It imitates
 * the server behaviour the adapter relies on, as read in the server's source (AllReader, request
 * managers) and the client's typings, not as observed on a running server (none runs here):
 * - every event is its own commit in the log: position { commit, prepare } with commit = prepare;
 * - forward reads of `$all` include the event at fromPosition, backward reads stop before it;
 * - `$all` interleaves the server's own '$' records ($stats…), which the client does not filter;
 * - reading a missing stream fails with StreamNotFoundError while iterating;
 * - a wrong expected revision fails with WrongExpectedVersionError carrying the current revision;
 * - an append whose ids are already the events right after the expected revision succeeds
 *   without writing (the server's idempotence);
 * - one batch is atomic, and visible only once completely written.
 */
export class FakeEsdbClient implements EsdbClient {
  readonly log: AllStreamRecordedEvent[] = [];
  private readonly streams = new Map<string, AllStreamRecordedEvent[]>();
  private readonly subscribers = new Set<EventEmitter>();
  private nextPosition = 1000n;
  readonly readAllCalls: Array<{ direction: Direction; fromPosition: ReadPosition; maxCount: number }> = [];
  readonly appendCalls: Array<{ streamName: string; expectedRevision: AppendExpectedRevision; ids: string[] }> = [];
  /** Runs between an append's arrival and its check: a test writes there to lose a race. */
  beforeAppend: ((streamName: string) => Promise<void> | void) | null = null;
  /** Servers before 22.6 leave positions out of stream reads. */
  streamReadsCarryPositions = true;
  disposed = false;

  async appendToStream(streamName: string, events: EventData[], options: { expectedRevision: AppendExpectedRevision }): Promise<AppendResult> {
    const { expectedRevision } = options;
    this.appendCalls.push({ streamName, expectedRevision, ids: events.map((e) => e.id) });
    await new Promise((resolve) => setImmediate(resolve)); // the network: other calls interleave here
    if (this.beforeAppend) await this.beforeAppend(streamName);
    const stream = this.streams.get(streamName) ?? [];
    const current = stream.length === 0 ? NO_STREAM : BigInt(stream.length - 1);
    const replay = this.idempotentReplay(stream, events, expectedRevision);
    if (replay) return replay;
    const ok =
      expectedRevision === ANY ||
      (expectedRevision === NO_STREAM && current === NO_STREAM) ||
      (expectedRevision === STREAM_EXISTS && current !== NO_STREAM) ||
      expectedRevision === current;
    if (!ok) throw new WrongExpectedVersionError(undefined, { streamName, expected: expectedRevision, current });
    for (const event of events) this.write(streamName, event);
    const last = this.log[this.log.length - 1]!;
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  private idempotentReplay(stream: AllStreamRecordedEvent[], events: EventData[], expected: AppendExpectedRevision): AppendResult | null {
    if (expected === ANY || expected === STREAM_EXISTS) return null;
    const first = expected === NO_STREAM ? 0 : Number(expected) + 1;
    const same = events.every((event, index) => stream[first + index]?.id === event.id);
    if (!same || first + events.length > stream.length) return null;
    const last = stream[first + events.length - 1]!;
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  /** Writes one record to the log; tests use it for the server's own '$' records. */
  write(streamName: string, event: Pick<EventData, 'id' | 'type' | 'data' | 'metadata'>): AllStreamRecordedEvent {
    const stream = this.streams.get(streamName) ?? [];
    const position = { commit: this.nextPosition, prepare: this.nextPosition };
    this.nextPosition += 137n + BigInt(JSON.stringify(event.data).length);
    const record = {
      streamId: streamName,
      id: event.id,
      isJson: true as const,
      revision: BigInt(stream.length),
      type: event.type,
      created: new Date(),
      // What the wire does to JSON: a copy, not the writer's objects.
      data: JSON.parse(JSON.stringify(event.data)) as Record<string, unknown>,
      metadata: event.metadata === undefined ? undefined : (JSON.parse(JSON.stringify(event.metadata)) as Record<string, unknown>),
      position,
    } satisfies AllStreamRecordedEvent;
    stream.push(record);
    this.streams.set(streamName, stream);
    this.log.push(record);
    if (!streamName.startsWith('$')) for (const subscriber of this.subscribers) subscriber.emit('data', { event: record });
    return record;
  }

  readStream(streamName: string, options: { direction: Direction; fromRevision: ReadRevision; maxCount?: number }): EsdbRead<ResolvedEvent> {
    return this.cancellable(this.streamRecords(streamName, options));
  }

  private async *streamRecords(
    streamName: string,
    options: { direction: Direction; fromRevision: ReadRevision; maxCount?: number },
  ): AsyncGenerator<ResolvedEvent> {
    await Promise.resolve();
    const stream = this.streams.get(streamName);
    if (!stream) throw new StreamNotFoundError(undefined, streamName);
    const backward = options.direction === 'backwards';
    const from = options.fromRevision === 'start' ? 0 : options.fromRevision === 'end' ? stream.length - 1 : Number(options.fromRevision);
    const ordered = backward ? stream.slice(0, Math.min(from, stream.length - 1) + 1).reverse() : stream.slice(from);
    for (const record of ordered.slice(0, options.maxCount ?? Number.MAX_SAFE_INTEGER)) {
      yield { event: this.streamReadsCarryPositions ? record : { ...record, position: undefined } };
    }
  }

  readAll(options: { direction: Direction; fromPosition: ReadPosition; maxCount: number }): EsdbRead<AllStreamResolvedEvent> {
    this.readAllCalls.push(options);
    return this.cancellable(this.allRecords(options));
  }

  /** Reads cancelled before their end (the real client's cancel() ends the gRPC call). */
  cancelledReads = 0;

  private cancellable<T>(records: AsyncGenerator<T>): EsdbRead<T> {
    return Object.assign(records, {
      cancel: async () => {
        this.cancelledReads++;
        await records.return(undefined);
      },
    });
  }

  private async *allRecords(options: { direction: Direction; fromPosition: ReadPosition; maxCount: number }): AsyncGenerator<AllStreamResolvedEvent> {
    await Promise.resolve();
    const { fromPosition } = options;
    const at = (record: AllStreamRecordedEvent) =>
      typeof fromPosition === 'string' ? 0 : record.position.commit === fromPosition.commit ? 0 : record.position.commit < fromPosition.commit ? -1 : 1;
    const ordered =
      options.direction === 'forwards'
        ? this.log.filter((r) => fromPosition === 'start' || (fromPosition !== 'end' && at(r) >= 0))
        : this.log.filter((r) => fromPosition === 'end' || (fromPosition !== 'start' && at(r) < 0)).reverse();
    for (const record of ordered.slice(0, options.maxCount)) yield { event: record, commitPosition: record.position.commit };
  }

  subscribeToAll(): EsdbSubscription {
    const emitter = new EventEmitter();
    this.subscribers.add(emitter);
    return Object.assign(emitter, {
      unsubscribe: async () => {
        this.subscribers.delete(emitter);
        emitter.emit('close');
      },
    });
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** A dropped subscription, as on a server restart. */
  dropSubscriptions(): void {
    for (const subscriber of [...this.subscribers]) {
      this.subscribers.delete(subscriber);
      subscriber.emit('error', new Error('subscription dropped'));
    }
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }
}
