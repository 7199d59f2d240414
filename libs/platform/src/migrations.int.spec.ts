import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { databaseUrlFor, dropDatabase, ensureDatabase } from './database.js';
import { runMigrations, type Migration } from './migrations.js';

const server = () => process.env.KENSHO_TEST_SERVER_URL ?? process.env.DATABASE_URL!;

describe('runMigrations', () => {
  const name = `kensho_migrate_${randomBytes(4).toString('hex')}`;
  let url: string;
  const migrations: Migration[] = [
    { id: '001-a', sql: 'CREATE TABLE a (id int PRIMARY KEY); INSERT INTO a VALUES (1);' },
    { id: '002-b', sql: 'CREATE TABLE b (id int PRIMARY KEY); INSERT INTO b SELECT id + 1 FROM a;' },
  ];

  beforeAll(async () => {
    await ensureDatabase(server(), name);
    url = databaseUrlFor(server(), name);
  });
  afterAll(async () => {
    await dropDatabase(server(), name);
  });

  it('applies each migration exactly once when several processes run it at the same moment', async () => {
    const results = await Promise.all(Array.from({ length: 4 }, () => runMigrations(url, migrations)));
    expect(results.flat().sort()).toEqual(['001-a', '002-b']);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query('SELECT id FROM kensho_migrations ORDER BY id')).rows.map((r) => r.id)).toEqual(['001-a', '002-b']);
      expect((await client.query('SELECT id FROM b')).rows).toEqual([{ id: 2 }]);
    } finally {
      await client.end();
    }
  });

  it('does nothing when run again', async () => {
    expect(await runMigrations(url, migrations)).toEqual([]);
  });

  it('names the migration that fails and leaves it unapplied', async () => {
    const broken = [...migrations, { id: '003-broken', sql: 'CREATE TABLE c (id int); SELECT no_such_function();' }];
    await expect(runMigrations(url, broken)).rejects.toThrow(/Migration 003-broken failed/);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect((await client.query(`SELECT to_regclass('c') AS c`)).rows[0].c).toBeNull();
    } finally {
      await client.end();
    }
  });
});
