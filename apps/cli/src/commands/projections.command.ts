import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { ALL_PROJECTIONS } from '@kensho/core';
import { EventStore } from '@kensho/event-store';
import { Database } from '@kensho/platform';
import { ProjectionRebuilder, Projector, type Projection } from '@kensho/projections';
import { out } from '../output.js';
import { countEvents, progressPrinter } from '../progress.js';

function pick(name: string | undefined): Projection[] {
  if (!name) return ALL_PROJECTIONS;
  const found = ALL_PROJECTIONS.filter((p) => p.name === name);
  if (found.length === 0) throw new Error(`Unknown projection "${name}". Projections: ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`);
  return found;
}

@SubCommand({ name: 'status', description: "Each projection's checkpoint, the head of the log and the lag" })
export class ProjectionsStatusCommand extends CommandRunner {
  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
  ) {
    super();
  }

  async run(): Promise<void> {
    const head = await this.store.headCheckpoint();
    const headPosition = head === null ? 0 : Number(head.split(':').pop());
    const rows = await this.db.query<{ name: string; checkpoint: string | null; position: number | null; updated_at: Date }>(
      'SELECT name, checkpoint, position, updated_at FROM projection_checkpoints',
    );
    const byName = new Map(rows.rows.map((r) => [r.name, r]));
    out.result(`log head: position ${headPosition}`);
    for (const projection of ALL_PROJECTIONS) {
      const row = byName.get(projection.name);
      const lagging = this.store.compareCheckpoints(row?.checkpoint ?? null, head) < 0;
      const lag = lagging ? Math.max(headPosition - (row?.position ?? 0), 1) : 0;
      out.result(
        `${projection.name.padEnd(16)} position ${String(row?.position ?? 0).padStart(9)}  lag ${String(lag).padStart(7)}  ${lag === 0 ? 'up to date' : 'behind'}  (updated ${row?.updated_at.toISOString() ?? 'never'})`,
      );
    }
  }
}

@SubCommand({ name: 'rebuild', arguments: '[name]', description: 'Rebuild one projection (or all) from zero into fresh tables, then swap them in' })
export class ProjectionsRebuildCommand extends CommandRunner {
  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
  ) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    const total = await countEvents(this.db);
    // All of them in one pass over the log: each page is read once and fed to every projection.
    const result = await new ProjectionRebuilder(this.db, this.store).rebuildAll(pick(name), { total, progress: progressPrinter() });
    if (process.stderr.isTTY) process.stderr.write('\n');
    out.result(
      `rebuilt ${result.projection}: ${result.events} events in ${result.seconds.toFixed(1)} s (${Math.round(result.events / Math.max(result.seconds, 0.001))} ev/s), swapped in`,
    );
  }
}

interface RunOptions {
  batchSize?: number;
  untilCaughtUp?: boolean;
}

@SubCommand({ name: 'run', description: 'Run the projector in the foreground (the API runs one too; they take turns safely)' })
export class ProjectionsRunCommand extends CommandRunner {
  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
  ) {
    super();
  }

  async run(_args: string[], options: RunOptions): Promise<void> {
    const projector = new Projector(this.db, this.store, ALL_PROJECTIONS, { batchSize: options.batchSize ?? 500, log: out.info });
    if (options.untilCaughtUp) {
      const applied = await projector.catchUp();
      out.result(`caught up: ${applied} events applied to every projection`);
      return;
    }
    projector.start();
    out.info('projector running; stop with Ctrl-C');
    await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
    await projector.stop();
  }

  @Option({ flags: '--batch-size <n>', description: 'Events per transaction (default 500)' })
  parseBatchSize(value: string): number {
    return Number(value);
  }

  @Option({ flags: '--until-caught-up', description: 'Apply everything visible now, then exit' })
  parseUntil(): boolean {
    return true;
  }
}

@Command({
  name: 'projections',
  description: 'Projection status, rebuild and foreground run',
  subCommands: [ProjectionsStatusCommand, ProjectionsRebuildCommand, ProjectionsRunCommand],
})
export class ProjectionsCommand extends CommandRunner {
  async run(): Promise<void> {
    out.fail('Use: projections status | projections rebuild [name] | projections run [--until-caught-up]');
  }
}
