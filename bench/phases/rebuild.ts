import { ALL_MIGRATIONS, ALL_PROJECTIONS } from '@kensho/core';
import { PostgresEventStore } from '@kensho/event-store';
import { Database, runMigrations } from '@kensho/platform';
import { ProjectionRebuilder } from '@kensho/projections';
import { serveTasks } from '../lib/ipc.js';
import { LimitedStore } from '../lib/limited-store.js';
import { log } from '../lib/stats.js';

/**
 * ProjectionRebuilder, as `projections rebuild` runs it, for every view in turn, each over the
 * log from its start for at most `secondsPerView` (then it sees the log end there and swaps).
 * Peak RSS is this process's: it does nothing else.
 */
async function rebuildAll({ url, maxEvents, secondsPerView }: { url: string; maxEvents: number; secondsPerView: number }) {
  await runMigrations(url, ALL_MIGRATIONS);
  const db = new Database(url, { max: 5, applicationName: 'kensho-bench-rebuild' });
  const store = new PostgresEventStore(db);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  try {
    const views: Array<{ projection: string; events: number; seconds: number; perSecond: number }> = [];
    for (const projection of ALL_PROJECTIONS) {
      const limited = new LimitedStore(store, { maxEvents, deadline: performance.now() + secondsPerView * 1000 });
      const result = await new ProjectionRebuilder(db, limited).rebuild(projection);
      views.push({ projection: projection.name, events: result.events, seconds: result.seconds, perSecond: result.events / result.seconds });
      log(`  rebuild ${projection.name}: ${result.events.toLocaleString('en')} events in ${result.seconds.toFixed(1)} s`);
    }
    // Every view is rebuilt in turn, so the time per log event is the sum of the views' times per event.
    const secondsPerEvent = views.reduce((t, v) => t + v.seconds / Math.max(v.events, 1), 0);
    const events = Math.min(...views.map((v) => v.events));
    return {
      events,
      maxEvents: Math.max(...views.map((v) => v.events)),
      seconds: views.reduce((t, v) => t + v.seconds, 0),
      perSecond: 1 / secondsPerEvent,
      views,
      peakRssMb: Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 2 ** 20,
    };
  } finally {
    clearInterval(sampler);
    await store.close();
    await db.close();
  }
}

serveTasks({ rebuild: rebuildAll });
