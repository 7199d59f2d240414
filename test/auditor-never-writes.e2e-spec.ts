import { bearer, startTestApp, type TestApp } from './support/test-app.js';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every write route the router knows, enumerated from Express itself (not a hand-written sample). */
function writeRoutes(t: TestApp): Array<{ method: string; path: string }> {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
  return express.router.stack
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method, path: layer.route!.path })),
    );
}

const fill = (path: string) =>
  path.replace(':fy', '2016').replace(':id', path.includes('tokens') ? '00000000-0000-4000-8000-000000000000' : '2016.1-12.sangyoshinko');

describe('Auditors never write', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/v1/cycles').set(bearer(t.tokens.planning)).send({ fiscalYear: 2016, title: 'FY2016' }).expect(201);
    await t.http
      .post('/api/v1/cycles/2016/sheets')
      .set(bearer(t.tokens.planning))
      .send({ projectCode: '1-12', projectName: '市内創業支援等事業', department: '産業振興課', policyAreas: ['1'] })
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('gets 403 on every write route, and nothing is appended', async () => {
    const routes = writeRoutes(t);
    expect(routes.length).toBeGreaterThanOrEqual(14);
    expect(routes).toEqual(
      expect.arrayContaining([
        { method: 'patch', path: '/api/v1/sheets/:id' },
        { method: 'post', path: '/api/v1/cycles/:fy/publish' },
      ]),
    );
    const before = await t.eventCount();
    const answers = await Promise.all(
      routes.map(async ({ method, path }) => {
        const res = await (t.http as unknown as Record<string, (url: string) => import('supertest').Test>)[method]!(fill(path))
          .set(bearer(t.tokens.auditor))
          .set('If-Match', '"0"')
          .send({});
        return `${method.toUpperCase()} ${path} → ${res.status} ${res.body.code}`;
      }),
    );
    // POST /audit/verify is the auditor's own check: it computes and changes nothing (asserted by the count below).
    const expected = routes.map(({ method, path }) =>
      path === '/api/v1/audit/verify' ? `${method.toUpperCase()} ${path} → 200 undefined` : `${method.toUpperCase()} ${path} → 403 auth.forbidden_role`,
    );
    expect(answers).toEqual(expected);
    expect(await t.eventCount()).toBe(before);
  });
});
