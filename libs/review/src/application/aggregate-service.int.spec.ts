import { jest } from '@jest/globals';
import { EVENT_STORE_MIGRATIONS, PostgresEventStore, eventIdFor, type NewEvent } from '@kensho/event-store';
import { SystemClock } from '@kensho/platform';
import { createTestDatabase, type TestDatabase } from '@kensho/testing';
import { AggregateService } from './aggregate-service.js';
import type { AggregateDefinition } from './aggregates.js';

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
    metadata: { actorId: 'test', role: 'system', department: null, commandId, correlationId: commandId, causationId: commandId, occurredAt: '2017-05-01T00:00:00.000Z', schemaVersion: 1 },
  };
};

describe('AggregateService.load: the whole stream is verified, the remembered state folded on', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let other: PostgresEventStore;
  beforeAll(async () => {
    database = await createTestDatabase(EVENT_STORE_MIGRATIONS);
    store = new PostgresEventStore(database.db);
    other = new PostgresEventStore(database.db); // another process's store
  });
  afterAll(async () => {
    await store.close();
    await other.close();
    await database.drop();
  });

  it('folds only the events after the remembered version, including those another writer appended', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    await store.appendToStream('tally-1', [added('tally-1', 1), added('tally-1', 2)], 'no_stream');
    expect(await aggregates.load(Tally, 'tally-1')).toMatchObject({ state: { total: 3 }, version: 1 });

    await other.appendToStream('tally-1', [added('tally-1', 10)], 1);
    const reads = jest.spyOn(store, 'readStream');
    const loaded = await aggregates.load(Tally, 'tally-1');
    expect(loaded).toMatchObject({ state: { total: 13, seen: [1, 2, 10] }, version: 2 });
    // Was a tail read ({ fromRevision: 2 }): it never saw a tampered older event. The whole stream is read and verified.
    expect(reads).toHaveBeenCalledWith('tally-1');
    expect(loaded.integrity).toEqual({ status: 'intact' });
    expect(loaded.headHash).toBe((await store.readStream('tally-1')).at(-1)!.metadata.hash);
    reads.mockRestore();
  });

  it('never serves a time-travel load from the remembered state', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    await store.appendToStream('tally-2', [added('tally-2', 1), added('tally-2', 2), added('tally-2', 4)], 'no_stream');
    await aggregates.load(Tally, 'tally-2');
    expect(await aggregates.load(Tally, 'tally-2', { toRevision: 1 })).toMatchObject({ state: { total: 3 }, version: 1 });
    expect(await aggregates.load(Tally, 'tally-2')).toMatchObject({ state: { total: 7 }, version: 2 });
  });

  it('loads a stream that does not exist as the initial state, and remembers nothing for it', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    expect(await aggregates.load(Tally, 'tally-none')).toEqual({ state: Tally.initialState, version: null, headHash: null, integrity: { status: 'intact' } });
    await store.appendToStream('tally-none', [added('tally-none', 5)], 'no_stream');
    expect(await aggregates.load(Tally, 'tally-none')).toMatchObject({ state: { total: 5 }, version: 0 });
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

/** A counter that refuses to pass a limit: enough to watch what execute and dryRun decide. */
const Capped: AggregateDefinition<{ total: number }, { add: number; limit: number }> = {
  name: 'capped',
  initialState: { total: 0 },
  decide: (command, state) => {
    if (state.total + command.add > command.limit) throw new Error(`over the limit: ${state.total} + ${command.add}`);
    // Any registered type will do: execute stamps its schema version.
    return [{ type: 'CommitteeMeetingRecorded', data: { n: command.add } }];
  },
  evolve: (state, event) => ({ total: state.total + (event.data as { n: number }).n }),
};

describe('AggregateService: commands built from the state, decisions without appending', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  const meta = (commandId: string) => ({ commandId, correlationId: commandId, causationId: commandId, actor: { id: 'test', role: 'system' as const } });
  beforeAll(async () => {
    database = await createTestDatabase(EVENT_STORE_MIGRATIONS);
    store = new PostgresEventStore(database.db);
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('builds the command again from the state of each attempt when another writer wins the race', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    await store.appendToStream('capped-1', [added('capped-1', 1)], 'no_stream');
    const seen: number[] = [];
    let raced = false;
    const result = await aggregates.execute(
      Capped,
      'capped-1',
      async (state) => {
        seen.push(state.total);
        if (!raced) {
          raced = true;
          await store.appendToStream('capped-1', [added('capped-1', 2)], 0);
        }
        return { add: state.total, limit: 100 };
      },
      meta('10000000-0000-4000-8000-000000000001'),
    );
    expect(seen).toEqual([1, 3]);
    expect(result).toMatchObject({ version: 2, events: ['CommitteeMeetingRecorded'] });
    expect((await aggregates.load(Capped, 'capped-1')).state.total).toBe(6);
  });

  it('dryRun throws what execute would refuse, appends nothing, and accepts a command the stream already ran', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    const id = '10000000-0000-4000-8000-000000000002';
    await expect(aggregates.dryRun(Capped, 'capped-2', { add: 5, limit: 3 }, meta(id))).rejects.toThrow(/over the limit/);
    expect(await store.readStream('capped-2')).toEqual([]);
    await aggregates.dryRun(Capped, 'capped-2', { add: 2, limit: 3 }, meta(id));
    expect(await store.readStream('capped-2')).toEqual([]);
    await aggregates.execute(Capped, 'capped-2', { add: 2, limit: 3 }, meta(id));
    // The same command again: its replay, not a refusal (2 + 2 would pass the limit).
    await expect(aggregates.dryRun(Capped, 'capped-2', { add: 2, limit: 3 }, meta(id))).resolves.toBeUndefined();
  });
});
