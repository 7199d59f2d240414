import { TokenService } from '@kensho/auth';
import { bearer, startTestApp, type TestApp } from './support/test-app.js';

const CYCLE = {
  fiscalYear: 2017,
  title: '平成29年度 効果検証',
  deadlines: { departmentSubmission: '2018-06-30', planningReview: '2018-07-31', committee: '2018-09-30', publication: '2018-10-31' },
};

describe('Canonical identities: one form per project code, departments from the master, traceable actors', () => {
  let t: TestApp;
  let assignedAt: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.http.post('/api/v1/cycles').set(bearer(t.tokens.planning)).send(CYCLE).expect(201);
    const assigned = await t.http
      .post('/api/v1/cycles/2017/sheets')
      .set(bearer(t.tokens.planning))
      .send({ projectCode: '1-12', projectName: '市内創業支援等事業', department: '産業振興課', policyAreas: ['1'] })
      .expect(201);
    assignedAt = assigned.body.position;
  });
  afterAll(() => t.close());

  const sheetIdsOf2017 = async (): Promise<string[]> => {
    const res = await t.http.get(`/api/v1/sheets?fiscalYear=2017&minPosition=${assignedAt}`).set(bearer(t.tokens.planning)).expect(200);
    return (res.body.items ?? res.body).map((s: { id: string }) => s.id);
  };

  it.each(['1-012', '01-12', '1-1'])('refuses project code %s with a Japanese detail and creates no sheet', async (projectCode) => {
    const before = await t.eventCount();
    const res = await t.http
      .post('/api/v1/cycles/2017/sheets')
      .set(bearer(t.tokens.planning))
      .send({ projectCode, projectName: '市内創業支援等事業', department: '産業振興課', policyAreas: ['1'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('sheet.invalid_project_code');
    expect(res.body.detail).toContain('事業番号');
    expect(await t.eventCount()).toBe(before);
    expect(await sheetIdsOf2017()).toEqual(['2017.1-12.sangyoshinko']);
  });

  it('refuses a non-canonical code on the year-over-year route too', async () => {
    const res = await t.http.get('/api/v1/cycles/2017/projects/1-012/year-over-year').set(bearer(t.tokens.planning));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('sheet.invalid_project_code');
  });

  it('records the token id as the actor, so two tokens with the same name stay distinguishable', async () => {
    const tokens = t.app.get(TokenService);
    const first = await tokens.issue({ role: 'planning', name: '室蘭 太郎' });
    const second = await tokens.issue({ role: 'planning', name: '室蘭 太郎' });
    const positions: number[] = [];
    for (const [issued, code] of [
      [first, '2-01'],
      [second, '2-02'],
    ] as const) {
      const res = await t.http
        .post('/api/v1/cycles/2017/sheets')
        .set(bearer(issued.token))
        .send({ projectCode: code, projectName: '移住促進事業', department: '企画課', policyAreas: ['2'] })
        .expect(201);
      positions.push(res.body.position);
    }
    const trail = await t.http
      .get(`/api/v1/audit/events?type=SheetAssigned&minPosition=${Math.max(...positions)}`)
      .set(bearer(t.tokens.auditor))
      .expect(200);
    const byName = trail.body.items.filter((e: { actorName?: string }) => e.actorName === '室蘭 太郎');
    expect(byName.map((e: { actorId: string }) => e.actorId)).toEqual([first.id, second.id]);
    const one = await t.http.get(`/api/v1/audit/events?actor=${first.id}&type=SheetAssigned`).set(bearer(t.tokens.auditor)).expect(200);
    expect(one.body.items.map((e: { streamId: string }) => e.streamId)).toEqual(['sheet-2017.2-01.kikaku']);
    // The name still finds both, as it did before ids.
    const named = await t.http
      .get(`/api/v1/audit/events?actor=${encodeURIComponent('室蘭 太郎')}&type=SheetAssigned`)
      .set(bearer(t.tokens.auditor))
      .expect(200);
    expect(named.body.items).toHaveLength(2);
  });

  describe('the department master', () => {
    const assign = (department: string, projectCode = '3-01') =>
      t.http
        .post('/api/v1/cycles/2017/sheets')
        .set(bearer(t.tokens.planning))
        .send({ projectCode, projectName: '観光振興事業', department, policyAreas: ['3'] });

    it('lists the registered departments to any signed-in role', async () => {
      for (const token of [t.tokens.planning, t.tokens.sangyo, t.tokens.auditor]) {
        const res = await t.http.get('/api/v1/departments').set(bearer(token)).expect(200);
        expect(res.body.departments).toHaveLength(9);
        expect(res.body.departments).toContainEqual({ name: '産業振興課', slug: 'sangyoshinko' });
      }
    });

    it('is kept by the planning division only', async () => {
      for (const token of [t.tokens.sangyo, t.tokens.auditor, t.tokens.committee, t.tokens.admin]) {
        const res = await t.http.post('/api/v1/departments').set(bearer(token)).send({ name: '環境課', slug: 'kankyo' });
        expect(res.status).toBe(403);
      }
      const created = await t.http.post('/api/v1/departments').set(bearer(t.tokens.planning)).send({ name: '環境課', slug: 'kankyo' }).expect(201);
      expect(created.body).toMatchObject({ name: '環境課', slug: 'kankyo', events: ['DepartmentRegistered'] });
      const list = await t.http.get('/api/v1/departments').set(bearer(t.tokens.planning)).expect(200);
      expect(list.body.departments).toContainEqual({ name: '環境課', slug: 'kankyo' });
    });

    it('refuses a taken slug or name, a bad slug and a slug given as the name', async () => {
      const cases: Array<[{ name: string; slug: string }, number, string]> = [
        [{ name: '環境保全課', slug: 'sangyoshinko' }, 409, 'department.slug_taken'],
        [{ name: '産業振興課', slug: 'sangyo2' }, 409, 'department.name_taken'],
        [{ name: '環境保全課', slug: 'Kankyo-Hozen' }, 400, 'department.invalid_slug'],
        [{ name: 'kankyohozen', slug: 'kankyohozen' }, 400, 'department.invalid_name'],
      ];
      for (const [body, status, code] of cases) {
        const res = await t.http.post('/api/v1/departments').set(bearer(t.tokens.planning)).send(body);
        expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
      }
    });

    it('refuses to assign a sheet to an unknown department or to a slug, and creates nothing', async () => {
      const before = await t.eventCount();
      const unknown = await assign('環境保全課');
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('department.unknown');
      expect(unknown.body.detail).toContain('所管課マスタ');
      const slug = await assign('sangyoshinko');
      expect(slug.status).toBe(400);
      expect(slug.body.code).toBe('department.name_expected');
      expect(slug.body.detail).toContain('産業振興課');
      expect(await t.eventCount()).toBe(before);
    });

    it("assigns a registered department's sheet under the slug the master gave it", async () => {
      await t.http.post('/api/v1/departments').set(bearer(t.tokens.planning)).send({ name: '環境課', slug: 'kankyo' });
      const res = await assign('環境課', '3-02').expect(201);
      expect(res.body.id).toBe('2017.3-02.kankyo');
    });

    it('issues department tokens only for a registered department, by its name', async () => {
      for (const department of ['環境保全課', 'sangyoshinko']) {
        const res = await t.http.post('/api/v1/admin/tokens').set(bearer(t.tokens.admin)).send({ role: 'department', department });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('auth.invalid_token_request');
      }
      const ok = await t.http.post('/api/v1/admin/tokens').set(bearer(t.tokens.admin)).send({ role: 'department', department: '産業振興課' }).expect(201);
      expect(ok.body.department).toBe('産業振興課');
    });
  });
});
