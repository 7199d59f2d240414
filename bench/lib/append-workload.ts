import { eventIdFor, type EventMetadata, type NewEvent } from '@kensho/event-store';
import { uuidV5 } from '@kensho/platform';
import { DEPARTMENTS, emptySheetContent, sheetIdFor, sheetStreamId } from '@kensho/review';
import { forEachConcurrently } from './concurrency.js';
import { log, summarize } from './stats.js';

export interface AppendOptions {
  streams: number;
  writers: number;
  warmupSeconds: number;
  seconds: number;
}

export interface AppendResult {
  appends: number;
  seconds: number;
  perSecond: number;
  latencyMs: { p50: number; p99: number };
}

/** What a store must offer the append phase; `expected` is the stream's last revision (0-based). */
export interface Appender {
  create(streamId: string, event: NewEvent): Promise<void>;
  append(streamId: string, event: NewEvent, expected: number): Promise<void>;
}

const FY = 2090; // far from the generated years: fresh streams

function metadata(commandId: string, department: string, at: number): EventMetadata {
  return {
    actorId: `bench-writer`,
    role: 'department',
    department,
    commandId,
    correlationId: commandId,
    causationId: commandId,
    occurredAt: new Date(Date.UTC(FY + 1, 4, 1) + at * 60_000).toISOString(),
    schemaVersion: 1,
  };
}

/** Stream k: a sheet of FY2090 assigned to a department, then revised one small patch at a time. */
export function appendStream(k: number): { streamId: string; department: string; created: NewEvent } {
  const department = DEPARTMENTS[k % DEPARTMENTS.length]!.name;
  const projectCode = `${1 + (k % 4)}-${String(Math.floor(k / 4) + 1).padStart(2, '0')}`;
  const sheetId = sheetIdFor(FY, projectCode, department);
  const streamId = sheetStreamId(sheetId);
  const commandId = uuidV5(`kensho-bench-append/${k}/assign`);
  const data = {
    sheetId,
    fiscalYear: FY,
    projectCode,
    projectName: `ベンチマーク事業${k}`,
    department,
    policyAreas: ['1'],
    carriedFrom: null,
    content: emptySheetContent(),
    assignedAt: new Date(Date.UTC(FY + 1, 3, 1)).toISOString(),
  };
  const created = {
    id: eventIdFor(commandId, streamId, 0),
    type: 'SheetAssigned',
    data,
    metadata: { ...metadata(commandId, department, 0), actorId: 'bench-planner', role: 'planning', department: null },
  };
  return { streamId, department, created };
}

/** The n-th revision (n ≥ 1) of stream k: alternately the settlement and the effect text, as departments edit. */
export function revisionEvent(streamId: string, department: string, k: number, n: number): NewEvent {
  const commandId = uuidV5(`kensho-bench-append/${k}/${n}`);
  const settlement = 1000 + n;
  const data =
    n % 2 === 0
      ? { changes: { finance: { settlement, funding: { generalFund: settlement } } }, fields: ['finance.settlement', 'finance.funding.generalFund'] }
      : { changes: { effect: [{ kind: 'paragraph', text: `事業効果の記載を更新した（第${n}稿）。相談件数は${n * 3}件となった。` }] }, fields: ['effect'] };
  return { id: eventIdFor(commandId, streamId, 0), type: 'SheetContentRevised', data, metadata: metadata(commandId, department, n) };
}

/**
 * Single-event appends with an expected revision to `streams` distinct streams from `writers`
 * concurrent writers; each writer owns every writers-th stream, so a conflict is a bug and fails the run. The
 * streams are created first (not timed); then warm-up, then the measured window.
 */
export async function measureAppends(options: AppendOptions, store: Appender): Promise<AppendResult> {
  const streams = Array.from({ length: options.streams }, (_, k) => appendStream(k));
  await forEachConcurrently(streams, options.writers, (s) => store.create(s.streamId, s.created));
  const revision = streams.map(() => 0);
  const owned = Array.from({ length: options.writers }, (_, w) => streams.map((_, k) => k).filter((k) => k % options.writers === w));
  const start = performance.now();
  const measureFrom = start + options.warmupSeconds * 1000;
  const end = measureFrom + options.seconds * 1000;
  let appends = 0;
  const latencies: number[] = [];
  log(`  ${options.streams} streams created; appending for ${options.warmupSeconds}s warm-up + ${options.seconds}s`);
  await Promise.all(
    Array.from({ length: options.writers }, async (_, writer) => {
      for (let turn = 0; performance.now() < end; turn++) {
        const mine = owned[writer]!;
        const k = mine[turn % mine.length]!;
        const s = streams[k]!;
        const event = revisionEvent(s.streamId, s.department, k, revision[k]! + 1);
        const t0 = performance.now();
        await store.append(s.streamId, event, revision[k]!);
        const t1 = performance.now();
        revision[k]!++;
        // Throughput counts the appends that completed inside the window.
        if (t1 >= measureFrom && t1 <= end) {
          appends++;
          latencies.push(t1 - t0);
        }
      }
    }),
  );
  const stats = summarize(latencies);
  return { appends, seconds: options.seconds, perSecond: appends / options.seconds, latencyMs: { p50: stats.p50, p99: stats.p99 } };
}
