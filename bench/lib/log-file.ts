import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { categoryOf, type NewEvent } from '@kensho/event-store';
import { generateLog, type LogOptions, type Wave } from './generator.js';

/** One fiscal year of the log, serialised once for every consumer. */
export interface YearFiles {
  /** One JSON line per batch ({w: wave, s: stream, a: after, e: events}): what the stores append. */
  batches: string;
  /** The rows Kensho's store writes into es_events, in COPY text format (hash included). */
  eventRows: string;
  /** The matching es_streams rows (last revision and head hash of every stream). */
  streamRows: string;
  /** The rows Emmett's append writes into emt_messages (its transaction id excepted: see ceiling.ts). */
  emmettMessages: string;
  /** The rows Emmett's append writes into emt_streams. */
  emmettStreams: string;
}

export const yearFiles = (dir: string, fiscalYear: number): YearFiles => ({
  batches: join(dir, `${fiscalYear}.batches.ndjson`),
  eventRows: join(dir, `${fiscalYear}.events.copy`),
  streamRows: join(dir, `${fiscalYear}.streams.copy`),
  emmettMessages: join(dir, `${fiscalYear}.emt-messages.copy`),
  emmettStreams: join(dir, `${fiscalYear}.emt-streams.copy`),
});

export interface YearSummary {
  fiscalYear: number;
  events: number;
  streams: number;
  sheets: number;
  batches: number;
  eventTypes: Record<string, number>;
  /** Characters written (the files are UTF-8 and mostly Japanese text, so bytes are more). */
  characters: number;
}

/**
 * A JSON text as a field of COPY's text format. JSON.stringify never writes a raw tab or line
 * break (it escapes them), so only its backslashes need escaping.
 */
/** Stream ids are written into COPY rows as they are: they must need no escaping. */
const PLAIN_STREAM = /^[A-Za-z0-9._-]+$/;

const copyJson = (json: string) => (json.includes('\\') ? json.replace(/\\/g, '\\\\') : json);

class Sink {
  private readonly out: WriteStream;
  characters = 0;

  constructor(path: string) {
    this.out = createWriteStream(path, { highWaterMark: 1 << 20 });
  }

  async write(text: string): Promise<void> {
    this.characters += text.length;
    if (!this.out.write(text)) await once(this.out, 'drain');
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** Writes one year's waves, serialising each event once for all its consumers. */
class YearWriter {
  private readonly sinks: Record<keyof YearFiles, Sink>;
  private readonly heads = new Map<string, { revision: number; hash: string }>();
  private readonly summary: YearSummary;
  private wave = 0;

  constructor(files: YearFiles, fiscalYear: number) {
    this.sinks = Object.fromEntries(Object.entries(files).map(([k, path]) => [k, new Sink(path)])) as Record<keyof YearFiles, Sink>;
    this.summary = { fiscalYear, events: 0, streams: 0, sheets: 0, batches: 0, eventTypes: {}, characters: 0 };
  }

  /** `appendable`: how many of the wave's first events the batch file gets (only the log's prefix is appended through the stores). */
  async add(wave: Wave, appendable: number): Promise<void> {
    const rows: string[] = [];
    const emt: string[] = [];
    for (const b of wave) {
      if (!PLAIN_STREAM.test(b.streamId)) throw new Error(`stream id needs COPY escaping: ${b.streamId}`);
      const json: string[] = [];
      for (let i = 0; i < b.events.length; i++) {
        const e = b.events[i]!;
        const data = JSON.stringify(e.data);
        const metadata = JSON.stringify(e.metadata);
        const dataField = copyJson(data);
        const revision = b.after + 1 + i;
        if (appendable-- > 0) json.push(`{"id":"${e.id}","type":"${e.type}","data":${data},"metadata":${metadata}}`);
        rows.push(`${e.id}\t${b.streamId}\t${revision}\t${e.type}\t${dataField}\t${copyJson(metadata.slice(0, -1))},"hash":"${b.hashes[i]}"}\n`);
        // Emmett numbers stream positions from 1, keeps the id in its own column and the rest of the metadata as is.
        emt.push(`${b.streamId}\t${revision + 1}\t${dataField}\t${copyJson(metadata)}\t1\t${e.type}\tE\t${e.id}\n`);
        this.summary.eventTypes[e.type] = (this.summary.eventTypes[e.type] ?? 0) + 1;
      }
      if (json.length) await this.sinks.batches.write(`{"w":${this.wave},"s":"${b.streamId}","a":${b.after},"e":[${json.join(',')}]}\n`);
      this.heads.set(b.streamId, { revision: b.after + b.events.length, hash: b.hashes[b.hashes.length - 1]! });
      this.summary.events += b.events.length;
      this.summary.batches++;
      if (rows.length >= 500) await this.flush(rows, emt);
    }
    await this.flush(rows, emt);
    this.wave++;
  }

  private async flush(rows: string[], emt: string[]): Promise<void> {
    await this.sinks.eventRows.write(rows.join(''));
    await this.sinks.emmettMessages.write(emt.join(''));
    rows.length = 0;
    emt.length = 0;
  }

  async close(): Promise<YearSummary> {
    for (const [id, head] of this.heads) {
      await this.sinks.streamRows.write(`${id}\t${categoryOf(id)}\t${head.revision}\t${head.hash}\n`);
      await this.sinks.emmettStreams.write(`${id}\t${head.revision + 1}\t${categoryOf(id)}\t{}\n`);
    }
    for (const sink of Object.values(this.sinks)) await sink.close();
    this.summary.streams = this.heads.size;
    this.summary.sheets = [...this.heads.keys()].filter((s) => s.startsWith('sheet-')).length;
    this.summary.characters = Object.values(this.sinks).reduce((n, s) => n + s.characters, 0);
    return this.summary;
  }
}

/**
 * Generates the years `options.includeYear` selects into `dir`, one set of files per year; the
 * batch files (what the stores append) hold only the log's first `appendable` events.
 */
export async function writeYears(dir: string, options: LogOptions & { appendable: number }): Promise<YearSummary[]> {
  const done: YearSummary[] = [];
  let writer: YearWriter | null = null;
  let year = -1;
  for (const { fiscalYear, offset, batches } of generateLog(options)) {
    if (fiscalYear !== year) {
      if (writer) done.push(await writer.close());
      writer = new YearWriter(yearFiles(dir, fiscalYear), fiscalYear);
      year = fiscalYear;
    }
    await writer!.add(batches, options.appendable - offset);
  }
  if (writer) done.push(await writer.close());
  return done;
}

/** The files' contents one after another (for a COPY of several years). */
export async function* concatFiles(paths: string[]): AsyncGenerator<Buffer> {
  for (const path of paths) yield* createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
}

/** The log's waves in order, read back from the years' batch files; stops after `limit` events (a batch may be cut). */
export async function* readWaves(paths: string[], limit = Infinity): AsyncGenerator<Wave> {
  let events = 0;
  for (const path of paths) {
    let current: Wave = [];
    let waveNumber = 0;
    let rest: Buffer = Buffer.alloc(0);
    for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 }) as AsyncIterable<Buffer>) {
      const buffer = rest.length ? Buffer.concat([rest, chunk]) : chunk;
      let start = 0;
      for (let end = buffer.indexOf(10, start); end >= 0; start = end + 1, end = buffer.indexOf(10, start)) {
        const row = JSON.parse(buffer.toString('utf8', start, end)) as { w: number; s: string; a: number; e: NewEvent[] };
        if (row.w !== waveNumber && current.length) {
          yield current;
          current = [];
        }
        waveNumber = row.w;
        const take = Math.min(row.e.length, limit - events);
        current.push({ streamId: row.s, after: row.a, events: take === row.e.length ? row.e : row.e.slice(0, take), hashes: [] });
        events += take;
        if (events >= limit) {
          yield current;
          return;
        }
      }
      rest = buffer.subarray(start);
    }
    if (current.length) yield current;
  }
}

export interface LogSummary {
  events: number;
  streams: number;
  sheets: number;
  /** Fiscal years in log order. */
  years: number[];
  fiscalYears: string;
  batches: number;
  eventTypes: Record<string, number>;
  characters: number;
  /** Events of the first year that were replayed through the deciders. */
  checkedByDeciders: number;
}

export function summarizeLog(years: YearSummary[], checkedByDeciders: number): LogSummary {
  const sorted = [...years].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const eventTypes: Record<string, number> = {};
  for (const y of sorted) for (const [type, n] of Object.entries(y.eventTypes)) eventTypes[type] = (eventTypes[type] ?? 0) + n;
  const sum = (key: 'events' | 'streams' | 'sheets' | 'batches' | 'characters') => sorted.reduce((n, y) => n + y[key], 0);
  return {
    events: sum('events'),
    streams: sum('streams'),
    sheets: sum('sheets'),
    years: sorted.map((y) => y.fiscalYear),
    fiscalYears: `${sorted[0]?.fiscalYear}–${sorted[sorted.length - 1]?.fiscalYear}`,
    batches: sum('batches'),
    eventTypes,
    characters: sum('characters'),
    checkedByDeciders,
  };
}
