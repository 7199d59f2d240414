import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ALL_MIGRATIONS, ALL_PROJECTIONS } from '@kensho/core';
import { Projector, tableChecksums } from '@kensho/projections';
import { SeedRunner, seedDirFor } from '@kensho/seeds';
import { createTestDatabase, type TestDatabase } from '@kensho/testing';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);

/** `kensho` as an operator runs it, against one database; never throws, so refusals can be read. */
async function kensho(databaseUrl: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('./bin/kensho.mjs', args, { env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const lastLine = (text: string) => text.trimEnd().split('\n').pop()!;

const LOG = `SELECT event_id, stream_id, stream_revision, event_type, data, metadata, recorded_at FROM es_events ORDER BY tx_id, global_position`;
const DOCUMENTS = `SELECT fiscal_year, edition, name, content_type, sha256, encode(body, 'hex') AS body FROM pub_documents ORDER BY 1, 2, 3`;

describe('Backup and restore (seed → publish twice → backup → restore into a new database)', () => {
  let t: TestApp;
  let restored: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'kensho-backup-'));
  const file = join(dir, 'kensho.jsonl.gz');

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(SeedRunner).run(seedDirFor(2016));
    const { http, tokens, clock } = t;
    clock.set('2017-10-01T09:00:00+09:00');
    await http.post('/api/v1/cycles/2016/publish').set(bearer(tokens.planning)).expect(201);
    clock.set('2017-11-01T09:30:00+09:00');
    await http
      .post('/api/v1/sheets/2016.1-03.kikaku/corrections')
      .set(bearer(tokens.planning))
      .send({ changes: { finance: { funding: { generalFund: 74 } } }, reason: '財源内訳の記載漏れを訂正' })
      .expect(200);
    await http.post('/api/v1/cycles/2016/publish').set(bearer(tokens.planning)).expect(201);
    await t.app.get(Projector).catchUp();
    // A finding an auditor's verification already resolved: an audit record outside the log.
    await t.database.db.query(
      `INSERT INTO integrity_findings (stream_id, revision, problem, detected_by, resolved_at) VALUES ('sheet-2016.1-03.kikaku', 2, 'hash_mismatch', 'read', now())`,
    );
    restored = await createTestDatabase(ALL_MIGRATIONS, { poolSize: 2 });
  }, 180_000);
  afterAll(async () => {
    await restored?.drop();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a backup with a sha256sum sidecar, and restores it: same log, same published bytes, same views, tokens and findings, verified', async () => {
    const backup = await kensho(t.database.url, 'backup', '--out', file);
    expect(backup.code).toBe(0);
    expect(lastLine(backup.stdout)).toBe(file);
    const [sum, name] = readFileSync(`${file}.sha256`, 'utf8').trim().split(/\s+/);
    expect(name).toBe('kensho.jsonl.gz');
    expect(sum).toMatch(/^[0-9a-f]{64}$/);

    const restore = await kensho(restored.url, 'restore', file);
    expect(restore.stderr).not.toContain('error');
    expect(restore.code).toBe(0);
    expect(lastLine(restore.stdout)).toMatch(/^OK: restored and verified \d+ events in \d+ streams, \d+ publication pins, \d+ published documents$/);

    const [sourceLog, restoredLog] = await Promise.all([t.database.db.query(LOG), restored.db.query(LOG)]);
    expect(restoredLog.rows.length).toBeGreaterThan(160);
    expect(restoredLog.rows).toEqual(sourceLog.rows);
    const [sourceDocs, restoredDocs] = await Promise.all([t.database.db.query(DOCUMENTS), restored.db.query(DOCUMENTS)]);
    expect(restoredDocs.rows.map((d) => `${d.edition}/${d.name}`)).toEqual(expect.arrayContaining(['1/report.html', '2/report.html']));
    expect(restoredDocs.rows).toEqual(sourceDocs.rows);
    expect(await tableChecksums(restored.db, ALL_PROJECTIONS)).toEqual(await tableChecksums(t.database.db, ALL_PROJECTIONS));
    const tokens = 'SELECT id, token_hash, name, role, department, created_at, revoked_at FROM auth_tokens ORDER BY id';
    expect((await restored.db.query(tokens)).rows).toEqual((await t.database.db.query(tokens)).rows);
    const findings = 'SELECT id, stream_id, revision, problem, detected_at, detected_by, resolved_at FROM integrity_findings ORDER BY id';
    expect((await restored.db.query(findings)).rows).toHaveLength(1);
    expect((await restored.db.query(findings)).rows).toEqual((await t.database.db.query(findings)).rows);
  }, 180_000);

  it('restores only into an empty database, and leaves that one untouched', async () => {
    const before = await t.eventCount();
    const again = await kensho(t.database.url, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not empty \(es_events has \d+ rows\)/);
    expect(await t.eventCount()).toBe(before);
  }, 60_000);

  it('refuses a changed, cut or foreign file before restoring anything', async () => {
    const empty = await createTestDatabase(ALL_MIGRATIONS, { poolSize: 1 });
    try {
      const original = readFileSync(file);
      const lines = gunzipSync(original).toString('utf8').split('\n');
      const cases: Array<[string, Buffer, RegExp]> = [
        [
          'a flipped byte (the sidecar catches it)',
          Buffer.concat([original.subarray(0, 100), Buffer.from([original[100]! ^ 1]), original.subarray(101)]),
          /does not match kensho-\w+\.jsonl\.gz\.sha256/,
        ],
        [
          'an edited amount, recompressed, no sidecar',
          gzipSync(lines.join('\n').replace('"generalFund":74', '"generalFund":75')),
          /content does not match the SHA-256 in its trailer/,
        ],
        ['cut before the trailer, no sidecar', gzipSync(lines.slice(0, -2).join('\n')), /no trailer: it was cut short/],
        ['not a backup', gzipSync('{"hello":1}\n'), /Not a Kensho backup/],
      ];
      for (const [what, bytes, message] of cases) {
        const path = join(dir, `kensho-${cases.findIndex((c) => c[0] === what)}.jsonl.gz`);
        writeFileSync(path, bytes);
        if (what.includes('sidecar catches'))
          writeFileSync(`${path}.sha256`, readFileSync(`${file}.sha256`, 'utf8').replace('kensho.jsonl.gz', `kensho-0.jsonl.gz`));
        const result = await kensho(empty.url, 'restore', path);
        expect({ what, code: result.code, error: message.test(result.stderr) }).toEqual({ what, code: 1, error: true });
        expect(Number((await empty.db.query('SELECT count(*) FROM es_events')).rows[0].count)).toBe(0);
      }
    } finally {
      await empty.drop();
    }
  }, 120_000);
});
