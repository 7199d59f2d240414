import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { ALL_MIGRATIONS } from '@kensho/core';
import { loadConfig } from '@kensho/platform';
import { createTestDatabase, type TestDatabase } from '@kensho/testing';
import { createApp } from '../apps/api/src/create-app.js';
import { STAFF_CSP } from '../apps/api/src/web/staff-web.js';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

// The staff web app as the API serves it (dist/web, built by the tests' global setup like the rest of dist/).
const WEB = fileURLToPath(new URL('../dist/web/', import.meta.url));
const HTML = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('The staff web app served by the API', () => {
  let t: TestApp;
  const asset = (ext: string) => readdirSync(join(WEB, 'assets')).find((f) => f.endsWith(ext))!;

  beforeAll(async () => {
    t = await startTestApp({ projector: true });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers / and any page of the app with index.html, under a CSP that allows only its own origin', async () => {
    for (const path of ['/', '/sheets/2016.1-12.sangyoshinko', '/sign-in']) {
      const res = await t.http.get(path).set(HTML).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.headers['content-security-policy']).toBe(STAFF_CSP);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    expect(STAFF_CSP).toContain("default-src 'self'");
    expect(STAFF_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('caches hashed assets for a year and answers a missing one with 404, not the page', async () => {
    const js = await t.http.get(`/assets/${asset('.js')}`).expect(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.headers['content-type']).toMatch(/javascript/);
    const missing = await t.http.get('/assets/index-nothere.js').set(HTML).expect(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
  });

  it('never shadows the service: /api, /docs, /public and /health answer as before, even to a browser', async () => {
    const api = await t.http.get('/api/v1/no-such-route').set(HTML).expect(404);
    expect(api.body.code).toBe('route.not_found');
    expect((await t.http.get('/api/v1/sheets').set(HTML).expect(401)).body.code).toBe('auth.missing_token');
    expect((await t.http.get('/docs/openapi.json').expect(200)).body.openapi).toMatch(/^3\./);
    expect((await t.http.get('/health').set(HTML).expect(200)).body.status).toBe('ok');
    const pub = await t.http.get('/public/2099').set(HTML).expect(404);
    expect(pub.text).not.toContain('<div id="root">');
    expect((await t.http.get('/docs').set(HTML).expect(200)).text).toContain('swagger');
  });

  it('references nothing on another origin: no http(s) URL in index.html or the CSS, fonts self-hosted as WOFF2', () => {
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    const css = readFileSync(join(WEB, 'assets', asset('.css')), 'utf8');
    for (const text of [html, css]) expect(text.match(/https?:\/\/[^\s"')]+/g) ?? []).toEqual([]);
    expect(html).toContain('lang="ja"');
    const fonts = css.match(/url\([^)]*\)/g) ?? [];
    expect(fonts.length).toBeGreaterThan(100); // Noto Sans JP in unicode-range slices, loaded as needed
    expect(fonts.every((url) => /^url\(\/assets\/noto-sans-jp-[^)]+\.woff2\)$/.test(url))).toBe(true);
    expect(css).toContain('--color-primitive-blue-900'); // the Digital Agency's design tokens
  });

  it('is a production bundle, whatever NODE_ENV the build ran under (Jest builds with NODE_ENV=test)', () => {
    const js = readFileSync(join(WEB, 'assets', asset('.js')), 'utf8');
    expect(js).not.toContain('jsxDEV');
    expect(js).not.toContain('react-dom.development');
  });

  it('tells the signed-in caller who they are (GET /api/v1/me)', async () => {
    expect((await t.http.get('/api/v1/me').set(bearer(t.tokens.sangyo)).expect(200)).body).toMatchObject({ role: 'department', department: '産業振興課' });
    expect((await t.http.get('/api/v1/me').set(bearer(t.tokens.planning)).expect(200)).body).toMatchObject({ role: 'planning', department: null });
    await t.http.get('/api/v1/me').expect(401);
  });

  it('lists the cycles newest first with their deadlines (GET /api/v1/cycles)', async () => {
    expect((await t.http.get('/api/v1/cycles').set(bearer(t.tokens.planning)).expect(200)).body).toEqual([]);
    let position = 0;
    for (const fiscalYear of [2016, 2017]) {
      const res = await t.http
        .post('/api/v1/cycles')
        .set(bearer(t.tokens.planning))
        .send({ fiscalYear, title: `FY${fiscalYear}`, deadlines: { departmentSubmission: `${fiscalYear + 1}-06-30` } })
        .expect(201);
      position = res.body.position;
    }
    const res = await t.http.get(`/api/v1/cycles?minPosition=${position}`).set(bearer(t.tokens.sangyo)).expect(200);
    expect(res.body.map((c: { fiscalYear: number }) => c.fiscalYear)).toEqual([2017, 2016]);
    expect(res.body[0]).toMatchObject({
      fiscalYearLabel: '2017年度（平成29年度）',
      title: 'FY2017',
      status: 'open',
      deadlines: { departmentSubmission: '2018-06-30' },
    });
  });

  it('has no demo accounts route outside the embedded demo', async () => {
    const res = await t.http.get('/api/v1/demo/accounts').expect(404);
    expect(res.body.code).toBe('route.not_found');
  });
});

describe('Interim demo sign-in (embedded demo only)', () => {
  let database: TestDatabase;
  let app: INestApplication;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase(ALL_MIGRATIONS, { poolSize: 3 });
    dataDir = mkdtempSync(join(tmpdir(), 'kensho-demo-'));
    const accounts = { planning: { token: 'kensho_demo_planning', department: null }, department: { token: 'kensho_demo_dept', department: '産業振興課' } };
    writeFileSync(join(dataDir, 'demo-tokens.json'), JSON.stringify(accounts));
    app = await createApp({
      config: { ...loadConfig({}), databaseUrl: database.url, dataDir },
      logger: false,
      projector: false,
      webDir: null,
      demoSignIn: true,
    });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('hands this machine the demo token of each role', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/demo/accounts').expect(200);
    expect(res.body.accounts).toEqual([
      { role: 'planning', department: null, token: 'kensho_demo_planning' },
      { role: 'department', department: '産業振興課', token: 'kensho_demo_dept' },
    ]);
  });

  it('serves no web app when told so, and the API still answers', async () => {
    await request(app.getHttpServer()).get('/').set(HTML).expect(404);
  });
});
