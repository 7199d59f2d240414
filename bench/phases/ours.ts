import { isDeepStrictEqual } from 'node:util';
import { verifyIntegrity } from '@kensho/audit';
import { ALL_MIGRATIONS } from '@kensho/core';
import { PostgresEventStore, type LogCheckpoint } from '@kensho/event-store';
import { Database, SystemClock, runMigrations } from '@kensho/platform';
import { AggregateService, SheetAggregate } from '@kensho/review';
import { appendStream, measureAppends, revisionEvent, type AppendOptions } from '../lib/append-workload.js';
import { LimitedStore } from '../lib/limited-store.js';
import { serveTasks } from '../lib/ipc.js';
import { loadLog } from '../lib/load-log.js';
import { log, summarize } from '../lib/stats.js';

/** Kensho's own PostgreSQL event store, driven through its port as the service drives it. */
const opened = new Map<string, { db: Database; store: PostgresEventStore }>();

async function connect(url: string, poolSize: number): Promise<{ db: Database; store: PostgresEventStore }> {
  let found = opened.get(url);
  if (!found) {
    await runMigrations(url, ALL_MIGRATIONS);
    const db = new Database(url, { max: poolSize, applicationName: 'kensho-bench' });
    opened.set(url, (found = { db, store: new PostgresEventStore(db) }));
  }
  return found;
}

const open = async (url: string, poolSize: number) => (await connect(url, poolSize)).store;

serveTasks(
  {
    /** The first `limit` events of the log through appendToStream, a batch per stream and wave, `writers` at a time. */
    async load({ url, batchFiles, writers, limit }: { url: string; batchFiles: string[]; writers: number; limit: number }) {
      const s = await open(url, writers + 4);
      return loadLog(batchFiles, { writers, limit, prefix: limit, label: 'Kensho' }, async (b) => {
        await s.appendToStream(b.streamId, b.events, b.after < 0 ? 'no_stream' : b.after);
      });
    },

    async append({ url, ...options }: AppendOptions & { url: string }) {
      const s = await open(url, options.writers + 4);
      return measureAppends(options, {
        create: async (streamId, event) => void (await s.appendToStream(streamId, [event], 'no_stream')),
        append: async (streamId, event, expected) => void (await s.appendToStream(streamId, [event], expected)),
      });
    },

    /** readAll from the start in batches, as a projection rebuild reads it. */
    async read({ url, batchSize, limit, maxSeconds }: { url: string; batchSize: number; limit: number; maxSeconds: number }) {
      const s = await open(url, 20);
      let after: LogCheckpoint | null = null;
      let events = 0;
      const t0 = performance.now();
      while (events < limit && performance.now() - t0 < maxSeconds * 1000) {
        const page = await s.readAll({ after, maxCount: Math.min(batchSize, limit - events) });
        if (page.events.length === 0) break;
        events += page.events.length;
        after = page.checkpoint;
      }
      const seconds = (performance.now() - t0) / 1000;
      return { events, seconds, perSecond: events / seconds, complete: events >= limit };
    },

    /**
     * The log's rows as the store wrote them (the prefix appended by `load`, its first `limit`)
     * against the rows the ceiling's COPY wrote: the same ids, data, metadata and hash chain.
     */
    async compare({ url, storeUrl, limit }: { url: string; storeUrl: string; limit: number }) {
      const copied = (await connect(url, 20)).db;
      const appended = (await connect(storeUrl, 20)).db;
      const rows = await appended.query<{ stream_id: string; stream_revision: number; event_id: string; event_type: string; data: unknown; metadata: unknown }>(
        'SELECT stream_id, stream_revision, event_id, event_type, data, metadata FROM es_events ORDER BY global_position LIMIT $1',
        [limit],
      );
      const twins = await copied.query<{ stream_id: string; stream_revision: number; event_id: string; event_type: string; data: unknown; metadata: unknown }>(
        `SELECT e.stream_id, e.stream_revision, e.event_id, e.event_type, e.data, e.metadata
         FROM es_events e JOIN unnest($1::text[], $2::bigint[]) AS k(stream_id, revision)
           ON e.stream_id = k.stream_id AND e.stream_revision = k.revision`,
        [rows.rows.map((r) => r.stream_id), rows.rows.map((r) => r.stream_revision)],
      );
      const byKey = new Map(twins.rows.map((r) => [`${r.stream_id}/${r.stream_revision}`, r]));
      for (const row of rows.rows) {
        const twin = byKey.get(`${row.stream_id}/${row.stream_revision}`);
        if (!twin || !isDeepStrictEqual(twin, row)) {
          throw new Error(`the ceiling's COPY rows differ from what the store appended at ${row.stream_id}@${row.stream_revision}`);
        }
      }
      return { compared: rows.rows.length };
    },

    /** verifyIntegrity over the whole log: every stream's hash chain, every publication pin. */
    async verify({ url, limit, maxSeconds }: { url: string; limit: number; maxSeconds: number }) {
      const { db, store: s } = await connect(url, 20);
      const t0 = performance.now();
      const limited = new LimitedStore(s, { maxEvents: limit, deadline: t0 + maxSeconds * 1000 });
      let last = 0;
      const report = await verifyIntegrity(limited, db, (checked) => {
        if (checked - last >= 250_000) log(`  verify: ${((last = checked)).toLocaleString('en')} events checked`);
      });
      const seconds = (performance.now() - t0) / 1000;
      return {
        ok: report.ok,
        events: report.eventsChecked,
        streams: report.streamsChecked,
        pins: report.pinsChecked,
        breaks: report.breaks.slice(0, 3),
        seconds,
        perSecond: report.eventsChecked / seconds,
        complete: report.eventsChecked >= limit,
      };
    },

    /** A sheet at a version, folded from its 1,000-event stream by AggregateService.load. */
    async timeTravel({ url, streamEvents, repeats }: { url: string; streamEvents: number; repeats: number }) {
      const s = await open(url, 20);
      const k = 9_000; // far from the append phase's streams
      const { streamId, department, created } = appendStream(k);
      await s.appendToStream(streamId, [created], 'no_stream');
      for (let n = 1; n < streamEvents; n += 100) {
        const batch = Array.from({ length: Math.min(100, streamEvents - n) }, (_, i) => revisionEvent(streamId, department, k, n + i));
        await s.appendToStream(streamId, batch, n - 1);
      }
      const aggregates = new AggregateService(s, new SystemClock());
      const measure = async (version: number) => {
        const samples: number[] = [];
        for (let i = 0; i < repeats + 3; i++) {
          const t0 = performance.now();
          const loaded = await aggregates.load(SheetAggregate, streamId, { toRevision: version });
          if (loaded.version !== version) throw new Error(`time travel: loaded version ${loaded.version}, asked for ${version}`);
          if (i >= 3) samples.push(performance.now() - t0);
        }
        return summarize(samples);
      };
      return { streamEvents, last: await measure(streamEvents - 1), middle: await measure(Math.floor(streamEvents / 2)) };
    },
  },
  async () => {
    for (const { db, store } of opened.values()) {
      await store.close();
      await db.close();
    }
  },
);
