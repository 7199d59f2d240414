import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import type { Response } from 'superagent';
import { ALL_PROJECTIONS } from '@kensho/core';
import { Projector, tableChecksums } from '@kensho/projections';
import { renderEditionDocuments, type EditionSnapshot } from '@kensho/publication';
import { loadSeedSet, SeedRunner, seedDirFor } from '@kensho/seeds';
import { bearer, completeContent, completeEvaluation, openFy2017WithSheet, startTestApp, type TestApp } from './support/test-app.js';

const run = promisify(execFile);
// The CLI with seeds/ made unreadable (test/support/without-seeds.mjs): what it rebuilds comes from the log alone.
const CLI_WITHOUT_SEEDS = ['--no-warnings', '--import', './tools/register.mjs', '--import', './test/support/without-seeds.mjs', 'dist/apps/cli/src/main.js'];

function bytes(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
const sha256 = (body: Buffer | string) => createHash('sha256').update(body).digest('hex');

/**
 * FY2016 edition 1 of the seeded data, published at a fixed time, as the code rendered it while the
 * strategy master was still read from seeds/fy2016/strategy.json: recording the strategy in the log
 * must not change one published byte.
 */
const EDITION_1 = {
  '': '74c5037d922f9ce82cb52bd53cd65fc61aa3dedc9a1ebdaad4fbd593bf79c528',
  '/sheets.csv': '4a53a8c0cb794b50f4a2d8528b303964c2912465f3128e6054001d191844dfb6',
  '/kpis.csv': 'f22796df64d698c14d1b106253d1ab457bdd4a06ffe1ce6e79d2eb77bb11fe6c',
  '/sheets.json': '29f4dc8c46a3e1dbf7694a13241acfef9eb4fa6a789ef246171406db54922f40',
  '/kpis.json': '5288839877f0326227feab13b24033d9e2e0214807b1c23bba60a7612e0994fe',
};

describe('Publication depends on the log alone (issue #15.1)', () => {
  let t: TestApp;

  beforeAll(async () => {
    await run('npm', ['run', '-s', 'build'], { timeout: 120_000 });
    t = await startTestApp();
    await t.app.get(SeedRunner).run(seedDirFor(2016));
    t.clock.set('2017-10-02T10:00:00+09:00');
    const published = await t.http.post('/api/v1/cycles/2016/publish').set(bearer(t.tokens.planning)).expect(201);
    await t.app.get(Projector).waitFor(published.body.position, 60_000);
  }, 180_000);
  afterAll(async () => {
    await t.close();
  });

  it('publishes FY2016 edition 1 byte for byte as when the strategy came from the seed files', async () => {
    const published: Record<string, string> = {};
    for (const doc of Object.keys(EDITION_1)) {
      published[doc] = sha256((await t.http.get(`/public/2016/editions/1${doc}`).buffer(true).parse(bytes).expect(200)).body as Buffer);
    }
    expect(published).toEqual(EDITION_1);
  });

  it('records the strategy master through PUT /cycles/:fy/strategy (planning), once, and never after publication', async () => {
    const { http, tokens } = t;
    const { strategy } = loadSeedSet(seedDirFor(2016));
    const body = {
      strategy: {
        name: strategy.name,
        period: strategy.period,
        policyAreas: strategy.policyAreas.map(({ code, name, basicDirections }) => ({ code, name, basicDirections })),
        strategyKpis: strategy.strategyKpis,
      },
    };
    const closed = await http.put('/api/v1/cycles/2016/strategy').set(bearer(tokens.planning)).send(body).expect(422);
    expect(closed.body).toMatchObject({ code: 'cycle.closed', status: 422 });
    expect(closed.headers['content-type']).toContain('application/problem+json');

    await http.post('/api/v1/cycles').set(bearer(tokens.planning)).send({ fiscalYear: 2018, title: '平成30年度 効果検証', deadlines: {} }).expect(201);
    await http.put('/api/v1/cycles/2018/strategy').set(bearer(tokens.sangyo)).send(body).expect(403);
    const invalid = await http
      .put('/api/v1/cycles/2018/strategy')
      .set(bearer(tokens.planning))
      .send({ strategy: { ...body.strategy, name: '' } })
      .expect(400);
    expect(invalid.body.code).toBe('request.validation');
    const outside = await http
      .put('/api/v1/cycles/2018/strategy')
      .set(bearer(tokens.planning))
      .send({ strategy: { ...body.strategy, period: { from: 2020, to: 2024 } } })
      .expect(400);
    expect(outside.body.code).toBe('value.invalid_period');
    const first = await http.put('/api/v1/cycles/2018/strategy').set(bearer(tokens.planning)).send(body).expect(200);
    expect(first.body).toMatchObject({ fiscalYear: 2018, events: ['StrategyRecorded'] });
    const again = await http.put('/api/v1/cycles/2018/strategy').set(bearer(tokens.planning)).send(body).expect(200);
    expect(again.body.events).toEqual([]);
  });

  it('prints the strategy recorded on an earlier cycle whose period covers the year when the year records none', async () => {
    const { http, tokens } = t;
    const id = await openFy2017WithSheet(t, '市内創業支援等事業');
    await http.patch(`/api/v1/sheets/${id}`).set(bearer(tokens.sangyo)).set('If-Match', '"0"').send(completeContent).expect(200);
    await http.put(`/api/v1/sheets/${id}/evaluation`).set(bearer(tokens.sangyo)).set('If-Match', '"1"').send(completeEvaluation).expect(200);
    await http.post(`/api/v1/sheets/${id}/submit`).set(bearer(tokens.sangyo)).expect(200);
    await http.post(`/api/v1/sheets/${id}/approve`).set(bearer(tokens.planning)).send({}).expect(200);
    const published = await http.post('/api/v1/cycles/2017/publish').set(bearer(tokens.planning)).expect(201);
    const html = (await http.get(`/public/2017?minPosition=${published.body.position}`).expect(200)).text;
    expect(html).toContain('｜室蘭市まち・ひと・しごと創生総合戦略</title>');
    expect(html).toContain('基本目標1　まちの特性を活かした産業振興と魅力ある雇用の創出');
    expect(html).toContain('<span class="direction">「働くまち」の競争力を高める</span>');
  });

  it('rebuilds every view, and renders every published byte, from the log with seeds/ unreadable', async () => {
    const before = await tableChecksums(t.database.db, ALL_PROJECTIONS);
    expect(before.pub_editions).toMatch(/^2:/);
    const env = { ...process.env, DATABASE_URL: t.database.url };
    const rebuilt = await run('node', [...CLI_WITHOUT_SEEDS, 'projections', 'rebuild'], { env, timeout: 120_000 });
    expect(rebuilt.stdout).toMatch(new RegExp(`^rebuilt ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}: .*swapped in$`, 'm'));
    expect(await tableChecksums(t.database.db, ALL_PROJECTIONS)).toEqual(before);

    // Published documents survive a rebuild by design; rendering the rebuilt snapshot again gives the same bytes.
    for (const fiscalYear of [2016, 2017]) {
      const { snapshot } = (
        await t.database.db.query<{ snapshot: EditionSnapshot }>('SELECT snapshot FROM pub_editions WHERE fiscal_year = $1 AND edition = 1', [fiscalYear])
      ).rows[0]!;
      expect(snapshot.strategy?.name).toBe('室蘭市まち・ひと・しごと創生総合戦略');
      const stored = await t.database.db.query<{ name: string; sha256: string }>(
        'SELECT name, sha256 FROM pub_documents WHERE fiscal_year = $1 AND edition = 1 ORDER BY name',
        [fiscalYear],
      );
      expect(stored.rows.length).toBeGreaterThanOrEqual(5);
      const rendered = renderEditionDocuments(snapshot).map((doc) => ({ name: doc.name, sha256: doc.sha256 }));
      expect(rendered.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))).toEqual(stored.rows);
    }
  }, 180_000);
});
