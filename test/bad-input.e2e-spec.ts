import { bearer, completeContent, completeEvaluation, startTestApp, type TestApp } from './support/test-app.js';

const SHEET = '2016.1-02.sangyoshinko';
const KIKAKU_SHEET = '2016.1-01.kikaku';

/** Each bad request gets a 4xx problem+json naming the problem, and the event store is unchanged. */
describe('Bad input gets a clear answer, and nothing is lost', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const { http, tokens } = t;
    await http.post('/api/v1/cycles').set(bearer(tokens.planning)).send({ fiscalYear: 2016, title: 'FY2016' }).expect(201);
    for (const [code, department] of [['1-02', '産業振興課'], ['1-01', '企画課']]) {
      await http.post('/api/v1/cycles/2016/sheets').set(bearer(tokens.planning)).send({ projectCode: code, projectName: `事業 ${code}`, department, policyAreas: ['1'] }).expect(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function expectProblem(send: () => Promise<{ status: number; headers: Record<string, string>; body: Record<string, unknown> }>, status: number, code: string) {
    const before = await t.eventCount();
    const res = await send();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, type: `urn:kensho:problem:${code}` });
    expect(typeof res.body.detail).toBe('string');
    expect(await t.eventCount()).toBe(before);
    return res.body;
  }

  const patch = (body: unknown, token = t.tokens.sangyo, ifMatch = '"0"') =>
    t.http.patch(`/api/v1/sheets/${SHEET}`).set(bearer(token)).set('If-Match', ifMatch).set('Content-Type', 'application/json').send(body as object);

  it('malformed JSON', async () => {
    const body = await expectProblem(() => patch('{"summary": "x",'), 400, 'request.malformed_json');
    expect(body.detail).toMatch(/not valid JSON/);
  });

  it('unknown fields, naming each one', async () => {
    const body = await expectProblem(() => patch({ summary: 'x', colour: 'red', finance: { budget: 1, bonus: 2 } }), 400, 'request.validation');
    expect((body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['colour', 'finance.bonus']);
  });

  it('wrong types, naming every bad field', async () => {
    const body = await expectProblem(() => patch({ category: 'old', finance: { budget: '286', settlement: 1.5 }, strategyKpis: 'none' }), 400, 'request.validation');
    expect((body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['category', 'finance.budget', 'finance.settlement', 'strategyKpis']);
  });

  it('negative amounts', async () => {
    const body = await expectProblem(() => patch({ finance: { funding: { generalFund: -177 } } }), 400, 'request.validation');
    expect(body.detail).toMatch(/finance\.funding\.generalFund: generalFund must not be negative/);
  });

  it('a funding breakdown that does not add up to the settlement, at submit', async () => {
    const { http, tokens } = t;
    const bad = { ...completeContent, finance: { budget: 6249, settlement: 6221, funding: { nationalPrefectural: 2500, municipalBonds: null, other: null, generalFund: 3000 } } };
    await patch(bad).expect(200);
    await http.put(`/api/v1/sheets/${SHEET}/evaluation`).set(bearer(tokens.sangyo)).set('If-Match', '"1"').send(completeEvaluation).expect(200);
    const body = await expectProblem(() => http.post(`/api/v1/sheets/${SHEET}/submit`).set(bearer(tokens.sangyo)), 422, 'sheet.funding_mismatch');
    expect(body.details).toMatchObject({ settlement: 6221, fundingTotal: 5500 });
  });

  it('submitting without a complete evaluation lists what is missing', async () => {
    const { http, tokens } = t;
    const body = await expectProblem(() => http.post(`/api/v1/sheets/${KIKAKU_SHEET}/submit`).set(bearer(tokens.kikaku)), 422, 'sheet.incomplete');
    expect((body.details as { missing: string[] }).missing).toEqual(expect.arrayContaining(['summary', 'evaluation.effectiveness']));
  });

  it('a 10 MB body', async () => {
    await expectProblem(() => patch({ summary: 'あ'.repeat(3_500_000) }), 413, 'request.too_large');
  });

  it('an unknown sheet', async () => {
    await expectProblem(() => t.http.get('/api/v1/sheets/2016.9-99.nowhere').set(bearer(t.tokens.planning)), 404, 'sheet.not_found');
    await expectProblem(() => t.http.post('/api/v1/sheets/2016.9-99.nowhere/approve').set(bearer(t.tokens.planning)).send({}), 404, 'sheet.not_found');
  });

  it('a stale If-Match, with the current version', async () => {
    const body = await expectProblem(() => patch({ effect: 'stale' }, t.tokens.sangyo, '"0"'), 412, 'sheet.version_conflict');
    expect(body).toMatchObject({ currentVersion: 2, expectedVersion: 0 });
  });

  it('a missing If-Match on a content write', async () => {
    await expectProblem(() => t.http.patch(`/api/v1/sheets/${SHEET}`).set(bearer(t.tokens.sangyo)).send({ effect: 'x' }), 428, 'request.if_match_required');
  });

  it("a department token on another department's sheet", async () => {
    await expectProblem(() => t.http.patch(`/api/v1/sheets/${KIKAKU_SHEET}`).set(bearer(t.tokens.sangyo)).set('If-Match', '"0"').send({ effect: 'x' }), 403, 'sheet.forbidden_department');
    await expectProblem(() => t.http.get(`/api/v1/sheets/${KIKAKU_SHEET}`).set(bearer(t.tokens.sangyo)), 403, 'sheet.forbidden_department');
    await expectProblem(() => t.http.get('/api/v1/sheets?department=企画課').set(bearer(t.tokens.sangyo)), 403, 'sheet.forbidden_department');
  });

  it('a role that may not do this', async () => {
    await expectProblem(() => t.http.post(`/api/v1/sheets/${SHEET}/approve`).set(bearer(t.tokens.sangyo)).send({}), 403, 'auth.forbidden_role');
    await expectProblem(() => t.http.post('/api/v1/cycles').set(bearer(t.tokens.auditor)).send({ fiscalYear: 2018, title: 'x' }), 403, 'auth.forbidden_role');
  });

  it('an unknown role when issuing a token', async () => {
    const body = await expectProblem(() => t.http.post('/api/v1/admin/tokens').set(bearer(t.tokens.admin)).send({ role: 'mayor' }), 400, 'auth.invalid_token_request');
    expect(body.detail).toMatch(/Unknown role "mayor"/);
  });

  it('a missing, a malformed and a revoked token', async () => {
    await expectProblem(() => t.http.get('/api/v1/sheets'), 401, 'auth.missing_token');
    await expectProblem(() => t.http.get('/api/v1/sheets').set('Authorization', 'Basic abc'), 401, 'auth.missing_token');
    await expectProblem(() => t.http.get('/api/v1/sheets').set(bearer('ksh_not-a-real-token')), 401, 'auth.invalid_token');
    const issued = await t.http.post('/api/v1/admin/tokens').set(bearer(t.tokens.admin)).send({ role: 'planning', name: 'temp' }).expect(201);
    await t.http.get('/api/v1/sheets').set(bearer(issued.body.token)).expect(200);
    await t.http.delete(`/api/v1/admin/tokens/${issued.body.id}`).set(bearer(t.tokens.admin)).expect(204);
    await expectProblem(() => t.http.post(`/api/v1/sheets/${SHEET}/approve`).set(bearer(issued.body.token)).send({}), 401, 'auth.invalid_token');
  });

  it('an invalid query parameter and an unknown route', async () => {
    await expectProblem(() => t.http.get('/api/v1/sheets?status=lost').set(bearer(t.tokens.planning)), 400, 'request.validation');
    await expectProblem(() => t.http.get(`/api/v1/sheets/${SHEET}?asOf=yesterday`).set(bearer(t.tokens.planning)), 400, 'request.validation');
    await expectProblem(() => t.http.get('/api/v1/nothing-here').set(bearer(t.tokens.planning)), 404, 'route.not_found');
  });

  it('opening the same cycle twice', async () => {
    await expectProblem(() => t.http.post('/api/v1/cycles').set(bearer(t.tokens.planning)).send({ fiscalYear: 2016, title: 'again' }), 409, 'cycle.already_opened');
  });
});
