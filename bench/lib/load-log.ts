import { forEachConcurrently } from './concurrency.js';
import type { GeneratedBatch, Wave } from './generator.js';
import { readWaves } from './log-file.js';
import { log } from './stats.js';

export interface LoadResult {
  events: number;
  seconds: number;
  perSecond: number;
  /** The rate over the first `prefix` events, when the load went past them. */
  prefix: { events: number; seconds: number; perSecond: number } | null;
}

/** The wave's first `n` events in batch order (as readWaves cuts the log), and the rest. */
function splitWave(wave: Wave, n: number): [Wave, Wave] {
  const head: Wave = [];
  const tail: Wave = [];
  let left = n;
  for (const b of wave) {
    const take = Math.max(0, Math.min(left, b.events.length));
    left -= take;
    if (take > 0) head.push({ ...b, events: b.events.slice(0, take) });
    if (take < b.events.length) tail.push({ ...b, after: b.after + take, events: b.events.slice(take) });
  }
  return [head, tail];
}

/**
 * Appends the log's first `limit` events wave by wave, `writers` batches at a time. Only the
 * appends are timed, not reading the log file.
 */
export async function loadLog(
  paths: string[],
  options: { writers: number; limit: number; prefix: number; label: string },
  append: (batch: GeneratedBatch) => Promise<void>,
): Promise<LoadResult> {
  let events = 0;
  let busyMs = 0;
  let prefix: LoadResult['prefix'] = null;
  for await (const wave of readWaves(paths, options.limit)) {
    const parts = prefix ? [wave] : splitWave(wave, options.prefix - events);
    for (const part of parts) {
      if (part.length === 0) continue;
      const t0 = performance.now();
      await forEachConcurrently(part, options.writers, append);
      busyMs += performance.now() - t0;
      const before = events;
      for (const b of part) events += b.events.length;
      if (!prefix && events >= options.prefix) prefix = { events, seconds: busyMs / 1000, perSecond: events / (busyMs / 1000) };
      if (Math.floor(events / 100_000) > Math.floor(before / 100_000)) log(`  ${options.label}: ${events.toLocaleString('en')} events appended`);
    }
  }
  return { events, seconds: busyMs / 1000, perSecond: events / (busyMs / 1000), prefix };
}
