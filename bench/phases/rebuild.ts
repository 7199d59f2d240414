import { ALL_MIGRATIONS, ALL_PROJECTIONS } from '@kensho/core';
import { PostgresEventStore } from '@kensho/event-store';
import { Database, runMigrations } from '@kensho/platform';
import { ProjectionRebuilder } from '@kensho/projections';
import { serveTasks } from '../lib/ipc.js';
import { LimitedStore } from '../lib/limited-store.js';
import { log } from '../lib/stats.js';

/**
 * ProjectionRebuilder, as `projections rebuild` runs it: every view in one pass over the log from
 * its start, then the swap. Time-boxed by `maxSeconds` (the log then ends there for the rebuilder,
 * and the result says how far it got). Peak RSS is this process's: it does nothing else.
 */
async function rebuildAll({ url, maxEvents, maxSeconds }: { url: string; maxEvents: number; maxSeconds: number }) {
  await runMigrations(url, ALL_MIGRATIONS);
  const db = new Database(url, { max: 8, applicationName: 'kensho-bench-rebuild' });
  const store = new PostgresEventStore(db);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  try {
    const limited = new LimitedStore(store, { maxEvents, deadline: performance.now() + maxSeconds * 1000 });
    let reported = 0;
    const result = await new ProjectionRebuilder(db, limited).rebuildAll(ALL_PROJECTIONS, {
      total: maxEvents,
      progress: (p) => {
        if (p.events - reported < 100_000) return;
        reported = p.events;
        log(
          `  rebuild: ${p.events.toLocaleString('en')} events, ${Math.round(p.eventsPerSecond).toLocaleString('en')} ev/s, ETA ${Math.round(p.etaSeconds ?? 0)} s`,
        );
      },
    });
    return {
      events: result.events,
      seconds: result.seconds,
      perSecond: result.events / result.seconds,
      complete: result.events >= maxEvents,
      views: ALL_PROJECTIONS.map((p) => p.name),
      peakRssMb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
    await store.close();
    await db.close();
  }
}

serveTasks({ rebuild: rebuildAll });
