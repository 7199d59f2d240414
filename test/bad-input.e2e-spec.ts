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
    for (const [code, department] of [
      ['1-02', '産業振興課'],
      ['1-01', '企画課'],
    ]) {
      await http
        .post('/api/v1/cycles/2016/sheets')
        .set(bearer(tokens.planning))
        .send({ projectCode: code, projectName: `事業 ${code}`, department, policyAreas: ['1'] })
        .expect(201);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  async function expectProblem(
    send: () => Promise<{ status: number; headers: Record<string, string>; body: Record<string, unknown> }>,
    status: number,
    code: string,
  ) {
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
    t.http
      .patch(`/api/v1/sheets/${SHEET}`)
      .set(bearer(token))
      .set('If-Match', ifMatch)
      .set('Content-Type', 'application/json')
      .send(body as object);

  it('malformed JSON', async () => {
    const body = await expectProblem(() => patch('{"summary": "x",'), 400, 'request.malformed_json');
    expect(body.detail).toMatch(/not valid JSON/);
  });

  it('unknown fields, naming each one', async () => {
    const body = await expectProblem(() => patch({ summary: 'x', colour: 'red', finance: { budget: 1, bonus: 2 } }), 400, 'request.validation');
    expect((body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['colour', 'finance.bonus']);
  });

  it('wrong types, naming every bad field', async () => {
    const body = await expectProblem(
      () => patch({ category: 'old', finance: { budget: '286', settlement: 1.5 }, strategyKpis: 'none' }),
      400,
      'request.validation',
    );
    expect((body.errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual(['category', 'finance.budget', 'finance.settlement', 'strategyKpis']);
  });

  it('negative amounts', async () => {
    const body = await expectProblem(() => patch({ finance: { funding: { generalFund: -177 } } }), 400, 'request.validation');
    expect(body.detail).toMatch(/finance\.funding\.generalFund: generalFund must not be negative/);
  });

  it('a funding breakdown that does not add up to the settlement, at submit', async () => {
    const { http, tokens } = t;
    const bad = {
      ...completeContent,
      finance: { budget: 6249, settlement: 6221, funding: { nationalPrefectural: 2500, municipalBonds: null, other: null, generalFund: 3000 } },
    };
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

  it('an If-Match past the revision range or not canonical', async () => {
    for (const version of ['"99999999999999999999"', '"2147483648"', '"02"']) {
      await expectProblem(() => patch({ effect: 'x' }, t.tokens.sangyo, version), 400, 'request.invalid_if_match');
    }
  });

  it('a missing If-Match on a content write', async () => {
    await expectProblem(() => t.http.patch(`/api/v1/sheets/${SHEET}`).set(bearer(t.tokens.sangyo)).send({ effect: 'x' }), 428, 'request.if_match_required');
  });

  it("a department token on another department's sheet", async () => {
    await expectProblem(
      () => t.http.patch(`/api/v1/sheets/${KIKAKU_SHEET}`).set(bearer(t.tokens.sangyo)).set('If-Match', '"0"').send({ effect: 'x' }),
      403,
      'sheet.forbidden_department',
    );
    await expectProblem(() => t.http.get(`/api/v1/sheets/${KIKAKU_SHEET}`).set(bearer(t.tokens.sangyo)), 403, 'sheet.forbidden_department');
    await expectProblem(() => t.http.get('/api/v1/sheets?department=企画課').set(bearer(t.tokens.sangyo)), 403, 'sheet.forbidden_department');
  });

  it('a role that may not do this', async () => {
    await expectProblem(() => t.http.post(`/api/v1/sheets/${SHEET}/approve`).set(bearer(t.tokens.sangyo)).send({}), 403, 'auth.forbidden_role');
    await expectProblem(() => t.http.post('/api/v1/cycles').set(bearer(t.tokens.auditor)).send({ fiscalYear: 2018, title: 'x' }), 403, 'auth.forbidden_role');
  });

  it('an unknown role when issuing a token', async () => {
    const body = await expectProblem(
      () => t.http.post('/api/v1/admin/tokens').set(bearer(t.tokens.admin)).send({ role: 'mayor' }),
      400,
      'auth.invalid_token_request',
    );
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
    await expectProblem(
      () => t.http.post('/api/v1/cycles').set(bearer(t.tokens.planning)).send({ fiscalYear: 2016, title: 'again' }),
      409,
      'cycle.already_opened',
    );
  });

  describe('hostile input (issue #12): a clear 4xx, never a 500, nothing stored', () => {
    const raw = (method: 'post' | 'put' | 'patch', url: string, json: string, token = t.tokens.sangyo) =>
      t.http[method](url).set(bearer(token)).set('If-Match', '"2"').set('Content-Type', 'application/json').send(json);

    it('NUL and lone surrogates in a body value, a key, a query and a path', async () => {
      const { http, tokens } = t;
      let body = await expectProblem(() => raw('patch', `/api/v1/sheets/${SHEET}`, '{"summary":"a\\u0000b"}'), 400, 'request.unstorable_text');
      expect(body.field).toBe('summary');
      body = await expectProblem(
        () => raw('patch', `/api/v1/sheets/${SHEET}`, '{"strategyKpis":[{"name":"\\ud800","target":"1","actual":"1"}]}'),
        400,
        'request.unstorable_text',
      );
      expect(body.field).toBe('strategyKpis[0].name');
      await expectProblem(() => raw('put', `/api/v1/sheets/${SHEET}/evaluation`, '{"directionReason":"\\udfff x"}'), 400, 'request.unstorable_text');
      await expectProblem(
        () => raw('post', '/api/v1/cycles', '{"fiscalYear":2030,"title":"t","deadlines":{"comm\\u0000ittee":"2031-01-01"}}', tokens.planning),
        400,
        'request.unstorable_text',
      );
      await expectProblem(() => http.get('/api/v1/sheets?department=%00').set(bearer(tokens.planning)), 400, 'request.unstorable_text');
      await expectProblem(() => http.get('/api/v1/cycles/2016/budget?department=a%00').set(bearer(tokens.planning)), 400, 'request.unstorable_text');
      await expectProblem(() => http.get('/api/v1/sheets/2016.1-02.sangyoshinko%00').set(bearer(tokens.planning)), 400, 'request.unstorable_text');
      await expectProblem(() => http.get('/api/v1/sheets/2016.1-02.%ED%A0%80').set(bearer(tokens.planning)), 400, 'request.unstorable_text');
      await expectProblem(() => http.post('/api/v1/sheets/%00/approve').set(bearer(tokens.planning)).send({}), 400, 'request.unstorable_text');
    });

    it('JSON nested 10,000 deep', async () => {
      const deep = `{"finance":{"funding":${'['.repeat(10_000)}${']'.repeat(10_000)}}}`;
      await expectProblem(() => raw('patch', `/api/v1/sheets/${SHEET}`, deep), 400, 'request.too_deep');
      const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
      await expectProblem(() => raw('post', `/api/v1/sheets/${SHEET}/approve`, deepObject, t.tokens.planning), 400, 'request.too_deep');
    });

    it('__proto__, constructor and prototype keys', async () => {
      let body = await expectProblem(() => raw('patch', `/api/v1/sheets/${SHEET}`, '{"__proto__":{"summary":"x"}}'), 400, 'request.forbidden_key');
      expect(body.field).toBe('__proto__');
      body = await expectProblem(
        () => raw('patch', `/api/v1/sheets/${SHEET}`, '{"finance":{"constructor":{"prototype":{"budget":1}}}}'),
        400,
        'request.forbidden_key',
      );
      expect(body.field).toBe('finance.constructor');
      await expectProblem(() => raw('put', `/api/v1/sheets/${SHEET}/evaluation`, '{"prototype":1}'), 400, 'request.forbidden_key');
    });

    it('a body that is not JSON gets 415; a write without a body needs no Content-Type', async () => {
      const { http, tokens } = t;
      const body = await expectProblem(
        () => http.patch(`/api/v1/sheets/${SHEET}`).set(bearer(tokens.sangyo)).set('If-Match', '"2"').set('Content-Type', 'text/plain').send('summary=x'),
        415,
        'request.unsupported_media_type',
      );
      expect(body.detail).toMatch(/text\/plain/);
      await expectProblem(
        () => http.post('/api/v1/cycles').set(bearer(tokens.planning)).type('form').send({ fiscalYear: 2030, title: 'x' }),
        415,
        'request.unsupported_media_type',
      );
      await expectProblem(
        () => http.post(`/api/v1/sheets/${SHEET}/approve`).set(bearer(tokens.planning)).set('Content-Type', 'text/plain').send('{}'),
        415,
        'request.unsupported_media_type',
      );
      // Bodyless: refused by the lifecycle (sheet.incomplete), not by the media type.
      await expectProblem(() => http.post(`/api/v1/sheets/${KIKAKU_SHEET}/submit`).set(bearer(tokens.kikaku)), 422, 'sheet.incomplete');
      await expectProblem(
        () => http.post(`/api/v1/sheets/${KIKAKU_SHEET}/submit`).set(bearer(tokens.kikaku)).set('Content-Type', 'text/plain'),
        422,
        'sheet.incomplete',
      );
    });

    it('a 1,000,000-character paragraph and a 100,000-item list, naming the field', async () => {
      let body = await expectProblem(
        () => patch({ summary: [{ kind: 'paragraph', text: 'a'.repeat(1_000_000) }] }, t.tokens.sangyo, '"2"'),
        400,
        'value.too_long',
      );
      expect(body.details).toMatchObject({ field: 'summary' });
      body = await expectProblem(
        () => patch({ effect: [{ kind: 'list', items: Array.from({ length: 100_000 }, () => 'a') }] }, t.tokens.sangyo, '"2"'),
        400,
        'value.too_many_items',
      );
      expect(body.details).toMatchObject({ field: 'effect[0].items' });
      body = await expectProblem(
        () => patch({ implementation: [{ kind: 'paragraph', text: 'あ'.repeat(4_001) }] }, t.tokens.sangyo, '"2"'),
        400,
        'value.too_long',
      );
      expect(body.detail).toMatch(/implementation/);
    });

    const BAD_NUMBERS = ['2042.0', '02042', '1e3', '0x10', '-1', '99999999999999999999', '9007199254740993', 'abc', '%207'];

    it('non-canonical and huge numbers in every numeric path parameter, public routes included', async () => {
      const { http, tokens } = t;
      for (const n of BAD_NUMBERS) {
        const routes: Array<[string, () => ReturnType<typeof http.get>]> = [
          ['fy', () => http.get(`/api/v1/cycles/${n}`).set(bearer(tokens.planning))],
          ['fy', () => http.get(`/api/v1/cycles/${n}/quality`).set(bearer(tokens.planning))],
          ['fy', () => http.get(`/api/v1/cycles/${n}/progress`).set(bearer(tokens.planning))],
          ['fy', () => http.get(`/api/v1/cycles/${n}/kpis`).set(bearer(tokens.planning))],
          ['fy', () => http.get(`/api/v1/cycles/${n}/budget`).set(bearer(tokens.planning))],
          ['fy', () => http.get(`/api/v1/cycles/${n}/evaluations`).set(bearer(tokens.planning))],
          ['fy', () => http.get(`/api/v1/cycles/${n}/projects/1-01/year-over-year`).set(bearer(tokens.planning))],
          [
            'fy',
            () =>
              http
                .post(`/api/v1/cycles/${n}/sheets`)
                .set(bearer(tokens.planning))
                .send({ projectCode: '1-05', projectName: 'x', department: '企画課', policyAreas: ['1'] }),
          ],
          ['fy', () => http.put(`/api/v1/cycles/${n}/numerical-goals`).set(bearer(tokens.planning)).send({ goals: [] })],
          [
            'fy',
            () =>
              http
                .put(`/api/v1/cycles/${n}/strategy`)
                .set(bearer(tokens.planning))
                .send({ strategy: { name: 's', period: { from: 2015, to: 2019 }, policyAreas: [], strategyKpis: [] } }),
          ],
          ['fy', () => http.post(`/api/v1/cycles/${n}/publish`).set(bearer(tokens.planning))],
          ['fy', () => http.get(`/public/${n}`)],
          ['fy', () => http.get(`/public/${n}/editions`)],
          ['fy', () => http.get(`/public/${n}/sheets.csv`)],
          ['edition', () => http.get(`/public/2016/editions/${n}`)],
          ['edition', () => http.get(`/public/2016/editions/${n}/sheets.csv`)],
        ];
        for (const [field, send] of routes) {
          const body = await expectProblem(send, 400, 'request.validation');
          expect((body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([field]);
        }
      }
    });

    it('non-canonical and huge numbers in every numeric query parameter, public routes included', async () => {
      const { http, tokens } = t;
      const sheetUrl = `/api/v1/sheets/${SHEET}`;
      for (const n of BAD_NUMBERS) {
        const routes: Array<[string, string, string | null]> = [
          ['fiscalYear', `/api/v1/sheets?fiscalYear=${n}`, tokens.planning],
          ['minPosition', `/api/v1/sheets?minPosition=${n}`, tokens.planning],
          ['version', `${sheetUrl}?version=${n}`, tokens.planning],
          ['minPosition', `${sheetUrl}?minPosition=${n}`, tokens.planning],
          ['version', `/api/v1/cycles/2016?version=${n}`, tokens.planning],
          ['minPosition', `/api/v1/cycles/2016/budget?minPosition=${n}`, tokens.planning],
          ['from', `${sheetUrl}/diff?from=${n}&to=1`, tokens.auditor],
          ['to', `${sheetUrl}/diff?from=0&to=${n}`, tokens.auditor],
          ['minPosition', `${sheetUrl}/history?minPosition=${n}`, tokens.auditor],
          ['cursor', `/api/v1/audit/events?cursor=${n}`, tokens.auditor],
          ['limit', `/api/v1/audit/events?limit=${n}`, tokens.auditor],
          ['fiscalYear', `/api/v1/audit/events?fiscalYear=${n}`, tokens.auditor],
          ['minPosition', `/public/2016?minPosition=${n}`, null],
          ['minPosition', `/public/2016/editions?minPosition=${n}`, null],
          ['minPosition', `/public/2016/editions/1/kpis.json?minPosition=${n}`, null],
        ];
        for (const [field, url, token] of routes) {
          const body = await expectProblem(() => (token ? http.get(url).set(bearer(token)) : http.get(url)), 400, 'request.validation');
          expect((body.errors as Array<{ field: string }>).map((e) => e.field)).toEqual([field]);
        }
      }
    });

    it('minPosition 0, negative or malformed is a 400; beyond the head a 409 at once', async () => {
      const { http, tokens } = t;
      for (const bad of ['0', '-1', 'abc', '']) {
        await expectProblem(() => http.get(`/api/v1/sheets/${SHEET}?minPosition=${bad}`).set(bearer(tokens.planning)), 400, 'request.validation');
        await expectProblem(() => http.get(`/public/2016/editions?minPosition=${bad}`), 400, 'request.validation');
      }
      for (const send of [
        () => http.get(`/api/v1/sheets/${SHEET}?minPosition=1000000000000`).set(bearer(tokens.planning)),
        () => http.get('/public/2016?minPosition=1000000000000'),
      ]) {
        const started = Date.now();
        const body = await expectProblem(send, 409, 'read.position_ahead');
        expect(Date.now() - started).toBeLessThan(1000);
        expect(body.position).toBe(1_000_000_000_000);
      }
      // A position a write answered with still waits for, and gets, the view.
      const head = Number((await t.database.db.query('SELECT max(global_position) AS p FROM es_events')).rows[0].p);
      await http.get(`/api/v1/sheets/${SHEET}?minPosition=${head}`).set(bearer(tokens.planning)).expect(200);
    });

    it('time travel to a version the sheet has not reached, or to before it existed, is a 404', async () => {
      const { http, tokens } = t;
      const url = `/api/v1/sheets/${SHEET}`;
      await http.get(`${url}?version=2`).set(bearer(tokens.planning)).expect(200);
      let body = await expectProblem(() => http.get(`${url}?version=999`).set(bearer(tokens.planning)), 404, 'sheet.version_not_found');
      expect(body.details).toMatchObject({ latestVersion: 2 });
      await expectProblem(() => http.get(`${url}?version=3`).set(bearer(tokens.planning)), 404, 'sheet.version_not_found');
      await expectProblem(() => http.get(`${url}?asOf=2017-04-01T00:00:00%2B09:00`).set(bearer(tokens.planning)), 404, 'sheet.not_yet_existing');
      await expectProblem(() => http.get(`${url}?knownAt=2000-01-01T00:00:00Z`).set(bearer(tokens.planning)), 404, 'sheet.not_yet_existing');
      await expectProblem(() => http.get('/api/v1/sheets/2016.9-99.nowhere?asOf=2017-04-01T00:00:00Z').set(bearer(tokens.planning)), 404, 'sheet.not_found');
      // A department still may not learn about another department's sheet this way.
      await expectProblem(() => http.get(`/api/v1/sheets/${KIKAKU_SHEET}?version=999`).set(bearer(tokens.sangyo)), 403, 'sheet.forbidden_department');
      body = await expectProblem(() => http.get('/api/v1/cycles/2016?version=999').set(bearer(tokens.planning)), 404, 'cycle.version_not_found');
      await expectProblem(() => http.get('/api/v1/cycles/2016?asOf=2017-04-01T00:00:00%2B09:00').set(bearer(tokens.planning)), 404, 'cycle.not_yet_existing');
      await expectProblem(() => http.get('/api/v1/cycles/2016?knownAt=2000-01-01T00:00:00Z').set(bearer(tokens.planning)), 404, 'cycle.not_yet_existing');
      await expectProblem(() => http.get(`${url}/diff?from=0&to=999`).set(bearer(tokens.auditor)), 404, 'sheet.version_not_found');
    });
  });
});
