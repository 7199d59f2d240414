import { SeedRunner, loadSeedSet, seedDirFor } from '@kensho/seeds';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

describe('Seeds: the FY2016 Muroran review replayed through the lifecycle', () => {
  let t: TestApp;
  const dir = seedDirFor(2016);
  const seeds = loadSeedSet(dir);

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('opens the cycle, assigns, fills in, evaluates, submits and approves all 27 sheets', async () => {
    const report = await t.app.get(SeedRunner).run(dir);
    // The 9 department registrations change nothing: the test app registered the same master already.
    expect(report).toMatchObject({ fiscalYear: 2016, sheets: 27, steps: 9 + 3 + 27 * 5, applied: 3 + 27 * 5, alreadyDone: 0 });

    const list = await t.http.get(`/api/v1/sheets?fiscalYear=2016&minPosition=${report.lastPosition}`).set(bearer(t.tokens.planning)).expect(200);
    expect(list.body).toHaveLength(27);
    expect(new Set(list.body.map((s: { status: string }) => s.status))).toEqual(new Set(['approved']));
    const fromApi = list.body.map((s: { projectCode: string; department: string }) => `${s.projectCode} ${s.department}`).sort();
    const fromSource = seeds.sheets.map((s) => `${s.projectCode} ${s.department}`).sort();
    expect(fromApi).toEqual(fromSource);
  });

  it('records each step with its own actor and a 2017 business time, marked as imported', async () => {
    const events = await t.database.db.query(
      `SELECT event_type, metadata FROM es_events WHERE stream_id = 'sheet-2016.1-15.nosuisan' ORDER BY stream_revision`,
    );
    expect(events.rows.map((r) => [r.event_type, r.metadata.role, r.metadata.department])).toEqual([
      ['SheetAssigned', 'planning', null],
      ['SheetContentRevised', 'department', '農水産課'],
      ['DepartmentEvaluationRecorded', 'department', '農水産課'],
      ['SheetSubmitted', 'department', '農水産課'],
      ['SheetApproved', 'planning', null],
    ]);
    const times = events.rows.map((r) => r.metadata.occurredAt as string);
    expect(times).toEqual([...times].sort());
    expect(times.every((time) => time.startsWith('2017-'))).toBe(true);
    expect(events.rows.every((r) => r.metadata.imported === true)).toBe(true);
  });

  it('keeps the source as it is: empty cells empty, lost ticks marked, overruns flagged', async () => {
    const get = async (id: string) => (await t.http.get(`/api/v1/sheets/${id}`).set(bearer(t.tokens.auditor)).expect(200)).body;
    const noBudget = await get('2016.1-08.sangyoshinko');
    expect(noBudget.finance).toMatchObject({ budget: null, settlement: null });
    const overrun = await get('2016.2-02.kosodateshien');
    expect(overrun.finance).toMatchObject({ budget: 25592, settlement: 44511 });
    expect(overrun.warnings).toEqual(['settlement_exceeds_budget']);
    expect(overrun.category).toBeNull();
    const inferred = await get('2016.1-02.sangyoshinko');
    expect(inferred.evaluation).toMatchObject({ effectiveness: 'not_effective', provenance: { effectiveness: 'inferred' } });
    const submitted = await t.database.db.query(
      `SELECT data FROM es_events WHERE stream_id = 'sheet-2016.1-08.sangyoshinko' AND event_type = 'SheetSubmitted'`,
    );
    expect(submitted.rows[0].data.acknowledgedGaps).toEqual(expect.arrayContaining(['category', 'finance.settlement']));
  });

  it('reports data quality per sheet: overruns, missing figures, KPI gaps, lost ticks', async () => {
    const res = await t.http.get('/api/v1/cycles/2016/quality').set(bearer(t.tokens.planning)).expect(200);
    const findings = (code: string, department: string) =>
      res.body.sheets.find((s: { projectCode: string; department: string }) => s.projectCode === code && s.department === department).findings;
    expect(res.body).toMatchObject({ fiscalYear: 2016, sheetCount: 27 });
    expect(findings('2-02', '子育て支援室')).toContainEqual(
      expect.objectContaining({ kind: 'settlement_exceeds_budget', field: 'finance.settlement', values: { budget: 25592, settlement: 44511 } }),
    );
    expect(findings('1-08', '産業振興課')).toContainEqual(expect.objectContaining({ kind: 'missing_budget', field: 'finance.budget' }));
    expect(findings('1-03', '企画課')).toContainEqual(
      expect.objectContaining({ kind: 'funding_mismatch', values: expect.objectContaining({ settlement: 74, fundingTotal: null }) }),
    );
    expect(findings('1-05', '産業振興課')).toContainEqual(
      expect.objectContaining({ kind: 'kpi_share_mismatch', values: expect.objectContaining({ printed: 7, projects: 6 }) }),
    );
    expect(findings('1-01', '企画課')).toContainEqual(expect.objectContaining({ kind: 'choice_unknown', field: 'evaluation.effectiveness' }));
    await t.http.get('/api/v1/cycles/2016/quality').set(bearer(t.tokens.sangyo)).expect(403);
  });

  it('changes nothing when run again', async () => {
    const before = await t.eventCount();
    const report = await t.app.get(SeedRunner).run(dir);
    expect(report).toMatchObject({ applied: 0, alreadyDone: 3 + 27 * 5 });
    expect(await t.eventCount()).toBe(before);
  });
});
