import { randomUUID } from 'node:crypto';
import { batch } from '../contract/event-store.contract.js';
import { WrongExpectedRevisionError } from '../errors.js';
import { verifyChain } from '../hash-chain.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { FakeEsdbClient } from './testing/fake-esdb-client.js';

const stream = () => `sheet-${randomUUID()}`;
const statsEvent = () => ({ id: randomUUID(), type: '$statsCollected', data: { 'proc-cpu': 1 }, metadata: undefined });

describe('EventStoreDB adapter at the client boundary', () => {
  let client: FakeEsdbClient;
  let store: EventStoreDbEventStore;
  beforeEach(() => {
    client = new FakeEsdbClient();
    store = new EventStoreDbEventStore(client);
  });
  afterEach(() => store.close());

  describe('append', () => {
    it("sends the exact revision it read, even when the caller said 'any', with hashed metadata", async () => {
      const id = stream();
      await store.appendToStream(id, batch(id, 2), 'any');
      await store.appendToStream(id, batch(id, 1), 'any');
      expect(client.appendCalls.map((c) => c.expectedRevision)).toEqual(['no_stream', 1n]);
      const stored = client.log.filter((r) => r.streamId === id);
      expect(stored.every((r) => /^[0-9a-f]{64}$/.test((r.metadata as { hash: string }).hash))).toBe(true);
      expect(verifyChain(await store.readStream(id))).toBeNull();
    });

    it('answers with the stored last event: revision and commit position', async () => {
      const id = stream();
      const result = await store.appendToStream(id, batch(id, 3), 'no_stream');
      const last = client.log[client.log.length - 1]!;
      expect(result).toEqual({ streamId: id, nextExpectedRevision: 2, position: Number(last.position.commit), duplicate: false });
    });

    it("retries from a fresh read when another process wins the race, if the caller said 'any'", async () => {
      const id = stream();
      await store.appendToStream(id, batch(id, 1), 'no_stream');
      client.beforeAppend = (name) => {
        client.beforeAppend = null;
        client.write(name, { ...batch(name, 1)[0]!, metadata: { ...batch(name, 1)[0]!.metadata, hash: 'x'.repeat(64) } });
      };
      const result = await store.appendToStream(id, batch(id, 1), 'any');
      expect(result.nextExpectedRevision).toBe(2);
      expect(client.appendCalls.map((c) => c.expectedRevision)).toEqual(['no_stream', 0n, 1n]);
    });

    it('reports the actual revision when another process wins the race against an exact expectation', async () => {
      const id = stream();
      await store.appendToStream(id, batch(id, 1), 'no_stream');
      client.beforeAppend = (name) => {
        client.beforeAppend = null;
        client.write(name, { ...batch(name, 1)[0]!, metadata: { ...batch(name, 1)[0]!.metadata, hash: 'x'.repeat(64) } });
      };
      await expect(store.appendToStream(id, batch(id, 1), 0)).rejects.toMatchObject({ streamId: id, expected: 0, actual: 1 });
    });

    it("maps the server's wrong-expected-version error when every retry loses", async () => {
      const id = stream();
      await store.appendToStream(id, batch(id, 1), 'no_stream');
      client.beforeAppend = (name) => {
        client.write(name, { ...batch(name, 1)[0]!, metadata: { ...batch(name, 1)[0]!.metadata, hash: 'x'.repeat(64) } });
      };
      const error = await store.appendToStream(id, batch(id, 1), 'any').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ streamId: id, expected: 'any', actual: 5 });
      expect(client.appendCalls.length).toBe(1 + 5);
    });

    it("stores a batch once when another process appends the same batch first (the server's idempotence)", async () => {
      const id = stream();
      const events = batch(id, 2);
      const racing = new EventStoreDbEventStore(client);
      client.beforeAppend = async () => {
        client.beforeAppend = null;
        await racing.appendToStream(id, events, 'no_stream');
      };
      const result = await store.appendToStream(id, events, 'no_stream');
      expect((await store.readStream(id)).map((e) => e.id)).toEqual(events.map((e) => e.id));
      expect(result).toMatchObject({ nextExpectedRevision: 1, position: (await store.findEvent(id, events[1]!.id))!.position });
    });
  });

  describe('reads', () => {
    it('reads a missing stream as empty (the client throws StreamNotFoundError)', async () => {
      expect(await store.readStream(stream())).toEqual([]);
      expect(await store.streamRevision(stream())).toBeNull();
      expect(await store.findEvent(stream(), randomUUID())).toBeNull();
    });

    it('names the server version needed when stream reads carry no positions', async () => {
      const id = stream();
      await store.appendToStream(id, batch(id, 1), 'no_stream');
      client.streamReadsCarryPositions = false;
      await expect(store.readStream(id)).rejects.toThrow(/22\.10 or later/);
    });

    it("wades through long runs of the server's '$' records without reporting the end early", async () => {
      const id = stream();
      for (let i = 0; i < 250; i++) client.write('$stats-127.0.0.1:2113', statsEvent());
      await store.appendToStream(id, batch(id, 2), 'no_stream');
      for (let i = 0; i < 250; i++) client.write('$stats-127.0.0.1:2113', statsEvent());
      const page = await store.readAll({ after: null, maxCount: 10 });
      expect(page.events.map((e) => e.streamId)).toEqual([id, id]);
      expect(await store.headCheckpoint()).toBe(page.checkpoint);
    });

    it("remembers where a fruitless scan ended, so an idle reader does not rescan the '$' tail", async () => {
      const id = stream();
      await store.appendToStream(id, batch(id, 1), 'no_stream');
      const { checkpoint } = await store.readAll({ after: null, maxCount: 10 });
      for (let i = 0; i < 300; i++) client.write('$stats-127.0.0.1:2113', statsEvent());
      expect((await store.readAll({ after: checkpoint, maxCount: 10 })).events).toEqual([]);
      const firstScan = client.readAllCalls.length;
      expect((await store.readAll({ after: checkpoint, maxCount: 10 })).events).toEqual([]);
      expect(client.readAllCalls.length - firstScan).toBe(1);
      expect(client.readAllCalls[client.readAllCalls.length - 1]!.fromPosition).toEqual(client.log[client.log.length - 1]!.position);
      await store.appendToStream(id, batch(id, 1), 0);
      expect((await store.readAll({ after: checkpoint, maxCount: 10 })).events.map((e) => e.revision)).toEqual([1]);
    });

    it('finds the checkpoint of an event position, and none for other numbers', async () => {
      const id = stream();
      const result = await store.appendToStream(id, batch(id, 2), 'no_stream');
      const stats = client.write('$stats-127.0.0.1:2113', statsEvent());
      expect(await store.checkpointOfPosition(result.position)).toBe(`esdb:${result.position}:${result.position}`);
      expect(await store.checkpointOfPosition(Number(stats.position.commit))).toBeNull();
      expect(await store.checkpointOfPosition(result.position + 1)).toBeNull();
      expect(await store.checkpointOfPosition(-1)).toBeNull();
      expect(await store.checkpointOfPosition(Number.NaN)).toBeNull();
    });
  });

  describe('waiting for appends', () => {
    it("wakes on another process's append through a subscription to $all, else times out", async () => {
      const started = Date.now();
      await store.waitForAppends(30);
      expect(Date.now() - started).toBeGreaterThanOrEqual(25);
      expect(client.subscriberCount).toBe(1);
      const waiting = store.waitForAppends(10_000);
      const other = new EventStoreDbEventStore(client);
      const id = stream();
      await other.appendToStream(id, batch(id, 1), 'no_stream');
      await waiting;
    });

    it('does not lose an append that happened between a read and the wait', async () => {
      await store.waitForAppends(1);
      const id = stream();
      await store.appendToStream(id, batch(id, 1), 'no_stream');
      const started = Date.now();
      await store.waitForAppends(10_000);
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('subscribes again after the subscription drops', async () => {
      await store.waitForAppends(1);
      client.dropSubscriptions();
      expect(client.subscriberCount).toBe(0);
      await store.waitForAppends(1);
      expect(client.subscriberCount).toBe(1);
    });

    it('unsubscribes, releases waiters and disposes the client on close', async () => {
      await store.waitForAppends(1);
      const waiting = store.waitForAppends(10_000);
      await store.close();
      await waiting;
      expect(client.subscriberCount).toBe(0);
      expect(client.disposed).toBe(true);
    });
  });
});
