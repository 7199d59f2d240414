import type pg from 'pg';
import type { Database } from '@kensho/platform';
import { PartialDuplicateError, WrongExpectedRevisionError } from '../errors.js';
import { AppendSignal } from '../append-signal.js';
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
const COLUMNS = `global_position, tx_id::text AS tx_text, event_id, stream_id, stream_revision, event_type, data, metadata, recorded_at`;

interface EventRow {
  global_position: number;
  /** Text: xid8 exceeds JavaScript's safe integers in principle. Never ORDER BY this alias. */
  tx_text: string;
  event_id: string;
  stream_id: string;
  stream_revision: number;
  event_type: string;
  data: Record<string, unknown>;
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
}

export class PostgresEventStore extends EventStore {
  private listener: pg.PoolClient | null = null;
  private readonly appended = new AppendSignal();

  constructor(private readonly db: Database) {
    super();
  }

  async appendToStream(streamId: string, events: NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('appendToStream needs at least one event');
    const duplicate = await this.findDuplicate(streamId, events);
    if (duplicate) return duplicate;
    try {
      return await this.db.transaction((client) => this.appendInTransaction(client, streamId, events, expected));
    } catch (error) {
      // A concurrent retry of the same command won the race: report it as the duplicate it is.
      if ((error as { constraint?: string }).constraint === 'es_events_event_id_unique') {
        const again = await this.findDuplicate(streamId, events);
        if (again) return again;
      }
      throw error;
    }
  }

  private async appendInTransaction(
    client: pg.PoolClient,
    streamId: string,
    events: NewEvent[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const head = await client.query<{ revision: number; head_hash: string }>(
      'SELECT revision, head_hash FROM es_streams WHERE stream_id = $1 FOR UPDATE',
      [streamId],
    );
    let current = head.rows[0] ?? null;
    if (!current) {
      // Serialise creators of the same new stream: the loser waits here, then sees the winner's row.
      const created = await client.query(
        `INSERT INTO es_streams (stream_id, category, revision, head_hash) VALUES ($1, $2, -1, $3)
         ON CONFLICT (stream_id) DO NOTHING RETURNING revision`,
        [streamId, categoryOf(streamId), GENESIS_HASH],
      );
      if (created.rowCount === 0) {
        current = (
          await client.query<{ revision: number; head_hash: string }>(
            'SELECT revision, head_hash FROM es_streams WHERE stream_id = $1 FOR UPDATE',
            [streamId],
          )
        ).rows[0]!;
      }
    }
    const actual = current && current.revision >= 0 ? current.revision : null;
    checkExpected(streamId, expected, actual);

    let previousHash = current?.head_hash ?? GENESIS_HASH;
    const base = (actual ?? -1) + 1;
    const rows = events.map((event, index) => {
      const revision = base + index;
      const hash = eventHash(previousHash, { streamId, revision, type: event.type, data: event.data, metadata: event.metadata });
      previousHash = hash;
      return { id: event.id, revision, type: event.type, data: event.data, metadata: { ...event.metadata, hash } };
    });
    const inserted = await client.query<{ global_position: number }>(
      `INSERT INTO es_events (event_id, stream_id, stream_revision, event_type, data, metadata)
       SELECT u.id, $1, u.revision, u.type, u.data, u.metadata
       FROM unnest($2::uuid[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[])
            AS u(id, revision, type, data, metadata)
       RETURNING global_position`,
      [
        streamId,
        rows.map((r) => r.id),
        rows.map((r) => r.revision),
        rows.map((r) => r.type),
        rows.map((r) => JSON.stringify(r.data)),
        rows.map((r) => JSON.stringify(r.metadata)),
      ],
    );
    const last = rows[rows.length - 1]!;
    await client.query('UPDATE es_streams SET revision = $2, head_hash = $3 WHERE stream_id = $1', [
      streamId,
      last.revision,
      previousHash,
    ]);
    await client.query(`SELECT pg_notify('${NOTIFY_CHANNEL}', '')`);
    const position = Math.max(...inserted.rows.map((r) => r.global_position));
    return { streamId, nextExpectedRevision: last.revision, position, duplicate: false };
  }

  private async findDuplicate(streamId: string, events: NewEvent[]): Promise<AppendResult | null> {
    const ids = events.map((e) => e.id);
    const found = await this.db.query<{ event_id: string; global_position: number; stream_revision: number }>(
      'SELECT event_id, global_position, stream_revision FROM es_events WHERE event_id = ANY($1::uuid[])',
      [ids],
    );
    if (found.rowCount === 0) return null;
    if (found.rowCount !== ids.length) {
      throw new PartialDuplicateError(streamId, found.rows.map((r) => r.event_id));
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
    const result = await this.db.query<EventRow>(sql, values);
    return result.rows.map(toRecorded);
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
    const result = await this.db.query<EventRow>(
      `SELECT ${COLUMNS} FROM es_events
       WHERE (tx_id, global_position) > ($1::xid8, $2::bigint)
         AND tx_id < pg_snapshot_xmin(pg_current_snapshot())
       ORDER BY tx_id, global_position
       LIMIT $3`,
      [txId, position, options.maxCount],
    );
    const events = result.rows.map(toRecorded);
    return { events, checkpoint: events.length ? events[events.length - 1]!.checkpoint : options.after };
  }

  async checkpointOfPosition(position: number): Promise<LogCheckpoint | null> {
    const result = await this.db.query<{ tx_text: string }>(
      'SELECT tx_id::text AS tx_text FROM es_events WHERE global_position = $1',
      [position],
    );
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
    this.listener = client;
    client.on('notification', () => this.appended.notify());
    client.on('error', () => {
      this.listener = null;
    });
    await client.query(`LISTEN ${NOTIFY_CHANNEL}`);
  }

  async close(): Promise<void> {
    this.appended.releaseAll();
    if (this.listener) {
      const listener = this.listener;
      this.listener = null;
      await listener.query(`UNLISTEN ${NOTIFY_CHANNEL}`).catch(() => undefined);
      listener.release();
    }
  }
}

function checkExpected(streamId: string, expected: ExpectedRevision, actual: number | null): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === null) ||
    (expected === 'stream_exists' && actual !== null) ||
    (typeof expected === 'number' && expected === actual);
  if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
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

function toRecorded(row: EventRow): RecordedEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: row.stream_revision,
    position: row.global_position,
    checkpoint: `${row.tx_text}:${row.global_position}`,
    type: row.event_type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at.toISOString(),
  };
}
