import { randomUUID } from 'node:crypto';
import { batch, eventStoreContract } from '../contract/event-store.contract.js';
import { verifyChain } from '../hash-chain.js';
import { MemoryEventStore } from './memory-event-store.js';

eventStoreContract('in memory', async () => {
  const store = new MemoryEventStore();
  return { store, dispose: () => store.close() };
});

describe('MemoryEventStore beyond the contract', () => {
  it('stores what the JSON of jsonb keeps, and a read cannot alter what is stored', async () => {
    const store = new MemoryEventStore();
    const [event] = batch('json-1', 1);
    await store.appendToStream('json-1', [{ ...event!, data: { kept: 1, dropped: undefined, when: new Date('2017-05-01T00:00:00Z') } }], 'no_stream');
    const [read] = await store.readStream('json-1');
    expect(read!.data).toEqual({ kept: 1, when: '2017-05-01T00:00:00.000Z' });
    (read!.data as { kept: number }).kept = 2;
    expect((await store.readStream('json-1'))[0]!.data).toMatchObject({ kept: 1 });
    expect(verifyChain(await store.readStream('json-1'))).toBeNull();
  });

  it('refuses an event id that is no UUID, as the uuid column does', async () => {
    const store = new MemoryEventStore();
    const [event] = batch('ids-1', 1);
    await expect(store.appendToStream('ids-1', [{ ...event!, id: 'not-a-uuid' }], 'no_stream')).rejects.toThrow(/not a UUID/);
    expect(await store.streamRevision('ids-1')).toBeNull();
  });

  it('records the time of its own clock, one instant per batch', async () => {
    const store = new MemoryEventStore(() => new Date('2018-01-02T03:04:05.678Z'));
    await store.appendToStream('clock-1', batch('clock-1', 2), 'no_stream');
    expect((await store.readStream('clock-1')).map((e) => e.recordedAt)).toEqual(['2018-01-02T03:04:05.678Z', '2018-01-02T03:04:05.678Z']);
  });

  it('wakes a waiting reader on an append, keeps a signal nobody waited for, and lets waiters go on close', async () => {
    const store = new MemoryEventStore();
    const started = Date.now();
    const waiting = store.waitForAppends(10_000);
    await store.appendToStream('wait-1', batch('wait-1', 1), 'no_stream');
    await waiting;
    // Appended while nobody waited: the next wait returns at once.
    await store.appendToStream('wait-1', batch('wait-1', 1), 0);
    await store.waitForAppends(10_000);
    const released = store.waitForAppends(10_000);
    await store.close();
    await released;
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(store.readStream('wait-1')).rejects.toThrow(/closed/);
  });

  it('times out a wait when nothing is appended', async () => {
    const store = new MemoryEventStore();
    const started = Date.now();
    await store.waitForAppends(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('refuses a checkpoint that is not its own', async () => {
    const store = new MemoryEventStore();
    await expect(store.readAll({ after: '123:456', maxCount: 10 })).rejects.toThrow(/checkpoint/);
    expect(await store.checkpointOfPosition(1)).toBeNull();
  });

  it('tamper rewrites a stored event without re-hashing it: only the chain tells', async () => {
    const store = new MemoryEventStore();
    const stream = `tamper-${randomUUID()}`;
    await store.appendToStream(stream, batch(stream, 3), 'no_stream');
    store.tamper(stream, 1, (event) => ({ ...event, data: { ...event.data, amount: 9999 } }));
    const events = await store.readStream(stream);
    expect(events[1]!.data.amount).toBe(9999);
    expect(verifyChain(events)).toMatchObject({ revision: 1, problem: 'hash_mismatch' });
    expect((await store.readAll({ after: null, maxCount: 10 })).events[1]!.data.amount).toBe(9999);
  });
});
