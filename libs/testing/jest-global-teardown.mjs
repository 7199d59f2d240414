import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const running = globalThis.__kenshoTestPg;
  if (!running) return;
  await running.pg.stop();
  rmSync(running.dir, { recursive: true, force: true });
}
