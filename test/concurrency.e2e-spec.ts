import { bearer, startTestApp, type TestApp } from './support/test-app.js';

const SHEET = '2016.1-12.sangyoshinko';

describe('Concurrent writers and retried requests', () => {
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

  it('lets exactly one of two clients revising the same version win; the loser re-reads and no update is lost', async () => {
    for (let round = 0; round < 5; round++) {
      const current = await t.http
        .get(`/api/v1/sheets/${SHEET}`)
        .query({ minPosition: await lastPosition(t) })
        .set(bearer(t.tokens.sangyo))
        .expect(200);
      const version = current.headers.etag;
      const [a, b] = await Promise.all([
        t.http
          .patch(`/api/v1/sheets/${SHEET}`)
          .set(bearer(t.tokens.sangyo))
          .set('If-Match', version)
          .send({ finance: { budget: 1000 + round } }),
        t.http
          .patch(`/api/v1/sheets/${SHEET}`)
          .set(bearer(t.tokens.sangyo))
          .set('If-Match', version)
          .send({ finance: { settlement: 2000 + round } }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 412]);
      const loser = a.status === 412 ? a : b;
      expect(loser.body).toMatchObject({ code: 'sheet.version_conflict', currentVersion: Number(version.replace(/"/g, '')) + 1 });
      // The loser applies its change to the version it was told about.
      const retry = await t.http
        .patch(`/api/v1/sheets/${SHEET}`)
        .set(bearer(t.tokens.sangyo))
        .set('If-Match', loser.headers.etag)
        .send(loser === a ? { finance: { budget: 1000 + round } } : { finance: { settlement: 2000 + round } })
        .expect(200);
      const after = await t.http.get(`/api/v1/sheets/${SHEET}?minPosition=${retry.body.position}`).set(bearer(t.tokens.sangyo)).expect(200);
      expect(after.body.finance).toMatchObject({ budget: 1000 + round, settlement: 2000 + round });
    }
    const revisions = await t.database.db.query(
      `SELECT count(*)::int AS n FROM es_events WHERE stream_id = 'sheet-${SHEET}' AND event_type = 'SheetContentRevised'`,
    );
    expect(revisions.rows[0].n).toBe(10);
  });

  it('under many simultaneous writers at one version, exactly one write lands', async () => {
    const current = await t.http
      .get(`/api/v1/sheets/${SHEET}`)
      .query({ minPosition: await lastPosition(t) })
      .set(bearer(t.tokens.sangyo))
      .expect(200);
    const before = await t.eventCount();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.http
          .patch(`/api/v1/sheets/${SHEET}`)
          .set(bearer(t.tokens.sangyo))
          .set('If-Match', current.headers.etag)
          .send({ effect: `writer ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 412)).toHaveLength(11);
    expect(await t.eventCount()).toBe(before + 1);
  });

  it('replays the same Idempotency-Key with the same answer and appends nothing', async () => {
    const before = await t.eventCount();
    const send = () =>
      t.http
        .put(`/api/v1/sheets/${SHEET}/evaluation`)
        .set(bearer(t.tokens.sangyo))
        .set('Idempotency-Key', 'eval-1')
        .set('If-Match', `"${currentVersion}"`)
        .send({ effectiveness: 'effective' });
    const currentVersion = (
      await t.http
        .get(`/api/v1/sheets/${SHEET}`)
        .query({ minPosition: await lastPosition(t) })
        .set(bearer(t.tokens.sangyo))
    ).body.version;
    const first = await send().expect(200);
    const second = await send().expect(200);
    expect(second.body).toEqual(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(await t.eventCount()).toBe(before + 1);

    const reused = await t.http
      .put(`/api/v1/sheets/${SHEET}/evaluation`)
      .set(bearer(t.tokens.sangyo))
      .set('Idempotency-Key', 'eval-1')
      .set('If-Match', first.headers.etag)
      .send({ effectiveness: 'not_effective' })
      .expect(422);
    expect(reused.body.code).toBe('request.idempotency_key_reused');
    expect(await t.eventCount()).toBe(before + 1);
  });

  it('appends once when the same keyed request races itself', async () => {
    const before = await t.eventCount();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http.post(`/api/v1/sheets/${SHEET}/return`).set(bearer(t.tokens.planning)).set('Idempotency-Key', 'race-1').send({ comment: 'x' }),
      ),
    );
    // The sheet is a draft, so every answer is the same refusal, and nothing is appended.
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([422]));
    expect(await t.eventCount()).toBe(before);

    const opened = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.http.post('/api/v1/cycles').set(bearer(t.tokens.planning)).set('Idempotency-Key', 'open-2030').send({ fiscalYear: 2030, title: 'FY2030' }),
      ),
    );
    expect(opened.every((r) => r.status === 201)).toBe(true);
    expect(new Set(opened.map((r) => r.body.position)).size).toBe(1);
    expect(await t.eventCount()).toBe(before + 1);
  });
});

async function lastPosition(t: TestApp): Promise<number> {
  return Number((await t.database.db.query('SELECT coalesce(max(global_position), 0) AS p FROM es_events')).rows[0].p);
}
