import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandResult } from '@kensho/review';
import { loadSeedSet } from './load-seeds.js';
import { planSeed } from './seed-plan.js';

export interface SeedReport {
  fiscalYear: number;
  sheets: number;
  steps: number;
  /** Steps that appended events this run (0 on a repeat run). */
  applied: number;
  /** Steps already recorded by an earlier run. */
  alreadyDone: number;
  lastPosition: number | null;
}

/** Replays a seed directory through the same command bus the API uses. */
@Injectable()
export class SeedRunner {
  constructor(private readonly commands: CommandBus) {}

  async run(dir: string, progress: (done: number, total: number) => void = () => undefined): Promise<SeedReport> {
    const seeds = loadSeedSet(dir);
    const steps = planSeed(seeds);
    let applied = 0;
    let alreadyDone = 0;
    let lastPosition: number | null = null;
    for (const [index, step] of steps.entries()) {
      let result: CommandResult;
      try {
        result = (await this.commands.execute(step.command)) as CommandResult;
      } catch (error) {
        throw new Error(`Seed step ${step.key} failed: ${(error as Error).message}`);
      }
      if (result.duplicate) alreadyDone++;
      else if (result.events.length > 0) applied++;
      if (result.position !== null) lastPosition = Math.max(lastPosition ?? 0, result.position);
      progress(index + 1, steps.length);
    }
    return { fiscalYear: seeds.fiscalYear, sheets: seeds.sheets.length, steps: steps.length, applied, alreadyDone, lastPosition };
  }
}
