import { log } from './stats.js';

export interface PhaseRecord {
  seconds: number;
  /** CPU of the Node process that did the phase's work; null when not known. */
  nodeCpuSeconds: number | null;
  /** CPU of every PostgreSQL process meanwhile (embedded server only). */
  postgresCpuSeconds: number | null;
}

/** Times each phase and says where its CPU went, so a figure can be read against what bound it. */
export class PhaseClock {
  readonly phases: Record<string, PhaseRecord> = {};

  constructor(private readonly postgresCpu: () => number | null) {}

  async run<T>(name: string, work: () => Promise<T>, nodeCpu?: () => number): Promise<T> {
    log(`${name}…`);
    const t0 = performance.now();
    const pg0 = this.postgresCpu();
    const result = await work();
    const pg1 = this.postgresCpu();
    const record: PhaseRecord = {
      seconds: (performance.now() - t0) / 1000,
      nodeCpuSeconds: nodeCpu ? nodeCpu() : null,
      postgresCpuSeconds: pg0 === null || pg1 === null ? null : pg1 - pg0,
    };
    this.phases[name] = record;
    const cpu = [
      record.nodeCpuSeconds === null ? null : `node ${record.nodeCpuSeconds.toFixed(1)}`,
      record.postgresCpuSeconds === null ? null : `postgres ${record.postgresCpuSeconds.toFixed(1)}`,
    ].filter(Boolean);
    log(`${name}: done in ${record.seconds.toFixed(1)} s${cpu.length ? ` (CPU s: ${cpu.join(', ')})` : ''}`);
    return result;
  }
}
