import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ALL_MIGRATIONS } from '@kensho/core';
import { runMigrations } from '@kensho/platform';
import { CONFIG } from './config.js';
import type { AppendResult } from './lib/append-workload.js';
import { httpBench } from './lib/http-load.js';
import { Worker } from './lib/ipc.js';
import type { LoadResult } from './lib/load-log.js';
import { summarizeLog, yearFiles, type LogSummary, type YearFiles, type YearSummary } from './lib/log-file.js';
import { PhaseClock } from './lib/phase-clock.js';
import { buildRows, notes, type Results } from './lib/results.js';
import { renderTable } from './lib/report.js';
import { repoRoot } from './lib/repo.js';
import { durabilitySettings, settle, startServer, type BenchServer } from './lib/server.js';
import { log } from './lib/stats.js';

/**
 * npm run bench: Kensho's event store against Emmett's on one PostgreSQL, and against the ceiling.
 * Every phase runs in a process of its own (bench/phases/*), this one only conducts and reports.
 */
interface Run {
  server: BenchServer;
  clock: PhaseClock;
  start(name: string): Worker;
  db: { ours: string; emmett: string; oursPrefix: string; emmettPrefix: string; http: string };
}

/** The seeded log, written once by two processes (a fiscal year each in turn), for every consumer. */
async function generate(run: Run): Promise<LogSummary> {
  let cpu = 0;
  return run.clock.run(
    'generate the log (two processes, a year each in turn)',
    async () => {
      const parts = [run.start('generate'), run.start('generate')];
      const args = { dir: run.server.workDir, seed: CONFIG.seed, totalEvents: CONFIG.events, appendable: CONFIG.storeLoadEvents, of: parts.length };
      const done = await Promise.all(parts.map((w, part) => w.call<{ years: YearSummary[]; checked: number }>('generate', { ...args, part })));
      cpu = parts.reduce((t, w) => t + w.lastCpuSeconds, 0);
      await Promise.all(parts.map((w) => w.stop()));
      return summarizeLog(
        done.flatMap((d) => d.years),
        done[0]!.checked,
      );
    },
    () => cpu,
  );
}

/** Both stores get the whole log by COPY (Kensho's is the ceiling); their own append is timed on a prefix and checked against it. */
async function fill(run: Run, ours: Worker, emmett: Worker, years: YearFiles[], events: number) {
  await emmett.call('migrate', { url: run.db.emmett });
  const copier = run.start('ceiling');
  const ceiling = await run.clock.run(
    `ceiling: COPY the log into Kensho's es_events`,
    () => copier.call<Results['ceiling']>('kensho', { url: run.db.ours, years, events }),
    () => copier.lastCpuSeconds,
  );
  const emmettCopy = await run.clock.run(
    `COPY the log into Emmett's emt_messages`,
    () => copier.call<Results['ceiling']>('emmett', { url: run.db.emmett, years, events }),
    () => copier.lastCpuSeconds,
  );
  await copier.stop();
  await settle(run.db.ours, { vacuum: true });
  await settle(run.db.emmett, { vacuum: true });

  const prefix = { batchFiles: years.map((y) => y.batches), writers: CONFIG.writers, limit: CONFIG.storeLoadEvents };
  const oursLoad = await run.clock.run(
    `bulk load through Kensho's store (prefix)`,
    () => ours.call<LoadResult>('load', { url: run.db.oursPrefix, ...prefix }),
    () => ours.lastCpuSeconds,
  );
  const emmettLoad = await run.clock.run(
    'bulk load through Emmett (prefix)',
    () => emmett.call<LoadResult>('load', { url: run.db.emmettPrefix, ...prefix }),
    () => emmett.lastCpuSeconds,
  );
  const compared = {
    ours: (await ours.call<{ compared: number }>('compare', { url: run.db.ours, storeUrl: run.db.oursPrefix, limit: CONFIG.compareEvents })).compared,
    emmett: (await emmett.call<{ compared: number }>('compare', { url: run.db.emmett, storeUrl: run.db.emmettPrefix, limit: CONFIG.compareEvents })).compared,
  };
  log(
    `  the COPY rows equal what each store appends (first ${compared.ours.toLocaleString('en')} and ${compared.emmett.toLocaleString('en')} events compared)`,
  );
  return { ceiling, load: { ours: oursLoad, emmett: emmettLoad, compared, emmettCopy } };
}

/** The phases both stores run: single-event appends, then the global read. */
async function compareStores(run: Run, ours: Worker, emmett: Worker) {
  await settle(run.db.ours, { vacuum: false });
  await settle(run.db.emmett, { vacuum: false });
  const appendArgs = { streams: CONFIG.appendStreams, writers: CONFIG.writers, warmupSeconds: CONFIG.warmupSeconds, seconds: CONFIG.appendSeconds };
  const oursAppend = await run.clock.run(
    'append: Kensho',
    () => ours.call<AppendResult>('append', { url: run.db.ours, ...appendArgs }),
    () => ours.lastCpuSeconds,
  );
  await settle(run.db.emmett, { vacuum: false });
  const emmettAppend = await run.clock.run(
    'append: Emmett',
    () => emmett.call<AppendResult>('append', { url: run.db.emmett, ...appendArgs }),
    () => emmett.lastCpuSeconds,
  );
  await settle(run.db.ours, { vacuum: false });

  const read = (worker: Worker, url: string, maxSeconds: number) => () =>
    worker.call<Results['read']['emmett']>('read', { url, batchSize: CONFIG.readBatch, limit: CONFIG.events, maxSeconds });
  const oursRead = await run.clock.run('global read: Kensho', read(ours, run.db.ours, CONFIG.readSeconds), () => ours.lastCpuSeconds);
  const emmettRead = await run.clock.run(
    'global read: Emmett as shipped',
    read(emmett, run.db.emmett, CONFIG.emmettShippedReadSeconds),
    () => emmett.lastCpuSeconds,
  );
  await emmett.call('addReadIndex', { url: run.db.emmett });
  const emmettIndexed = await run.clock.run(
    'global read: Emmett with an added index',
    read(emmett, run.db.emmett, CONFIG.emmettIndexedReadSeconds),
    () => emmett.lastCpuSeconds,
  );
  return { append: { ours: oursAppend, emmett: emmettAppend }, read: { ours: oursRead, emmett: emmettRead, emmettIndexed } };
}

/** What only Kensho has: hash-chain verification, time travel, view rebuilds, the HTTP API. */
async function kenshoOnly(run: Run, ours: Worker) {
  const verify = await run.clock.run(
    'verify hash chains',
    () => ours.call<Results['verify']>('verify', { url: run.db.ours, limit: CONFIG.events, maxSeconds: CONFIG.verifySeconds }),
    () => ours.lastCpuSeconds,
  );
  const timeTravel = await run.clock.run(
    'time travel',
    () => ours.call<Results['timeTravel']>('timeTravel', { url: run.db.ours, streamEvents: CONFIG.timeTravelEvents, repeats: 30 }),
    () => ours.lastCpuSeconds,
  );
  await ours.stop();

  const rebuilder = run.start('rebuild');
  const rebuild = await run.clock.run(
    'rebuild every view (one pass)',
    () => rebuilder.call<Results['rebuild']>('rebuild', { url: run.db.ours, maxEvents: CONFIG.events, maxSeconds: CONFIG.rebuildSeconds }),
    () => rebuilder.lastCpuSeconds,
  );
  await rebuilder.stop();

  const api = run.start('http-server');
  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const tokens = await api.call<{ planning: string; department: string }>('start', { url: run.db.http, port });
  let serverCpu = 0;
  const http = await run.clock.run(
    'HTTP',
    async () => {
      await api.call('measureStart');
      const figures = await httpBench({
        base: `http://127.0.0.1:${port}`,
        tokens,
        clients: CONFIG.httpClients,
        warmupSeconds: CONFIG.warmupSeconds,
        seconds: CONFIG.httpSeconds,
      });
      serverCpu = (await api.call<{ cpuSeconds: number }>('measureStop')).cpuSeconds;
      return figures;
    },
    () => serverCpu,
  );
  await api.stop();
  return { verify, timeTravel, rebuild, http };
}

function report(run: Run, generated: LogSummary, results: Results, settings: Record<string, string>, started: number, loadBefore: number): void {
  const rows = buildRows(results, CONFIG);
  const wallSeconds = (performance.now() - started) / 1000;
  const environment = {
    server: run.server.label,
    settings,
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? '?'}`,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  };
  const dir = join(repoRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const record = { date: new Date().toISOString(), config: CONFIG, environment, log: generated, phases: run.clock.phases, wallSeconds, table: rows, results };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out();
  out(`Kensho benchmark — ${run.server.label}, node ${process.version}, ${environment.cpus}`);
  out(
    `log: ${generated.events.toLocaleString('en')} events, ${generated.streams.toLocaleString('en')} streams (${generated.sheets.toLocaleString('en')} sheets, FY${generated.fiscalYears}), seed ${CONFIG.seed}`,
  );
  out();
  out(renderTable(rows));
  out();
  for (const note of notes(CONFIG, results)) out(`- ${note}`);
  out();
  out(`wall time ${wallSeconds.toFixed(0)} s; load average ${loadBefore.toFixed(2)} → ${loadavg()[0]!.toFixed(2)}; results: ${file}`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  if (process.env.BENCH_CPU_PROF) mkdirSync(process.env.BENCH_CPU_PROF, { recursive: true });
  const server = await startServer();
  const workers: Worker[] = [];
  try {
    const run: Run = {
      server,
      clock: new PhaseClock(() => server.cpuSeconds()),
      start: (name) => {
        const worker = Worker.start(name);
        workers.push(worker);
        return worker;
      },
      db: {
        ours: await server.createDatabase('kensho_bench'),
        emmett: await server.createDatabase('kensho_bench_emmett'),
        oursPrefix: await server.createDatabase('kensho_bench_prefix'),
        emmettPrefix: await server.createDatabase('kensho_bench_emmett_prefix'),
        http: await server.createDatabase('kensho_bench_http'),
      },
    };
    await runMigrations(run.db.ours, ALL_MIGRATIONS);
    const settings = await durabilitySettings(run.db.ours);
    log(
      `${server.label}; ${Object.entries(settings)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );

    const generated = await generate(run);
    const years = generated.years.map((fy) => yearFiles(server.workDir, fy));
    const ours = run.start('ours');
    const emmett = run.start('emmett');
    const filled = await fill(run, ours, emmett, years, generated.events);
    const both = await compareStores(run, ours, emmett);
    await emmett.stop();
    const only = await kenshoOnly(run, ours);
    report(run, generated, { ...filled, ...both, ...only }, settings, started, loadBefore);
  } finally {
    for (const worker of workers) await worker.stop().catch(() => undefined);
    await server.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
