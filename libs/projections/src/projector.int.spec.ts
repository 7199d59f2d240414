import { randomUUID } from 'node:crypto';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore, eventIdFor, type NewEvent } from '@kensho/event-store';
import { createTestDatabase, type TestDatabase } from '@kensho/testing';
import type { Projection } from './projection.js';
import { Projector } from './projector.js';
import { PROJECTION_ENGINE_MIGRATIONS } from './schema.js';

const event = (stream: string, type: string): NewEvent => {
  const commandId = randomUUID();
  return {
    id: eventIdFor(commandId, stream, 0),
    type,
    data: {},
    metadata: {
      actorId: 'test',
      role: 'system',
      department: null,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      occurredAt: '2017-05-01T00:00:00.000Z',
      schemaVersion: 1,
    },
  };
};

/** Counts the events it was given in a table of its own; fails on the event type it is told to. */
function counting(name: string, failOn?: string): Projection {
  return {
    name,
    tables: [`t_${name}`],
    async applyBatch(client, events) {
      if (events.some((e) => e.type === failOn)) throw new Error(`${name} cannot take ${failOn}`);
      await client.query(`UPDATE t_${name} SET seen = seen + $1`, [events.length]);
    },
  };
}

describe('Projector: one failing view holds back only itself', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    database = await createTestDatabase([...EVENT_STORE_MIGRATIONS, ...PROJECTION_ENGINE_MIGRATIONS]);
    store = new PostgresEventStore(database.db);
    for (const name of ['good', 'fragile']) {
      await database.db.query(`CREATE TABLE t_${name} (seen integer NOT NULL)`);
      await database.db.query(`INSERT INTO t_${name} VALUES (0)`);
    }
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  const seen = async (name: string) => (await database.db.query(`SELECT seen FROM t_${name}`)).rows[0].seen as number;
  const positions = async () =>
    Object.fromEntries((await database.db.query('SELECT name, position FROM projection_checkpoints ORDER BY name')).rows.map((r) => [r.name, r.position]));

  it('moves the healthy views to the head, keeps the failing one before the event it cannot take, and logs it', async () => {
    await store.appendToStream('s-1', [event('s-1', 'Fine'), event('s-1', 'Fine')], 'no_stream');
    await store.appendToStream('s-2', [event('s-2', 'Poison')], 'no_stream');
    await store.appendToStream('s-3', [event('s-3', 'Fine')], 'no_stream');
    const logged: string[] = [];
    const projector = new Projector(database.db, store, [counting('good'), counting('fragile', 'Poison')], { batchSize: 2, log: (m) => logged.push(m) });

    // It stops once only the failing view is left, saying why (the running loop logs it and retries).
    await expect(projector.catchUp()).rejects.toThrow('fragile cannot take Poison');
    expect(await seen('good')).toBe(4);
    expect(await seen('fragile')).toBe(2);
    expect(await positions()).toEqual({ fragile: 2, good: 4 });
    expect(logged.join('\n')).toMatch(/Projection fragile failed, the others go on: fragile cannot take Poison/);

    // Nothing else can move: the failure is reported to the caller (the loop logs and retries).
    await expect(projector.step()).rejects.toThrow('fragile cannot take Poison');
  });
});
