import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';

/** `npm start` exactly as the README promises: embedded PostgreSQL, seeded demo, tokens, /health and /docs. */
describe('npm start on an empty embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kensho-start-'));
  let child: ChildProcess;
  let output = '';
  let base: string;
  let startedInMs: number;

  beforeAll(async () => {
    const [port, pgPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), KENSHO_DATA_DIR: dataDir };
    delete env.DATABASE_URL;
    const started = Date.now();
    // Its own process group, so that stopping it reaches npm, the shell and the service alike.
    child = spawn('npm', ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    for (;;) {
      const up = await request(base)
        .get('/health')
        .then(
          (r) => r.status === 200,
          () => false,
        );
      if (up) break;
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      if (Date.now() - started > 60_000) throw new Error(`no /health after 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    startedInMs = Date.now() - started;
  }, 90_000);

  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };

  afterAll(async () => {
    if (child) stop();
    await waitFor(() => !existsSync(join(dataDir, 'pg', 'postmaster.pid')), 20_000);
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('answers /health and /docs within 30 s, including the build and the first seeding', async () => {
    expect(startedInMs).toBeLessThan(30_000);
    await request(base).get('/docs').expect(200);
    expect(output).toMatch(/loaded the FY2016 Muroran review \(27 sheets/);
  });

  it('issues one demo token per role into the data directory it names', async () => {
    const file = join(dataDir, 'demo-tokens.json');
    expect(output).toContain(file);
    const tokens = JSON.parse(readFileSync(file, 'utf8'));
    expect(Object.keys(tokens).sort()).toEqual(['admin', 'auditor', 'committee', 'department', 'planning']);
    expect(tokens.department.department).toBe('産業振興課');
  });

  it('serves the seeded FY2016 review: 27 sheets, all approved, with the departments of the source', async () => {
    const tokens = JSON.parse(readFileSync(join(dataDir, 'demo-tokens.json'), 'utf8'));
    const res = await request(base).get('/api/v1/sheets?fiscalYear=2016').set('Authorization', `Bearer ${tokens.planning.token}`).expect(200);
    expect(res.body).toHaveLength(27);
    expect(new Set(res.body.map((s: { status: string }) => s.status))).toEqual(new Set(['approved']));
    expect(new Set(res.body.map((s: { department: string }) => s.department))).toEqual(
      new Set(['企画課', '産業振興課', '都市政策課', '総務課', '農水産課', '子育て支援室', '健康推進課', '港湾政策課', '観光課']),
    );
  });

  it('stops its embedded PostgreSQL on shutdown', async () => {
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);
    stop();
    expect(await waitFor(() => !existsSync(join(dataDir, 'pg', 'postmaster.pid')), 20_000)).toBe(true);
    expect(
      await request(base)
        .get('/health')
        .then(
          () => 'up',
          () => 'down',
        ),
    ).toBe('down');
  }, 30_000);
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
