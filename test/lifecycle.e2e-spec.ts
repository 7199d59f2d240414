import { bearer, completeContent, completeEvaluation, startTestApp, type TestApp } from './support/test-app.js';

const SHEET = '2016.1-12.sangyoshinko';

describe('The review lifecycle over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes a sheet from draft to published, recording who acted, with versions and positions', async () => {
    const { http, tokens, clock } = t;
    const opened = await http
      .post('/api/v1/cycles')
      .set(bearer(tokens.planning))
      .send({
        fiscalYear: 2016,
        title: '平成28年度 効果検証',
        deadlines: { departmentSubmission: '2017-06-30', planningReview: '2017-07-31', committee: '2017-09-30', publication: '2017-10-31' },
      })
      .expect(201);
    expect(opened.body).toMatchObject({ fiscalYear: 2016, version: 0 });
    expect(typeof opened.body.position).toBe('number');

    const assigned = await http
      .post('/api/v1/cycles/2016/sheets')
      .set(bearer(tokens.planning))
      .send({ projectCode: '1-12', projectName: '市内創業支援等事業', department: '産業振興課', policyAreas: ['1'] })
      .expect(201);
    expect(assigned.body).toMatchObject({ id: SHEET, version: 0 });
    expect(assigned.headers.etag).toBe('"0"');

    clock.set('2017-06-01T10:00:00+09:00');
    const revised = await http.patch(`/api/v1/sheets/${SHEET}`).set(bearer(tokens.sangyo)).set('If-Match', '"0"').send(completeContent).expect(200);
    expect(revised.body).toMatchObject({ id: SHEET, version: 1, events: ['SheetContentRevised'] });
    expect(revised.headers.etag).toBe('"1"');

    const evaluated = await http
      .put(`/api/v1/sheets/${SHEET}/evaluation`)
      .set(bearer(tokens.sangyo))
      .set('If-Match', '"1"')
      .send(completeEvaluation)
      .expect(200);
    expect(evaluated.body.version).toBe(2);

    clock.set('2017-06-20T10:00:00+09:00');
    const submitted = await http.post(`/api/v1/sheets/${SHEET}/submit`).set(bearer(tokens.sangyo)).expect(200);
    expect(submitted.body).toMatchObject({ version: 3, events: ['SheetSubmitted'] });

    const approved = await http.post(`/api/v1/sheets/${SHEET}/approve`).set(bearer(tokens.planning)).send({}).expect(200);
    const opinion = await http
      .put(`/api/v1/sheets/${SHEET}/committee-opinion`)
      .set(bearer(tokens.committee))
      .send({ opinion: '創業支援の成果が見られる。', rating: 'A' })
      .expect(200);
    const response = await http.put(`/api/v1/sheets/${SHEET}/city-response`).set(bearer(tokens.planning)).send({ response: '引き続き取り組む。' }).expect(200);
    expect([approved.body.version, opinion.body.version, response.body.version]).toEqual([4, 5, 6]);

    const published = await http.post('/api/v1/cycles/2016/publish').set(bearer(tokens.planning)).expect(201);
    expect(published.body).toMatchObject({ fiscalYear: 2016, edition: 1 });

    const sheet = await http.get(`/api/v1/sheets/${SHEET}?minPosition=${published.body.position}`).set(bearer(tokens.auditor)).expect(200);
    expect(sheet.body).toMatchObject({
      id: SHEET,
      fiscalYear: 2016,
      projectCode: '1-12',
      projectName: '市内創業支援等事業',
      department: '産業振興課',
      status: 'published',
      // Publication is recorded on the cycle only: the sheet's stream is not written.
      version: 6,
      category: 'continuing',
      finance: { budget: 10695, settlement: 5444, funding: { generalFund: 5444 } },
      evaluation: { effectiveness: 'effective', direction: 'continue', strategyRevision: 'not_needed' },
      committeeOpinion: { opinion: '創業支援の成果が見られる。', rating: 'A' },
      cityResponse: { response: '引き続き取り組む。' },
      publishedEditions: [1],
    });
    expect(sheet.body.strategyKpis[0]).toMatchObject({ target: { number: 50, unit: '件' }, actual: { number: 22, unit: '件' } });
    expect(sheet.headers.etag).toBe('"6"');

    const cycle = await http.get(`/api/v1/cycles/2016?minPosition=${published.body.position}`).set(bearer(tokens.sangyo)).expect(200);
    expect(cycle.body).toMatchObject({
      status: 'published',
      sheetCount: 1,
      progress: { byStatus: { published: 1 }, byDepartment: { 産業振興課: { published: 1 } } },
    });
    expect(cycle.body.editions).toEqual([expect.objectContaining({ edition: 1, sheetCount: 1 })]);

    const events = await t.database.db.query(`SELECT event_type, metadata FROM es_events WHERE stream_id = 'sheet-${SHEET}' ORDER BY stream_revision`);
    expect(events.rows.map((r) => r.event_type)).toEqual([
      'SheetAssigned',
      'SheetContentRevised',
      'DepartmentEvaluationRecorded',
      'SheetSubmitted',
      'SheetApproved',
      'CommitteeOpinionRecorded',
      'CityResponseRecorded',
    ]);
    expect(events.rows.map((r) => `${r.metadata.role}:${r.metadata.department ?? ''}`)).toEqual([
      'planning:',
      'department:産業振興課',
      'department:産業振興課',
      'department:産業振興課',
      'planning:',
      'committee:',
      'planning:',
    ]);
    expect(events.rows[3].metadata.occurredAt).toBe('2017-06-20T01:00:00.000Z');
  });

  it('shows the sheet at any version and as of any business time', async () => {
    const { http, tokens } = t;
    const v1 = await http.get(`/api/v1/sheets/${SHEET}?version=1`).set(bearer(tokens.auditor)).expect(200);
    expect(v1.body).toMatchObject({ version: 1, status: 'draft', finance: { budget: 10695 } });
    expect(v1.body.evaluation.effectiveness).toBeNull();
    expect(v1.headers.etag).toBe('"1"');
    const beforeSubmit = await http.get(`/api/v1/sheets/${SHEET}`).query({ asOf: '2017-06-10T00:00:00+09:00' }).set(bearer(tokens.auditor)).expect(200);
    expect(beforeSubmit.body).toMatchObject({ version: 2, status: 'draft', evaluation: { effectiveness: 'effective' } });
    await http.get(`/api/v1/sheets/${SHEET}`).query({ asOf: '2016-01-01T00:00:00Z' }).set(bearer(tokens.auditor)).expect(404);
  });

  it('returns a sheet with a comment; the department revises and resubmits', async () => {
    const { http, tokens } = t;
    const id = '2016.1-01.kikaku';
    await http.post('/api/v1/cycles').set(bearer(tokens.planning)).send({ fiscalYear: 2017, title: 'FY2017' }).expect(201);
    // FY2016 is published (closed): it takes no new sheets.
    const closed = await http
      .post('/api/v1/cycles/2016/sheets')
      .set(bearer(tokens.planning))
      .send({ projectCode: '1-01', projectName: '移住推進事業', department: '企画課', policyAreas: ['1'] })
      .expect(422);
    expect(closed.body.code).toBe('cycle.closed');

    const made = await http
      .post('/api/v1/cycles/2017/sheets')
      .set(bearer(tokens.planning))
      .send({ projectCode: '1-01', projectName: '移住推進事業', department: '企画課', policyAreas: ['1'] })
      .expect(201);
    const sheetId = made.body.id as string;
    expect(sheetId).toBe('2017.1-01.kikaku');
    expect(id).not.toBe(sheetId);
    await http.patch(`/api/v1/sheets/${sheetId}`).set(bearer(tokens.kikaku)).set('If-Match', '"0"').send(completeContent).expect(200);
    await http.put(`/api/v1/sheets/${sheetId}/evaluation`).set(bearer(tokens.kikaku)).set('If-Match', '"1"').send(completeEvaluation).expect(200);
    await http.post(`/api/v1/sheets/${sheetId}/submit`).set(bearer(tokens.kikaku)).expect(200);
    const noComment = await http.post(`/api/v1/sheets/${sheetId}/return`).set(bearer(tokens.planning)).send({ comment: '' }).expect(400);
    expect(noComment.body.code).toBe('request.validation');
    const returned = await http
      .post(`/api/v1/sheets/${sheetId}/return`)
      .set(bearer(tokens.planning))
      .send({ comment: 'KPIの実績を記入してください' })
      .expect(200);
    const view = await http.get(`/api/v1/sheets/${sheetId}?minPosition=${returned.body.position}`).set(bearer(tokens.kikaku)).expect(200);
    expect(view.body).toMatchObject({ status: 'returned', lastReturnComment: 'KPIの実績を記入してください' });
    await http
      .patch(`/api/v1/sheets/${sheetId}`)
      .set(bearer(tokens.kikaku))
      .set('If-Match', view.headers.etag)
      .send({ effect: '移住相談件数が増えた。' })
      .expect(200);
    await http.post(`/api/v1/sheets/${sheetId}/submit`).set(bearer(tokens.kikaku)).expect(200);
    // Nothing edits a submitted sheet except a return.
    const locked = await http.patch(`/api/v1/sheets/${sheetId}`).set(bearer(tokens.kikaku)).set('If-Match', '"6"').send({ effect: 'x' }).expect(422);
    expect(locked.body.code).toBe('sheet.invalid_transition');
  });

  it("carries last year's static data forward into the new year's sheet", async () => {
    const { http, tokens } = t;
    const made = await http
      .post('/api/v1/cycles/2017/sheets')
      .set(bearer(tokens.planning))
      .send({ projectCode: '1-12', projectName: '市内創業支援等事業', department: '産業振興課', policyAreas: ['1'] })
      .expect(201);
    expect(made.body).toMatchObject({ id: '2017.1-12.sangyoshinko', carriedFrom: SHEET });
    const sheet = await http.get(`/api/v1/sheets/2017.1-12.sangyoshinko?minPosition=${made.body.position}`).set(bearer(tokens.sangyo)).expect(200);
    expect(sheet.body.summary).toEqual([{ kind: 'paragraph', text: completeContent.summary }]);
    expect(sheet.body.finance).toMatchObject({ budget: null, settlement: null });
    expect(sheet.body.strategyKpis[0]).toMatchObject({
      name: '金融機関と連携した支援策による新規創業件数',
      target: { number: 50 },
      actual: { status: 'empty' },
    });
  });

  it('corrects a published sheet with a reason and publishes a second edition', async () => {
    const { http, tokens } = t;
    const noReason = await http
      .post(`/api/v1/sheets/${SHEET}/corrections`)
      .set(bearer(tokens.planning))
      .send({ changes: { effect: '訂正' } })
      .expect(400);
    expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
    await http
      .post(`/api/v1/sheets/${SHEET}/corrections`)
      .set(bearer(tokens.planning))
      .send({ changes: { finance: { budget: 10700 } }, reason: '予算額の誤記' })
      .expect(200);
    const second = await http.post('/api/v1/cycles/2016/publish').set(bearer(tokens.planning)).expect(201);
    expect(second.body.edition).toBe(2);
    const sheet = await http.get(`/api/v1/sheets/${SHEET}?minPosition=${second.body.position}`).set(bearer(tokens.planning)).expect(200);
    expect(sheet.body).toMatchObject({
      finance: { budget: 10700 },
      publishedEditions: [1, 2],
      corrections: [expect.objectContaining({ reason: '予算額の誤記' })],
    });
  });

  it('serves health and the OpenAPI document without a token', async () => {
    const health = await t.http.get('/health').expect(200);
    expect(health.body.status).toBe('ok');
    const docs = await t.http.get('/docs/openapi.json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/cycles', '/api/v1/sheets/{id}', '/api/v1/sheets/{id}/evaluation']));
    await t.http.get('/docs').expect(200);
  });
});
