import { bearer, openFy2017WithSheet, startTestApp, type TestApp } from './support/test-app.js';

describe('Integrity at read time: a stream whose hash chain breaks is flagged, frozen and recorded', () => {
  let t: TestApp;
  let sheet: string;
  let stream: string;
  let original: unknown;
  let written: number;

  beforeAll(async () => {
    t = await startTestApp();
    sheet = await openFy2017WithSheet(t, '市内創業支援等事業');
    stream = `sheet-${sheet}`;
    // A write first, so the service remembers the stream's state: the tampered event is older than any tail.
    const revised = await t.http
      .patch(`/api/v1/sheets/${sheet}`)
      .set(bearer(t.tokens.sangyo))
      .set('If-Match', '"0"')
      .send({ summary: '創業を支援する。' })
      .expect(200);
    written = revised.body.position;
    original = (await t.database.db.query('SELECT data FROM es_events WHERE stream_id = $1 AND stream_revision = 0', [stream])).rows[0].data;
    await t.database.db.query(
      `UPDATE es_events SET data = jsonb_set(data, '{projectName}', '"書き換えられた事業名"') WHERE stream_id = $1 AND stream_revision = 0`,
      [stream],
    );
  });
  afterAll(() => t.close());

  const broken = { status: 'broken', revision: 0, problem: 'hash_mismatch' };

  it('flags the sheet, its time travel, its diff and its history (field and header)', async () => {
    const reads = [
      t.http.get(`/api/v1/sheets/${sheet}?minPosition=${written}`).set(bearer(t.tokens.planning)),
      t.http.get(`/api/v1/sheets/${sheet}?version=1`).set(bearer(t.tokens.planning)),
      t.http.get(`/api/v1/sheets/${sheet}/diff?from=0&to=1`).set(bearer(t.tokens.auditor)),
      t.http.get(`/api/v1/sheets/${sheet}/history?minPosition=${written}`).set(bearer(t.tokens.auditor)),
    ];
    for (const res of await Promise.all(reads)) {
      expect(res.status).toBe(200);
      expect(res.headers['kensho-integrity']).toBe('broken');
      expect(res.body.integrity).toEqual(broken);
    }
  });

  it('refuses writes to the stream, even with the state remembered from before', async () => {
    const before = await t.eventCount();
    const res = await t.http.patch(`/api/v1/sheets/${sheet}`).set(bearer(t.tokens.sangyo)).set('If-Match', '"1"').send({ summary: '上書き' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'stream.integrity_broken', streamId: stream, revision: 0, problem: 'hash_mismatch' });
    expect(res.body.detail).toContain('改ざん');
    // Nor may an edition pin it: publishing is refused before any sheet is touched.
    const publish = await t.http.post('/api/v1/cycles/2017/publish').set(bearer(t.tokens.planning));
    expect(publish.status).toBe(409);
    expect(publish.body).toMatchObject({ code: 'stream.integrity_broken', streamId: stream });
    expect(await t.eventCount()).toBe(before);
  });

  it('records the finding in the audit trail', async () => {
    const res = await t.http.get('/api/v1/audit/findings').set(bearer(t.tokens.auditor)).expect(200);
    expect(res.body).toEqual([expect.objectContaining({ streamId: stream, revision: 0, problem: 'hash_mismatch', resolvedAt: null })]);
  });

  it('is resolved once the stream is restored and an audit verification finds it intact; then writes go through', async () => {
    await t.database.db.query('UPDATE es_events SET data = $2 WHERE stream_id = $1 AND stream_revision = 0', [stream, original]);
    const verified = await t.http.post('/api/v1/audit/verify').set(bearer(t.tokens.auditor)).expect(200);
    expect(verified.body).toMatchObject({ ok: true, findingsResolved: 1 });
    const findings = await t.http.get('/api/v1/audit/findings').set(bearer(t.tokens.auditor)).expect(200);
    expect(findings.body[0].resolvedAt).not.toBeNull();
    const read = await t.http.get(`/api/v1/sheets/${sheet}`).set(bearer(t.tokens.planning)).expect(200);
    expect(read.headers['kensho-integrity']).toBe('intact');
    expect(read.body.integrity).toEqual({ status: 'intact' });
    await t.http.patch(`/api/v1/sheets/${sheet}`).set(bearer(t.tokens.sangyo)).set('If-Match', '"1"').send({ summary: '創業を支援する事業。' }).expect(200);
  });
});
