import type { Response } from 'superagent';
import { loadSeedSet, SeedRunner, seedDirFor } from '@kensho/seeds';
import { sheetIdFor } from '@kensho/review';
import { parseCsv } from '@kensho/testing';
import { bearer, completeContent, completeEvaluation, openFy2017WithSheet, startTestApp, type TestApp } from './support/test-app.js';

/** Raw response bytes, whatever the content type: "unchanged" is checked byte for byte. */
function bytes(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

const DOCUMENTS = ['', '/sheets.csv', '/kpis.csv', '/sheets.json', '/kpis.json'];
const articles = (html: string) => [...html.matchAll(/<article class="sheet" id="sheet-([^"]+)"/g)].map((m) => m[1]);
const text = (html: string) => html.replace(/<[^>]*>/g, '').replace(/\n\s*/g, '');
function pageOf(html: string, sheetId: string): string {
  const start = html.indexOf(`<article class="sheet" id="sheet-${sheetId}"`);
  return text(html.slice(start, html.indexOf('</article>', start)));
}

// The printed option texts, to find the marked one on each page.
const OPTIONS: Record<string, string> = {
  effective: '総合戦略のKPI達成に有効であった',
  not_effective: '総合戦略のKPI達成に有効とは言えなかった',
  expand: '事業が効果的なため、更に発展させる',
  improve: '事業内容の見直し(改善)を行う',
  continue: '特に見直しをせず、事業を継続する',
  discontinue: '継続的な事業実施を予定していたが中止する',
  complete: '当初予定どおり事業を終了する',
  needed: '見直しが必要',
  not_needed: '見直す必要はない',
};

describe('Publication: report, open data, editions and corrections (seeded FY2016)', () => {
  let t: TestApp;
  const seeds = loadSeedSet(seedDirFor(2016));
  const edition1 = new Map<string, Buffer>();
  const get = (path: string) => t.http.get(path).buffer(true).parse(bytes);

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(SeedRunner).run(seedDirFor(2016));
  }, 120_000);
  afterAll(async () => {
    await t.close();
  });

  it('publishes edition 1 after a committee opinion: all 27 sheets, with their marks', async () => {
    const { http, tokens, clock } = t;
    clock.set('2017-08-30T14:00:00+09:00');
    await http
      .put('/api/v1/sheets/2016.1-12.sangyoshinko/committee-opinion')
      .set(bearer(tokens.committee))
      .send({ opinion: '創業支援の成果が見られる。', rating: 'A' })
      .expect(200);
    await http
      .put('/api/v1/sheets/2016.1-12.sangyoshinko/city-response')
      .set(bearer(tokens.planning))
      .send({ response: '引き続き金融機関と連携して取り組む。' })
      .expect(200);
    clock.set('2017-10-02T10:00:00+09:00');
    const published = await http.post('/api/v1/cycles/2016/publish').set(bearer(tokens.planning)).expect(201);
    expect(published.body).toMatchObject({ fiscalYear: 2016, edition: 1 });

    const res = await http.get(`/public/2016?minPosition=${published.body.position}`).expect(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    const html = res.text;
    const expected = seeds.sheets.map((s) => sheetIdFor(2016, s.projectCode, s.department));
    expect(articles(html)).toEqual(expected); // the source's order
    for (const seed of seeds.sheets) {
      const page = pageOf(html, sheetIdFor(2016, seed.projectCode, seed.department));
      expect(page).toContain(seed.projectName);
      expect(page).toContain(seed.department);
      // Each choice is marked ■ (with its note when read from the reason), or the page says the source lost it.
      for (const choice of [seed.evaluation.effectiveness, seed.evaluation.direction, seed.evaluation.strategyRevision]) {
        if (choice.value === null) expect(page).toContain('原資料に記載なし');
        else expect(page).toContain(`■${OPTIONS[choice.value]}（選択）${choice.provenance === 'inferred' ? '記載理由から判断' : ''}`);
      }
      expect(page.match(/■/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    }
    const noEffect = pageOf(html, '2016.1-02.sangyoshinko');
    expect(noEffect).toContain('■総合戦略のKPI達成に有効とは言えなかった（選択）記載理由から判断');
    expect(noEffect).toContain('□総合戦略のKPI達成に有効であった');
    expect(pageOf(html, '2016.1-01.kikaku')).toMatch(/□総合戦略のKPI達成に有効であった□総合戦略のKPI達成に有効とは言えなかった※原資料に記載なし/);
    expect(pageOf(html, '2016.2-02.kosodateshien')).toContain('44,511千円');
    // The area's numerical goals as the cycle recorded them for FY2016, and its measure tree.
    expect(pageOf(html, '2016.1-03.kikaku')).toContain(
      '西胆振圏域3市3町の総人口184,000人［2019年度（平成31年度/令和元年度）］187,741人［2016年度（平成28年度）］',
    );
    expect(pageOf(html, '2016.1-03.kikaku')).toContain('分類「働くまち」として室蘭を選んでもらう');
    expect(pageOf(html, '2016.1-12.sangyoshinko')).toContain('推進会議の意見創業支援の成果が見られる。評価：A市の対応引き続き金融機関と連携して取り組む。');
    expect(text(html)).toContain('2017年10月2日 10時00分');
    expect(html).not.toContain('<script');

    for (const doc of DOCUMENTS) edition1.set(doc, (await get(`/public/2016/editions/1${doc}`).expect(200)).body);
    expect((await get('/public/2016').expect(200)).body.equals(edition1.get('')!)).toBe(true);
  });

  it('serves open data as CSV and JSON with the same content, one table of sheets and one of KPIs', async () => {
    const csv = edition1.get('/sheets.csv')!.toString('utf8');
    const rows = parseCsv(csv);
    const header = rows[0]!;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(rows).toHaveLength(28);
    expect(header).toEqual(expect.arrayContaining(['年度（西暦）', '年度（和暦）', '予算（千円）', '決算（千円）', '財源内訳 一般財源（千円）']));
    const overrun = rows.find((r) => r[header.indexOf('シートID')] === '2016.2-02.kosodateshien')!;
    expect([overrun[header.indexOf('予算（千円）')], overrun[header.indexOf('決算（千円）')], overrun[header.indexOf('年度（和暦）')]]).toEqual([
      '25592',
      '44511',
      '平成28年度',
    ]);
    const noBudget = rows.find((r) => r[header.indexOf('シートID')] === '2016.1-08.sangyoshinko')!;
    expect(noBudget[header.indexOf('予算（千円）')]).toBe('');

    const json = JSON.parse(edition1.get('/sheets.json')!.toString('utf8'));
    expect(json.records).toHaveLength(27);
    expect(json.columns.map((c: { header: string }) => c.header)).toEqual(header);
    expect(json.records.find((r: { sheetId: string }) => r.sheetId === '2016.2-02.kosodateshien')).toMatchObject({ budget: 25592, settlement: 44511 });

    const kpis = parseCsv(edition1.get('/kpis.csv')!.toString('utf8'));
    const kpiJson = JSON.parse(edition1.get('/kpis.json')!.toString('utf8'));
    expect(kpis.length - 1).toBe(kpiJson.records.length);
    expect(kpis[0]).toEqual(
      expect.arrayContaining([
        '指標名',
        '値の種類（目標／実績）',
        '記載された値',
        '数値',
        '数値の単位',
        '対象期間 開始年度（西暦）',
        '対象期間 開始年度（和暦）',
      ]),
    );
    const res = await t.http.get('/public/2016/kpis.csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
  });

  it('corrects a published sheet with a reason; edition 2 shows it and edition 1 stays byte for byte', async () => {
    const { http, tokens, clock } = t;
    clock.set('2017-11-01T09:30:00+09:00');
    const reason = '財源内訳（一般財源）の記載漏れを訂正しました。';
    await http
      .post('/api/v1/sheets/2016.1-03.kikaku/corrections')
      .set(bearer(tokens.planning))
      .send({ changes: { finance: { funding: { generalFund: 74 } } }, reason })
      .expect(200);
    clock.set('2017-11-02T10:00:00+09:00');
    const published = await http.post('/api/v1/cycles/2016/publish').set(bearer(tokens.planning)).expect(201);
    expect(published.body.edition).toBe(2);

    const edition2 = (await http.get(`/public/2016/editions/2?minPosition=${published.body.position}`).expect(200)).text;
    expect(text(edition2)).toContain('第2版');
    const list = text(edition2.slice(edition2.indexOf('訂正一覧'), edition2.indexOf('<main>')));
    expect(list).toContain(`第2版2017年11月1日1-03大学連携推進事業（企画課）財源内訳（一般財源）${reason}`);
    expect(pageOf(edition2, '2016.1-03.kikaku')).toContain(`訂正箇所：財源内訳（一般財源）理由：${reason}`);
    expect(pageOf(edition2, '2016.1-03.kikaku')).toContain('74千円');
    expect(articles(edition2)).toHaveLength(27);

    const latest = await get('/public/2016').expect(200);
    expect(latest.headers['x-kensho-edition']).toBe('2');
    for (const doc of DOCUMENTS) {
      const again = await get(`/public/2016/editions/1${doc}`).expect(200);
      expect(again.body.equals(edition1.get(doc)!)).toBe(true);
    }
    expect(edition1.get('')!.toString('utf8')).not.toContain(reason);

    const editions = text((await http.get('/public/2016/editions').expect(200)).text);
    expect(editions).toContain('第2版最新2017年11月2日 10時00分27シート1-03 大学連携推進事業（企画課）：財源内訳（一般財源）（2017年11月1日訂正）');
    expect(editions).toContain(reason);
    expect(editions).toContain('第1版2017年10月2日 10時00分27シート初版');
  });

  it('answers a missing edition, year or file with problem+json, and an unchanged edition with 304', async () => {
    const missing = await t.http.get('/public/2016/editions/3').expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body.code).toBe('publication.not_found');
    expect((await t.http.get('/public/2015').expect(404)).body.code).toBe('publication.not_found');
    expect((await t.http.get('/public/2016/editions/1/secrets.txt').expect(404)).body.code).toBe('publication.not_found');
    const first = await t.http.get('/public/2016/editions/1/sheets.json').expect(200);
    expect(first.headers['cache-control']).toContain('immutable');
    await t.http.get('/public/2016/editions/1/sheets.json').set('If-None-Match', first.headers.etag!).expect(304);
  });

  it('refuses to change published bytes, even from inside the database', async () => {
    await expect(t.database.db.query(`UPDATE pub_documents SET body = 'x' WHERE fiscal_year = 2016 AND edition = 1`)).rejects.toThrow(/immutable/);
    await expect(t.database.db.query(`DELETE FROM pub_documents WHERE fiscal_year = 2016`)).rejects.toThrow(/immutable/);
  });

  it('shows text from a sheet as text in the report and never as a formula in the CSV', async () => {
    const { http, tokens } = t;
    const hostile = '<script>alert(1)</script>';
    const id = await openFy2017WithSheet(t, hostile);
    await http
      .patch(`/api/v1/sheets/${id}`)
      .set(bearer(tokens.sangyo))
      .set('If-Match', '"0"')
      .send({
        ...completeContent,
        summary: '=HYPERLINK("http://evil.example","click")',
        implementingBody: { city: true, other: '"><img src=x onerror=alert(2)>' },
      })
      .expect(200);
    await http
      .put(`/api/v1/sheets/${id}/evaluation`)
      .set(bearer(tokens.sangyo))
      .set('If-Match', '"1"')
      .send({ ...completeEvaluation, effectivenessReason: '+cmd|/C calc', directionReason: '@SUM(A1:A9)' })
      .expect(200);
    await http.post(`/api/v1/sheets/${id}/submit`).set(bearer(tokens.sangyo)).expect(200);
    await http.post(`/api/v1/sheets/${id}/approve`).set(bearer(tokens.planning)).send({}).expect(200);
    await http.put(`/api/v1/sheets/${id}/committee-opinion`).set(bearer(tokens.committee)).send({ opinion: '-1+1 </td><script>alert(3)</script>' }).expect(200);
    const published = await http.post('/api/v1/cycles/2017/publish').set(bearer(tokens.planning)).expect(201);

    const html = (await http.get(`/public/2017?minPosition=${published.body.position}`).expect(200)).text;
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(pageOf(html, id)).toContain(hostile.replace(/</g, '&lt;').replace(/>/g, '&gt;'));

    const rows = parseCsv((await get('/public/2017/sheets.csv').expect(200)).body.toString('utf8'));
    const [header, row] = [rows[0]!, rows[1]!];
    expect(row[header.indexOf('事業名')]).toBe(hostile);
    expect(row[header.indexOf('事業概要')]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row[header.indexOf('事業の評価に対する意見・理由')]).toBe("'+cmd|/C calc");
    expect(row[header.indexOf('今後の方針に対する理由')]).toBe("'@SUM(A1:A9)");
    expect(row[header.indexOf('総合戦略推進会議の意見')]).toBe("'-1+1 </td><script>alert(3)</script>");
    const json = JSON.parse((await get('/public/2017/sheets.json').expect(200)).body.toString('utf8'));
    expect(json.records[0]).toMatchObject({ projectName: hostile, summary: '=HYPERLINK("http://evil.example","click")' });
  });
});
