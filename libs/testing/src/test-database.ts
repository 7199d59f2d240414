import { randomBytes } from 'node:crypto';
import { Database, databaseUrlFor, dropDatabase, ensureDatabase, runMigrations, type Migration } from '@kensho/platform';

export interface TestDatabase {
  url: string;
  db: Database;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.KENSHO_TEST_SERVER_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('No test PostgreSQL: run through jest (global setup) or set DATABASE_URL');
  return url;
}

/** A fresh database, migrated, owned by one test file. */
export async function createTestDatabase(migrations: Migration[], options: { poolSize?: number } = {}): Promise<TestDatabase> {
  const name = `kensho_test_${randomBytes(6).toString('hex')}`;
  await ensureDatabase(serverUrl(), name);
  const url = databaseUrlFor(serverUrl(), name);
  await runMigrations(url, migrations);
  const db = new Database(url, { max: options.poolSize ?? 20, applicationName: 'kensho-test' });
  return {
    url,
    db,
    drop: async () => {
      await db.close();
      await dropDatabase(serverUrl(), name);
    },
  };
}
