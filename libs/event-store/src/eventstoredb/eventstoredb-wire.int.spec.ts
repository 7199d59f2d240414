import { randomUUID } from 'node:crypto';
import { batch } from '../contract/event-store.contract.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { EsdbWireServer } from './testing/esdb-wire-server.js';

/*
 * The adapter with the real @eventstore/db-client over gRPC, against the test kit's server
 * (loopback): what happens to calls, connections and races, which the in-memory fake cannot show.
 */
const stream = () => `sheet-${randomUUID()}`;
const systemRecord = { type: '$statsCollected', data: { blob: 'x'.repeat(4096) } };

/** Fails instead of hanging: a call left open makes close() or the next call wait forever. */
function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('EventStoreDB adapter over the wire (real client, test gRPC server)', () => {
  let server: EsdbWireServer;
  const stores: EventStoreDbEventStore[] = [];
  const open = () => {
    const store = EventStoreDbEventStore.fromConnectionString(server.connectionString);
    stores.push(store);
    return store;
  };
  beforeEach(async () => {
    server = await EsdbWireServer.start();
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => within(2000, 'close()', s.close()).catch(() => undefined)));
    await server.stop();
  });

  describe('appends', () => {
    it('sends the revision it read as the expected revision on the wire', async () => {
      const store = open();
      const id = stream();
      await store.appendToStream(id, batch(id, 2), 'any');
      await store.appendToStream(id, batch(id, 1), 'any');
      expect(server.appends.map((a) => a.expected)).toEqual([{ kind: 'no_stream' }, { kind: 'revision', revision: 1n }]);
    });

    it('answers duplicate: false to exactly one of two processes racing one command', async () => {
      const [one, two] = [open(), open()];
      const id = stream();
      const events = batch(id, 2);
      // Both have read the empty stream before either append is decided: the server's idempotence
      // then stores the batch once and answers both with success.
      let release!: () => void;
      const bothArrived = new Promise<void>((resolve) => (release = resolve));
      server.beforeAppend = () => {
        if (server.appends.length >= 2) release();
        return bothArrived;
      };
      const results = await Promise.all([one.appendToStream(id, events, 'no_stream'), two.appendToStream(id, events, 'no_stream')]);
      expect(server.appends).toHaveLength(2);
      expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
      expect(results[0]).toEqual({ ...results[1], duplicate: results[0]!.duplicate });
      expect((await one.readStream(id)).map((e) => e.id)).toEqual(events.map((e) => e.id));
    });

    it('keeps the attempt mark out of what readers see', async () => {
      const store = open();
      const id = stream();
      const events = batch(id, 1);
      await store.appendToStream(id, events, 'no_stream');
      const [read] = await store.readStream(id);
      expect(Object.keys(read!.metadata).sort()).toEqual([...Object.keys(events[0]!.metadata), 'hash'].sort());
    });
  });

  describe('deadlines', () => {
    it('gives up on an append the server does not answer, after the connection deadline', async () => {
      const store = EventStoreDbEventStore.fromConnectionString(`${server.connectionString}&defaultDeadline=500`);
      stores.push(store);
      server.beforeAppend = () => new Promise(() => undefined);
      const id = stream();
      const started = Date.now();
      await expect(within(5000, 'the append', store.appendToStream(id, batch(id, 1), 'no_stream'))).rejects.toThrow(/deadline/i);
      expect(Date.now() - started).toBeLessThan(3000);
    });
  });

  describe('server versions', () => {
    it('names the version needed when the server sends no positions on stream reads (before 22.6)', async () => {
      await server.stop();
      server = await EsdbWireServer.start({ legacyStreamPositions: true });
      const store = open();
      const id = stream();
      await expect(store.appendToStream(id, batch(id, 1), 'no_stream')).rejects.toThrow(/needs EventStoreDB 22\.10 or later/);
    });
  });

  describe('waiting for appends', () => {
    it('wakes for an append made while the subscription was not yet confirmed', async () => {
      await server.stop();
      server = await EsdbWireServer.start({ confirmationDelayMs: 300 });
      const reader = open();
      const writer = open();
      const id = stream();
      const started = Date.now();
      const waiting = reader.waitForAppends(5000);
      await writer.appendToStream(id, batch(id, 1), 'no_stream');
      await waiting;
      expect(Date.now() - started).toBeLessThan(2000);
    });
  });

  describe('every call finished', () => {
    it('close() resolves after appends and each kind of read, and no call stays open on the server', async () => {
      const store = open();
      const id = stream();
      for (let i = 0; i < 150; i++) server.write('$stats-127.0.0.1:2113', systemRecord);
      const first = await store.appendToStream(id, batch(id, 3), 'no_stream');
      await store.appendToStream(id, batch(id, 2), 2);
      for (let i = 0; i < 150; i++) server.write('$stats-127.0.0.1:2113', systemRecord);
      await store.appendToStream(id, batch(id, 1), 4);
      expect(await store.readStream(id, { maxCount: 2 })).toHaveLength(2);
      expect(await store.readStream(id, { direction: 'backward', maxCount: 1 })).toHaveLength(1);
      expect(await store.readStream(id, { fromRevision: 1, toRevision: 3 })).toHaveLength(3);
      expect(await store.readStream(id, { maxCount: 1, occurredUntil: '2999-01-01T00:00:00Z' })).toHaveLength(1);
      expect(await store.streamRevision(id)).toBe(5);
      expect(await store.findEvent(id, randomUUID())).toBeNull();
      expect((await store.readAll({ after: null, maxCount: 2 })).events).toHaveLength(2);
      expect(await store.headCheckpoint()).not.toBeNull();
      expect(await store.checkpointOfPosition(first.position)).not.toBeNull();
      await store.waitForAppends(1);
      await within(5000, 'close()', store.close());
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(server.openCallCount).toBe(0);
    });

    it('serves a read after 150 head reads (the connection allows 100 open streams)', async () => {
      const store = open();
      const id = stream();
      for (let i = 0; i < 150; i++) server.write('$stats-127.0.0.1:2113', systemRecord);
      await store.appendToStream(id, batch(id, 1), 'no_stream');
      // /health reads the head every 10 s: 150 of them is 25 minutes of a running service.
      for (let i = 0; i < 150; i++) await within(5000, `head read ${i + 1}`, store.headCheckpoint());
      expect(await within(5000, 'the read after them', store.readStream(id))).toHaveLength(1);
    });
  });
});
