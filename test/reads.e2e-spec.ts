import { bearer, completeContent, openFy2017WithSheet, startTestApp, type TestApp } from './support/test-app.js';

// One way to read (issue #15.4): a list of cycles, and minPosition honoured by every reading route.
describe('Reading over HTTP', () => {
  let t: TestApp;
  let sheet: string;
  beforeAll(async () => {
    t = await startTestApp();
    sheet = await openFy2017WithSheet(t, '市内創業支援等事業');
  });
  afterAll(() => t.close());

  it('lists the review cycles with their deadlines, sheets per status and editions', async () => {
    const opened = await t.http.post('/api/v1/cycles').set(bearer(t.tokens.planning)).send({ fiscalYear: 2018, title: '平成30年度 効果検証' }).expect(201);
    const list = await t.http.get(`/api/v1/cycles?minPosition=${opened.body.position}`).set(bearer(t.tokens.sangyo)).expect(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        fiscalYear: 2018,
        title: '平成30年度 効果検証',
        status: 'open',
        sheetCount: 0,
        byStatus: {},
        editionCount: 0,
        latestPublishedAt: null,
      }),
      expect.objectContaining({
        fiscalYear: 2017,
        fiscalYearLabel: expect.stringContaining('平成29年度'),
        status: 'open',
        deadlines: { departmentSubmission: '2018-06-30', planningReview: '2018-07-31', committee: '2018-09-30', publication: '2018-10-31' },
        sheetCount: 1,
        byStatus: { draft: 1 },
        editionCount: 0,
      }),
    ]);
    await t.http.get('/api/v1/cycles').expect(401);
  });

  it("waits for minPosition on a sheet's diff and history too, and answers 409 for a position no write gave", async () => {
    const revised = await t.http.patch(`/api/v1/sheets/${sheet}`).set(bearer(t.tokens.sangyo)).set('If-Match', '"0"').send(completeContent).expect(200);
    const diff = await t.http.get(`/api/v1/sheets/${sheet}/diff?from=0&to=1&minPosition=${revised.body.position}`).set(bearer(t.tokens.planning)).expect(200);
    expect(diff.body.changes.map((c: { field: string }) => c.field)).toContain('content.summary');
    const history = await t.http.get(`/api/v1/sheets/${sheet}/history?minPosition=${revised.body.position}`).set(bearer(t.tokens.auditor)).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['SheetAssigned', 'SheetContentRevised']);
    const ahead = await t.http
      .get(`/api/v1/sheets/${sheet}/diff?from=0&to=1&minPosition=${revised.body.position + 1000}`)
      .set(bearer(t.tokens.planning))
      .expect(409);
    expect(ahead.body.code).toBe('read.position_ahead');
    const invalid = await t.http.get(`/api/v1/cycles?minPosition=03`).set(bearer(t.tokens.planning)).expect(400);
    expect(invalid.body.code).toBe('request.validation');
  });
});
