import { jest } from '@jest/globals';
import { WrongExpectedRevisionError, eventIdFor, type NewEvent } from '@kensho/event-store';
import { MemoryEventStore } from '@kensho/event-store/testing';
import { FixedClock, SystemClock } from '@kensho/platform';
import { AggregateService } from './aggregate-service.js';
import type { AggregateDefinition } from './aggregates.js';
import { VersionConflictError } from './errors.js';
import { StreamIntegrityError } from './integrity.js';

/*
 * The application layer on the in-memory event store (it passes the same contract as PostgreSQL):
 * what is tested here is the service's own logic. The one test that alters es_events with SQL
 * stays in aggregate-service.int.spec.ts.
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

describe('AggregateService.load: the whole stream is verified, the remembered state folded on', () => {
  let store: MemoryEventStore;
  beforeEach(() => {
    store = new MemoryEventStore();
  });

  it('folds only the events after the remembered version, including those another writer appended', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    await store.appendToStream('tally-1', [added('tally-1', 1), added('tally-1', 2)], 'no_stream');
    expect(await aggregates.load(Tally, 'tally-1')).toMatchObject({ state: { total: 3 }, version: 1 });

    // Another writer: appended to the store behind the service's back.
    await store.appendToStream('tally-1', [added('tally-1', 10)], 1);
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

  it('flags a stream whose older event was changed after its state was remembered, and records the finding', async () => {
    const record = jest.fn(async () => undefined);
    const aggregates = new AggregateService(store, new SystemClock(), { record } as never);
    await store.appendToStream('tally-3', [added('tally-3', 1), added('tally-3', 2)], 'no_stream');
    expect((await aggregates.load(Tally, 'tally-3')).integrity).toEqual({ status: 'intact' });
    store.tamper('tally-3', 0, (event) => ({ ...event, data: { n: 100 } }));
    const loaded = await aggregates.load(Tally, 'tally-3');
    expect(loaded.integrity).toEqual({ status: 'broken', revision: 0, problem: 'hash_mismatch' });
    // Not built on the remembered state: what is served is what the stream now says, flagged.
    expect(loaded.state.seen).toEqual([100, 2]);
    expect((await aggregates.load(Tally, 'tally-3', { toRevision: 0 })).integrity).toMatchObject({ status: 'broken' });
    expect(record.mock.calls).toEqual([
      ['tally-3', loaded.integrity, 'command'],
      ['tally-3', loaded.integrity, 'read'],
    ]);
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

const meta = (commandId: string) => ({ commandId, correlationId: commandId, causationId: commandId, actor: { id: 'test', role: 'system' as const } });

describe('AggregateService: commands built from the state, decisions without appending', () => {
  let store: MemoryEventStore;
  beforeEach(() => {
    store = new MemoryEventStore();
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

describe('AggregateService.execute: metadata, versions, retries and twins', () => {
  let store: MemoryEventStore;
  beforeEach(() => {
    store = new MemoryEventStore();
  });

  it('appends the decided events with ids derived from the command and metadata from its actor and the clock', async () => {
    const aggregates = new AggregateService(store, new FixedClock(new Date('2017-06-01T00:00:00.000Z')));
    const id = '20000000-0000-4000-8000-000000000001';
    const result = await aggregates.execute(
      Capped,
      'capped-m',
      { add: 1, limit: 9 },
      { ...meta(id), actor: { id: 'u1', name: '室蘭 太郎', role: 'planning', department: '企画課' } },
    );
    expect(result).toEqual({ streamId: 'capped-m', version: 0, position: 1, events: ['CommitteeMeetingRecorded'], duplicate: false });
    const [event] = await store.readStream('capped-m');
    expect(event!.id).toBe(eventIdFor(id, 'capped-m', 0));
    expect(event!.metadata).toMatchObject({
      actorId: 'u1',
      actorName: '室蘭 太郎',
      role: 'planning',
      department: '企画課',
      commandId: id,
      occurredAt: '2017-06-01T00:00:00.000Z',
    });
    expect(event!.metadata).not.toHaveProperty('imported');
  });

  it('answers a retried command with its first result and appends nothing', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    const id = '20000000-0000-4000-8000-000000000002';
    const first = await aggregates.execute(Capped, 'capped-r', { add: 2, limit: 3 }, meta(id));
    await aggregates.execute(Capped, 'capped-r', { add: 1, limit: 3 }, meta('20000000-0000-4000-8000-000000000003'));
    // Would now pass the limit: the answer is the first run's, not a refusal.
    const again = await aggregates.execute(Capped, 'capped-r', { add: 2, limit: 3 }, meta(id));
    expect(again).toEqual({ streamId: 'capped-r', version: 1, position: first.position, events: [], duplicate: true });
    expect(await store.streamRevision('capped-r')).toBe(1);
  });

  it('refuses a stale If-Match version, unless the command itself already ran', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    const id = '20000000-0000-4000-8000-000000000004';
    await aggregates.execute(Capped, 'capped-v', { add: 1, limit: 9 }, meta(id), { expectedVersion: undefined });
    const error = await aggregates
      .execute(Capped, 'capped-v', { add: 1, limit: 9 }, meta('20000000-0000-4000-8000-000000000005'), { expectedVersion: 5 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VersionConflictError);
    expect(error).toMatchObject({ streamId: 'capped-v', expectedVersion: 5, currentVersion: 0 });
    // The first command retried, whatever If-Match it carries: its first result, not a conflict.
    await expect(aggregates.execute(Capped, 'capped-v', { add: 1, limit: 9 }, meta(id), { expectedVersion: 7 })).resolves.toMatchObject({
      duplicate: true,
      version: 0,
    });
  });

  it('gives up with a version conflict after losing the race on every attempt', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    const append = jest.spyOn(store, 'appendToStream').mockRejectedValue(new WrongExpectedRevisionError('capped-x', 'no_stream', 0));
    await expect(aggregates.execute(Capped, 'capped-x', { add: 1, limit: 9 }, meta('20000000-0000-4000-8000-000000000006'))).rejects.toBeInstanceOf(
      VersionConflictError,
    );
    expect(append).toHaveBeenCalledTimes(4);
  });

  it('answers with the twin that won the race when the same command ran concurrently', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    const twin = new AggregateService(store, new SystemClock());
    const id = '20000000-0000-4000-8000-000000000007';
    const results = await Promise.all([
      aggregates.execute(Capped, 'capped-t', { add: 1, limit: 9 }, meta(id)),
      twin.execute(Capped, 'capped-t', { add: 1, limit: 9 }, meta(id)),
    ]);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(new Set(results.map((r) => r.position)).size).toBe(1);
    expect((await store.readStream('capped-t')).length).toBe(1);
  });

  it('refuses to write to a stream whose hash chain is broken', async () => {
    const aggregates = new AggregateService(store, new SystemClock());
    await aggregates.execute(Capped, 'capped-i', { add: 1, limit: 9 }, meta('20000000-0000-4000-8000-000000000008'));
    store.tamper('capped-i', 0, (event) => ({ ...event, data: { n: 5 } }));
    await expect(aggregates.execute(Capped, 'capped-i', { add: 1, limit: 9 }, meta('20000000-0000-4000-8000-000000000009'))).rejects.toBeInstanceOf(
      StreamIntegrityError,
    );
    expect(await store.streamRevision('capped-i')).toBe(0);
  });
});
