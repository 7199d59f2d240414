import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);

/** The exact invocations the README documents, run as a user would, against the app's database. */
describe('CLI: tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const cli = (...args: string[]) =>
    run('npm', ['run', '-s', 'cli', '--', ...args], { env: { ...process.env, DATABASE_URL: t.database.url }, timeout: 60_000 });
  const lastLine = (stdout: string) => stdout.trimEnd().split('\n').pop()!;

  it('issues a planning token, printed alone on the last line, that the API accepts', async () => {
    const { stdout } = await cli('tokens', 'issue', '--role', 'planning');
    const token = lastLine(stdout);
    expect(token).toMatch(/^ksh_[A-Za-z0-9_-]{43}$/);
    await t.http.post('/api/v1/cycles').set(bearer(token)).send({ fiscalYear: 2015, title: 'FY2015' }).expect(201);
  }, 60_000);

  it('issues a department token bound to its department, and revokes it', async () => {
    const { stdout } = await cli('tokens', 'issue', '--role', 'department', '--department', '産業振興課');
    const token = lastLine(stdout);
    const assigned = await t.http
      .post('/api/v1/cycles/2015/sheets')
      .set(bearer(t.tokens.planning))
      .send({ projectCode: '1-01', projectName: '移住推進事業', department: '企画課', policyAreas: ['1'] })
      .expect(201);
    const other = await t.http.get(`/api/v1/sheets/2015.1-01.kikaku?minPosition=${assigned.body.position}`).set(bearer(token)).expect(403);
    expect(other.body.code).toBe('sheet.forbidden_department');
    const revoked = await cli('tokens', 'revoke', token);
    expect(lastLine(revoked.stdout)).toBe('revoked');
    await t.http.get('/api/v1/sheets').set(bearer(token)).expect(401);
  }, 60_000);

  it('refuses an unknown role and a department token without a department, exiting non-zero', async () => {
    const unknown = await cli('tokens', 'issue', '--role', 'mayor').catch((e: { code: number; stderr: string; stdout: string }) => e);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect((unknown as { stderr: string }).stderr).toMatch(/Unknown role "mayor"/);
    const noDepartment = await cli('tokens', 'issue', '--role', 'department').catch((e: { code: number; stderr: string }) => e);
    expect((noDepartment as { stderr: string }).stderr).toMatch(/needs --department/);
  }, 60_000);

  it('seeds FY2016 twice without a single new event, and prints the quality report', async () => {
    const first = await cli('seed');
    expect(lastLine(first.stdout)).toBe('seeded FY2016: 138 steps applied, 0 already recorded');
    const count = await t.eventCount();
    const second = await cli('seed');
    expect(lastLine(second.stdout)).toBe('seeded FY2016: 0 steps applied, 138 already recorded');
    expect(await t.eventCount()).toBe(count);
    const quality = await cli('quality', '2016');
    expect(quality.stdout).toMatch(/^2-02 .*\(子育て支援室\)[\s\S]*?settlement_exceeds_budget\s+決算 44,511 千円 exceeds 予算 25,592 千円/m);
    expect(quality.stdout).toMatch(/^1-08 .*\n\s+- finance\.budget\s+missing_budget/m);
    expect(lastLine(quality.stdout)).toMatch(/^FY2016: 27 sheets, \d+ findings/);
  }, 90_000);

  it('verifies integrity and replays aggregates, exiting non-zero once an event is tampered with', async () => {
    expect(lastLine((await cli('audit', 'verify')).stdout)).toMatch(/^OK: \d+ events in \d+ streams/);
    expect(lastLine((await cli('audit', 'replay')).stdout)).toBe('OK: 28 sheets and 2 cycles replayed, views match the events');
    const where = `stream_id = 'sheet-2016.2-02.kosodateshien' AND stream_revision = 1`;
    const original = (await t.database.db.query(`SELECT data FROM es_events WHERE ${where}`)).rows[0].data;
    await t.database.db.query(`UPDATE es_events SET data = jsonb_set(data, '{changes,finance,settlement}', '1') WHERE ${where}`);
    const failed = await cli('audit', 'verify').catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stdout: string }).stdout).toMatch(/^BROKEN sheet-2016\.2-02\.kosodateshien @ revision 1: hash_mismatch/m);
    expect((failed as { stderr: string }).stderr).toMatch(/integrity check failed/);
    // Restored, the stream verifies again and the finding is resolved (the next test publishes the year,
    // which a broken stream would now refuse).
    await t.database.db.query(`UPDATE es_events SET data = $1 WHERE ${where}`, [original]);
    const restored = await cli('audit', 'verify');
    expect(lastLine(restored.stdout)).toMatch(/^OK: /);
    expect(`${restored.stdout}${restored.stderr}`).toMatch(/1 earlier finding\(s\) resolved/);
  }, 90_000);

  it('exports the published editions as static files laid out like /public, and refuses tampered bytes', async () => {
    await t.http.post('/api/v1/cycles/2016/publish').set(bearer(t.tokens.planning)).expect(201);
    const dir = mkdtempSync(join(tmpdir(), 'kensho-export-'));
    const exported = await cli('publication', 'export', '2016', '--out', dir);
    expect(lastLine(exported.stdout)).toBe(`exported 7 files of FY2016 to ${dir}`);
    const edition = join(dir, 'public', '2016', 'editions', '1');
    const report = readFileSync(join(edition, 'index.html'), 'utf8');
    expect(report).toContain('子育て');
    const sums = readFileSync(join(edition, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums.map((line) => line.split('  ')[1])).toEqual(['index.html', 'sheets.csv', 'kpis.csv', 'sheets.json', 'kpis.json']);
    for (const line of sums) {
      const [hash, file] = line.split('  ');
      expect(
        createHash('sha256')
          .update(readFileSync(join(edition, file!)))
          .digest('hex'),
      ).toBe(hash);
    }
    expect(readFileSync(join(dir, 'public', '2016', 'editions', 'index.html'), 'utf8')).toContain('第1版');

    const missing = await cli('publication', 'export', '2016', '--edition', '2', '--out', dir).catch((e: { code: number; stderr: string }) => e);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/FY2016 has no edition 2; published: 1/) });

    await t.database.db.transaction(async (client) => {
      await client.query('ALTER TABLE pub_documents DISABLE TRIGGER USER');
      await client.query(`UPDATE pub_documents SET body = body || '\\x20'::bytea WHERE fiscal_year = 2016 AND name = 'sheets.csv'`);
      await client.query('ALTER TABLE pub_documents ENABLE TRIGGER USER');
    });
    const refused = await cli('publication', 'export', '2016', '--out', mkdtempSync(join(tmpdir(), 'kensho-export-'))).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringMatching(/sheets\.csv: its bytes no longer match the hash recorded at publication/) });
  }, 120_000);
});
