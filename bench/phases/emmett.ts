import { isDeepStrictEqual } from 'node:util';
import { dumbo } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import type { NewEvent } from '@kensho/event-store';
import pg from 'pg';
import { measureAppends, type AppendOptions } from '../lib/append-workload.js';
import { serveTasks } from '../lib/ipc.js';
import { loadLog } from '../lib/load-log.js';

/**
 * Emmett's PostgreSQL event store (@event-driven-io/emmett-postgresql) on its own database of the
 * same server, with a pool of the same size as ours, through its public API.
 */
const opened = new Map<string, { pool: pg.Pool; store: PostgresEventStore }>();

async function connect(url: string, poolSize: number): Promise<{ pool: pg.Pool; store: PostgresEventStore }> {
  let found = opened.get(url);
  if (!found) {
    const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'kensho-bench-emmett' });
    const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
    await store.schema.migrate();
    opened.set(url, (found = { pool, store }));
  }
  return found;
}

const open = async (url: string, poolSize: number) => (await connect(url, poolSize)).store;

async function withClients<T>(a: string, b: string, work: (a: pg.Client, b: pg.Client) => Promise<T>): Promise<T> {
  const clients = [new pg.Client({ connectionString: a }), new pg.Client({ connectionString: b })] as const;
  for (const client of clients) await client.connect();
  try {
    return await work(...clients);
  } finally {
    for (const client of clients) await client.end();
  }
}

/** The same event, as Emmett takes it: our deterministic id becomes its message id. */
const toEmmett = (e: NewEvent) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, messageId: e.id } });

/** Emmett's stream version counts events (0 = no stream); ours is the last revision (-1 = no stream). */
const versionAfter = (lastRevision: number) => BigInt(lastRevision + 1);

serveTasks(
  {
    /** Creates Emmett's schema (its own migrations), for the COPY that fills it. */
    async migrate({ url }: { url: string }) {
      await open(url, 4);
    },

    /** The first `limit` events of the log through appendToStream, a batch per stream and wave, as Kensho's are loaded. */
    async load({ url, batchFiles, writers, limit }: { url: string; batchFiles: string[]; writers: number; limit: number }) {
      const s = await open(url, writers + 4);
      return loadLog(batchFiles, { writers, limit, prefix: limit, label: 'Emmett' }, async (b) => {
        await s.appendToStream(b.streamId, b.events.map(toEmmett), { expectedStreamVersion: versionAfter(b.after) });
      });
    },

    /** The rows appendToStream wrote for the prefix against the rows the COPY wrote: equal, event by event. */
    async compare({ url, storeUrl, limit }: { url: string; storeUrl: string; limit: number }) {
      const columns =
        'stream_id, stream_position, message_data, message_metadata, message_schema_version, message_type, message_kind, message_id, partition, is_archived';
      return withClients(url, storeUrl, async (copied, appended) => {
        const rows = (await appended.query(`SELECT ${columns} FROM emt_messages ORDER BY global_position LIMIT $1`, [limit])).rows;
        const twins = (
          await copied.query(
            `SELECT ${columns
              .split(', ')
              .map((c) => `m.${c}`)
              .join(', ')} FROM emt_messages m
             JOIN unnest($1::text[], $2::bigint[]) AS k(stream_id, position) ON m.stream_id = k.stream_id AND m.stream_position = k.position`,
            [rows.map((r) => r.stream_id), rows.map((r) => String(r.stream_position))],
          )
        ).rows;
        const byKey = new Map(twins.map((r) => [`${r.stream_id}/${r.stream_position}`, r]));
        for (const row of rows) {
          if (!isDeepStrictEqual(byKey.get(`${row.stream_id}/${row.stream_position}`), row)) {
            throw new Error(`Emmett: the COPY rows differ from what appendToStream wrote at ${row.stream_id}@${row.stream_position}`);
          }
        }
        const compared = new Set(rows.map((r) => r.stream_id));
        const streams = (await appended.query('SELECT stream_id, stream_position, stream_type, stream_metadata, partition FROM emt_streams')).rows.filter((r) =>
          compared.has(r.stream_id),
        );
        const heads = new Map(
          (await copied.query('SELECT stream_id, stream_position, stream_type, stream_metadata, partition FROM emt_streams')).rows.map((r) => [r.stream_id, r]),
        );
        for (const stream of streams) {
          const twin = heads.get(stream.stream_id);
          // The prefix may end inside a stream: its head is then behind the full log's.
          if (
            !twin ||
            twin.stream_type !== stream.stream_type ||
            twin.partition !== stream.partition ||
            !isDeepStrictEqual(twin.stream_metadata, stream.stream_metadata) ||
            BigInt(twin.stream_position) < BigInt(stream.stream_position)
          ) {
            throw new Error(`Emmett: the COPY's emt_streams row differs from what appendToStream wrote for ${stream.stream_id}`);
          }
        }
        return { compared: rows.length };
      });
    },

    async append({ url, ...options }: AppendOptions & { url: string }) {
      const s = await open(url, options.writers + 4);
      return measureAppends(options, {
        create: async (streamId, event) => void (await s.appendToStream(streamId, [toEmmett(event)], { expectedStreamVersion: versionAfter(-1) })),
        append: async (streamId, event, expected) =>
          void (await s.appendToStream(streamId, [toEmmett(event)], { expectedStreamVersion: versionAfter(expected) })),
      });
    },

    /**
     * Emmett's own global read, readMessagesBatch (what its consumers and projections poll with),
     * from position 0 in batches. It stops after `maxSeconds`; the result then says how far it got.
     */
    async read({ url, batchSize, limit, maxSeconds }: { url: string; batchSize: number; limit: number; maxSeconds: number }) {
      const { pool } = await connect(url, 20);
      const executor = dumbo({ connectionString: url, pool }).execute;
      let after = 0n;
      let events = 0;
      let batches = 0;
      const batchMs: number[] = [];
      const t0 = performance.now();
      while (events < limit && performance.now() - t0 < maxSeconds * 1000) {
        const b0 = performance.now();
        const page = await readMessagesBatch(executor, { after, batchSize: Math.min(batchSize, limit - events) });
        batchMs.push(performance.now() - b0);
        if (page.messages.length === 0) break;
        events += page.messages.length;
        batches++;
        after = page.currentGlobalPosition;
      }
      const seconds = (performance.now() - t0) / 1000;
      return { events, batches, seconds, perSecond: events / seconds, complete: events >= limit, batchMs };
    },

    /** Emmett ships no index for its global read; this adds one, for the "with our index" reading. */
    async addReadIndex({ url }: { url: string }) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('CREATE INDEX IF NOT EXISTS bench_emt_messages_read_all ON emt_messages (transaction_id, global_position)');
        await client.query('ANALYZE emt_messages');
      } finally {
        await client.end();
      }
    },
  },
  async () => {
    for (const { pool, store } of opened.values()) {
      await store.close();
      await pool.end().catch(() => undefined);
    }
  },
);
