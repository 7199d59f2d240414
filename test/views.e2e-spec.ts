import { loadSeedSet, SeedRunner, seedDirFor } from '@kensho/seeds';
import { parseCsv } from '@kensho/testing';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

/** CSV rows as objects keyed by the header row. */
const records = (csv: string) => {
  const [header, ...rows] = parseCsv(csv);
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]])));
};

// Expected figures straight from the seed files, independently of the views' code.
const seeds = loadSeedSet(seedDirFor(2016));
const departments = [...new Set(seeds.sheets.map((s) => s.department))];
const totalsOf = (values: Array<number | null>) => (values.some((v) => v !== null) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : null);
const expectedByDepartment = Object.fromEntries(
  departments.map((d) => {
    const sheets = seeds.sheets.filter((s) => s.department === d);
    return [
      d,
      { sheetCount: sheets.length, budget: totalsOf(sheets.map((s) => s.finance.budget)), settlement: totalsOf(sheets.map((s) => s.finance.settlement)) },
    ];
  }),
);
const expectedDirections: Record<string, number> = {};
for (const sheet of seeds.sheets) {
  const key = sheet.evaluation.direction.value ?? 'unknown';
  expectedDirections[key] = (expectedDirections[key] ?? 0) + 1;
}
/** A goal is past its target when the plain figures say so; a ceiling on a running cumulative total never is. */
const figure = (text: string) => /^(\d[\d,]*(?:\.\d+)?)(\D*)$/.exec(text.normalize('NFKC'));
const cumulative = (period: string) => /[~～〜]/.test(period);
const goals = seeds.strategy.policyAreas.flatMap((a) => a.numericalGoals);
const expectedPastTarget = goals
  .filter((g) => {
    const [target, actual] = [figure(g.target), figure(g.actual)];
    if (!target || !actual || target[2] !== actual[2]) return false;
    const [t, v] = [Number(target[1]!.replace(/,/g, '')), Number(actual[1]!.replace(/,/g, ''))];
    return g.lowerIsBetter ? !cumulative(g.targetPeriod) && v <= t : v >= t;
  })
  .map((g) => g.id)
  .sort();

describe('Views: progress, KPIs, budget and evaluations of the seeded FY2016 review', () => {
  let t: TestApp;
  let position: number;
  const get = (path: string, token = t.tokens.planning) =>
    t.http.get(`/api/v1/cycles/${path}${path.includes('?') ? '&' : '?'}minPosition=${position}`).set(bearer(token));
  const csv = (path: string, token = t.tokens.planning) =>
    get(path, token)
      .set('Accept', 'text/csv')
      .buffer(true)
      .parse((res, done) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => done(null, body));
      });

  beforeAll(async () => {
    t = await startTestApp();
    const report = await t.app.get(SeedRunner).run(seedDirFor(2016));
    position = report.lastPosition!;
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('totals budget and settlement per department, as the seed files add up (JSON)', async () => {
    const res = await get('2016/budget').expect(200);
    const byDepartment = Object.fromEntries(
      res.body.byDepartment.map((d: { department: string; sheetCount: number; budget: number | null; settlement: number | null }) => [
        d.department,
        { sheetCount: d.sheetCount, budget: d.budget, settlement: d.settlement },
      ]),
    );
    expect(byDepartment).toEqual(expectedByDepartment);
    const all = seeds.sheets;
    expect(res.body.total).toMatchObject({
      sheetCount: 27,
      budget: totalsOf(all.map((s) => s.finance.budget)),
      settlement: totalsOf(all.map((s) => s.finance.settlement)),
      missingBudget: all.filter((s) => s.finance.budget === null).length,
      overBudget: all.filter((s) => s.finance.budget !== null && s.finance.settlement !== null && s.finance.settlement > s.finance.budget).length,
    });
    const overrun = res.body.sheets.find((s: { sheetId: string }) => s.sheetId === '2016.2-02.kosodateshien');
    expect(overrun).toMatchObject({ budget: 25592, settlement: 44511, overBudget: 1 });
    expect(overrun.executionRate).toBeCloseTo(44511 / 25592, 6);
  });

  it('serves the same totals as CSV: BOM, one Japanese header row with units, every cell quoted', async () => {
    const res = await csv('2016/budget').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const body = res.body as string;
    expect(body.startsWith('\uFEFF"集計単位","年度"')).toBe(true);
    expect(parseCsv(body)[0]).toEqual(expect.arrayContaining(['予算（千円）', '決算（千円）', '執行率（%）']));
    expect(
      body
        .split('\r\n')
        .filter(Boolean)
        .every((line) => /^(\uFEFF)?"([^"]|"")*"(,"([^"]|"")*")*$/.test(line)),
    ).toBe(true);
    const departmentRows = records(body).filter((r) => r['集計単位'] === '所管課');
    expect(Object.fromEntries(departmentRows.map((r) => [r['所管課'], { budget: r['予算（千円）'], settlement: r['決算（千円）'] }]))).toEqual(
      Object.fromEntries(
        departments.map((d) => [d, { budget: String(expectedByDepartment[d]!.budget ?? ''), settlement: String(expectedByDepartment[d]!.settlement ?? '') }]),
      ),
    );
  });

  it('counts how many sheets chose each direction (今後の方針), per policy area and in all', async () => {
    const res = await get('2016/evaluations').expect(200);
    const { unknown, ...chosen } = res.body.total.direction;
    expect({ ...Object.fromEntries(Object.entries(chosen).filter(([, n]) => n !== 0)), ...(unknown ? { unknown } : {}) }).toEqual(expectedDirections);
    const areaOne = seeds.sheets.filter((s) => s.policyAreas.includes('1'));
    const area = res.body.byPolicyArea.find((a: { policyArea: string }) => a.policyArea === '1');
    expect(area.sheetCount).toBe(areaOne.length);
    expect(area.direction.improve).toBe(areaOne.filter((s) => s.evaluation.direction.value === 'improve').length);

    const rows = records((await csv('2016/evaluations').expect(200)).body as string);
    const directionRows = rows.filter((r) => r['施策区分'] === '全体' && r['項目'] === '今後の方針');
    expect(directionRows.find((r) => r['選択肢'] === '事業内容の見直し(改善)を行う')?.['シート数（件）']).toBe(String(expectedDirections.improve ?? 0));
  });

  it('names the numerical goals already past their target (新規に室蘭港を活用した取引: 7件 against 5件)', async () => {
    const res = await get('2016/kpis').expect(200);
    const past = res.body.numericalGoals
      .filter((g: { judgement: { pastTarget: boolean } }) => g.judgement.pastTarget)
      .map((g: { id: string }) => g.id)
      .sort();
    expect(past).toEqual(expectedPastTarget);
    const port = res.body.numericalGoals.find((g: { id: string }) => g.id === '3-g2');
    expect(port).toMatchObject({
      measure: '新規に室蘭港を活用した取引を開始した事業者等の件数',
      target: { text: '5件', number: 5 },
      actual: { text: '7件', number: 7 },
      judgement: { rate: 1.4, rating: 'on_track', pastTarget: true, basis: 'pro_rated' },
    });
    // 1-g1 counts a 5-year social decrease (lower is better): 1,045 in 2 years is more than 2/5 of the 1,750 ceiling.
    const decrease = res.body.numericalGoals.find((g: { id: string }) => g.id === '1-g1');
    expect(decrease.judgement).toMatchObject({ proRatedExpectation: 700, rating: 'needs_improvement', pastTarget: false });
    expect(res.body.numericalGoals.find((g: { id: string }) => g.id === '2-g1').judgement).toMatchObject({
      rating: 'not_measurable',
      reason: 'actual_not_numeric',
    });
    expect(res.body.thresholds).toEqual({ onTrack: 1, roughly: 0.8 });

    const rows = records((await csv('2016/kpis').expect(200)).body as string);
    const portRow = rows.find((r) => r['種別'] === '数値目標' && r['指標'] === port.measure);
    expect(portRow).toMatchObject({ 目標値: '5件', 実績値: '7件', '達成率（%）': '140.0', 評価: '順調', 目標到達: 'はい' });
  });

  it('lists every strategy KPI with the projects feeding it, derived (not the printed "( /n)")', async () => {
    const res = await get('2016/kpis').expect(200);
    for (const master of seeds.strategy.strategyKpis) {
      const kpi = res.body.strategyKpis.find((k: { kpiId: string }) => k.kpiId === master.id);
      const feeding = seeds.sheets.filter((s) =>
        s.strategyKpis.some((k) => (seeds.strategy.normalisations.find((n) => n.original === k.name)?.normalised ?? k.name) === master.name),
      );
      expect(kpi.sheetCount).toBe(feeding.length);
      expect(kpi.projects.map((p: { projectCode: string }) => p.projectCode).sort()).toEqual(feeding.map((s) => s.projectCode).sort());
    }
    // 1-01 reports 0人 and 1-02 8人 for the same KPI: neither is chosen over the other.
    const uij = res.body.strategyKpis.find((k: { kpiId: string }) => k.kpiId === 'sk-01');
    expect(uij).toMatchObject({ consistent: false, actual: null, judgement: { rating: 'not_measurable', reason: 'reports_differ' } });
    expect(res.body.planKpis.length).toBe(seeds.sheets.reduce((n, s) => n + s.planKpis.length, 0));
  });

  it('shows progress: all 27 approved, nobody late or missing on the seeded timetable', async () => {
    const res = await get('2016/progress?today=2017-08-01').expect(200);
    expect(res.body).toMatchObject({
      sheetCount: 27,
      byStatus: { approved: 27, draft: 0 },
      today: '2017-08-01',
      pastDeadline: [],
      departmentsNotSubmitted: [],
    });
    expect(res.body.deadlines).toMatchObject({ departmentSubmission: '2017-06-30', planningReview: '2017-07-31' });
    const rows = records((await csv('2016/progress').expect(200)).body as string);
    expect(rows.find((r) => r['所管課'] === '合計')).toMatchObject({ 'シート数（件）': '27', '承認済み（件）': '27' });
  });

  it('filters by department, policy area and status', async () => {
    const sangyo = await get('2016/budget?department=産業振興課').expect(200);
    expect(sangyo.body.total).toMatchObject({ sheetCount: expectedByDepartment['産業振興課']!.sheetCount, budget: expectedByDepartment['産業振興課']!.budget });
    const plusOne = await get(`2016/evaluations?policyArea=${encodeURIComponent('プラス1')}`).expect(200);
    expect(plusOne.body.total.sheetCount).toBe(seeds.sheets.filter((s) => s.policyAreas.includes('プラス1')).length);
    const drafts = await get('2016/progress?status=draft').expect(200);
    expect(drafts.body.sheetCount).toBe(0);
    const bySlug = await get('2016/budget?department=sangyoshinko').expect(200);
    expect(bySlug.body.filter.department).toBe('産業振興課');
    await get('2016/budget?status=finished').expect(400);
  });

  it('holds a department to its own figures', async () => {
    const own = await get('2016/budget', t.tokens.sangyo).expect(200);
    expect(own.body.filter).toEqual({ department: '産業振興課' });
    expect(own.body.byDepartment.map((d: { department: string }) => d.department)).toEqual(['産業振興課']);
    const other = await get('2016/budget?department=企画課', t.tokens.sangyo).expect(403);
    expect(other.body.code).toBe('sheet.forbidden_department');
  });

  it('answers 404 for a year without a cycle and for an unknown project, 400 for a bad project code', async () => {
    expect((await get('2030/progress').expect(404)).body.code).toBe('cycle.not_found');
    expect((await get('2016/projects/9-99/year-over-year').expect(404)).body.code).toBe('project.not_found');
    await get('2016/projects/x/year-over-year').expect(400);
    await t.http.get('/api/v1/cycles/2016/budget').expect(401);
  });

  it('tracks a new year: a sheet past its deadline, its department yet to submit, and the project year over year', async () => {
    const opened = await t.http
      .post('/api/v1/cycles')
      .set(bearer(t.tokens.planning))
      .send({ fiscalYear: 2017, title: '平成29年度 効果検証', deadlines: { departmentSubmission: '2018-06-30', planningReview: '2018-07-31' } })
      .expect(201);
    const assigned = await t.http
      .post('/api/v1/cycles/2017/sheets')
      .set(bearer(t.tokens.planning))
      .send({ projectCode: '1-12', projectName: '市内創業支援等事業', department: '産業振興課', policyAreas: ['1'] })
      .expect(201);
    position = Math.max(opened.body.position, assigned.body.position);

    const before = await get('2017/progress?today=2018-06-30').expect(200);
    expect(before.body.pastDeadline).toEqual([]);
    expect(before.body.departmentsNotSubmitted).toEqual([
      { department: '産業振興課', sheets: [expect.objectContaining({ sheetId: '2017.1-12.sangyoshinko', status: 'draft' })] },
    ]);
    const after = await get('2017/progress?today=2018-07-05').expect(200);
    expect(after.body.pastDeadline).toEqual([
      expect.objectContaining({ sheetId: '2017.1-12.sangyoshinko', stage: 'departmentSubmission', deadline: '2018-06-30', completedAt: null, daysPast: 5 }),
    ]);
    expect(after.body.byDepartment).toEqual([expect.objectContaining({ department: '産業振興課', notSubmitted: 1, pastDeadline: 1 })]);

    const years = await get('2017/projects/1-12/year-over-year').expect(200);
    const seeded = seeds.sheets.find((s) => s.projectCode === '1-12')!;
    expect(years.body.years.map((y: { fiscalYear: number; budget: number | null }) => [y.fiscalYear, y.budget])).toEqual([
      [2016, seeded.finance.budget],
      [2017, null],
    ]);
    const table = parseCsv((await csv('2017/projects/1-12/year-over-year').expect(200)).body as string);
    expect(table[0]).toEqual(['項目', '2016年度（平成28年度） 産業振興課', '2017年度（平成29年度） 産業振興課']);
    expect(table.find((r) => r[0] === '予算（千円）')).toEqual(['予算（千円）', String(seeded.finance.budget), '']);
  });

  it('documents every view in OpenAPI', async () => {
    const doc = await t.http.get('/docs/openapi.json').expect(200);
    for (const path of ['progress', 'kpis', 'budget', 'evaluations', 'projects/{projectCode}/year-over-year']) {
      const operation = doc.body.paths[`/api/v1/cycles/{fy}/${path}`]?.get;
      expect(operation).toBeDefined();
      expect(Object.keys(operation.responses['200'].content)).toEqual(['application/json', 'text/csv']);
      expect(operation.parameters.map((p: { name: string }) => p.name)).toEqual(
        expect.arrayContaining(['fy', 'department', 'policyArea', 'status', 'minPosition']),
      );
    }
  });
});
