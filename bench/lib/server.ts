import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { databaseUrlFor, dropDatabase, ensureDatabase, startEmbeddedPostgres } from '@kensho/platform';
import { log } from './stats.js';

export interface BenchServer {
  /** 'embedded PostgreSQL 17.x' or 'DATABASE_URL (PostgreSQL 15.x)'. */
  label: string;
  embedded: boolean;
  /** Scratch space for the generated log (removed at the end). */
  workDir: string;
  urlOf(database: string): string;
  createDatabase(database: string): Promise<string>;
  /** CPU seconds the embedded server has used so far (all its processes, finished ones included); null with DATABASE_URL. */
  cpuSeconds(): number | null;
  stop(): Promise<void>;
}

/** utime + stime (+ cutime + cstime: reaped children) of a process, from /proc, in seconds. */
function procCpu(pid: number, withChildren: boolean): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = (i: number) => Number(fields[i - 3]);
    return (ticks(14) + ticks(15) + (withChildren ? ticks(16) + ticks(17) : 0)) / 100;
  } catch {
    return 0;
  }
}

function serverCpu(dataDir: string): number | null {
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let total = procCpu(postmaster, true);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === postmaster) total += procCpu(Number(entry), false);
      } catch {
        // the process ended meanwhile: its time is now in the postmaster's cutime
      }
    }
    return total;
  } catch {
    return null;
  }
}

/** The embedded PostgreSQL in a fresh temporary cluster, or the server of DATABASE_URL when set. */
export async function startServer(): Promise<BenchServer> {
  const workDir = mkdtempSync(join(tmpdir(), 'kensho-bench-'));
  const created: string[] = [];
  let serverUrl: string;
  let stopServer: () => Promise<void>;
  const external = process.env.DATABASE_URL;
  if (external) {
    serverUrl = external;
    stopServer = async () => undefined;
  } else {
    const port = await freePort();
    log(`starting embedded PostgreSQL (fresh cluster in ${workDir}, port ${port})`);
    const server = await startEmbeddedPostgres({ dir: join(workDir, 'pg'), port, ephemeral: true });
    serverUrl = server.url;
    stopServer = () => server.stop();
  }
  const version = await scalar(databaseUrlFor(serverUrl, 'postgres'), 'SHOW server_version');
  return {
    label: `${external ? 'DATABASE_URL' : 'embedded'} PostgreSQL ${version}`,
    embedded: !external,
    workDir,
    urlOf: (database) => databaseUrlFor(serverUrl, database),
    cpuSeconds: () => (external ? null : serverCpu(join(workDir, 'pg'))),
    async createDatabase(database) {
      await dropDatabase(serverUrl, database);
      await ensureDatabase(serverUrl, database);
      created.push(database);
      return databaseUrlFor(serverUrl, database);
    },
    async stop() {
      if (external) for (const database of created) await dropDatabase(serverUrl, database).catch(() => undefined);
      await stopServer();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

export async function scalar(url: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(sql);
    return String(Object.values(result.rows[0] ?? {})[0]);
  } finally {
    await client.end();
  }
}

/** The settings that decide durability and speed, the same for both stores since they share the server. */
export async function durabilitySettings(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = ['fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'shared_buffers', 'max_wal_size', 'checkpoint_timeout'];
    const result = await client.query<{ name: string; setting: string; unit: string | null }>(
      'SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)',
      [names],
    );
    return Object.fromEntries(result.rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting]));
  } finally {
    await client.end();
  }
}

/**
 * VACUUM ANALYZE after a bulk load (both stores get it: the first reader would otherwise pay for
 * setting hint bits), then a CHECKPOINT so that no phase pays for an earlier one's dirty buffers.
 * CHECKPOINT needs superuser or pg_checkpoint: skipped without.
 */
export async function settle(url: string, options: { vacuum: boolean }): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (options.vacuum) await client.query('VACUUM ANALYZE');
    await client.query('CHECKPOINT').catch((error: Error) => log(`CHECKPOINT skipped: ${error.message}`));
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
