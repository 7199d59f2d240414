import { jest } from '@jest/globals';
import { Database } from '@kensho/platform';
import { createTestDatabase, type TestDatabase } from '@kensho/testing';
import { batch, eventStoreContract, readWholeLog } from '../contract/event-store.contract.js';
import { verifyChain } from '../hash-chain.js';
import { PostgresEventStore } from './postgres-event-store.js';
import { EVENT_STORE_MIGRATIONS } from './schema.js';

eventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase(EVENT_STORE_MIGRATIONS);
  const store = new PostgresEventStore(database.db);
  return {
    store,
    dispose: async () => {
      await store.close();
      await database.drop();
    },
  };
});

/**
 * A fresh database for one describe block, with `count` stores on it (as separate processes would
 * have them: each remembers only the heads it saw), closed and dropped afterwards.
 */
function storesOnOneDatabase(count: number): { database: TestDatabase; stores: PostgresEventStore[] } {
  const shared = { database: undefined as unknown as TestDatabase, stores: [] as PostgresEventStore[] };
  beforeAll(async () => {
    shared.database = await createTestDatabase(EVENT_STORE_MIGRATIONS);
    shared.stores = Array.from({ length: count }, () => new PostgresEventStore(shared.database.db));
  });
  afterAll(async () => {
    for (const store of shared.stores) await store.close();
    await shared.database.drop();
  });
  return shared;
}

describe('PostgreSQL global log: a slow transaction with a lower position', () => {
  const shared = storesOnOneDatabase(1);
  let database: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(() => {
    ({
      database,
      stores: [store],
    } = shared);
  });

  it('is not skipped by a reader that already saw a later, faster commit', async () => {
    const slow = await database.db.pool.connect();
    try {
      // The slow writer takes its position first, then stalls before committing.
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO es_events (event_id, stream_id, stream_revision, event_type, data, metadata)
         VALUES (gen_random_uuid(), 'slow-1', 0, 'Slow', '{}', '{"hash":""}') RETURNING global_position`,
      );
      const fast = batch('fast-1', 1);
      const appended = await store.appendToStream('fast-1', fast, 'no_stream');

      const whileSlowIsOpen = await readWholeLog(store, 100);
      expect(whileSlowIsOpen.map((e) => e.streamId)).not.toContain('fast-1');

      await slow.query('COMMIT');
      const after = await readWholeLog(store, 100);
      expect(after.map((e) => e.streamId)).toEqual(['slow-1', 'fast-1']);
      expect(after[1]!.position).toBe(appended.position);
      expect(after[0]!.position).toBeLessThan(after[1]!.position);
    } finally {
      slow.release();
    }
  });
});

describe('PostgreSQL append: one statement, hashed onto a remembered head', () => {
  // Two processes' worth of stores on one database: each remembers heads the other moves.
  const shared = storesOnOneDatabase(2);
  let database: TestDatabase;
  let first: PostgresEventStore;
  let second: PostgresEventStore;
  beforeAll(() => {
    ({
      database,
      stores: [first, second],
    } = shared);
  });

  it('keeps one unbroken chain when writers take turns on a stream each other moved', async () => {
    await first.appendToStream('turns-1', batch('turns-1', 2), 'no_stream');
    await second.appendToStream('turns-1', batch('turns-1', 1), 'any'); // second has never seen the stream
    await first.appendToStream('turns-1', batch('turns-1', 3), 'stream_exists'); // first remembers revision 1: stale
    await second.appendToStream('turns-1', batch('turns-1', 1), 5); // exact and current, remembered head is stale
    const events = await first.readStream('turns-1');
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(verifyChain(events)).toBeNull();
    const head = await database.db.query<{ revision: number; head_hash: string }>("SELECT revision, head_hash FROM es_streams WHERE stream_id = 'turns-1'");
    expect(head.rows[0]).toEqual({ revision: 6, head_hash: events[6]!.metadata.hash });
  });

  it('refuses a stale expected revision even when the remembered head would have matched it', async () => {
    await first.appendToStream('turns-2', batch('turns-2', 1), 'no_stream');
    await second.appendToStream('turns-2', batch('turns-2', 1), 0);
    await expect(first.appendToStream('turns-2', batch('turns-2', 1), 0)).rejects.toMatchObject({ code: 'event_store.wrong_expected_revision', actual: 1 });
    expect(await first.streamRevision('turns-2')).toBe(1);
  });

  it('leaves no stream behind when an append to a missing stream is refused', async () => {
    await expect(first.appendToStream('turns-missing', batch('turns-missing', 1), 'stream_exists')).rejects.toMatchObject({ actual: null });
    await expect(first.appendToStream('turns-missing', batch('turns-missing', 1), 0)).rejects.toMatchObject({ actual: null });
    const heads = await database.db.query("SELECT count(*)::int AS n FROM es_streams WHERE stream_id = 'turns-missing'");
    expect(heads.rows[0].n).toBe(0);
    expect(await first.streamRevision('turns-missing')).toBeNull();
  });

  it('answers a retried command with its first result, before checking the expected revision', async () => {
    const events = batch('turns-3', 2);
    const original = await first.appendToStream('turns-3', events, 'no_stream');
    await first.appendToStream('turns-3', batch('turns-3', 1), 1);
    const retried = await second.appendToStream('turns-3', events, 'no_stream');
    expect(retried).toEqual({ ...original, duplicate: true });
  });
});

describe('PostgreSQL append: concurrent appends share statements and commits (group commit)', () => {
  const shared = storesOnOneDatabase(1);
  let database: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(() => {
    ({
      database,
      stores: [store],
    } = shared);
  });

  it('answers each append on its own when one statement carries successes, conflicts and retries', async () => {
    const first = batch('group-dup', 2);
    await store.appendToStream('group-dup', first, 'no_stream');
    await store.appendToStream('group-taken', batch('group-taken', 1), 'no_stream');
    const statements = jest.spyOn(database.db, 'query');
    const fresh = Array.from({ length: 30 }, (_, i) => store.appendToStream(`group-${i}`, batch(`group-${i}`, 1 + (i % 3)), 'no_stream'));
    const conflict = store.appendToStream('group-taken', batch('group-taken', 1), 'no_stream');
    const retry = store.appendToStream('group-dup', first, 'no_stream');
    const sameStream = [0, 1, 2].map(() => store.appendToStream('group-serial', batch('group-serial', 1), 'any'));
    const results = await Promise.allSettled([...fresh, conflict, retry, ...sameStream]);
    const sent = statements.mock.calls.filter(([sql]) => String(sql).includes('es_append')).length;
    statements.mockRestore();

    expect(results.slice(0, 30).every((r) => r.status === 'fulfilled' && !r.value.duplicate)).toBe(true);
    expect(results[30]).toMatchObject({ status: 'rejected', reason: { code: 'event_store.wrong_expected_revision', actual: 0 } });
    expect(results[31]).toMatchObject({ status: 'fulfilled', value: { duplicate: true, nextExpectedRevision: 1 } });
    expect(results.slice(32).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    // 35 appends in far fewer statements: they waited for each other and went together.
    expect(sent).toBeLessThan(20);
    for (let i = 0; i < 30; i++) {
      const events = await store.readStream(`group-${i}`);
      expect(events).toHaveLength(1 + (i % 3));
      expect(verifyChain(events)).toBeNull();
    }
    const serial = await store.readStream('group-serial');
    expect(serial.map((e) => e.revision)).toEqual([0, 1, 2]);
    expect(verifyChain(serial)).toBeNull();
  });
});

describe('PostgreSQL append: one failing append in a group commit fails alone', () => {
  const shared = storesOnOneDatabase(1);
  let database: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    ({
      database,
      stores: [store],
    } = shared);
    // The injected failure: any insert into a stream named poison-… raises, inside es_append_many.
    await database.db.query(`
      CREATE FUNCTION test_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.stream_id LIKE 'poison-%' THEN RAISE EXCEPTION 'injected failure for %', NEW.stream_id; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_poison BEFORE INSERT ON es_events FOR EACH ROW EXECUTE FUNCTION test_poison();`);
  });

  /** 20 concurrent appends, the 6th of them failing; returns their outcomes and how many statements carried them. */
  async function appendWithOneBad(prefix: string, bad: { streamId: string; events: ReturnType<typeof batch> }) {
    const statements = jest.spyOn(database.db, 'query');
    const appends = Array.from({ length: 20 }, (_, i) =>
      i === 5 ? store.appendToStream(bad.streamId, bad.events, 'no_stream') : store.appendToStream(`${prefix}-${i}`, batch(`${prefix}-${i}`, 2), 'no_stream'),
    );
    const results = await Promise.allSettled(appends);
    const batched = statements.mock.calls.filter(([sql]) => String(sql).includes('es_append_many')).length;
    statements.mockRestore();
    return { results, batched };
  }

  it('commits and answers the others when one append of the statement raises', async () => {
    const { results, batched } = await appendWithOneBad('inj', { streamId: 'poison-1', events: batch('poison-1', 1) });
    expect(batched).toBeGreaterThan(0);
    expect(results[5]).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('injected failure for poison-1') } });
    const others = results.filter((_, i) => i !== 5);
    expect(others.map((r) => r.status)).toEqual(Array(19).fill('fulfilled'));
    for (let i = 0; i < 20; i++) {
      if (i === 5) continue;
      const events = await store.readStream(`inj-${i}`);
      expect(events).toHaveLength(2);
      expect(verifyChain(events)).toBeNull();
    }
    expect(await store.streamRevision('poison-1')).toBeNull();
  });

  it('commits the others when one append carries text PostgreSQL cannot store (\\u0000)', async () => {
    const events = batch('nul-bad', 1).map((e) => ({ ...e, data: { note: 'a\u0000b' } }));
    const { results, batched } = await appendWithOneBad('nul', { streamId: 'nul-bad', events });
    expect(batched).toBeGreaterThan(0);
    expect(results[5]).toMatchObject({ status: 'rejected', reason: { code: '22P05' } });
    expect(results.filter((_, i) => i !== 5).every((r) => r.status === 'fulfilled')).toBe(true);
    for (let i = 0; i < 20; i++) if (i !== 5) expect(await store.readStream(`nul-${i}`)).toHaveLength(2);
  });

  it('answers "database unavailable" when the connection dies under an append, and its retry appends it once', async () => {
    await database.db.query(`
      CREATE FUNCTION test_stall() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.stream_id LIKE 'stall-%' THEN PERFORM pg_sleep(2); END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_stall BEFORE INSERT ON es_events FOR EACH ROW EXECUTE FUNCTION test_stall();`);
    const events = batch('stall-1', 2);
    // Settled into a value at once: it fails while the test is still busy killing its connection.
    const appending = store.appendToStream('stall-1', events, 'no_stream').then(
      () => null,
      (error: unknown) => error,
    );
    const admin = new Database(database.url, { max: 1 });
    try {
      for (let killed = 0; killed === 0; ) {
        await new Promise((r) => setTimeout(r, 100));
        const result = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND query LIKE '%es_append(%' AND pid <> pg_backend_pid()`,
        );
        killed = result.rowCount ?? 0;
      }
    } finally {
      await admin.close();
    }
    expect(await appending).toMatchObject({ code: 'service.database_unavailable' });
    await database.db.query('DROP TRIGGER test_stall ON es_events');
    const retried = await store.appendToStream('stall-1', events, 'no_stream');
    expect(retried.duplicate).toBe(false);
    expect(await store.appendToStream('stall-1', events, 'no_stream')).toMatchObject({ duplicate: true });
    expect((await store.readStream('stall-1')).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });
});

describe('PostgreSQL LISTEN connection: lost again and again', () => {
  let database: TestDatabase;
  let db: Database;
  let store: PostgresEventStore;
  beforeAll(async () => {
    database = await createTestDatabase(EVENT_STORE_MIGRATIONS);
    db = new Database(database.url, { max: 3, applicationName: 'kensho-listen-test' });
    store = new PostgresEventStore(db);
  });
  afterAll(async () => {
    await store.close();
    await db.close();
    await database.drop();
  });

  it('gives its client back to the pool each time, so more losses than the pool size leave the pool usable', async () => {
    for (let loss = 0; loss < 6; loss++) {
      await store.waitForAppends(1);
      const killed = await database.db.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'kensho-listen-test' AND query LIKE 'LISTEN%'`,
      );
      expect(killed.rowCount).toBe(1);
      await new Promise((r) => setTimeout(r, 100));
    }
    await store.waitForAppends(1);
    await store.appendToStream('listen-1', batch('listen-1', 1), 'no_stream');
    expect(db.pool.totalCount).toBeLessThanOrEqual(3);
    await expect(db.query('SELECT 1')).resolves.toMatchObject({ rowCount: 1 });
  });
});
