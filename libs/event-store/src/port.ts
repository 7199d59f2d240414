/**
 * The event-store port. Adapters (PostgreSQL here, EventStoreDB later) implement it and must pass
 * the one contract suite in ./contract.
 */

/** 'no_stream': the stream must not exist; 'stream_exists': it must; a number: its last revision (0-based). */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

/** Who did it and why, on every event (docs/events.md). `occurredAt` is business time from an injected clock. */
export interface EventMetadata {
  actorId: string;
  role: string;
  department: string | null;
  commandId: string;
  correlationId: string;
  causationId: string;
  occurredAt: string;
  schemaVersion: number;
  [extra: string]: unknown;
}

export interface NewEvent {
  /** Derived from the command id (see eventIdFor) so a retried command appends nothing. */
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

/** Opaque, adapter-specific, totally ordered position in the global log. */
export type LogCheckpoint = string;

export interface RecordedEvent {
  id: string;
  streamId: string;
  revision: number;
  /** Global position, a number clients can quote back (read-your-writes). */
  position: number;
  /** Where a reader of the global log resumes after this event. */
  checkpoint: LogCheckpoint;
  type: string;
  data: Record<string, unknown>;
  /** The appended metadata plus `hash`: SHA-256 of the previous hash and this event (docs/events.md). */
  metadata: EventMetadata & { hash: string };
  /** The store's own clock: when the event was recorded (the second time axis of the audit). */
  recordedAt: string;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the stream's last event after the append. */
  nextExpectedRevision: number;
  /** Global position of the last event appended (or, for a duplicate, previously appended). */
  position: number;
  /** True when every event id was already stored: a retried command; nothing was appended. */
  duplicate: boolean;
}

export interface ReadStreamOptions {
  direction?: 'forward' | 'backward';
  /** Inclusive. Forward reads start here; backward reads start here and go down. */
  fromRevision?: number;
  /** Inclusive bound in the direction of reading. */
  toRevision?: number;
  maxCount?: number;
  /** Only events whose business time (`occurredAt`) is at or before this instant. */
  occurredUntil?: string;
  /** Only events the store had recorded at or before this instant. */
  recordedUntil?: string;
}

export interface ReadAllResult {
  events: RecordedEvent[];
  /** Pass back as `after` to continue; unchanged when nothing new was visible. */
  checkpoint: LogCheckpoint | null;
}

export abstract class EventStore {
  abstract appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  abstract readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Where the event with this id was stored in this stream, or null: how a retried command is
   * recognised before deciding. The stream is named because not every store indexes ids globally.
   */
  abstract findEvent(streamId: string, eventId: string): Promise<{ streamId: string; revision: number; position: number } | null>;
  /** Current last revision of a stream, or null when it does not exist. */
  abstract streamRevision(streamId: string): Promise<number | null>;
  /**
   * Reads the global log in a stable total order after a checkpoint. Never returns an event and
   * later lets a concurrently committed event appear before it.
   */
  abstract readAll(options: { after: LogCheckpoint | null; maxCount: number }): Promise<ReadAllResult>;
  /** The checkpoint a reader has passed once it has seen the event at `position`; null if unknown. */
  abstract checkpointOfPosition(position: number): Promise<LogCheckpoint | null>;
  /** Negative, zero or positive like a comparator. null sorts before everything. */
  abstract compareCheckpoints(a: LogCheckpoint | null, b: LogCheckpoint | null): number;
  /** The checkpoint of the last event visible to readers now. */
  abstract headCheckpoint(): Promise<LogCheckpoint | null>;
  /** Resolves when new events may be visible, or after timeoutMs. */
  abstract waitForAppends(timeoutMs: number): Promise<void>;
  abstract close(): Promise<void>;
}
