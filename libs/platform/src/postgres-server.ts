import { join } from 'node:path';
import type { KenshoConfig } from './config.js';
import { databaseUrlFor, ensureDatabase } from './database.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';

export interface PostgresTarget {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise the embedded server under `<dataDir>/pg` with a `kensho` database. */
export async function resolvePostgres(config: KenshoConfig, log: (line: string) => void): Promise<PostgresTarget> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const dir = join(config.dataDir, 'pg');
  log(`No DATABASE_URL: starting embedded PostgreSQL in ${dir} on port ${config.embeddedPostgresPort}`);
  const server = await startEmbeddedPostgres({ dir, port: config.embeddedPostgresPort });
  await ensureDatabase(server.url, 'kensho');
  return { url: databaseUrlFor(server.url, 'kensho'), embedded: true, stop: () => server.stop() };
}
