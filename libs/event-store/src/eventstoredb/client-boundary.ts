import type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  AppendResult as ClientAppendResult,
  Direction,
  EventData,
  Filter,
  Position,
  ReadPosition,
  ReadRevision,
  ResolvedEvent,
} from '@eventstore/db-client';

/**
 * The part of `EventStoreDBClient` the adapter uses, and nothing more: the real client satisfies it
 * structurally, and the unit tests pass a small in-memory fake (./testing) instead of a server.
 */
export interface EsdbClient {
  appendToStream(streamName: string, events: EventData[], options: EsdbAppendOptions): Promise<ClientAppendResult>;
  readStream(streamName: string, options: { direction: Direction; fromRevision: ReadRevision; maxCount?: number }): EsdbRead<ResolvedEvent>;
  readAll(options: { direction: Direction; fromPosition: ReadPosition; maxCount: number }): EsdbRead<AllStreamResolvedEvent>;
  subscribeToAll(options: { fromPosition: ReadPosition; filter: Filter }): EsdbSubscription;
  dispose(): Promise<void>;
}

/** The expected revision under the name of each client generation (see mapping.appendOptions). */
export interface EsdbAppendOptions {
  expectedRevision: AppendExpectedRevision;
  streamState: AppendExpectedRevision;
}

/** A read in progress: iterated to its end, or cancelled (its gRPC call stays open otherwise). */
export interface EsdbRead<T> extends AsyncIterable<T> {
  cancel(): Promise<void>;
}

/** The events the adapter listens to on a catch-up subscription. */
export interface EsdbSubscription {
  on(event: 'data', listener: (event: AllStreamResolvedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close' | 'end' | 'confirmation', listener: () => void): unknown;
  unsubscribe(): Promise<void>;
}

export type { Position };
