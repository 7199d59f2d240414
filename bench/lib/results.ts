import type { AppendResult } from './append-workload.js';
import type { LoadFigures } from './http-load.js';
import type { LoadResult } from './load-log.js';
import { fmt, yesNo, type Row } from './report.js';

interface Rate {
  events: number;
  seconds: number;
  perSecond: number;
}

type Read = Rate & { complete: boolean };

export interface Results {
  load: { ours: LoadResult; emmett: LoadResult; compared: { ours: number; emmett: number }; emmettCopy: Rate };
  append: { ours: AppendResult; emmett: AppendResult };
  read: { ours: Read; emmett: Read & { batches: number; batchMs: number[] }; emmettIndexed: Read & { batches: number; batchMs: number[] } };
  rebuild: Read & { views: string[]; peakRssMb: number };
  verify: Read & { ok: boolean; streams: number; pins: number; breaks: unknown[] };
  http: { revise: LoadFigures; read: LoadFigures };
  timeTravel: { streamEvents: number; last: { p50: number; p99: number; max: number }; middle: { p50: number; p99: number } };
  ceiling: Rate;
}

interface Config {
  events: number;
  compareEvents: number;
  emmettShippedReadSeconds: number;
  readBatch: number;
  httpClients: number;
  appendStreams: number;
  writers: number;
  storeLoadEvents: number;
}

const ratio = (a: number, b: number) => `${fmt(a / b, 2)}×`;
const percent = (a: number, b: number) => `${fmt((100 * a) / b, 1)} %`;

/** Every answer should be a 2xx; say so when some were not. */
const failures = (f: LoadFigures) => (f.non2xx || f.errors ? ` (${fmt(f.non2xx)} non-2xx, ${fmt(f.errors)} errors)` : '');

/** Where a time-boxed phase stopped before the end of the log. */
const over = (r: Read, total: number) => (r.complete ? '' : ` (over the first ${fmt(r.events)} of ${fmt(total)})`);

export function buildRows(r: Results, c: Config): Row[] {
  const row = (metric: string, ours: string, emmett = '', ratioText = '', target = '', met: boolean | null = null): Row => ({
    metric,
    ours,
    emmett,
    ratio: ratioText,
    target,
    met: yesNo(met),
  });
  return [
    row(
      `1. append, events/s (1 event + expected revision, ${fmt(c.appendStreams)} streams, ${c.writers} writers)`,
      fmt(r.append.ours.perSecond),
      fmt(r.append.emmett.perSecond),
      ratio(r.append.ours.perSecond, r.append.emmett.perSecond),
      '≥ 1.5× Emmett',
      r.append.ours.perSecond / r.append.emmett.perSecond >= 1.5,
    ),
    row(
      '   append latency p50 / p99, ms',
      `${fmt(r.append.ours.latencyMs.p50, 1)} / ${fmt(r.append.ours.latencyMs.p99, 1)}`,
      `${fmt(r.append.emmett.latencyMs.p50, 1)} / ${fmt(r.append.emmett.latencyMs.p99, 1)}`,
    ),
    row(
      `2. global read from 0, batches of ${fmt(c.readBatch)}, events/s${over(r.read.ours, c.events)}`,
      fmt(r.read.ours.perSecond),
      `${fmt(r.read.emmett.perSecond)}${r.read.emmett.complete ? '' : ` (first ${fmt(r.read.emmett.events)})`}`,
      ratio(r.read.ours.perSecond, r.read.emmett.perSecond),
      '≥ 100,000/s',
      r.read.ours.perSecond >= 100_000,
    ),
    row(
      '   Emmett with a (transaction_id, global_position) index added by the bench',
      '',
      `${fmt(r.read.emmettIndexed.perSecond)}${r.read.emmettIndexed.complete ? '' : ` (first ${fmt(r.read.emmettIndexed.events)})`}`,
      ratio(r.read.ours.perSecond, r.read.emmettIndexed.perSecond),
    ),
    row(
      `3. rebuild of every view (${r.rebuild.views.length}, one pass), events/s${over(r.rebuild, c.events)}`,
      fmt(r.rebuild.perSecond),
      '',
      '',
      '≥ 20,000/s',
      r.rebuild.perSecond >= 20_000,
    ),
    row('   rebuild peak RSS, MB', fmt(r.rebuild.peakRssMb)),
    row(
      `4. hash-chain verification, events/s${over(r.verify, c.events)}${r.verify.ok ? ', intact' : ', BREAKS FOUND'}`,
      fmt(r.verify.perSecond),
      '',
      '',
      '≥ 100,000/s',
      r.verify.perSecond >= 100_000,
    ),
    row(`5. HTTP revise (PATCH + If-Match), ${c.httpClients} clients, req/s${failures(r.http.revise)}`, fmt(r.http.revise.perSecond)),
    row(
      '   HTTP revise p50 / p99, ms',
      `${fmt(r.http.revise.latencyMs.p50, 1)} / ${fmt(r.http.revise.latencyMs.p99, 1)}`,
      '',
      '',
      'p99 ≤ 25 ms',
      r.http.revise.latencyMs.p99 <= 25,
    ),
    row(`   HTTP sheet read (GET), ${c.httpClients} clients, req/s${failures(r.http.read)}`, fmt(r.http.read.perSecond)),
    row(
      '   HTTP sheet read p50 / p99, ms',
      `${fmt(r.http.read.latencyMs.p50, 1)} / ${fmt(r.http.read.latencyMs.p99, 1)}`,
      '',
      '',
      'p99 ≤ 10 ms',
      r.http.read.latencyMs.p99 <= 10,
    ),
    row(
      `6. time travel: sheet at version ${fmt(r.timeTravel.streamEvents - 1)} of a ${fmt(r.timeTravel.streamEvents)}-event stream, p50 / p99 ms`,
      `${fmt(r.timeTravel.last.p50, 1)} / ${fmt(r.timeTravel.last.p99, 1)}`,
      '',
      '',
      '≤ 20 ms',
      r.timeTravel.last.p50 <= 20,
    ),
    row(`7. ceiling: the same ${fmt(r.ceiling.events)} rows by one COPY, events/s`, fmt(r.ceiling.perSecond)),
    row(
      '   append (1.) as a fraction of the ceiling',
      percent(r.append.ours.perSecond, r.ceiling.perSecond),
      percent(r.append.emmett.perSecond, r.ceiling.perSecond),
    ),
    row(
      `   bulk load, a batch per sheet-year, ${c.writers} writers, first ${fmt(r.load.ours.events)} events, events/s`,
      fmt(r.load.ours.perSecond),
      fmt(r.load.emmett.perSecond),
      ratio(r.load.ours.perSecond, r.load.emmett.perSecond),
    ),
    row(
      '   bulk load as a fraction of the ceiling',
      percent(r.load.ours.perSecond, r.ceiling.perSecond),
      percent(r.load.emmett.perSecond, r.ceiling.perSecond),
    ),
    row(`   COPY of the same log into each store's tables, events/s`, fmt(r.ceiling.perSecond), fmt(r.load.emmettCopy.perSecond)),
    row('   rebuild (3.) as a fraction of the ceiling', percent(r.rebuild.perSecond, r.ceiling.perSecond)),
  ];
}

/** What the table cannot say in a cell: how the stores were filled, and where a phase was cut. */
export function notes(c: Config, r: Results): string[] {
  return [
    `Both stores hold the same ${fmt(c.events)}-event log, put into their tables by COPY of the very rows their own append writes ` +
      `(the first ${fmt(Math.min(c.compareEvents, r.load.compared.ours))} events appended through each store's API compared equal, row by row); ` +
      `their bulk append through the API is timed on the first ${fmt(r.load.ours.events)} events.`,
    `Emmett's global read is its readMessagesBatch (what its consumers poll with). Its schema has no index for that query's ORDER BY ` +
      `(transaction_id, global_position), so every batch scans the table: as shipped it is time-boxed to ${c.emmettShippedReadSeconds} s; ` +
      'the next row adds the index Emmett lacks, the most favourable reading.',
    'A figure "over the first N" comes from a time-boxed phase: the rate over the events it reached from the start of the log.',
  ];
}
