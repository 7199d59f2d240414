import { StreamNotFoundError, WrongExpectedVersionError, type RecordedEvent as ClientRecordedEvent } from '@eventstore/db-client';
import { PartialDuplicateError, WrongExpectedRevisionError } from '../errors.js';
import { eventIdFor } from '../event-ids.js';
import { GENESIS_HASH, eventHash, verifyChain } from '../hash-chain.js';
import type { NewEvent, RecordedEvent } from '../port.js';
import * as map from './mapping.js';

const metadata = {
  actorId: 'u-1',
  role: 'department',
  department: '産業振興課',
  commandId: 'c-1',
  correlationId: 'c-1',
  causationId: 'c-1',
  occurredAt: '2017-06-30T09:00:00.000Z',
  schemaVersion: 1,
};

function newEvents(streamId: string, count: number, commandId = 'c-1'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: eventIdFor(commandId, streamId, index),
    type: 'SheetContentRevised',
    data: { index, summary: '創業を支援する。' },
    metadata: { ...metadata, commandId },
  }));
}

function clientRecord(overrides: Partial<ClientRecordedEvent> = {}): ClientRecordedEvent {
  return {
    streamId: 'sheet-2017.1-12.sangyoshinko',
    id: 'B6A1C7D2-0000-5000-8000-000000000001',
    isJson: true,
    revision: 3n,
    type: 'SheetSubmitted',
    created: new Date('2018-06-01T01:02:03.456Z'),
    data: { note: 'x' },
    metadata: { ...metadata, hash: 'a'.repeat(64) },
    position: { commit: 123456n, prepare: 123456n },
    ...overrides,
  } as ClientRecordedEvent;
}

describe('EventStoreDB mapping: event → client record', () => {
  it('writes JSON data and the metadata with its hash under the event id', () => {
    const [event] = map.chainEvents('sheet-1', newEvents('sheet-1', 1), null);
    const record = map.toEventData(event!);
    expect(record).toEqual({
      id: event!.id,
      contentType: 'application/json',
      type: 'SheetContentRevised',
      data: { index: 0, summary: '創業を支援する。' },
      metadata: { ...metadata, hash: event!.metadata.hash },
    });
  });

  it('chains hashes exactly as the PostgreSQL adapter does, from genesis and from a stored head', () => {
    const first = map.chainEvents('sheet-1', newEvents('sheet-1', 2), null);
    expect(first[0]!.metadata.hash).toBe(eventHash(GENESIS_HASH, { streamId: 'sheet-1', revision: 0, ...newEvents('sheet-1', 1)[0]! }));
    const stored = first.map((e, revision) => ({ ...e, streamId: 'sheet-1', revision }) as unknown as RecordedEvent);
    const next = map.chainEvents('sheet-1', newEvents('sheet-1', 1, 'c-2'), stored[1]!);
    expect(next[0]!.metadata.hash).toBe(eventHash(stored[1]!.metadata.hash, { streamId: 'sheet-1', revision: 2, ...newEvents('sheet-1', 1, 'c-2')[0]! }));
    expect(verifyChain([...stored, { ...next[0]!, streamId: 'sheet-1', revision: 2 }])).toBeNull();
  });
});

describe('EventStoreDB mapping: client record → event', () => {
  it('maps revision, position, checkpoint, recorded time and a lower-case id', () => {
    expect(map.fromClientRecord(clientRecord())).toEqual({
      id: 'b6a1c7d2-0000-5000-8000-000000000001',
      streamId: 'sheet-2017.1-12.sangyoshinko',
      revision: 3,
      position: 123456,
      checkpoint: 'esdb:123456:123456',
      type: 'SheetSubmitted',
      data: { note: 'x' },
      metadata: { ...metadata, hash: 'a'.repeat(64) },
      recordedAt: '2018-06-01T01:02:03.456Z',
    });
  });

  it("hides the server's own records: '$' streams, '$' types and missing events", () => {
    expect(map.fromClientRecord(clientRecord({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' }))).toBeNull();
    expect(map.fromClientRecord(clientRecord({ type: '$>' }))).toBeNull();
    expect(map.fromClientRecord(clientRecord({ streamId: '$$sheet-1', type: '$metadata' }))).toBeNull();
    expect(map.fromClientRecord(undefined)).toBeNull();
  });

  it('refuses records Kensho cannot have written, and servers without positions on reads', () => {
    expect(() => map.fromClientRecord(clientRecord({ position: undefined }))).toThrow(/22\.10 or later/);
    // What the client really reports for a missing position, and what servers before 22.6 send.
    expect(() => map.fromClientRecord(clientRecord({ position: { commit: 0n, prepare: 0n } }))).toThrow(/22\.10 or later/);
    expect(() => map.fromClientRecord(clientRecord({ position: { commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n } }))).toThrow(/22\.10 or later/);
    expect(() => map.fromClientRecord(clientRecord({ metadata: { actorId: 'x' } }))).toThrow(/no hash-chain metadata/);
    expect(() => map.fromClientRecord(clientRecord({ isJson: false, data: new Uint8Array(1) } as never))).toThrow(/not JSON/);
    expect(() => map.fromClientRecord(clientRecord({ position: { commit: 2n ** 60n, prepare: 2n ** 60n } }))).toThrow(/does not fit/);
  });
});

describe('EventStoreDB mapping: positions and checkpoints', () => {
  it('round-trips a position through its checkpoint, bigints beyond 2^53 included', () => {
    const position = { commit: 2n ** 62n + 7n, prepare: 2n ** 62n + 3n };
    expect(map.parseCheckpoint(map.formatCheckpoint(position))).toEqual(position);
  });

  it('orders by commit, then prepare, with null first', () => {
    expect(map.compareCheckpoints('esdb:10:10', 'esdb:9:9')).toBe(1);
    expect(map.compareCheckpoints('esdb:10:4', 'esdb:10:8')).toBe(-1);
    expect(map.compareCheckpoints('esdb:100:100', 'esdb:20:20')).toBe(1); // numbers, not strings
    expect(map.compareCheckpoints('esdb:10:10', 'esdb:10:10')).toBe(0);
    expect(map.compareCheckpoints(null, 'esdb:0:0')).toBe(-1);
    expect(map.compareCheckpoints('esdb:0:0', null)).toBe(1);
    expect(map.compareCheckpoints(null, null)).toBe(0);
  });

  it("refuses the PostgreSQL adapter's checkpoints instead of misreading them", () => {
    expect(() => map.parseCheckpoint('812:40')).toThrow(/rebuild/);
  });
});

describe('EventStoreDB mapping: revisions', () => {
  it('asks the server for the exact revision read, whatever the caller expected', () => {
    expect(map.exactExpectedRevision(null)).toBe('no_stream');
    expect(map.exactExpectedRevision(0)).toBe(0n);
    expect(map.exactExpectedRevision(41)).toBe(41n);
  });

  it("checks the caller's expectation against the revision read", () => {
    expect(() => map.checkExpected('s-1', 'any', null)).not.toThrow();
    expect(() => map.checkExpected('s-1', 'no_stream', null)).not.toThrow();
    expect(() => map.checkExpected('s-1', 'stream_exists', 0)).not.toThrow();
    expect(() => map.checkExpected('s-1', 4, 4)).not.toThrow();
    expect(() => map.checkExpected('s-1', 'no_stream', 2)).toThrow(expect.objectContaining({ expected: 'no_stream', actual: 2 }));
    expect(() => map.checkExpected('s-1', 'stream_exists', null)).toThrow(expect.objectContaining({ actual: null }));
    expect(() => map.checkExpected('s-1', 3, 4)).toThrow(WrongExpectedRevisionError);
  });
});

describe('EventStoreDB mapping: errors and duplicates', () => {
  it('maps a wrong expected version to the port error with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 's-1', expected: 3n, current: 5n });
    expect(map.toPortError(error, 's-1', 3)).toEqual(new WrongExpectedRevisionError('s-1', 3, 5));
    expect(map.toPortError(error, 's-1', 3)).toMatchObject({ streamId: 's-1', expected: 3, actual: 5 });
  });

  it('maps a wrong expected version on a missing stream to actual null', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 's-1', expected: 'stream_exists', current: 'no_stream' });
    expect(map.toPortError(error, 's-1', 'stream_exists')).toMatchObject({ expected: 'stream_exists', actual: null });
  });

  it('passes other errors through unchanged and recognises a missing stream', () => {
    const other = new Error('unavailable');
    expect(map.toPortError(other, 's-1', 'any')).toBe(other);
    expect(map.isStreamNotFound(new StreamNotFoundError(undefined, 's-1'))).toBe(true);
    expect(map.isStreamNotFound(other)).toBe(false);
  });

  it('reports a batch whose ids are all stored as a duplicate of its last event, and refuses a partial one', () => {
    const events = newEvents('s-1', 2);
    const stored = events.map((e, revision) => ({ ...e, streamId: 's-1', revision, position: 1000 + revision * 200 }) as unknown as RecordedEvent);
    expect(map.duplicateOf('s-1', stored, events)).toEqual({ streamId: 's-1', nextExpectedRevision: 1, position: 1200, duplicate: true });
    expect(map.duplicateOf('s-1', stored, newEvents('s-1', 2, 'c-9'))).toBeNull();
    expect(() => map.duplicateOf('s-1', stored, newEvents('s-1', 3))).toThrow(PartialDuplicateError);
  });

  it('refuses one id twice in a batch (the server would store both)', () => {
    const events = newEvents('s-1', 2);
    expect(() => map.assertDistinctIds('s-1', [events[0]!, { ...events[1]!, id: events[0]!.id.toUpperCase() }])).toThrow(/repeats an event id/);
  });
});

describe('EventStoreDB mapping: append options', () => {
  it('names the expected revision for both client generations (expectedRevision, streamState)', () => {
    expect(map.appendOptions(null)).toEqual({ expectedRevision: 'no_stream', streamState: 'no_stream' });
    expect(map.appendOptions(4)).toEqual({ expectedRevision: 4n, streamState: 4n });
  });
});
