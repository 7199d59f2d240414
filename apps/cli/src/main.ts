import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module.js';

async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    // Nest's own logs would pollute stdout, which carries results only.
    logger: ['error'],
    errorHandler: (error) => {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(2);
    },
    serviceErrorHandler: (error) => {
      process.stderr.write(`error: ${error.message}\n`);
      process.exit(1);
    },
  });
  // Exit explicitly with the code commands set: an exit hook of a dependency would otherwise exit 0.
  process.exit(process.exitCode ?? 0);
}

main().catch((error: Error) => {
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(1);
});
