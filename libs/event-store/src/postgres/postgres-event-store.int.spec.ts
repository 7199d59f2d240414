import { createTestDatabase, type TestDatabase } from '@kensho/testing';
import { batch, eventStoreContract, readWholeLog } from '../contract/event-store.contract.js';
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

describe('PostgreSQL global log: a slow transaction with a lower position', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    database = await createTestDatabase(EVENT_STORE_MIGRATIONS);
    store = new PostgresEventStore(database.db);
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
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
