import { EVENT_STORE_MIGRATIONS, PostgresEventStore, eventIdFor, type NewEvent } from '@kensho/event-store';
import { SystemClock } from '@kensho/platform';
import { createTestDatabase, type TestDatabase } from '@kensho/testing';
import { AggregateService } from './aggregate-service.js';
import type { AggregateDefinition } from './aggregates.js';

/*
 * AggregateService is tested in memory (aggregate-service.unit.spec.ts). This one stays on
 * PostgreSQL because the tampering is real: an UPDATE of es_events behind the store's back, read
 * back through the PostgreSQL adapter (the in-memory store's `tamper` only imitates it).
 */

/** A tally: enough of an aggregate to watch what load folds. */
const Tally: AggregateDefinition<{ total: number; seen: number[] }, never> = {
  name: 'tally',
  initialState: { total: 0, seen: [] },
  decide: () => [],
  evolve: (state, event) => ({ total: state.total + (event.data as { n: number }).n, seen: [...state.seen, (event.data as { n: number }).n] }),
};

const added = (stream: string, n: number): NewEvent => {
  const commandId = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  return {
    id: eventIdFor(commandId, stream, 0),
    type: 'Added',
    data: { n },
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

describe('AggregateService.load on PostgreSQL: an event altered in es_events', () => {
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

  it('flags a stream whose older event was changed after its state was remembered', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    await store.appendToStream('tally-3', [added('tally-3', 1), added('tally-3', 2)], 'no_stream');
    expect((await aggregates.load(Tally, 'tally-3')).integrity).toEqual({ status: 'intact' });
    await database.db.query(`UPDATE es_events SET data = '{"n": 100}' WHERE stream_id = 'tally-3' AND stream_revision = 0`);
    const loaded = await aggregates.load(Tally, 'tally-3');
    expect(loaded.integrity).toEqual({ status: 'broken', revision: 0, problem: 'hash_mismatch' });
    // Not built on the remembered state: what is served is what the stream now says, flagged.
    expect(loaded.state.seen).toEqual([100, 2]);
    expect((await aggregates.load(Tally, 'tally-3', { toRevision: 0 })).integrity).toMatchObject({ status: 'broken' });
  });
});
