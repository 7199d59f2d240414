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
}

main().catch((error: Error) => {
  process.stderr.write(`error: ${error.message}\n`);
  process.exit(1);
});
