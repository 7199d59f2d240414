import { Command, CommandRunner } from 'nest-commander';
import { out } from '../output.js';

/** Migrations run when the CLI boots (CoreModule); this command only reports that they did. */
@Command({ name: 'migrate', description: 'Apply database migrations (idempotent)' })
export class MigrateCommand extends CommandRunner {
  async run(): Promise<void> {
    out.result('migrations up to date');
  }
}
