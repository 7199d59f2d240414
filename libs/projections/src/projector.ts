import type { EventStore, LogCheckpoint } from '@kensho/event-store';
import { isDatabaseUnavailable, type Database } from '@kensho/platform';
import type { Projection } from './projection.js';

export class ProjectionLagError extends Error {
  readonly code = 'projection.lagging';
  constructor(
    readonly position: number,
    readonly waitedMs: number,
  ) {
    super(`Projections have not reached position ${position} after ${waitedMs} ms; retry shortly`);
  }
}

/** No event was written at this position: waiting could not help, so the reader is told at once. */
export class UnknownPositionError extends Error {
  readonly code = 'read.position_ahead';
  constructor(readonly position: number) {
    super(`No event has been written at position ${position}: use the position a write answered with (指定された位置のイベントはまだ存在しません)`);
  }
}

/** Retries after a failed batch: the first soon, doubling up to the last. */
const RETRY_FIRST_MS = 100;
const RETRY_MAX_MS = 5_000;

export interface ProjectorOptions {
  batchSize?: number;
  /** Fallback polling interval when no notification arrives. */
  idleMs?: number;
  log?: (message: string) => void;
}

/**
 * Runs projections from the global log. Each batch is one transaction: lock the checkpoint row,
 * apply the events, move the checkpoint, commit. Two projectors on one database therefore take
 * turns instead of applying the same batch twice.
 */
export class Projector {
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly log: (message: string) => void;
  private progressListeners = new Set<() => void>();
  private checkpointRowsExist = false;

  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    private readonly projections: Projection[],
    options: ProjectorOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 1000;
    this.log = options.log ?? (() => undefined);
  }

  /**
   * Processes one batch for every projection, in one transaction. When that fails, each projection
   * gets a transaction of its own, so one failing view holds back only itself (it is logged and
   * retried); the error is thrown only when no projection could move. Returns the most events any
   * projection applied.
   */
  async step(): Promise<number> {
    try {
      return await this.stepTogether(this.projections);
    } catch (together) {
      // No view is to blame when the database is away: each alone would only fail the same way.
      if (isDatabaseUnavailable(together)) throw together;
      let most = 0;
      let failure: unknown = null;
      for (const projection of this.projections) {
        try {
          most = Math.max(most, await this.stepTogether([projection]));
        } catch (error) {
          failure ??= error;
          this.log(`Projection ${projection.name} failed, the others go on: ${(error as Error).message}`);
        }
      }
      if (most === 0 && failure) throw failure;
      if (most === 0 && !failure) throw together;
      return most;
    }
  }

  /**
   * One transaction: lock the checkpoint rows, read a page once per distinct checkpoint (normally
   * one: the projections move together), apply it, move the checkpoints.
   */
  private async stepTogether(projections: Projection[]): Promise<number> {
    const names = projections.map((p) => p.name);
    if (!this.checkpointRowsExist) {
      // Committed on its own: the rows must exist even when the first batch fails.
      await this.db.query('INSERT INTO projection_checkpoints (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING', [
        this.projections.map((p) => p.name),
      ]);
      this.checkpointRowsExist = true;
    }
    return this.db.transaction(async (client) => {
      const rows = await client.query<{ name: string; checkpoint: string | null }>(
        'SELECT name, checkpoint FROM projection_checkpoints WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE',
        [names],
      );
      if (rows.rows.length < names.length) {
        // A rebuild or an operator removed a row: create it again next time round.
        this.checkpointRowsExist = false;
        throw new Error(`Projection checkpoints missing for ${names.filter((n) => !rows.rows.some((r) => r.name === n)).join(', ')}`);
      }
      const groups = new Map<string | null, Projection[]>();
      for (const row of rows.rows) {
        const projection = projections.find((p) => p.name === row.name)!;
        groups.set(row.checkpoint, [...(groups.get(row.checkpoint) ?? []), projection]);
      }
      let most = 0;
      const moved: Array<{ name: string; checkpoint: string; position: number }> = [];
      for (const [after, group] of groups) {
        const page = await this.store.readAll({ after, maxCount: this.batchSize });
        if (page.events.length === 0) continue;
        for (const projection of group) await projection.applyBatch(client, page.events);
        const last = page.events[page.events.length - 1]!;
        for (const projection of group) moved.push({ name: projection.name, checkpoint: last.checkpoint, position: last.position });
        most = Math.max(most, page.events.length);
      }
      if (moved.length > 0) {
        await client.query(
          `UPDATE projection_checkpoints c SET checkpoint = m.checkpoint, position = m.position, updated_at = now()
           FROM unnest($1::text[], $2::text[], $3::bigint[]) AS m(name, checkpoint, position) WHERE c.name = m.name`,
          [moved.map((m) => m.name), moved.map((m) => m.checkpoint), moved.map((m) => m.position)],
        );
      }
      return most;
    });
  }

  /** Applies everything visible now, for every projection; returns how many events that took. */
  async catchUp(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const applied = await this.step();
        total += applied;
        if (applied < this.batchSize) break;
      }
    } finally {
      // Readers waiting for a position learn of what did move, even when a failing view stopped the run.
      if (total > 0) for (const notify of [...this.progressListeners]) notify();
    }
    return total;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      let failures = 0;
      while (this.running) {
        try {
          const applied = await this.catchUp();
          failures = 0;
          if (applied === 0 && this.running) await this.store.waitForAppends(this.idleMs);
        } catch (error) {
          // Backoff: a database that is away is asked again soon, then less and less often.
          const delay = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** failures++);
          this.log(`Projector error (retrying in ${delay} ms): ${(error as Error).message}`);
          await new Promise((r) => setTimeout(r, delay));
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.loop = null;
  }

  async checkpoints(): Promise<Map<string, LogCheckpoint | null>> {
    const result = await this.db.query<{ name: string; checkpoint: string | null }>('SELECT name, checkpoint FROM projection_checkpoints');
    const map = new Map<string, LogCheckpoint | null>(this.projections.map((p) => [p.name, null]));
    for (const row of result.rows) if (map.has(row.name)) map.set(row.name, row.checkpoint);
    return map;
  }

  /** True once every projection has applied the event at `position`. */
  async hasReached(position: number): Promise<boolean> {
    const target = await this.store.checkpointOfPosition(position);
    return target !== null && (await this.hasPassed(target));
  }

  private async hasPassed(target: LogCheckpoint): Promise<boolean> {
    for (const checkpoint of (await this.checkpoints()).values()) {
      if (this.store.compareCheckpoints(checkpoint, target) < 0) return false;
    }
    return true;
  }

  /**
   * Read-your-writes: waits until the projections include `position`, or throws ProjectionLagError.
   * A write answers only after its commit, so a position no visible event has is one nobody was
   * given (past the head, or a gap a failed append left): UnknownPositionError, without waiting.
   */
  async waitFor(position: number, timeoutMs: number): Promise<void> {
    const started = Date.now();
    const target = await this.store.checkpointOfPosition(position);
    if (target === null) throw new UnknownPositionError(position);
    while (!(await this.hasPassed(target))) {
      const left = timeoutMs - (Date.now() - started);
      if (left <= 0) throw new ProjectionLagError(position, Date.now() - started);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, 50));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.progressListeners.add(done);
        setTimeout(() => this.progressListeners.delete(done), Math.min(left, 50) + 1);
      });
    }
  }
}
