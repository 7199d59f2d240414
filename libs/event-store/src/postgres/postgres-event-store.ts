import type pg from 'pg';
import type { Database } from '@kensho/platform';
import { PartialDuplicateError, WrongExpectedRevisionError } from '../errors.js';
import { AppendSignal } from '../append-signal.js';
import { AppendBatcher } from './append-batcher.js';
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

const NOTIFY_CHANNEL = 'kensho_events';
// Read as arrays, in this order (no per-row objects keyed by name), with the recording time already
// in the ISO form RecordedEvent carries: the global log is read a million rows at a time.
// The text of tx_id keeps an alias of its own: unaliased it would be named tx_id, and ORDER BY tx_id
// would then sort by the text (a sequential scan and a sort instead of the index).
const COLUMNS = `global_position, tx_id::text AS tx_text, event_id, stream_id, stream_revision, event_type, data, metadata,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS recorded_text`;

/** Stream heads remembered for hashing the next append without asking first. */
const HEAD_CACHE_SIZE = 50_000;

/** A row of COLUMNS. tx_id is text: xid8 exceeds JavaScript's safe integers in principle. */
type EventRow = [
  position: number,
  txId: string,
  eventId: string,
  streamId: string,
  revision: number,
  type: string,
  data: Record<string, unknown>,
  metadata: RecordedEvent['metadata'],
  recordedAt: string,
];

export class PostgresEventStore extends EventStore {
  private listener: { client: pg.PoolClient; release(error?: Error): boolean } | null = null;
  private readonly appended = new AppendSignal();
  private readonly heads = new Map<string, { revision: number; hash: string }>();
  private readonly batcher: AppendBatcher;

  constructor(private readonly db: Database) {
    super();
    this.batcher = new AppendBatcher(db);
  }

  async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    // The head to hash onto: what this process last saw of the stream, else a guess the function corrects.
    const cached = this.heads.get(streamId);
    let base: { revision: number; hash: string | null } =
      cached && (typeof expected !== 'number' || cached.revision === expected)
        ? cached
        : expected === 'no_stream'
          ? { revision: -1, hash: GENESIS_HASH }
          : { revision: typeof expected === 'number' ? expected : -1, hash: null };
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.tryAppend(streamId, events, expected, base);
      if (outcome.kind === 'done') return outcome.result;
      // The head moved between our hashing and the lock (or was never known): hash onto the real one.
      if (attempt >= 3) throw new Error(`Stream ${streamId}: its head kept moving while appending`);
      base = outcome.head;
    }
  }

  private async tryAppend(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
    base: { revision: number; hash: string | null },
  ): Promise<{ kind: 'done'; result: AppendResult } | { kind: 'stale'; head: { revision: number; hash: string } }> {
    let previousHash = base.hash ?? GENESIS_HASH;
    const metadata = events.map((event, index) => {
      const hash = eventHash(previousHash, { streamId, revision: base.revision + 1 + index, type: event.type, data: event.data, metadata: event.metadata });
      previousHash = hash;
      return JSON.stringify({ ...event.metadata, hash });
    });
    const row = await this.batcher.submit({
      streamId,
      category: categoryOf(streamId),
      expectedKind: typeof expected === 'number' ? 'exact' : expected,
      expected: typeof expected === 'number' ? expected : null,
      baseRevision: base.revision,
      baseHash: base.hash,
      ids: events.map((e) => e.id),
      types: events.map((e) => e.type),
      data: events.map((e) => JSON.stringify(e.data)),
      metadata,
      lastHash: previousHash,
    });
    switch (row.outcome) {
      case 'appended':
        this.rememberHead(streamId, row.revision!, row.head_hash!);
        this.appended.notify();
        return { kind: 'done', result: { streamId, nextExpectedRevision: row.revision!, position: row.last_position!, duplicate: false } };
      case 'duplicate':
        return { kind: 'done', result: { streamId, nextExpectedRevision: row.revision!, position: row.last_position!, duplicate: true } };
      case 'wrong_expected_revision':
        this.rememberHead(streamId, row.revision!, row.head_hash!);
        throw new WrongExpectedRevisionError(streamId, expected, row.revision! < 0 ? null : row.revision!);
      case 'stale_head':
        return { kind: 'stale', head: { revision: row.revision!, hash: row.head_hash! } };
      case 'partial_duplicate':
      case 'unique_violation': {
        // A concurrent retry of the same command won the race: report it as the duplicate it is.
        // (Only some of the ids stored: findDuplicate throws PartialDuplicateError naming them.)
        const again = await this.findDuplicate(streamId, events);
        if (again) return { kind: 'done', result: again };
        throw new Error(`Stream ${streamId}: an event id was taken concurrently, yet none of this append's ids is stored`);
      }
      default:
        throw new Error(`es_append answered ${row.outcome}`);
    }
  }

  /** Remembers a stream's head; bounded, oldest forgotten first (it is only a hint, checked by es_append). */
  private rememberHead(streamId: string, revision: number, hash: string): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, { revision, hash });
    if (this.heads.size > HEAD_CACHE_SIZE) this.heads.delete(this.heads.keys().next().value!);
  }

  private async findDuplicate(streamId: string, events: NewEvent[]): Promise<AppendResult | null> {
    const ids = events.map((e) => e.id);
    const found = await this.db.query<{ event_id: string; global_position: number; stream_revision: number }>(
      'SELECT event_id, global_position, stream_revision FROM es_events WHERE event_id = ANY($1::uuid[])',
      [ids],
    );
    if (found.rowCount === 0) return null;
    if (found.rowCount !== ids.length) {
      throw new PartialDuplicateError(
        streamId,
        found.rows.map((r) => r.event_id),
      );
    }
    const last = found.rows.reduce((a, b) => (a.global_position > b.global_position ? a : b));
    return { streamId, nextExpectedRevision: last.stream_revision, position: last.global_position, duplicate: true };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backward = options.direction === 'backward';
    const where = ['stream_id = $1'];
    const values: unknown[] = [streamId];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (options.fromRevision !== undefined) add(backward ? 'stream_revision <= ?' : 'stream_revision >= ?', options.fromRevision);
    if (options.toRevision !== undefined) add(backward ? 'stream_revision >= ?' : 'stream_revision <= ?', options.toRevision);
    if (options.occurredUntil !== undefined) add(`(metadata->>'occurredAt')::timestamptz <= ?::timestamptz`, options.occurredUntil);
    if (options.recordedUntil !== undefined) add('recorded_at <= ?::timestamptz', options.recordedUntil);
    let sql = `SELECT ${COLUMNS} FROM es_events WHERE ${where.join(' AND ')} ORDER BY stream_revision ${backward ? 'DESC' : 'ASC'}`;
    if (options.maxCount !== undefined) {
      values.push(options.maxCount);
      sql += ` LIMIT $${values.length}`;
    }
    const events = (await this.db.queryArrays<EventRow>(sql, values)).map(toRecorded);
    const whole =
      !backward &&
      options.toRevision === undefined &&
      options.maxCount === undefined &&
      options.occurredUntil === undefined &&
      options.recordedUntil === undefined;
    // A whole forward read ends at the head: the next append (a command after its load) can hash onto it at once.
    const last = events[events.length - 1];
    if (whole && last) this.rememberHead(streamId, last.revision, last.metadata.hash);
    return events;
  }

  async findEvent(streamId: string, eventId: string): Promise<{ streamId: string; revision: number; position: number } | null> {
    const result = await this.db.query<{ stream_id: string; stream_revision: number; global_position: number }>(
      'SELECT stream_id, stream_revision, global_position FROM es_events WHERE event_id = $1 AND stream_id = $2',
      [eventId, streamId],
    );
    const row = result.rows[0];
    return row ? { streamId: row.stream_id, revision: row.stream_revision, position: row.global_position } : null;
  }

  async streamRevision(streamId: string): Promise<number | null> {
    const result = await this.db.query<{ revision: number }>('SELECT revision FROM es_streams WHERE stream_id = $1', [streamId]);
    const revision = result.rows[0]?.revision;
    return revision === undefined || revision < 0 ? null : revision;
  }

  async readAll(options: { after: LogCheckpoint | null; maxCount: number }): Promise<ReadAllResult> {
    const [txId, position] = parseCheckpoint(options.after);
    const rows = await this.db.queryArrays<EventRow>(
      `SELECT ${COLUMNS} FROM es_events
       WHERE (tx_id, global_position) > ($1::xid8, $2::bigint)
         AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY tx_id, global_position
       LIMIT $3`,
      [txId, position, options.maxCount],
    );
    const events = rows.map(toRecorded);
    return { events, checkpoint: events.length ? events[events.length - 1]!.checkpoint : options.after };
  }

  async checkpointOfPosition(position: number): Promise<LogCheckpoint | null> {
    const result = await this.db.query<{ tx_text: string }>('SELECT tx_id::text AS tx_text FROM es_events WHERE global_position = $1', [position]);
    const row = result.rows[0];
    return row ? `${row.tx_text}:${position}` : null;
  }

  compareCheckpoints(a: LogCheckpoint | null, b: LogCheckpoint | null): number {
    const [ta, pa] = parseCheckpoint(a).map(BigInt) as [bigint, bigint];
    const [tb, pb] = parseCheckpoint(b).map(BigInt) as [bigint, bigint];
    if (ta !== tb) return ta < tb ? -1 : 1;
    return pa === pb ? 0 : pa < pb ? -1 : 1;
  }

  async headCheckpoint(): Promise<LogCheckpoint | null> {
    const result = await this.db.query<{ tx_text: string; global_position: number }>(
      `SELECT tx_id::text AS tx_text, global_position FROM es_events
       WHERE tx_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY tx_id DESC, global_position DESC LIMIT 1`,
    );
    const row = result.rows[0];
    return row ? `${row.tx_text}:${row.global_position}` : null;
  }

  async waitForAppends(timeoutMs: number): Promise<void> {
    await this.ensureListener();
    await this.appended.wait(timeoutMs);
  }

  private async ensureListener(): Promise<void> {
    if (this.listener) return;
    const client = await this.db.pool.connect();
    let released = false;
    const release = (error?: Error) => {
      if (released) return false;
      released = true;
      if (this.listener?.client === client) this.listener = null;
      client.release(error);
      return true;
    };
    const lost = (error?: Error) => {
      // Destroyed, not kept: a listening client never returned to the pool is one fewer for every
      // request, and enough lost connections would leave none. The next wait listens anew.
      if (!release(error ?? new Error('LISTEN connection ended'))) return;
      // Whoever waits re-reads the log rather than sleeping through appends nobody announced.
      this.appended.notify();
    };
    client.on('notification', () => this.appended.notify());
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
    } catch (error) {
      lost(error as Error);
      throw error;
    }
    if (!released) this.listener = { client, release };
  }

  async close(): Promise<void> {
    this.appended.releaseAll();
    if (this.listener) {
      const { client, release } = this.listener;
      this.listener = null;
      await client.query(`UNLISTEN ${NOTIFY_CHANNEL}`).catch(() => undefined);
      release();
    }
  }
}

/** The category is what precedes the first '-', as EventStoreDB defines it. */
export function categoryOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

function parseCheckpoint(checkpoint: LogCheckpoint | null): [string, string] {
  if (!checkpoint) return ['0', '0'];
  const [txId, position] = checkpoint.split(':');
  if (!txId || !position || !/^\d+$/.test(txId) || !/^\d+$/.test(position)) {
    throw new Error(`Not a PostgreSQL log checkpoint: ${checkpoint}`);
  }
  return [txId, position];
}

function toRecorded([position, txId, id, streamId, revision, type, data, metadata, recordedAt]: EventRow): RecordedEvent {
  return { id, streamId, revision, position, checkpoint: `${txId}:${position}`, type, data, metadata, recordedAt };
}
