import { replayCheck } from '@kensho/audit';
import { EventStore } from '@kensho/event-store';
import { AggregateService } from '@kensho/review';
import { bearer, completeContent, completeEvaluation, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue #12: publish and assign are all-or-nothing. A refused or crashed command leaves no trace
 * in the log, the views, the public report or what later commands accept; a successful one is
 * complete; publishing with nothing changed is refused.
 */
describe('Commands that are all-or-nothing: publish and assign', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const planning = () => bearer(t.tokens.planning);

  async function openCycle(fiscalYear: number): Promise<void> {
    await t.http
      .post('/api/v1/cycles')
      .set(planning())
      .send({ fiscalYear, title: `FY${fiscalYear}` })
      .expect(201);
  }

  async function assign(fiscalYear: number, projectCode: string): Promise<string> {
    const made = await t.http
      .post(`/api/v1/cycles/${fiscalYear}/sheets`)
      .set(planning())
      .send({ projectCode, projectName: `事業${projectCode}`, department: '産業振興課', policyAreas: ['1'] })
      .expect(201);
    return made.body.id;
  }

  /** Assigns a sheet and takes it to approved; returns its id. */
  async function approvedSheet(fiscalYear: number, projectCode: string): Promise<string> {
    const id = await assign(fiscalYear, projectCode);
    const dept = bearer(t.tokens.sangyo);
    await t.http.patch(`/api/v1/sheets/${id}`).set(dept).set('If-Match', '"0"').send(completeContent).expect(200);
    await t.http.put(`/api/v1/sheets/${id}/evaluation`).set(dept).set('If-Match', '"1"').send(completeEvaluation).expect(200);
    await t.http.post(`/api/v1/sheets/${id}/submit`).set(dept).expect(200);
    await t.http.post(`/api/v1/sheets/${id}/approve`).set(planning()).send({}).expect(200);
    return id;
  }

  const countEvents = async (type: string, streamPattern: string): Promise<number> =>
    (await t.database.db.query('SELECT count(*)::int AS n FROM es_events WHERE event_type = $1 AND stream_id LIKE $2', [type, streamPattern])).rows[0].n;

  const lastPosition = async (): Promise<number> => Number((await t.database.db.query('SELECT max(global_position) AS p FROM es_events')).rows[0].p);

  /** Makes every append to one stream fail as if the process died right there; returns the undo. */
  function crashOnAppendTo(streamId: string): () => void {
    const store = t.app.get(EventStore);
    const original = store.appendToStream;
    store.appendToStream = async function (this: EventStore, id, events, expected) {
      if (id === streamId) throw new Error(`injected crash before appending to ${id}`);
      return original.call(this, id, events, expected);
    };
    return () => {
      store.appendToStream = original;
    };
  }

  /** Nothing anywhere says the year was published: log, views, public report, corrections. */
  async function expectNoPublication(fiscalYear: number, sheetIds: string[]): Promise<void> {
    const position = await lastPosition();
    const cycle = await t.http.get(`/api/v1/cycles/${fiscalYear}?minPosition=${position}`).set(planning()).expect(200);
    expect(cycle.body).toMatchObject({ status: 'open', editions: [] });
    expect(cycle.body.progress.byStatus.published).toBeUndefined();
    const listed = await t.http.get(`/api/v1/sheets?fiscalYear=${fiscalYear}&minPosition=${position}`).set(planning()).expect(200);
    const views = listed.body.items ?? listed.body;
    expect(views.filter((s: { status: string }) => s.status === 'published')).toEqual([]);
    await t.http.get(`/public/${fiscalYear}?minPosition=${position}`).expect(404);
    for (const id of sheetIds) {
      const sheet = await t.http.get(`/api/v1/sheets/${id}`).set(planning()).expect(200);
      expect(sheet.body.publishedEditions).toEqual([]);
      const correction = await t.http
        .post(`/api/v1/sheets/${id}/corrections`)
        .set(planning())
        .send({ changes: { effect: '訂正' }, reason: '誤記' });
      if (sheet.body.status === 'approved') expect(correction.body.code).toBe('sheet.invalid_transition');
      else expect(correction.status).toBeGreaterThanOrEqual(400);
    }
    expect(await countEvents('CyclePublished', `cycle-${fiscalYear}`)).toBe(0);
    expect(await countEvents('SheetPublished', `sheet-${fiscalYear}.%`)).toBe(0);
  }

  it('a publication refused for a draft sheet leaves no trace', async () => {
    await openCycle(2030);
    const approved = await approvedSheet(2030, '1-01');
    const draft = await assign(2030, '1-02');
    const refused = await t.http.post('/api/v1/cycles/2030/publish').set(planning()).expect(422);
    expect(refused.body).toMatchObject({ code: 'cycle.sheets_not_approved', details: { sheets: [{ sheetId: draft, status: 'draft' }] } });
    await expectNoPublication(2030, [approved, draft]);
  });

  it('a crash while publishing leaves either nothing or a complete edition: there is no step between', async () => {
    await openCycle(2031);
    const sheets = [await approvedSheet(2031, '1-01'), await approvedSheet(2031, '1-02'), await approvedSheet(2031, '1-03')];
    const before = await t.http
      .get(`/api/v1/sheets/${sheets[0]}?minPosition=${await lastPosition()}`)
      .set(planning())
      .expect(200);
    const undo = crashOnAppendTo('cycle-2031');
    try {
      await t.http.post('/api/v1/cycles/2031/publish').set(planning()).expect(500);
    } finally {
      undo();
    }
    await expectNoPublication(2031, sheets);
    const after = await t.http.get(`/api/v1/sheets/${sheets[0]}`).set(planning()).expect(200);
    expect(after.body).toMatchObject({ status: 'approved', version: before.body.version });

    // Once the store works again, the same request publishes, completely.
    const published = await t.http.post('/api/v1/cycles/2031/publish').set(planning()).expect(201);
    expect(published.body.edition).toBe(1);
    for (const id of sheets) {
      const sheet = await t.http.get(`/api/v1/sheets/${id}?minPosition=${published.body.position}`).set(planning()).expect(200);
      expect(sheet.body).toMatchObject({ status: 'published', publishedEditions: [1], version: before.body.version });
    }
    const edition = await t.database.db.query(`SELECT snapshot FROM pub_editions WHERE fiscal_year = 2031 AND edition = 1`);
    expect(edition.rows[0].snapshot.sheets.map((s: { id: string }) => s.id).sort()).toEqual([...sheets].sort());
  });

  it('a publication racing an assignment has exactly one outcome, never a half-published cycle', async () => {
    const outcomes = { published: 0, assigned: 0 };
    for (let round = 0; round < 8; round++) {
      const fy = 2040 + round;
      await openCycle(fy);
      const first = [await approvedSheet(fy, '1-01'), await approvedSheet(fy, '1-02')];
      const [publish, assignment] = await Promise.all([
        t.http.post(`/api/v1/cycles/${fy}/publish`).set(planning()),
        t.http
          .post(`/api/v1/cycles/${fy}/sheets`)
          .set(planning())
          .send({ projectCode: '2-01', projectName: '後から', department: '産業振興課', policyAreas: ['2'] }),
      ]);
      const late = `${fy}.2-01.sangyoshinko`;
      const lateEvents = (await t.database.db.query('SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1', [`sheet-${late}`])).rows[0].n;
      const cycle = await t.http
        .get(`/api/v1/cycles/${fy}?minPosition=${await lastPosition()}`)
        .set(planning())
        .expect(200);
      if (publish.status === 201) {
        outcomes.published++;
        expect(assignment.body.code).toBe('cycle.closed');
        expect(lateEvents).toBe(0);
        expect(cycle.body).toMatchObject({ status: 'published', sheetCount: 2, editions: [expect.objectContaining({ edition: 1, sheetCount: 2 })] });
        expect(cycle.body.progress.byStatus).toEqual({ published: 2 });
      } else {
        outcomes.assigned++;
        expect(assignment.status).toBe(201);
        // Refused on the new sheet: a draft, or (its assignment still under way) not yet created.
        expect(['cycle.sheets_not_approved', 'cycle.sheet_not_created']).toContain(publish.body.code);
        expect(lateEvents).toBe(1);
        expect(cycle.body).toMatchObject({ status: 'open', sheetCount: 3, editions: [] });
        await expectNoPublication(fy, first);
      }
    }
    expect(outcomes.published + outcomes.assigned).toBe(8);
  });

  it("an assignment landing between the publication's decision and its append makes it decide again, and refuse", async () => {
    await openCycle(2036);
    const first = [await approvedSheet(2036, '1-01'), await approvedSheet(2036, '1-02')];
    const store = t.app.get(EventStore);
    const original = store.appendToStream;
    let late: { status: number } | null = null;
    store.appendToStream = async function (this: EventStore, id, events, expected) {
      if (id === 'cycle-2036' && events.some((e) => e.type === 'CyclePublished') && !late) {
        late = await t.http
          .post('/api/v1/cycles/2036/sheets')
          .set(planning())
          .send({ projectCode: '2-01', projectName: '割り込み', department: '産業振興課', policyAreas: ['2'] });
      }
      return original.call(this, id, events, expected);
    };
    let publish: Awaited<ReturnType<typeof t.http.post>> | undefined;
    try {
      publish = await t.http.post('/api/v1/cycles/2036/publish').set(planning());
    } finally {
      store.appendToStream = original;
    }
    expect(late).toMatchObject({ status: 201 });
    expect(publish.status).toBe(422);
    await expectNoPublication(2036, first);
    expect(publish.body).toMatchObject({ code: 'cycle.sheets_not_approved', details: { sheets: [{ sheetId: '2036.2-01.sangyoshinko', status: 'draft' }] } });
  });

  it("a committee opinion landing between the publication's reading and its append: the pins stay truthful", async () => {
    await openCycle(2037);
    const id = await approvedSheet(2037, '1-01');
    const approvedVersion = 4;
    const store = t.app.get(EventStore);
    const original = store.appendToStream;
    let opinion: { status: number } | null = null;
    store.appendToStream = async function (this: EventStore, streamId, events, expected) {
      if (streamId === 'cycle-2037' && events.some((e) => e.type === 'CyclePublished') && !opinion) {
        opinion = await t.http.put(`/api/v1/sheets/${id}/committee-opinion`).set(bearer(t.tokens.committee)).send({ opinion: '間に合った意見' });
      }
      return original.call(this, streamId, events, expected);
    };
    let published: Awaited<ReturnType<typeof t.http.post>> | undefined;
    try {
      published = await t.http.post('/api/v1/cycles/2037/publish').set(planning()).expect(201);
    } finally {
      store.appendToStream = original;
    }
    // The sheet was not yet pinned when the opinion was decided, so it was accepted, after the version publication read.
    expect(opinion).toMatchObject({ status: 200 });
    const pins = (await t.database.db.query(`SELECT data FROM es_events WHERE stream_id = 'cycle-2037' AND event_type = 'CyclePublished'`)).rows[0].data.sheets;
    const head = (
      await t.database.db.query(`SELECT metadata->>'hash' AS hash FROM es_events WHERE stream_id = $1 AND stream_revision = $2`, [
        `sheet-${id}`,
        approvedVersion,
      ])
    ).rows[0].hash;
    expect(pins).toEqual([{ sheetId: id, version: approvedVersion, headHash: head }]);
    // Edition 1 shows the sheet exactly as pinned (without the opinion); the view shows the sheet now.
    await t.http.get(`/public/2037?minPosition=${published.body.position}`).expect(200);
    const edition = (await t.database.db.query(`SELECT snapshot FROM pub_editions WHERE fiscal_year = 2037 AND edition = 1`)).rows[0].snapshot;
    expect(edition.sheets[0]).toMatchObject({ id, version: approvedVersion, committeeOpinion: null });
    const sheet = await t.http.get(`/api/v1/sheets/${id}?minPosition=${published.body.position}`).set(planning()).expect(200);
    expect(sheet.body).toMatchObject({
      status: 'published',
      version: approvedVersion + 1,
      publishedEditions: [1],
      committeeOpinion: { opinion: '間に合った意見' },
    });
    // The next publication is not "nothing changed": it pins the version with the opinion.
    const second = await t.http.post('/api/v1/cycles/2037/publish').set(planning()).expect(201);
    expect(second.body.edition).toBe(2);
  });

  it('refuses to publish when nothing changed since the latest edition, and makes no edition 2', async () => {
    await openCycle(2032);
    await approvedSheet(2032, '1-01');
    const first = await t.http.post('/api/v1/cycles/2032/publish').set(planning()).expect(201);
    expect(first.body.edition).toBe(1);
    const again = await t.http.post('/api/v1/cycles/2032/publish').set(planning()).expect(409);
    expect(again.body).toMatchObject({ code: 'cycle.nothing_to_publish', details: { edition: 1 } });
    expect(again.body.detail).toContain('前回の公表から変更がありません');
    expect(await countEvents('CyclePublished', 'cycle-2032')).toBe(1);
    const cycle = await t.http.get(`/api/v1/cycles/2032?minPosition=${first.body.position}`).set(planning()).expect(200);
    expect(cycle.body.editions).toHaveLength(1);
    await t.http.get('/public/2032/editions/2').expect(404);
  });

  it('a correction then a publication: edition 2 lists exactly that correction; the pinned sheet takes no opinion', async () => {
    await openCycle(2033);
    const corrected = await approvedSheet(2033, '1-01');
    const untouched = await approvedSheet(2033, '1-02');
    const first = await t.http.post('/api/v1/cycles/2033/publish').set(planning()).expect(201);
    await t.http.get(`/api/v1/sheets/${corrected}?minPosition=${first.body.position}`).set(planning()).expect(200);
    // The sheet's stream says approved; the cycle's pins make it published for every command.
    const opinion = await t.http
      .put(`/api/v1/sheets/${corrected}/committee-opinion`)
      .set(bearer(t.tokens.committee))
      .send({ opinion: '遅れた意見' })
      .expect(422);
    expect(opinion.body).toMatchObject({ code: 'sheet.invalid_transition', details: { status: 'published' } });
    await t.http
      .post(`/api/v1/sheets/${corrected}/corrections`)
      .set(planning())
      .send({ changes: { finance: { budget: 10700 } }, reason: '予算額の誤記' })
      .expect(200);
    const second = await t.http.post('/api/v1/cycles/2033/publish').set(planning()).expect(201);
    expect(second.body.edition).toBe(2);
    await t.http.get(`/public/2033/editions/2?minPosition=${second.body.position}`).expect(200);
    const editions = await t.database.db.query(`SELECT edition, snapshot FROM pub_editions WHERE fiscal_year = 2033 ORDER BY edition`);
    expect(editions.rows[0].snapshot.corrections).toEqual([]);
    expect(editions.rows[1].snapshot.corrections).toEqual([
      expect.objectContaining({ sheetId: corrected, reason: '予算額の誤記', fields: ['finance.budget'], edition: 2 }),
    ]);
    const pinned = editions.rows[1].snapshot.sheets.find((s: { id: string }) => s.id === corrected);
    expect(pinned.content.finance.budget).toBe(10700);
    const sheet = await t.http.get(`/api/v1/sheets/${untouched}`).set(planning()).expect(200);
    expect(sheet.body).toMatchObject({ status: 'published', publishedEditions: [1, 2] });
    // The auditor sees, beside the sheet's own history, which edition shows which of its versions.
    const history = await t.http.get(`/api/v1/sheets/${corrected}/history`).set(bearer(t.tokens.auditor)).expect(200);
    expect(history.body.events.map((e: { type: string }) => e.type).slice(-2)).toEqual(['SheetApproved', 'PublishedSheetCorrected']);
    expect(history.body.publications).toEqual([
      expect.objectContaining({ edition: 1, version: 4, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      expect.objectContaining({ edition: 2, version: 5 }),
    ]);
  });

  it('an assignment refused by the sheet leaves no trace on the cycle and does not block publication', async () => {
    await openCycle(2034);
    const kept = await approvedSheet(2034, '1-01');
    const refused = await t.http
      .post('/api/v1/cycles/2034/sheets')
      .set(planning())
      .send({ projectCode: '1-02', projectName: '重複', department: '産業振興課', policyAreas: ['1', '1'] })
      .expect(400);
    expect(refused.body.code).toBe('sheet.invalid_policy_area');
    expect(
      (await t.database.db.query(`SELECT count(*)::int AS n FROM es_events WHERE stream_id = 'cycle-2034' AND event_type = 'SheetAddedToCycle'`)).rows[0].n,
    ).toBe(1);
    const cycle = await t.http
      .get(`/api/v1/cycles/2034?minPosition=${await lastPosition()}`)
      .set(planning())
      .expect(200);
    expect(cycle.body.sheetCount).toBe(1);
    const published = await t.http.post('/api/v1/cycles/2034/publish').set(planning()).expect(201);
    const sheet = await t.http.get(`/api/v1/sheets/${kept}?minPosition=${published.body.position}`).set(planning()).expect(200);
    expect(sheet.body.status).toBe('published');
  });

  it('an assignment that crashed between its two streams is named by publication and completed by its retry', async () => {
    await openCycle(2035);
    await approvedSheet(2035, '1-01');
    const request = { projectCode: '1-02', projectName: '途中で止まった', department: '産業振興課', policyAreas: ['1'] };
    const sheetId = '2035.1-02.sangyoshinko';
    const undo = crashOnAppendTo(`sheet-${sheetId}`);
    try {
      await t.http.post('/api/v1/cycles/2035/sheets').set(planning()).set('Idempotency-Key', 'assign-2035-1-02').send(request).expect(500);
    } finally {
      undo();
    }
    const stuck = await t.http.post('/api/v1/cycles/2035/publish').set(planning()).expect(422);
    expect(stuck.body).toMatchObject({ code: 'cycle.sheet_not_created', details: { sheetIds: [sheetId] } });
    expect(stuck.body.detail).toContain(sheetId);
    expect(stuck.body.detail).toContain('割り当てが完了していないシートがあります');

    const retried = await t.http.post('/api/v1/cycles/2035/sheets').set(planning()).set('Idempotency-Key', 'assign-2035-1-02').send(request).expect(201);
    expect(retried.body).toMatchObject({ id: sheetId, version: 0 });
    const sheet = await t.http.get(`/api/v1/sheets/${sheetId}?minPosition=${retried.body.position}`).set(planning()).expect(200);
    expect(sheet.body).toMatchObject({ status: 'draft', projectName: '途中で止まった' });
    expect(
      (await t.database.db.query(`SELECT count(*)::int AS n FROM es_events WHERE stream_id = 'cycle-2035' AND event_type = 'SheetAddedToCycle'`)).rows[0].n,
    ).toBe(2);
  });

  it("leaves views that agree with what commands see: every sheet replayed with its cycle's pins matches its view", async () => {
    await t.http
      .get(`/api/v1/cycles/2030?minPosition=${await lastPosition()}`)
      .set(planning())
      .expect(200);
    const report = await replayCheck(t.database.db, t.app.get(AggregateService));
    expect(report.mismatches).toEqual([]);
    expect(report.sheetsChecked).toBeGreaterThan(20);
  });
});
