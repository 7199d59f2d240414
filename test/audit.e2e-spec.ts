import { eventHash, GENESIS_HASH } from '@kensho/event-store';
import { SeedRunner, seedDirFor } from '@kensho/seeds';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

const SHEET = '2016.1-12.sangyoshinko';

describe('Auditors: history, time travel, exports and tamper evidence on the seeded FY2016 review', () => {
  let t: TestApp;
  let head: number;

  beforeAll(async () => {
    t = await startTestApp();
    const report = await t.app.get(SeedRunner).run(seedDirFor(2016));
    head = report.lastPosition!;
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (path: string, token = t.tokens.auditor) => t.http.get(path).set(bearer(token));

  it("shows sheet 1-12's history: each step, its actor's department, both clocks and what changed", async () => {
    const res = await get(`/api/v1/sheets/${SHEET}/history?minPosition=${head}`).expect(200);
    expect(res.body.events.map((e: { type: string; role: string; department: string | null }) => [e.type, e.role, e.department])).toEqual([
      ['SheetAssigned', 'planning', null],
      ['SheetContentRevised', 'department', '産業振興課'],
      ['DepartmentEvaluationRecorded', 'department', '産業振興課'],
      ['SheetSubmitted', 'department', '産業振興課'],
      ['SheetApproved', 'planning', null],
    ]);
    for (const event of res.body.events) {
      expect(event.occurredAt).toMatch(/^2017-/);
      expect(new Date(event.recordedAt).getTime()).toBeGreaterThan(new Date(event.occurredAt).getTime());
    }
    const revised = res.body.events[1];
    expect(revised.changes).toContainEqual({ field: 'content.finance.budget', before: '—', after: '10,695' });
    expect(res.body.events[3].changes).toContainEqual({ field: 'status', before: 'draft', after: 'submitted' });
    await get(`/api/v1/sheets/${SHEET}/history`, t.tokens.planning).expect(200);
    const forbidden = await get(`/api/v1/sheets/${SHEET}/history`, t.tokens.sangyo).expect(403);
    expect(forbidden.body.code).toBe('auth.forbidden_role');
  });

  it('shows the sheet as of just before its submission, differing from today exactly by the later steps', async () => {
    const history = (await get(`/api/v1/sheets/${SHEET}/history`).expect(200)).body.events;
    const submittedAt = new Date(history[3].occurredAt);
    const justBefore = new Date(submittedAt.getTime() - 1).toISOString();
    const before = (await get(`/api/v1/sheets/${SHEET}?asOf=${justBefore}`).expect(200)).body;
    const today = (await get(`/api/v1/sheets/${SHEET}`).expect(200)).body;
    expect(before).toMatchObject({ status: 'draft', version: 2 });
    expect(today).toMatchObject({ status: 'approved', version: 4 });

    const diff = (await get(`/api/v1/sheets/${SHEET}/diff?from=${before.version}&to=${today.version}`).expect(200)).body;
    const later = history.slice(3).flatMap((e: { changes: Array<{ field: string }> }) => e.changes.map((c) => c.field));
    expect(diff.changes.map((c: { field: string }) => c.field).sort()).toEqual([...new Set<string>(later)].sort());
    expect(diff.changes).toContainEqual({ field: 'status', before: 'draft', after: 'approved' });
    await get(`/api/v1/sheets/${SHEET}/diff?from=2&to=99`).expect(404);
  });

  it('shows a sheet and its cycle as the system knew them at a recorded time', async () => {
    const knownAt = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 20));
    const opinion = await t.http
      .put(`/api/v1/sheets/${SHEET}/committee-opinion`)
      .set(bearer(t.tokens.committee))
      .send({ opinion: '成果が見られる。' })
      .expect(200);
    const then = (await get(`/api/v1/sheets/${SHEET}?knownAt=${knownAt}`).expect(200)).body;
    const now = (await get(`/api/v1/sheets/${SHEET}?minPosition=${opinion.body.position}`).expect(200)).body;
    expect([then.version, then.committeeOpinion]).toEqual([4, null]);
    expect([now.version, now.committeeOpinion.opinion]).toEqual([5, '成果が見られる。']);
    const cycle = (await get(`/api/v1/cycles/2016?asOf=2017-06-01T00:00:00Z`).expect(200)).body;
    expect(cycle.progress.byStatus).toEqual({ draft: 27 });
    const july = (await get(`/api/v1/cycles/2016?asOf=2017-07-01T00:00:00Z`).expect(200)).body;
    expect(july.progress.byStatus).toEqual({ submitted: 27 });
  });

  it('filters the trail by type, department, fiscal year and either clock, page by page', async () => {
    const submits = (await get('/api/v1/audit/events?type=SheetSubmitted&fiscalYear=2016&limit=1000').expect(200)).body;
    expect(submits.items).toHaveLength(27);
    const nosuisan = (await get(`/api/v1/audit/events?department=${encodeURIComponent('農水産課')}`).expect(200)).body;
    expect(nosuisan.items.map((e: { type: string }) => e.type)).toEqual(['SheetContentRevised', 'DepartmentEvaluationRecorded', 'SheetSubmitted']);
    const june = (await get('/api/v1/audit/events?occurredFrom=2017-06-01T00:00:00Z&occurredTo=2017-06-30T23:59:59Z&limit=1000').expect(200)).body;
    expect(new Set(june.items.map((e: { type: string }) => e.type))).toEqual(new Set(['DepartmentEvaluationRecorded', 'SheetSubmitted']));
    expect((await get('/api/v1/audit/events?recordedTo=2000-01-01T00:00:00Z').expect(200)).body.items).toEqual([]);

    const seen: number[] = [];
    let cursor = 0;
    for (;;) {
      const page = (await get(`/api/v1/audit/events?fiscalYear=2016&limit=40&cursor=${cursor}`).expect(200)).body;
      seen.push(...page.items.map((e: { position: number }) => e.position));
      if (page.nextCursor === null) break;
      cursor = page.nextCursor;
    }
    const total = Number((await t.database.db.query(`SELECT count(*) FROM es_events WHERE stream_id LIKE '%2016%'`)).rows[0].count);
    expect(new Set(seen).size).toBe(total);
  });

  it('exports any filtered result as CSV (Japanese headers) and as JSON lines', async () => {
    const csv = await get('/api/v1/audit/events?type=SheetApproved&format=csv')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe(
      '通番,ストリーム,版,全体位置,種別,実行者,実行者名,ロール,所管課,年度（西暦）,コマンドID,相関ID,因果ID,業務日時,記録日時,取込データ,変更内容',
    );
    expect(lines).toHaveLength(28);
    const jsonl = await get('/api/v1/audit/events?type=SheetApproved&format=jsonl').expect(200);
    const rows = jsonl.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(27);
    expect(rows[0]).toMatchObject({ type: 'SheetApproved', role: 'planning', imported: true });
  });

  describe('tamper evidence', () => {
    let published = 0;
    const verify = async () => (await t.http.post(`/api/v1/audit/verify?minPosition=${published}`).set(bearer(t.tokens.auditor)).expect(200)).body;
    const breakOf = (report: { breaks: Array<{ streamId: string; revision: number; problem: string }> }, stream: string) =>
      report.breaks.find((b) => b.streamId === stream);

    it('verifies an untouched store clean, publication pins included', async () => {
      published = (await t.http.post('/api/v1/cycles/2016/publish').set(bearer(t.tokens.planning)).expect(201)).body.position;
      const report = await verify();
      expect(report).toMatchObject({ ok: true, breaks: [], pinsChecked: 27 });
      const documents = Number(await t.database.db.query('SELECT count(*) FROM pub_documents').then((r) => r.rows[0].count));
      expect(documents).toBeGreaterThan(3);
      expect(report.documentsChecked).toBe(documents);
      expect(report.eventsChecked).toBe(Number((await t.database.db.query('SELECT count(*) FROM es_events')).rows[0].count));
    });

    it('detects a figure changed inside an event', async () => {
      await t.database.db.query(
        `UPDATE es_events SET data = jsonb_set(data, '{changes,finance,budget}', '9999') WHERE stream_id = 'sheet-2016.1-02.sangyoshinko' AND stream_revision = 1`,
      );
      expect(breakOf(await verify(), 'sheet-2016.1-02.sangyoshinko')).toMatchObject({ revision: 1, problem: 'hash_mismatch' });
    });

    it('detects a deleted event', async () => {
      await t.database.db.query(`DELETE FROM es_events WHERE stream_id = 'sheet-2016.1-03.kikaku' AND stream_revision = 2`);
      expect(breakOf(await verify(), 'sheet-2016.1-03.kikaku')).toMatchObject({ revision: 3, problem: 'revision_gap', expected: 2, actual: 3 });
    });

    it('detects two events swapped', async () => {
      const stream = 'sheet-2016.1-04.kikaku';
      await t.database.db.transaction(async (client) => {
        await client.query(`UPDATE es_events SET stream_revision = -1 WHERE stream_id = $1 AND stream_revision = 1`, [stream]);
        await client.query(`UPDATE es_events SET stream_revision = 1 WHERE stream_id = $1 AND stream_revision = 2`, [stream]);
        await client.query(`UPDATE es_events SET stream_revision = 2 WHERE stream_id = $1 AND stream_revision = -1`, [stream]);
      });
      expect(breakOf(await verify(), stream)).toMatchObject({ revision: 2, problem: 'revision_order', expected: 1, actual: 2 });
    });

    it('detects published bytes changed, documents removed, and documents of an edition the log never had', async () => {
      const documentBreak = (report: { breaks: Array<{ problem: string }> }, problem: string) => report.breaks.find((b) => b.problem === problem);
      expect(documentBreak(await verify(), 'document_mismatch')).toBeUndefined();
      // The table refuses updates and deletes; someone with the rights to lift that does so first.
      await t.database.db.transaction(async (client) => {
        await client.query('ALTER TABLE pub_documents DISABLE TRIGGER USER');
        await client.query(
          `UPDATE pub_documents SET body = replace(encode(body, 'escape'), '2016', '2061')::bytea WHERE fiscal_year = 2016 AND edition = 1 AND name LIKE '%.html'`,
        );
        await client.query('ALTER TABLE pub_documents ENABLE TRIGGER USER');
      });
      expect(documentBreak(await verify(), 'document_mismatch')).toMatchObject({
        streamId: 'cycle-2016',
        expected: expect.any(String),
        actual: expect.any(String),
      });

      await t.database.db.query(
        `INSERT INTO pub_documents (fiscal_year, edition, name, content_type, body, sha256) VALUES (2016, 9, 'report.html', 'text/html', '\\x00', 'x')`,
      );
      expect(documentBreak(await verify(), 'document_orphan')).toMatchObject({ streamId: 'cycle-2016', actual: 'report.html' });

      await t.database.db.transaction(async (client) => {
        await client.query('ALTER TABLE pub_documents DISABLE TRIGGER USER');
        await client.query('DELETE FROM pub_documents WHERE fiscal_year = 2016 AND edition = 1');
        await client.query('ALTER TABLE pub_documents ENABLE TRIGGER USER');
      });
      const report = await verify();
      expect(documentBreak(report, 'document_missing')).toMatchObject({ streamId: 'cycle-2016', expected: '2016/1' });
      expect(documentBreak(report, 'document_mismatch')).toBeUndefined();
    });

    it('detects a published history rewritten with a fresh, self-consistent hash chain', async () => {
      const stream = 'sheet-2016.1-05.sangyoshinko';
      const rows = (
        await t.database.db.query(`SELECT event_id, stream_revision, event_type, data, metadata FROM es_events WHERE stream_id = $1 ORDER BY stream_revision`, [
          stream,
        ])
      ).rows;
      rows[1].data.changes.finance.settlement = 1;
      let previous = GENESIS_HASH;
      for (const row of rows) {
        const hash = eventHash(previous, { streamId: stream, revision: row.stream_revision, type: row.event_type, data: row.data, metadata: row.metadata });
        await t.database.db.query(`UPDATE es_events SET data = $2, metadata = $3 WHERE event_id = $1`, [row.event_id, row.data, { ...row.metadata, hash }]);
        previous = hash;
      }
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(breakOf(report, stream)).toMatchObject({ problem: 'pin_mismatch', revision: rows.length - 1 });
      expect(report.breaks.map((b: { streamId: string }) => b.streamId)).toEqual(
        expect.arrayContaining(['sheet-2016.1-02.sangyoshinko', 'sheet-2016.1-03.kikaku', 'sheet-2016.1-04.kikaku', stream]),
      );
    });
  });
});
