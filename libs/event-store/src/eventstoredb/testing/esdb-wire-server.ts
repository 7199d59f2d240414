import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';

type ReadReq = InstanceType<typeof streamsPb.ReadReq>;
type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type ReadResp = InstanceType<typeof streamsPb.ReadResp>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;

const { ReadResp, AppendResp } = streamsPb;
const { Empty, StreamIdentifier, UUID } = sharedPb;
const ReadDirection = streamsPb.ReadReq.Options.ReadDirection;

/** One record of the log, as the server stores it. */
export interface WireRecord {
  streamId: string;
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  customMetadata: Uint8Array;
  revision: bigint;
  position: bigint;
  createdTicks: bigint;
}

export interface WireServerOptions {
  /** HTTP/2 SETTINGS_MAX_CONCURRENT_STREAMS of every connection (EventStoreDB's Kestrel allows 100). */
  maxConcurrentStreams?: number;
  /** Servers before 22.6 send no positions on stream reads: 2^64-1 in both fields. */
  legacyStreamPositions?: boolean;
  /** Holds back a subscription's confirmation this long (a busy server). */
  confirmationDelayMs?: number;
}

/** What one append asked for, as it arrived on the wire. */
export interface WireAppend {
  streamId: string;
  expected: { kind: 'revision'; revision: bigint } | { kind: 'no_stream' | 'any' | 'stream_exists' };
  ids: string[];
}

const NO_POSITION = (1n << 64n) - 1n;
/** .NET ticks (100 ns) from 0001-01-01 to the Unix epoch, as EventStoreDB's `created` counts them. */
const EPOCH_TICKS = 621355968000000000n;

/**
 * A stand-in for EventStoreDB's gRPC Streams service (append, read, subscribe), built from the
 * client's own generated service definition, so that the real @eventstore/db-client talks to it over
 * HTTP/2 on loopback exactly as to a server. It implements what the event-store contract relies on,
 * as the server documents it:
 * - revisions from 0; a wrong expected revision answers WrongExpectedVersion with the current one;
 * - idempotence: an append with an exact revision (or no-stream) whose ids are already the events
 *   right after that revision succeeds without writing, answering the first write's revision;
 * - one log: every event its own commit (commit = prepare), positions growing with record size;
 *   forward `$all` reads include the record at their position, backward reads stop before it;
 * - reads honour `count`, stream by flow control (a reader that stops reading holds the call open,
 *   as on the real server) and end when the client cancels;
 * - subscriptions to `$all` confirm, then send live events (event-type regex filters honoured);
 * - a per-connection concurrent-stream limit; ServerFeatures is left unimplemented, so the client
 *   uses the plain Append call.
 */
export class EsdbWireServer {
  readonly log: WireRecord[] = [];
  readonly appends: WireAppend[] = [];
  private readonly streams = new Map<string, WireRecord[]>();
  private readonly subscribers = new Set<(record: WireRecord) => void>();
  private readonly openCalls = new Set<grpc.ServerWritableStream<ReadReq, ReadResp>>();
  private nextPosition = 1024n;
  /** Runs between an append's arrival and its decision: a test holds appends there to make them race. */
  beforeAppend: ((append: WireAppend) => Promise<void> | void) | null = null;
  private constructor(
    private readonly server: grpc.Server,
    readonly port: number,
    private readonly options: WireServerOptions,
  ) {}

  static async start(options: WireServerOptions = {}): Promise<EsdbWireServer> {
    const server = new grpc.Server({ 'grpc.max_concurrent_streams': options.maxConcurrentStreams ?? 100 });
    let wire: EsdbWireServer | null = null;
    server.addService(streamsGrpc.StreamsService as unknown as grpc.ServiceDefinition, {
      read: (call: grpc.ServerWritableStream<ReadReq, ReadResp>) => wire!.read(call),
      append: (call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>) => wire!.append(call, callback),
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    wire = new EsdbWireServer(server, port, options);
    return wire;
  }

  get connectionString(): string {
    return `esdb://127.0.0.1:${this.port}?tls=false`;
  }

  /** Read and subscription calls the server still serves (not finished, not cancelled). */
  get openCallCount(): number {
    return this.openCalls.size;
  }

  /** Writes one record, as the server's own bookkeeping ($stats…) does between clients' events. */
  write(streamId: string, event: { id?: string; type: string; data: unknown; metadata?: unknown }): WireRecord {
    const stream = this.streams.get(streamId) ?? [];
    const data = Buffer.from(JSON.stringify(event.data), 'utf8');
    const customMetadata = event.metadata === undefined ? new Uint8Array() : Buffer.from(JSON.stringify(event.metadata), 'utf8');
    return this.store(streamId, stream, { id: event.id ?? randomUUID(), type: event.type, contentType: 'application/json', data, customMetadata });
  }

  private store(streamId: string, stream: WireRecord[], message: Pick<WireRecord, 'id' | 'type' | 'contentType' | 'data' | 'customMetadata'>): WireRecord {
    const record: WireRecord = {
      ...message,
      streamId,
      revision: BigInt(stream.length),
      position: this.nextPosition,
      createdTicks: BigInt(Date.now()) * 10_000n + EPOCH_TICKS,
    };
    this.nextPosition += BigInt(64 + streamId.length + message.data.length + message.customMetadata.length);
    stream.push(record);
    this.streams.set(streamId, stream);
    this.log.push(record);
    for (const subscriber of this.subscribers) subscriber(record);
    return record;
  }

  private append(call: grpc.ServerReadableStream<AppendReq, AppendResp>, callback: grpc.sendUnaryData<AppendResp>): void {
    const messages: AppendReq[] = [];
    call.on('data', (message: AppendReq) => messages.push(message));
    call.on('error', () => undefined);
    call.on('end', () => {
      const options = messages[0]?.getOptions();
      if (!options) return callback({ code: grpc.status.INVALID_ARGUMENT, details: 'the first message must carry the options' });
      const streamId = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
      const proposed = messages.slice(1).map((m) => m.getProposedMessage()!);
      const expected: WireAppend['expected'] = options.hasRevision()
        ? { kind: 'revision', revision: BigInt(options.getRevision()) }
        : { kind: options.hasNoStream() ? 'no_stream' : options.hasStreamExists() ? 'stream_exists' : 'any' };
      const ids = proposed.map((p) => p.getId()!.getString().toLowerCase());
      const append = { streamId, expected, ids };
      this.appends.push(append);
      void Promise.resolve(this.beforeAppend?.(append)).then(() => callback(null, this.decideAppend(streamId, expected, proposed, ids)));
    });
  }

  private decideAppend(
    streamId: string,
    expected: WireAppend['expected'],
    proposed: InstanceType<typeof streamsPb.AppendReq.ProposedMessage>[],
    ids: string[],
  ): AppendResp {
    const stream = this.streams.get(streamId) ?? [];
    const current = stream.length === 0 ? null : BigInt(stream.length - 1);
    if (expected.kind === 'revision' || expected.kind === 'no_stream') {
      const first = expected.kind === 'revision' ? Number(expected.revision) + 1 : 0;
      const already = stream.slice(first, first + ids.length);
      if (already.length === ids.length && already.every((record, i) => record.id === ids[i])) return success(already[already.length - 1]!);
    }
    const ok =
      expected.kind === 'any' ||
      (expected.kind === 'no_stream' && current === null) ||
      (expected.kind === 'stream_exists' && current !== null) ||
      (expected.kind === 'revision' && expected.revision === current);
    if (!ok) {
      const wrong = new AppendResp.WrongExpectedVersion();
      if (current === null) wrong.setCurrentNoStream(new Empty());
      else wrong.setCurrentRevision(current.toString());
      if (expected.kind === 'revision') wrong.setExpectedRevision(expected.revision.toString());
      else if (expected.kind === 'no_stream') wrong.setExpectedNoStream(new Empty());
      else wrong.setExpectedStreamExists(new Empty());
      return new AppendResp().setWrongExpectedVersion(wrong);
    }
    let last: WireRecord | null = null;
    for (const [i, message] of proposed.entries()) {
      const meta = message.getMetadataMap();
      last = this.store(streamId, stream, {
        id: ids[i]!,
        type: meta.get('type') ?? '',
        contentType: meta.get('content-type') ?? 'application/octet-stream',
        data: message.getData_asU8(),
        customMetadata: message.getCustomMetadata_asU8(),
      });
    }
    return success(last!);
  }

  private read(call: grpc.ServerWritableStream<ReadReq, ReadResp>): void {
    this.openCalls.add(call);
    let cancelled = false;
    const finish = () => {
      this.openCalls.delete(call);
    };
    call.on('cancelled', () => {
      cancelled = true;
      finish();
    });
    call.on('close', finish);
    call.on('error', () => undefined);
    const options = call.request.getOptions()!;
    if (options.hasSubscription()) return this.subscribe(call, options, () => cancelled);
    void this.stream(call, options, () => cancelled).then(() => {
      finish();
      if (!cancelled) call.end();
    });
  }

  private selectRecords(options: InstanceType<typeof streamsPb.ReadReq.Options>): WireRecord[] | 'not_found' {
    const backward = options.getReadDirection() === ReadDirection.BACKWARDS;
    const count = options.hasCount()
      ? Number(BigInt(options.getCount()) > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : options.getCount())
      : Number.MAX_SAFE_INTEGER;
    if (options.hasStream()) {
      const streamOptions = options.getStream()!;
      const streamId = Buffer.from(streamOptions.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
      const stream = this.streams.get(streamId);
      if (!stream) return 'not_found';
      const from = streamOptions.hasStart() ? 0 : streamOptions.hasEnd() ? stream.length - 1 : Number(streamOptions.getRevision());
      const ordered = backward ? stream.slice(0, Math.min(from, stream.length - 1) + 1).reverse() : stream.slice(from);
      return ordered.slice(0, count);
    }
    const all = options.getAll()!;
    const at = all.hasPosition() ? BigInt(all.getPosition()!.getCommitPosition()) : null;
    // The first record at or after the position (the log is in position order).
    let low = 0;
    let high = this.log.length;
    while (at !== null && low < high) {
      const middle = (low + high) >> 1;
      if (this.log[middle]!.position < at) low = middle + 1;
      else high = middle;
    }
    if (backward) {
      const end = all.hasStart() ? 0 : at === null ? this.log.length : low;
      return this.log.slice(Math.max(0, end - count), end).reverse();
    }
    const start = all.hasEnd() ? this.log.length : at === null ? 0 : low;
    return this.log.slice(start, start + Math.min(count, this.log.length));
  }

  /** Sends the records one by one, waiting whenever HTTP/2 flow control says the client is not reading. */
  private async stream(
    call: grpc.ServerWritableStream<ReadReq, ReadResp>,
    options: InstanceType<typeof streamsPb.ReadReq.Options>,
    cancelled: () => boolean,
  ): Promise<void> {
    const records = this.selectRecords(options);
    if (records === 'not_found') {
      const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(options.getStream()!.getStreamIdentifier());
      call.write(new ReadResp().setStreamNotFound(notFound));
      return;
    }
    const streamRead = options.hasStream();
    for (const record of records) {
      if (cancelled()) return;
      if (!call.write(this.readResp(record, streamRead))) {
        await new Promise<void>((resolve) => {
          call.once('drain', resolve);
          call.once('cancelled', resolve);
        });
      }
    }
  }

  private subscribe(
    call: grpc.ServerWritableStream<ReadReq, ReadResp>,
    options: InstanceType<typeof streamsPb.ReadReq.Options>,
    cancelled: () => boolean,
  ): void {
    const regex = options.hasFilter() ? options.getFilter()!.getEventType()?.getRegex() : undefined;
    const pattern = regex ? new RegExp(regex) : null;
    const live = (record: WireRecord) => {
      if (cancelled() || (pattern && !pattern.test(record.type))) return;
      call.write(this.readResp(record, false));
    };
    const confirm = () => {
      if (cancelled()) return;
      call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
      // Only from the end of the log: catch-up from a position is not something Kensho asks for.
      this.subscribers.add(live);
    };
    call.on('cancelled', () => this.subscribers.delete(live));
    if (this.options.confirmationDelayMs) setTimeout(confirm, this.options.confirmationDelayMs);
    else confirm();
  }

  private readResp(record: WireRecord, streamRead: boolean): ReadResp {
    const position = streamRead && this.options.legacyStreamPositions ? NO_POSITION : record.position;
    const recorded = new ReadResp.ReadEvent.RecordedEvent()
      .setId(new UUID().setString(record.id))
      .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(record.streamId, 'utf8')))
      .setStreamRevision(record.revision.toString())
      .setPreparePosition(position.toString())
      .setCommitPosition(position.toString())
      .setData(record.data)
      .setCustomMetadata(record.customMetadata);
    const meta = recorded.getMetadataMap();
    meta.set('type', record.type);
    meta.set('content-type', record.contentType);
    meta.set('created', record.createdTicks.toString());
    const event = new ReadResp.ReadEvent().setEvent(recorded);
    if (streamRead) event.setNoPosition(new Empty());
    else event.setCommitPosition(record.position.toString());
    return new ReadResp().setEvent(event);
  }

  /** Ends every call still open, then stops: a test's last step. */
  async stop(): Promise<void> {
    this.subscribers.clear();
    this.server.forceShutdown();
  }
}

function success(last: WireRecord): AppendResp {
  const position = new AppendResp.Position().setCommitPosition(last.position.toString()).setPreparePosition(last.position.toString());
  return new AppendResp().setSuccess(new AppendResp.Success().setCurrentRevision(last.revision.toString()).setPosition(position));
}
