import { Logger } from '@nestjs/common';
import { KENSHO_CONFIG, POSTGRES_TARGET } from '@kensho/core';
import { TokenService } from '@kensho/auth';
import type { KenshoConfig, PostgresTarget } from '@kensho/platform';
import { createApp } from './create-app.js';
import { ensureDemoTokens } from './demo-tokens.js';

async function main(): Promise<void> {
  const logger = new Logger('Kensho');
  const app = await createApp();
  const config = app.get<KenshoConfig>(KENSHO_CONFIG);
  const postgres = app.get<PostgresTarget>(POSTGRES_TARGET);
  if (postgres.embedded) {
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
