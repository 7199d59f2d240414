import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { Database } from '@kensho/platform';
import { Projector } from '@kensho/projections';
import { ExportError, PublicationQueries, publicationExport } from '@kensho/publication';
import { out } from '../output.js';

interface ExportOptions {
  out?: string;
  edition?: number[];
}

@SubCommand({ name: 'export', arguments: '<fiscalYear>', description: "Write a fiscal year's published editions as static files, laid out like /public" })
export class PublicationExportCommand extends CommandRunner {
  constructor(
    private readonly db: Database,
    private readonly projector: Projector,
  ) {
    super();
  }

  async run([fiscalYear]: string[], options: ExportOptions): Promise<void> {
    if (!/^\d{4}$/.test(fiscalYear ?? '')) return out.fail(`fiscalYear must be a year such as 2016, got "${fiscalYear}"`);
    await this.projector.catchUp();
    const target = resolve(options.out ?? 'publication-export');
    let files: Awaited<ReturnType<typeof publicationExport>>;
    try {
      files = await publicationExport(new PublicationQueries(this.db), Number(fiscalYear), options.edition);
    } catch (error) {
      if (error instanceof ExportError) return out.fail(error.message);
      throw error;
    }
    for (const file of files) {
      const path = join(target, ...file.path.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.body);
      out.info(`${file.path}  ${file.body.length.toLocaleString('en-US')} bytes  sha256 ${file.sha256.slice(0, 16)}…`);
    }
    out.result(`exported ${files.length} files of FY${fiscalYear} to ${target}`);
  }

  @Option({ flags: '--out <dir>', description: 'Where to write (default ./publication-export)' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--edition <n>', description: 'Only this edition (repeat for several; default: all)' })
  parseEdition(value: string, previous: number[] = []): number[] {
    const edition = Number(value);
    if (!Number.isInteger(edition) || edition < 1) throw new Error(`--edition must be a positive integer, got "${value}"`);
    return [...previous, edition];
  }
}

@Command({ name: 'publication', description: 'Published editions', subCommands: [PublicationExportCommand] })
export class PublicationCommand extends CommandRunner {
  async run(): Promise<void> {
    out.fail('Use: publication export <fiscalYear> [--out dir] [--edition n]');
  }
}
