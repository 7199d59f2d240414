import 'reflect-metadata';
import { Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule } from '@kensho/core';
import { Projector } from '@kensho/projections';

/**
 * The projector alone, without HTTP: a worker that keeps the read models up to date from the event
 * store (docker-compose's `projector` service). It may run beside the API's own projector: each
 * batch locks its checkpoint row, so two projectors take turns instead of applying a batch twice.
 */
@Module({ imports: [CoreModule.forRoot({ poolSize: 4 })] })
class ProjectorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ProjectorModule, { logger: ['error', 'warn', 'log'] });
  app.enableShutdownHooks();
  app.get(Projector).start();
  new Logger('Kensho').log('Projector running (no HTTP)');
}

main().catch((error: Error) => {
  console.error(`Kensho projector failed to start: ${error.message}`);
  process.exit(1);
});
