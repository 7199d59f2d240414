import { Command, CommandRunner, Option } from 'nest-commander';
import { SeedRunner, seedDirFor } from '@kensho/seeds';
import { out } from '../output.js';

interface SeedOptions {
  fiscalYear: number;
}

/** Replays a fiscal year's seed through the command bus; a second run appends nothing. */
@Command({ name: 'seed', description: 'Load the FY2016 Muroran review (seeds/fy2016) through the lifecycle, up to approved' })
export class SeedCommand extends CommandRunner {
  constructor(private readonly seeds: SeedRunner) {
    super();
  }

  async run(_args: string[], options: SeedOptions): Promise<void> {
    const fiscalYear = options.fiscalYear ?? 2016;
    const started = Date.now();
    const report = await this.seeds.run(seedDirFor(fiscalYear), (done, total) => {
      if (done === total || done % 20 === 0) out.info(`seed fy${fiscalYear}: ${done}/${total} steps`);
    });
    out.info(`${report.sheets} sheets, ${report.steps} steps in ${Date.now() - started} ms`);
    out.result(`seeded FY${report.fiscalYear}: ${report.applied} steps applied, ${report.alreadyDone} already recorded`);
  }

  @Option({ flags: '--fiscal-year <fy>', description: 'Which seed directory (default 2016)' })
  parseFiscalYear(value: string): number {
    return Number(value);
  }
}
