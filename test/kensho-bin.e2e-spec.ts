import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);

interface BuildTool {
  isStale(base?: string): boolean;
}
// tools/ is plain JavaScript run by Node before any TypeScript exists; the test loads it the same way.
const buildTool = (): Promise<BuildTool> => import(join(process.cwd(), 'tools', 'build.mjs')) as Promise<BuildTool>;

describe('kensho bin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers a warm call without compiling, in under 1.5 s (best of five: other work on the machine only slows a call down)', async () => {
    const stamp = statSync('dist/.build-stamp').mtimeMs;
    const env = { ...process.env, DATABASE_URL: t.database.url };
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const { stdout, stderr } = await run('./bin/kensho.mjs', ['tokens', 'list'], { env, timeout: 60_000 });
      times.push(performance.now() - started);
      expect(stderr).not.toContain('compiling');
      expect(stdout).toContain('planning');
    }
    console.log(`kensho tokens list, warm: ${times.map((ms) => `${Math.round(ms)} ms`).join(', ')}`);
    expect(Math.min(...times)).toBeLessThan(1500);
    expect(statSync('dist/.build-stamp').mtimeMs).toBe(stamp);
  }, 120_000);

  it('sees a source newer than the last build, and nothing else, as stale', async () => {
    const { isStale } = await buildTool();
    const base = mkdtempSync(join(tmpdir(), 'kensho-stale-'));
    for (const dir of ['apps/api/src', 'libs/x/src', 'dist']) mkdirSync(join(base, dir), { recursive: true });
    // File times come from the kernel's coarse clock: keep the stamp well clear of "now" on both sides.
    const sourcesWritten = new Date(Date.now() - 60_000);
    const built = new Date(Date.now() - 10_000);
    for (const file of ['apps/api/src/main.ts', 'libs/x/src/x.unit.spec.ts', 'tsconfig.json', 'dist/.build-stamp']) {
      writeFileSync(join(base, file), '');
      const time = file === 'dist/.build-stamp' ? built : sourcesWritten;
      utimesSync(join(base, file), time, time);
    }
    expect(isStale(base)).toBe(false);
    writeFileSync(join(base, 'libs/x/src/x.unit.spec.ts'), '// a test changed: the build does not compile tests');
    expect(isStale(base)).toBe(false);
    writeFileSync(join(base, 'libs/x/src/x.ts'), 'export {};');
    expect(isStale(base)).toBe(true);
  });
});
