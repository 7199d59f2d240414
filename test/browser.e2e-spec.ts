import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { sheetIdFor } from '@kensho/review';
import { loadSeedSet, SeedRunner, seedDirFor } from '@kensho/seeds';
import { bearer, completeContent, completeEvaluation, openFy2017WithSheet, startTestApp, type TestApp } from './support/test-app.js';

// The Debian package, never a downloaded browser build (.ci/run installs it when missing).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
// Runs inside the page (in $$eval); the project compiles without the DOM library.
declare const getComputedStyle: (element: unknown) => { breakBefore: string };

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));

// Without Chromium a developer's `npm test` still runs everything else; CI must have it.
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs the chromium package`);
  console.warn(`[browser e2e] skipped: ${CHROMIUM} not found (apt-get install chromium)`);
}
const describeWithChromium = haveChromium ? describe : describe.skip;

interface SheetInPage {
  id: string;
  name: string;
  department: string;
  choiceBlocks: Array<{ marks: string[]; lost: boolean }>;
  breakBefore: string;
}

describeWithChromium('The published FY2016 report in headless Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let position: number;
  const seeds = loadSeedSet(seedDirFor(2016));

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.get(SeedRunner).run(seedDirFor(2016));
    await t.http
      .put('/api/v1/sheets/2016.1-12.sangyoshinko/committee-opinion')
      .set(bearer(t.tokens.committee))
      .send({ opinion: '創業支援の成果が見られる。', rating: 'A' })
      .expect(200);
    await t.http
      .put('/api/v1/sheets/2016.1-12.sangyoshinko/city-response')
      .set(bearer(t.tokens.planning))
      .send({ response: '引き続き金融機関と連携して取り組む。' })
      .expect(200);
    t.clock.set('2017-10-02T10:00:00+09:00');
    position = (await t.http.post('/api/v1/cycles/2016/publish').set(bearer(t.tokens.planning)).expect(201)).body.position;
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function open(path: string): Promise<{ page: Page; dialogs: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 }, locale: 'ja-JP' });
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    return { page, dialogs };
  }

  const readSheets = (page: Page) =>
    page.$$eval('article.sheet', (articles) =>
      articles.map((article) => ({
        id: article.id.replace(/^sheet-/, ''),
        name: article.querySelector('.project-name')?.textContent ?? '',
        department: article.querySelector('.head td:nth-of-type(2)')?.textContent ?? '',
        choiceBlocks: [...article.querySelectorAll('.evaluation .choice-cell')].map((cell) => ({
          marks: [...cell.querySelectorAll('.mark')].map((mark) => mark.textContent ?? ''),
          lost: (cell.textContent ?? '').includes('原資料に記載なし'),
        })),
        breakBefore: getComputedStyle(article).breakBefore,
      })),
    );

  it('shows all 27 sheets with their names and visible marks, and saves screenshots', async () => {
    const { page } = await open(`/public/2016?minPosition=${position}`);
    expect(await page.title()).toContain('2016年度（平成28年度） 事業評価シート 第1版');
    const sheets: SheetInPage[] = await readSheets(page);
    expect(sheets.map((s) => s.id)).toEqual(seeds.sheets.map((s) => sheetIdFor(2016, s.projectCode, s.department)));
    sheets.forEach((sheet, i) => {
      const seed = seeds.sheets[i]!;
      expect([sheet.name, sheet.department]).toEqual([seed.projectName, seed.department]);
      const choices = [seed.evaluation.effectiveness, seed.evaluation.direction, seed.evaluation.strategyRevision];
      expect(sheet.choiceBlocks).toHaveLength(3);
      sheet.choiceBlocks.forEach((block, j) => {
        expect(block.marks.every((m) => m === '■' || m === '□')).toBe(true);
        expect(block.marks.filter((m) => m === '■')).toHaveLength(choices[j]!.value === null ? 0 : 1);
        expect(block.lost).toBe(choices[j]!.value === null);
      });
    });
    await expect(page.locator('#sheet-2016\\.1-02\\.sangyoshinko .option.chosen').first()).toBeTruthy();
    expect(await page.locator('#sheet-2016\\.1-12\\.sangyoshinko').getByText('創業支援の成果が見られる。').isVisible()).toBe(true);

    await page.screenshot({ path: `${ARTIFACTS}fy2016-edition1-contents.png` });
    writeFileSync(`${ARTIFACTS}fy2016-edition1.html`, (await t.http.get('/public/2016/editions/1').expect(200)).text);
    await page.locator('#sheet-2016\\.1-02\\.sangyoshinko').screenshot({ path: `${ARTIFACTS}fy2016-edition1-sheet-1-02.png` });
    await page.close();
  });

  it('prints every sheet on its own A4 page', async () => {
    const { page } = await open('/public/2016/editions/1');
    await page.emulateMedia({ media: 'print' });
    // The A4 content box of the report's @page rule (210×297 mm less the margins), at 96 px per inch.
    const mm = 96 / 25.4;
    await page.setViewportSize({ width: Math.floor(190 * mm), height: Math.floor(274 * mm) });
    const sheets: SheetInPage[] = await readSheets(page);
    expect(sheets.map((s) => s.breakBefore)).toEqual(Array(27).fill('page'));
    const heights = await page.$$eval('article.sheet', (articles) => articles.map((a) => [a.id, Math.ceil(a.getBoundingClientRect().height)] as const));
    expect(heights.filter(([, h]) => h > 274 * mm)).toEqual([]);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(`${ARTIFACTS}fy2016-edition1.pdf`, pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1 + 27); // the front matter, then one page per sheet
    await page.locator('#sheet-2016\\.1-07\\.sangyoshinko').screenshot({ path: `${ARTIFACTS}fy2016-edition1-sheet-1-07-print.png` });
    await page.close();
  });

  it('runs nothing that a sheet typed: a script in a name shows as text', async () => {
    const { http, tokens } = t;
    const hostile = '<script>alert(1)</script>';
    const id = await openFy2017WithSheet(t, hostile);
    await http
      .patch(`/api/v1/sheets/${id}`)
      .set(bearer(tokens.sangyo))
      .set('If-Match', '"0"')
      .send({ ...completeContent, summary: '<img src=x onerror="alert(2)">' })
      .expect(200);
    await http.put(`/api/v1/sheets/${id}/evaluation`).set(bearer(tokens.sangyo)).set('If-Match', '"1"').send(completeEvaluation).expect(200);
    await http.post(`/api/v1/sheets/${id}/submit`).set(bearer(tokens.sangyo)).expect(200);
    await http.post(`/api/v1/sheets/${id}/approve`).set(bearer(tokens.planning)).send({}).expect(200);
    const published = await http.post('/api/v1/cycles/2017/publish').set(bearer(tokens.planning)).expect(201);

    const { page, dialogs } = await open(`/public/2017?minPosition=${published.body.position}`);
    expect(await page.locator('.project-name').first().textContent()).toBe(hostile);
    expect(
      await page
        .locator(`#sheet-${id.replace(/\./g, '\\.')}`)
        .getByText('<img src=x onerror="alert(2)">')
        .isVisible(),
    ).toBe(true);
    expect(await page.locator('script, img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('shows edition 2 with its correction, and the list of editions', async () => {
    const { http, tokens, clock } = t;
    clock.set('2017-11-01T09:30:00+09:00');
    await http
      .post('/api/v1/sheets/2016.1-03.kikaku/corrections')
      .set(bearer(tokens.planning))
      .send({ changes: { finance: { funding: { generalFund: 74 } } }, reason: '財源内訳（一般財源）の記載漏れを訂正しました。' })
      .expect(200);
    clock.set('2017-11-02T10:00:00+09:00');
    const published = await http.post('/api/v1/cycles/2016/publish').set(bearer(tokens.planning)).expect(201);
    const { page } = await open(`/public/2016/editions?minPosition=${published.body.position}`);
    expect(await page.locator('table.editions tbody tr').count()).toBe(2);
    expect(await page.getByText('財源内訳（一般財源）の記載漏れを訂正しました。').isVisible()).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}fy2016-editions.png` });
    await page.getByRole('link', { name: '報告書' }).first().click();
    await page.waitForURL('**/public/2016/editions/2');
    await page.locator('.corrections-list').screenshot({ path: `${ARTIFACTS}fy2016-edition2-corrections.png` });
    expect(await page.locator('article.sheet').count()).toBe(27);
    await page.close();
  });
});
