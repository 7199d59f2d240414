import { randomUUID } from 'node:crypto';
import { eventIdFor } from '../event-ids.js';
import { PartialDuplicateError, WrongExpectedRevisionError } from '../errors.js';
import { verifyChain } from '../hash-chain.js';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '../port.js';

export interface ContractHarness {
  store: EventStore;
  /** Cleans up whatever the factory created. */
  dispose(): Promise<void>;
}

function metadata(commandId: string, occurredAt = '2017-05-01T09:00:00.000Z'): EventMetadata {
  return {
    actorId: 'tester',
    role: 'planning',
    department: null,
    commandId,
    correlationId: commandId,
    causationId: commandId,
    occurredAt,
    schemaVersion: 1,
  };
}

export function batch(streamId: string, count: number, options: { commandId?: string; type?: string; occurredAt?: string } = {}): NewEvent[] {
  const commandId = options.commandId ?? randomUUID();
  return Array.from({ length: count }, (_, index) => ({
    id: eventIdFor(commandId, streamId, index),
    type: options.type ?? 'ThingHappened',
    data: { index, note: `event ${index}`, amount: 1000 + index, nested: { b: 2, a: 1 } },
    metadata: metadata(commandId, options.occurredAt),
  }));
}

const uniqueStream = (category = 'test') => `${category}-${randomUUID()}`;

/** Every event-store adapter must pass this suite (docs/architecture.md). */
export function eventStoreContract(name: string, create: () => Promise<ContractHarness>): void {
  describe(`EventStore contract: ${name}`, () => {
    let harness: ContractHarness;
    let store: EventStore;

    beforeAll(async () => {
      harness = await create();
      store = harness.store;
    });
    afterAll(async () => {
      await harness?.dispose();
    });

    describe('append with an expected revision', () => {
      it('creates a stream with no_stream and numbers its events from 0', async () => {
        const stream = uniqueStream();
        const result = await store.appendToStream(stream, batch(stream, 3), 'no_stream');
        expect(result).toMatchObject({ streamId: stream, nextExpectedRevision: 2, duplicate: false });
        const events = await store.readStream(stream);
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(events.map((e) => e.data.index)).toEqual([0, 1, 2]);
        expect(events[2]!.position).toBe(result.position);
        expect(events[0]!.metadata).toMatchObject({ actorId: 'tester', role: 'planning', schemaVersion: 1 });
        expect(await store.streamRevision(stream)).toBe(2);
      });

      it('appends at the exact revision and rejects a stale one with the actual revision', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, batch(stream, 2), 'no_stream');
        await store.appendToStream(stream, batch(stream, 1), 1);
        const error = await store.appendToStream(stream, batch(stream, 1), 1).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ streamId: stream, expected: 1, actual: 2 });
        expect((await store.readStream(stream)).length).toBe(3);
      });

      it('rejects no_stream on an existing stream and stream_exists on a missing one', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, batch(stream, 1), 'no_stream');
        await expect(store.appendToStream(stream, batch(stream, 1), 'no_stream')).rejects.toMatchObject({ actual: 0 });
        const missing = uniqueStream();
        await expect(store.appendToStream(missing, batch(missing, 1), 'stream_exists')).rejects.toMatchObject({ actual: null });
        expect(await store.streamRevision(missing)).toBeNull();
        expect(await store.readStream(missing)).toEqual([]);
      });

      it("appends anywhere with 'any'", async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, batch(stream, 1), 'any');
        const result = await store.appendToStream(stream, batch(stream, 2), 'any');
        expect(result.nextExpectedRevision).toBe(2);
      });

      it('appends a batch atomically: a batch that cannot be stored leaves nothing behind', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, batch(stream, 1), 'no_stream');
        const events = batch(stream, 3);
        events[2] = { ...events[2]!, id: events[0]!.id }; // the same id twice in one batch
        await expect(store.appendToStream(stream, events, 0)).rejects.toBeDefined();
        expect((await store.readStream(stream)).length).toBe(1);
        expect(await store.streamRevision(stream)).toBe(0);
      });
    });

    describe('retried commands', () => {
      it('reports a repeated batch as a duplicate and appends nothing, even with a stale revision', async () => {
        const stream = uniqueStream();
        const commandId = randomUUID();
        const first = await store.appendToStream(stream, batch(stream, 2, { commandId }), 'no_stream');
        const retry = await store.appendToStream(stream, batch(stream, 2, { commandId }), 'no_stream');
        expect(retry).toEqual({ ...first, duplicate: true });
        expect((await store.readStream(stream)).length).toBe(2);
      });

      it('finds a stored event by id, and nothing for an unknown id', async () => {
        const stream = uniqueStream();
        const events = batch(stream, 2);
        const result = await store.appendToStream(stream, events, 'no_stream');
        expect(await store.findEvent(stream, events[1]!.id)).toEqual({ streamId: stream, revision: 1, position: result.position });
        expect(await store.findEvent(stream, randomUUID())).toBeNull();
        expect(await store.findEvent(uniqueStream(), events[1]!.id)).toBeNull();
      });

      it('refuses a batch whose ids are only partly stored', async () => {
        const stream = uniqueStream();
        const commandId = randomUUID();
        await store.appendToStream(stream, batch(stream, 1, { commandId }), 'no_stream');
        await expect(store.appendToStream(stream, batch(stream, 2, { commandId }), 0)).rejects.toBeInstanceOf(PartialDuplicateError);
      });

      it('lets concurrent retries of one command append exactly once', async () => {
        const stream = uniqueStream();
        const commandId = randomUUID();
        const results = await Promise.all(Array.from({ length: 6 }, () => store.appendToStream(stream, batch(stream, 2, { commandId }), 'any')));
        expect(results.filter((r) => !r.duplicate).length).toBe(1);
        expect((await store.readStream(stream)).length).toBe(2);
      });
    });

    describe('reading a stream', () => {
      let stream: string;
      beforeAll(async () => {
        stream = uniqueStream();
        for (let day = 1; day <= 5; day++) {
          await store.appendToStream(stream, batch(stream, 1, { occurredAt: `2017-05-0${day}T09:00:00.000Z` }), day === 1 ? 'no_stream' : day - 2);
        }
      });

      it('reads forward and backward', async () => {
        expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        expect((await store.readStream(stream, { direction: 'backward' })).map((e) => e.revision)).toEqual([4, 3, 2, 1, 0]);
      });

      it('reads from and to a revision, in both directions, with a maximum count', async () => {
        expect((await store.readStream(stream, { fromRevision: 1, toRevision: 3 })).map((e) => e.revision)).toEqual([1, 2, 3]);
        expect((await store.readStream(stream, { direction: 'backward', fromRevision: 3, toRevision: 1 })).map((e) => e.revision)).toEqual([3, 2, 1]);
        expect((await store.readStream(stream, { fromRevision: 2, maxCount: 2 })).map((e) => e.revision)).toEqual([2, 3]);
      });

      it('reads up to a business time', async () => {
        const events = await store.readStream(stream, { occurredUntil: '2017-05-03T18:00:00+09:00' });
        expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
      });

      it('reads up to a recorded time', async () => {
        const all = await store.readStream(stream);
        expect((await store.readStream(stream, { recordedUntil: all[4]!.recordedAt })).length).toBe(5);
        expect(await store.readStream(stream, { recordedUntil: '2000-01-01T00:00:00Z' })).toEqual([]);
      });
    });

    describe('hash chain', () => {
      it('links every event to the previous one across appends', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, batch(stream, 2), 'no_stream');
        await store.appendToStream(stream, batch(stream, 2), 1);
        const events = await store.readStream(stream);
        expect(events.every((e) => /^[0-9a-f]{64}$/.test(e.metadata.hash))).toBe(true);
        expect(verifyChain(events)).toBeNull();
      });

      it('names the first link that no longer matches when an event is altered', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, batch(stream, 3), 'no_stream');
        const events = await store.readStream(stream);
        const altered = events.map((e) => (e.revision === 1 ? { ...e, data: { ...e.data, amount: 9999 } } : e));
        expect(verifyChain(altered)).toMatchObject({ streamId: stream, revision: 1, problem: 'hash_mismatch' });
        expect(verifyChain([events[0]!, events[2]!])).toMatchObject({ revision: 2, problem: 'revision_gap' });
      });
    });

    describe('the global log', () => {
      it('reads everything in batches, in a stable order, resuming from checkpoints', async () => {
        const stream = uniqueStream();
        await store.appendToStream(stream, batch(stream, 5), 'no_stream');
        const first = await readWholeLog(store, 3);
        const second = await readWholeLog(store, 1000);
        expect(first.map((e) => e.id)).toEqual(second.map((e) => e.id));
        expect(first.filter((e) => e.streamId === stream).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
        const last = first[first.length - 1]!;
        expect(store.compareCheckpoints(await store.headCheckpoint(), last.checkpoint)).toBe(0);
        expect(store.compareCheckpoints(await store.checkpointOfPosition(last.position), last.checkpoint)).toBe(0);
        expect((await store.readAll({ after: last.checkpoint, maxCount: 10 })).events).toEqual([]);
      });

      it('never skips an event: concurrent writers and a concurrent reader see every event once, in the final order', async () => {
        const before = await store.headCheckpoint();
        const writers = 8;
        const appendsPerWriter = 40;
        const expected = writers * appendsPerWriter * 2;
        const seen: RecordedEvent[] = [];
        let writing = true;
        const reader = (async () => {
          let checkpoint = before;
          for (;;) {
            const page = await store.readAll({ after: checkpoint, maxCount: 7 });
            seen.push(...page.events);
            checkpoint = page.checkpoint;
            if (!writing && page.events.length === 0 && seen.length >= expected) return;
            if (page.events.length === 0) {
              if (!writing) {
                // Writers are done: drain until the head is reached.
                const head = await store.headCheckpoint();
                if (store.compareCheckpoints(checkpoint, head) >= 0) return;
              }
              await new Promise((r) => setTimeout(r, 2));
            }
          }
        })();
        await Promise.all(
          Array.from({ length: writers }, async (_, w) => {
            for (let i = 0; i < appendsPerWriter; i++) {
              const stream = uniqueStream(`w${w}`);
              await store.appendToStream(stream, batch(stream, 2), 'no_stream');
            }
          }),
        );
        writing = false;
        await reader;
        const ids = seen.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(expected);
        const final = (await readWholeLog(store, 500, before)).map((e) => e.id);
        expect(final.length).toBe(expected);
        expect(ids).toEqual(final);
      });

      it('wakes a reader waiting for appends when an event is appended', async () => {
        // Takes whatever signal earlier appends left pending, so only this append can wake the reader.
        await store.waitForAppends(50);
        const started = Date.now();
        const waiting = store.waitForAppends(20_000);
        const stream = uniqueStream();
        await store.appendToStream(stream, batch(stream, 1), 'no_stream');
        await waiting;
        expect(Date.now() - started).toBeLessThan(10_000);
      });
    });
  });
}

export async function readWholeLog(store: EventStore, pageSize: number, after: string | null = null): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  let checkpoint = after;
  for (;;) {
    const page = await store.readAll({ after: checkpoint, maxCount: pageSize });
    if (page.events.length === 0) return all;
    all.push(...page.events);
    checkpoint = page.checkpoint;
  }
}
