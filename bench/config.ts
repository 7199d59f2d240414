const int = (name: string, fallback: number) => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
};

/** Everything a run measures; the defaults are the workload (README.md, "Benchmarks"). */
export const CONFIG = {
  seed: int('BENCH_SEED', 2016),
  events: int('BENCH_EVENTS', 1_000_000),
  writers: 16,
  appendStreams: 1_000,
  appendSeconds: int('BENCH_APPEND_SECONDS', 12),
  warmupSeconds: 3,
  /** Each store's bulk append is timed on this prefix; the whole log goes in by COPY. */
  storeLoadEvents: int('BENCH_STORE_LOAD_EVENTS', 50_000),
  /** The first so many events appended by each store are compared with the COPY's rows. */
  compareEvents: 20_000,
  readBatch: int('BENCH_READ_BATCH', 1_000),
  // Time boxes: a phase over the whole log stops there and reports how far it got.
  readSeconds: int('BENCH_READ_SECONDS', 30),
  emmettShippedReadSeconds: int('BENCH_EMMETT_SHIPPED_READ_SECONDS', 15),
  emmettIndexedReadSeconds: int('BENCH_EMMETT_INDEXED_READ_SECONDS', 20),
  verifySeconds: int('BENCH_VERIFY_SECONDS', 60),
  rebuildSeconds: int('BENCH_REBUILD_SECONDS', 240),
  timeTravelEvents: 1_000,
  httpClients: 32,
  httpSeconds: int('BENCH_HTTP_SECONDS', 8),
};

export type BenchConfig = typeof CONFIG;
