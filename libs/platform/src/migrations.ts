import pg from 'pg';

export interface Migration {
  /** Stable, ordered id, e.g. '001-event-store'. Never renamed once shipped. */
  id: string;
  sql: string;
}

/**
 * Applies pending migrations in order. Safe to run from several processes at once: they queue
 * on an advisory lock, and each migration is recorded in the same transaction that applies it.
 */
export async function runMigrations(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'kensho-migrate' });
  // A broken connection fails the next query; unheard, its 'error' event would end the process.
  client.on('error', () => undefined);
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query(`SELECT pg_advisory_lock(hashtext('kensho.migrations'))`);
    await client.query(`CREATE TABLE IF NOT EXISTS kensho_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ id: string }>('SELECT id FROM kensho_migrations')).rows.map((r) => r.id));
    for (const migration of [...migrations].sort((a, b) => a.id.localeCompare(b.id))) {
      if (done.has(migration.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO kensho_migrations (id) VALUES ($1)', [migration.id]);
        await client.query('COMMIT');
        applied.push(migration.id);
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.id} failed: ${(error as Error).message}`);
      }
    }
  } finally {
    await client.query(`SELECT pg_advisory_unlock(hashtext('kensho.migrations'))`).catch(() => undefined);
    await client.end();
  }
  return applied;
}
