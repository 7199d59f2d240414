import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { serveTasks } from '../lib/ipc.js';
import { concatFiles, type YearFiles } from '../lib/log-file.js';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'kensho-bench-copy' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const copy = (client: pg.Client, sql: string, paths: string[]) => pipeline(Readable.from(concatFiles(paths)), client.query(copyFrom(sql)));

async function count(client: pg.Client, table: string): Promise<number> {
  return Number((await client.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
}

serveTasks({
  /**
   * The ceiling: the very rows Kensho's store writes (ids, revisions, data, metadata with the hash
   * chain, computed while generating) put into the same es_events table, same indexes, by one
   * COPY in one transaction, then the es_streams heads. It also fills Kensho's database.
   */
  async kensho({ url, years, events }: { url: string; years: YearFiles[]; events: number }) {
    return withClient(url, async (client) => {
      const t0 = performance.now();
      await client.query('BEGIN');
      await copy(
        client,
        'COPY es_events (event_id, stream_id, stream_revision, event_type, data, metadata) FROM STDIN',
        years.map((y) => y.eventRows),
      );
      await copy(
        client,
        'COPY es_streams (stream_id, category, revision, head_hash) FROM STDIN',
        years.map((y) => y.streamRows),
      );
      await client.query('COMMIT');
      const seconds = (performance.now() - t0) / 1000;
      const stored = await count(client, 'es_events');
      if (stored !== events) throw new Error(`COPY into Kensho: ${stored} rows stored, ${events} expected`);
      return { events, seconds, perSecond: events / seconds };
    });
  },

  /**
   * Fills Emmett's tables with the rows its appendToStream writes for the same log (proved on a
   * prefix by comparison, see emmett.ts), so that its global read runs over 1M events without
   * spending the time budget on its bulk append. Its append sets transaction_id to
   * pg_current_xact_id(); COPY cannot call a function, so the column gets that default for the
   * duration of the transaction, and loses it again before the commit.
   */
  async emmett({ url, years, events }: { url: string; years: YearFiles[]; events: number }) {
    return withClient(url, async (client) => {
      const t0 = performance.now();
      await client.query('BEGIN');
      await client.query('ALTER TABLE emt_messages ALTER COLUMN transaction_id SET DEFAULT pg_current_xact_id()');
      await copy(
        client,
        'COPY emt_messages (stream_id, stream_position, message_data, message_metadata, message_schema_version, message_type, message_kind, message_id) FROM STDIN',
        years.map((y) => y.emmettMessages),
      );
      await client.query('ALTER TABLE emt_messages ALTER COLUMN transaction_id DROP DEFAULT');
      await copy(
        client,
        'COPY emt_streams (stream_id, stream_position, stream_type, stream_metadata) FROM STDIN',
        years.map((y) => y.emmettStreams),
      );
      await client.query('COMMIT');
      const seconds = (performance.now() - t0) / 1000;
      const stored = await count(client, 'emt_messages');
      if (stored !== events) throw new Error(`COPY into Emmett: ${stored} rows stored, ${events} expected`);
      return { events, seconds, perSecond: events / seconds };
    });
  },
});
