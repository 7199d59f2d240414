import { Logger } from '@nestjs/common';
import { KENSHO_CONFIG, POSTGRES_TARGET } from '@kensho/core';
import { TokenService } from '@kensho/auth';
import { EventStore } from '@kensho/event-store';
import { Projector } from '@kensho/projections';
import { SeedRunner, seedDirFor } from '@kensho/seeds';
import type { KenshoConfig, PostgresTarget } from '@kensho/platform';
import { createApp } from './create-app.js';
import { ensureDemoTokens } from './demo-tokens.js';

async function main(): Promise<void> {
  const logger = new Logger('Kensho');
  // A promise that fails with nobody waiting (e.g. on a connection lost in between) is logged;
  // Node's default would end the process and every request with it.
  process.on('unhandledRejection', (reason) => logger.error(`Unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`));
  const app = await createApp();
  // Handlers register on init; the seed below sends commands before listen() would init.
  await app.init();
  const config = app.get<KenshoConfig>(KENSHO_CONFIG);
  const postgres = app.get<PostgresTarget>(POSTGRES_TARGET);
  if (postgres.embedded) {
    // The demo starts with real data: the FY2016 review, on the first start of an empty database.
    if ((await app.get(EventStore).headCheckpoint()) === null) {
      const report = await app.get(SeedRunner).run(seedDirFor(2016));
      // The demo's first reader should see the review, not views still catching up.
      if (report.lastPosition !== null) await app.get(Projector).waitFor(report.lastPosition, 60_000);
      logger.log(`Empty embedded database: loaded the FY2016 Muroran review (${report.sheets} sheets, ${report.steps} steps)`);
    }
    const file = await ensureDemoTokens(app.get(TokenService), config.dataDir);
    logger.log(`Demo tokens (one per role, embedded demo only): ${file}`);
  }
  await app.listen(config.port, '0.0.0.0');
  logger.log(`Kensho listening on http://localhost:${config.port}  (API docs: /docs, health: /health)`);
}

main().catch((error: Error) => {
  console.error(`Kensho failed to start: ${error.message}`);
  process.exit(1);
});
