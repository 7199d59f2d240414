import type { Database } from '@kensho/platform';
import type { RebuildProgress } from '@kensho/projections';

export async function countEvents(db: Database): Promise<number | null> {
  // Only the PostgreSQL store can be counted cheaply; elsewhere progress has no ETA.
  return db.query<{ n: number }>('SELECT count(*)::int AS n FROM es_events').then(
    (r) => r.rows[0]!.n,
    () => null,
  );
}

/** A progress bar on a terminal, a line per second otherwise (logs, CI). */
export function progressPrinter(): (p: RebuildProgress) => void {
  let lastLine = 0;
  return (p) => {
    const now = Date.now();
    const done = p.total !== null && p.events >= p.total;
    if (!process.stderr.isTTY && now - lastLine < 1000 && !done) return;
    lastLine = now;
    const ratio = p.total ? Math.min(p.events / p.total, 1) : null;
    const bar = ratio === null ? '' : `[${'#'.repeat(Math.round(ratio * 30)).padEnd(30, '.')}] ${(ratio * 100).toFixed(0).padStart(3)}% `;
    const eta = p.etaSeconds === null ? '' : ` ETA ${p.etaSeconds.toFixed(0)} s`;
    const line = `${p.projection}: ${bar}${p.events.toLocaleString('en-US')}${p.total ? `/${p.total.toLocaleString('en-US')}` : ''} events, ${Math.round(p.eventsPerSecond).toLocaleString('en-US')} ev/s${eta}`;
    process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
  };
}
