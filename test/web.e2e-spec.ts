import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { SeedRunner, seedDirFor } from '@kensho/seeds';
import { bearer, completeContent, completeEvaluation, startTestApp, type TestApp } from './support/test-app.js';

// The Debian package, never a downloaded browser build (.ci/run installs it when missing).
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
// Runs inside the page; the project compiles without the DOM library.
declare const document: { documentElement: { scrollWidth: number; clientWidth: number } };
declare const sessionStorage: { length: number };

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/web/', import.meta.url));
const WEB = fileURLToPath(new URL('../dist/web/', import.meta.url));
/** Each screen is usable within this on the seeded data (issue #17). */
const USABLE_MS = 1000;
const INITIAL_JS_GZIP_LIMIT = 250 * 1024;

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) {
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: .ci/run installs the chromium package`);
  console.warn(`[web e2e] skipped: ${CHROMIUM} not found (apt-get install chromium)`);
}
const describeWithChromium = haveChromium ? describe : describe.skip;

const RETURN_COMMENT = 'KPIの実績値の対象年度を記入してください。';

describeWithChromium('The staff web app in headless Chromium (seeded FY2016, FY2017 under way)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  const timings: Record<string, number> = {};
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    const { http, tokens } = t;
    await t.app.get(SeedRunner).run(seedDirFor(2016));
    // FY2017: three sheets of 産業振興課 (two carried forward from FY2016), one returned with a comment, one submitted.
    await http
      .post('/api/v1/cycles')
      .set(bearer(tokens.planning))
      .send({
        fiscalYear: 2017,
        title: '平成29年度 効果検証',
        deadlines: { departmentSubmission: '2017-06-30', planningReview: '2017-07-31', committee: '2017-09-30', publication: '2017-10-31' },
      })
      .expect(201);
    for (const [projectCode, projectName] of [
      ['1-12', '市内創業支援等事業'],
      ['1-02', '産業振興事業'],
      ['9-01', '新規の観光案内事業'],
    ] as const) {
      await http
        .post('/api/v1/cycles/2017/sheets')
        .set(bearer(tokens.planning))
        .send({ projectCode, projectName, department: '産業振興課', policyAreas: ['1'] })
        .expect(201);
    }
    const fill = async (id: string) => {
      await http.patch(`/api/v1/sheets/${id}`).set(bearer(tokens.sangyo)).set('If-Match', '"0"').send(completeContent).expect(200);
      await http.put(`/api/v1/sheets/${id}/evaluation`).set(bearer(tokens.sangyo)).set('If-Match', '"1"').send(completeEvaluation).expect(200);
      await http.post(`/api/v1/sheets/${id}/submit`).set(bearer(tokens.sangyo)).expect(200);
    };
    await fill('2017.1-12.sangyoshinko');
    t.clock.set('2017-05-02T10:00:00+09:00');
    await fill('2017.1-02.sangyoshinko');
    await http.post('/api/v1/sheets/2017.1-12.sangyoshinko/return').set(bearer(tokens.planning)).send({ comment: RETURN_COMMENT }).expect(200);
    t.clock.set('2017-06-01T09:00:00+09:00'); // 29 days before the department's deadline
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const last = await http.get('/api/v1/cycles').set(bearer(tokens.planning)).expect(200);
    expect(last.body[0].fiscalYear).toBe(2017);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 180_000);
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    console.log(`[web e2e] time to usable (ms): ${JSON.stringify(timings)}`);
  });

  /**
   * A fresh tab that records every request, to prove nothing leaves the origin, and every script
   * error and failed answer except those the screens expect: the demo accounts route, which exists
   * only in the embedded demo, and a refused token.
   */
  async function newPage(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
    // AxeBuilder needs a page of an explicit context; each test's context is closed after it.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
    contexts.push(context);
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (req) => requests.push(req.url()));
    page.on('console', (msg) => msg.type() === 'error' && !msg.text().startsWith('Failed to load resource') && errors.push(msg.text()));
    page.on('response', (res) => {
      const path = new URL(res.url()).pathname;
      const expected = (path === '/api/v1/demo/accounts' && res.status() === 404) || (path === '/api/v1/me' && res.status() === 401);
      if (res.status() >= 400 && !expected) errors.push(`${res.status()} ${path}`);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    return { page, requests, errors };
  }

  /** Navigates and waits until the screen shows what makes it usable; returns the time it took. */
  async function timed(name: string, page: Page, go: () => Promise<unknown>, usable: () => Promise<unknown>): Promise<void> {
    const started = Date.now();
    await go();
    await usable();
    timings[name] = Date.now() - started;
  }

  async function checkScreen(page: Page, name: string): Promise<void> {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  async function signIn(page: Page, token: string): Promise<void> {
    await page.goto(`${base}/`);
    await page.getByLabel('アクセストークン').fill(token);
    await page.getByRole('button', { name: 'サインイン', exact: true }).click();
  }

  it('keeps the initial JavaScript under 250 KB gzipped', () => {
    const html = readFileSync(join(WEB, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="\/([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(join(WEB, file))).length, 0);
    console.log(`[web e2e] initial JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped`);
    expect(gzipped).toBeLessThanOrEqual(INITIAL_JS_GZIP_LIMIT);
  });

  it('signs in the department (産業振興課): returned sheet on top with the comment, statuses and the deadline countdown', async () => {
    const { page, requests, errors } = await newPage();
    // Chromium starts the tab's renderer on its first navigation; /health shares nothing with the app, so the
    // sign-in page is still measured cold (no cached script, style or font).
    await page.goto(`${base}/health`);
    await timed(
      'sign-in',
      page,
      () => page.goto(`${base}/`),
      () => page.getByRole('heading', { level: 1, name: /サインイン/ }).waitFor(),
    );
    expect(await page.title()).toContain('サインイン');
    expect(await page.getByText('暫定のサインイン').first().isVisible()).toBe(true);
    await checkScreen(page, '01-sign-in');

    // A wrong token is refused next to the field.
    await page.getByLabel('アクセストークン').fill('kensho_not_a_token');
    await page.getByRole('button', { name: 'サインイン', exact: true }).click();
    const error = page.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toContain('このトークンではサインインできません');
    expect(await page.getByLabel('アクセストークン').getAttribute('aria-invalid')).toBe('true');
    await checkScreen(page, '02-sign-in-error');

    await page.getByLabel('アクセストークン').fill(t.tokens.sangyo);
    await timed(
      'department-home',
      page,
      () => page.getByRole('button', { name: 'サインイン', exact: true }).click(),
      () => page.getByRole('table', { name: /担当のシート/ }).waitFor(),
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('所管課ホーム（産業振興課）');
    // The header says who is signed in, in a section labelled for screen readers.
    expect(await page.getByLabel('サインイン中').textContent()).toContain('所管課：産業振興課');
    const rows = page.getByRole('table', { name: /担当のシート/ }).locator('tbody tr');
    const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim())));
    // Returned first, then drafts, then submitted; FY2016's approved sheets last.
    expect(table[0]).toEqual(['2017年度（平成29年度）', '1-12', '市内創業支援等事業', '差戻し', '2017年6月30日（あと29日）']);
    expect(table[1]).toEqual(['2017年度（平成29年度）', '9-01', '新規の観光案内事業', '下書き', '2017年6月30日（あと29日）']);
    expect(table[2]).toEqual(['2017年度（平成29年度）', '1-02', '産業振興事業', '提出済み', '－']);
    expect(table.slice(3).every((row) => row[0] === '2016年度（平成28年度）' && row[3] === '承認済み')).toBe(true);
    expect(table.length).toBeGreaterThan(5);
    const returned = page.getByRole('region', { name: /差戻しされたシート/ });
    expect(await returned.textContent()).toContain(RETURN_COMMENT);
    await checkScreen(page, '03-department-home');

    // The returned sheet, in the printed sheet's layout, with the planning division's comment.
    await timed(
      'sheet-returned',
      page,
      () => returned.getByRole('link', { name: /市内創業支援等事業/ }).click(),
      () => page.getByRole('rowheader', { name: '事業名', exact: true }).waitFor(),
    );
    expect(page.url()).toBe(`${base}/sheets/2017.1-12.sangyoshinko`);
    expect(await page.getByRole('note', { name: '企画課からのコメント' }).textContent()).toContain(RETURN_COMMENT);
    await checkScreen(page, '04-sheet-returned');

    expect(requests.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows a seeded sheet read-only with the printed sheet's labels, amounts in 千円 with separators", async () => {
    const { page, errors } = await newPage();
    await signIn(page, t.tokens.sangyo);
    await page.getByRole('table', { name: /担当のシート/ }).waitFor();
    await timed(
      'sheet-fy2016',
      page,
      () => page.goto(`${base}/sheets/2016.1-12.sangyoshinko`),
      () => page.getByRole('rowheader', { name: '事業効果' }).waitFor(),
    );
    for (const label of [
      '事業名',
      '所管課',
      '区分',
      '事業主体',
      '事業概要',
      '予算',
      '決算',
      '実施内容',
      '事業効果',
      '事業の評価',
      '今後の方針',
      '総合戦略見直しの必要性',
      '推進会議の意見',
      '市の対応',
    ]) {
      expect(await page.getByRole('rowheader', { name: label, exact: true }).count()).toBeGreaterThan(0);
    }
    for (const band of ['施策区分', '事業内容', '評価', '総合戦略推進会議の意見・市の対応']) {
      expect(await page.getByRole('heading', { level: 2, name: band, exact: true }).isVisible()).toBe(true);
    }
    const finance = page.getByRole('table', { name: /予算・決算・財源内訳/ });
    expect(await finance.getByRole('row', { name: /^予算/ }).textContent()).toMatch(/\d{1,3}(,\d{3})+千円|\d+千円/);
    expect(await page.getByRole('table', { name: '総合戦略における重要業績指標(KPI)' }).isVisible()).toBe(true);
    expect(await page.getByText(/■/).count()).toBeGreaterThan(0);
    await checkScreen(page, '05-sheet-fy2016');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('signs in planning (企画課): the review queue oldest first and progress by department with the overdue highlighted', async () => {
    const { page, requests, errors } = await newPage();
    await page.goto(`${base}/`);
    await page.getByLabel('アクセストークン').fill(t.tokens.planning);
    await timed(
      'planning-home',
      page,
      () => page.getByRole('button', { name: 'サインイン', exact: true }).click(),
      () => page.getByRole('table', { name: /所管課別の進捗/ }).waitFor(),
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('企画課ホーム');
    const queue = page.getByRole('table', { name: /審査待ち/ });
    const queued = await queue
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
    expect(queued).toEqual([['2017年5月2日 10:00', '2017年度（平成29年度）', '産業振興課', '1-02', '産業振興事業']]);
    const progress = page.getByRole('table', { name: /所管課別の進捗（2017年度（平成29年度））/ });
    const header = await progress.locator('thead th').allTextContents();
    expect(header).toEqual(['所管課', 'シート数', '下書き', '提出済み', '差戻し', '承認済み', '公表済み', '期限超過']);
    const sangyo = progress.getByRole('row', { name: /産業振興課/ });
    expect(await sangyo.locator('td').allTextContents()).toEqual(['3', '1', '1', '1', '0', '0', '0']);
    await checkScreen(page, '06-planning-home');

    // Past the deadline, the department's row is marked (in words, not by colour alone).
    t.clock.set('2017-07-03T09:00:00+09:00');
    await timed(
      'planning-home-overdue',
      page,
      () => page.reload(),
      () => page.getByRole('table', { name: /所管課別の進捗/ }).waitFor(),
    );
    const late = page.getByRole('table', { name: /所管課別の進捗/ }).getByRole('row', { name: /産業振興課/ });
    expect(await late.getAttribute('class')).toBe('overdue');
    expect(await late.locator('td').last().textContent()).toBe('2件 超過');
    await checkScreen(page, '07-planning-home-overdue');

    await timed(
      'sheet-submitted',
      page,
      () => page.getByRole('link', { name: '産業振興事業' }).click(),
      () => page.getByRole('rowheader', { name: '事業名', exact: true }).waitFor(),
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('産業振興事業');
    await checkScreen(page, '08-sheet-submitted');

    await page.getByRole('button', { name: 'サインアウト' }).click();
    await page.getByLabel('アクセストークン').waitFor();
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    expect(requests.filter((url) => !url.startsWith(`${base}/`))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits a draft: amounts in 千円 with separators, the funding breakdown checked live, saved with If-Match, a conflict reported', async () => {
    const { page, errors } = await newPage();
    const id = '2017.9-01.sangyoshinko';
    await signIn(page, t.tokens.sangyo);
    await page.getByRole('table', { name: /担当のシート/ }).waitFor();
    await page.goto(`${base}/sheets/${id}`);
    await timed(
      'sheet-editor',
      page,
      () => page.getByRole('link', { name: 'このシートを編集する' }).click(),
      () => page.getByLabel('予算（千円）').waitFor(),
    );
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('新規の観光案内事業 の編集');

    await page.getByRole('radio', { name: '継続' }).check();
    await page.getByLabel('事業概要').fill('観光案内所を運営する。');
    await page.getByLabel('実施内容').fill('・案内所の運営\n・パンフレットの作成');
    const budget = page.getByLabel('予算（千円）');
    await budget.fill('十万');
    expect(await page.getByText('予算は千円単位の整数で入力してください（例：10,695）。').isVisible()).toBe(true);
    expect(await budget.getAttribute('aria-invalid')).toBe('true');
    expect(await budget.getAttribute('aria-describedby')).toBe('amount-budget-error');
    await budget.fill('１０６９５');
    await budget.press('Tab');
    expect(await budget.inputValue()).toBe('10,695');
    await page.getByLabel('決算（千円）').fill('5444');
    await page.getByLabel('財源内訳（一般財源）（千円）').fill('5000');
    const mismatch = page.getByText('財源内訳の合計（5,000千円）が決算（5,444千円）と一致しません。');
    expect(await mismatch.isVisible()).toBe(true);
    await checkScreen(page, '10-sheet-editor-funding-mismatch');
    await page.getByLabel('財源内訳（一般財源）（千円）').fill('5,444');
    expect(await mismatch.count()).toBe(0);

    await page.getByRole('button', { name: '保存する' }).click();
    await page.getByText('保存しました（版 1）。').waitFor();
    const saved = (await t.http.get(`/api/v1/sheets/${id}?version=1`).set(bearer(t.tokens.sangyo)).expect(200)).body; // from the log, not a view still catching up
    expect(saved).toMatchObject({
      version: 1,
      category: 'continuing',
      finance: { budget: 10695, settlement: 5444, funding: { generalFund: 5444, other: null } },
    });
    expect(saved.implementation).toEqual([{ kind: 'list', items: ['案内所の運営', 'パンフレットの作成'] }]);
    // Back on the sheet, the view already shows the save (it waits for the save's position).
    await page.getByRole('link', { name: 'シートの表示に戻る' }).click();
    await page.getByRole('rowheader', { name: '事業効果' }).waitFor();
    expect(
      await page
        .getByRole('table', { name: /予算・決算・財源内訳/ })
        .getByRole('row', { name: /^予算/ })
        .textContent(),
    ).toContain('10,695千円');
    await page.goBack();
    await page.getByLabel('事業効果').waitFor();

    // Someone else saves meanwhile: the next save is refused by If-Match and the typed text stays.
    await t.http.patch(`/api/v1/sheets/${id}`).set(bearer(t.tokens.sangyo)).set('If-Match', '"1"').send({ effect: '別の人の入力' }).expect(200);
    await page.getByLabel('事業効果').fill('案内件数が増えた。');
    await page.getByRole('button', { name: '保存する' }).click();
    const conflict = page.getByRole('alert');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('他の人が先にこのシートを保存しました（現在の版 2）');
    expect(await page.getByLabel('事業効果').inputValue()).toBe('案内件数が増えた。');
    await checkScreen(page, '11-sheet-editor-conflict');
    expect(errors).toEqual(['412 /api/v1/sheets/2017.9-01.sangyoshinko']); // If-Match refused
    await page.close();
  });

  it('runs the review round trip: the department fixes and submits, planning returns with a comment, the department resubmits, planning approves', async () => {
    const id = '2017.1-12.sangyoshinko';
    const dept = await newPage();
    const plan = await newPage();
    const d = dept.page;
    const p = plan.page;
    const status = (page: Page) => page.locator('dl.meta').getByText(/^(下書き|提出済み|差戻し|承認済み|公表済み)$/);
    const queued = (page: Page) =>
      page
        .getByRole('table', { name: /審査待ち/ })
        .getByRole('rowheader')
        .allTextContents();

    // A draft with no evaluation yet: the summary says the funding adds up, the service refuses and lists what is missing.
    await signIn(d, t.tokens.sangyo);
    await d.getByRole('table', { name: /担当のシート/ }).waitFor();
    await d.goto(`${base}/sheets/2017.9-01.sangyoshinko`);
    await d.getByRole('button', { name: '提出前の確認へ進む' }).click();
    const review = d.getByRole('dialog', { name: '提出前の確認' });
    await review.waitFor();
    expect(await review.textContent()).toContain('財源内訳の合計（5,444千円）は決算（5,444千円）と一致しています。');
    await review.getByRole('button', { name: 'この内容で提出する' }).click();
    const missing = review.getByRole('list', { name: '未記入の項目' });
    await missing.waitFor();
    expect(await review.getByRole('alert').textContent()).toContain('提出できませんでした：未記入の項目があります。提出に必要な次の項目が未記入です：');
    expect(await missing.getByRole('listitem').allTextContents()).toEqual([
      '事業の評価',
      '事業の評価に対する意見・理由',
      '今後の方針',
      '今後の方針に対する理由',
      '総合戦略見直しの必要性',
      '総合戦略の見直しの必要性に対する理由',
    ]);
    await checkScreen(d, '12-submit-refused-incomplete');
    await review.getByRole('button', { name: 'キャンセル' }).click();
    expect(await review.isVisible()).toBe(false);
    expect(await status(d).textContent()).toBe('下書き');

    // The returned sheet: the department fixes it in the editor, reviews the summary and submits.
    await d.getByRole('link', { name: '← ホームへ戻る' }).click();
    await d
      .getByRole('region', { name: /差戻しされたシート/ })
      .getByRole('link', { name: /市内創業支援等事業/ })
      .click();
    await d.getByRole('link', { name: 'このシートを編集する' }).click();
    await d.getByLabel('事業効果').fill('創業件数の増加に寄与した（2017年度：22件）。');
    await d.getByRole('button', { name: '保存する' }).click();
    await d.getByText(/保存しました/).waitFor();
    await d.getByRole('link', { name: 'シートの表示に戻る' }).click();
    await d.getByRole('button', { name: '提出前の確認へ進む' }).click();
    await review.waitFor();
    expect(await review.getByRole('definition').allTextContents()).toEqual([
      '1-12　市内創業支援等事業',
      '継続',
      '10,695千円',
      '5,444千円',
      '財源内訳の合計（5,444千円）は決算（5,444千円）と一致しています。',
      '総合戦略のKPI達成に有効であった',
      '特に見直しをせず、事業を継続する',
      '見直す必要はない',
    ]);
    await checkScreen(d, '13-submit-summary');
    await review.getByRole('button', { name: 'この内容で提出する' }).click();
    await d.getByText('提出しました。企画課の審査を待っています。').waitFor();
    await status(d).filter({ hasText: '提出済み' }).waitFor();
    expect(await d.getByRole('button', { name: '提出前の確認へ進む' }).count()).toBe(0);

    // Planning returns it: the comment is required, the message tied to the field.
    await signIn(p, t.tokens.planning);
    await p.getByRole('table', { name: /審査待ち/ }).waitFor();
    expect(await queued(p)).toEqual(['産業振興事業', '市内創業支援等事業']);
    await p.getByRole('link', { name: '市内創業支援等事業' }).click();
    await p.getByRole('button', { name: '差戻し', exact: true }).click();
    const returning = p.getByRole('dialog', { name: 'このシートを差し戻しますか' });
    await returning.getByRole('button', { name: '差し戻す' }).click();
    const comment = returning.getByLabel('差戻しのコメント（必須）');
    expect(await comment.getAttribute('aria-invalid')).toBe('true');
    expect(await comment.getAttribute('aria-describedby')).toBe('return-comment-hint return-comment-error');
    expect(await returning.locator('#return-comment-error').textContent()).toContain('差戻しのコメントを入力してください');
    expect(await comment.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await checkScreen(p, '14-return-comment-required');
    const SECOND_COMMENT = '事業効果に創業件数の推移（前年度比）を記入してください。';
    await comment.fill(SECOND_COMMENT);
    expect(await comment.getAttribute('aria-invalid')).toBeNull();
    await returning.getByRole('button', { name: '差し戻す' }).click();
    await p.getByText(/差戻ししました。/).waitFor();
    await status(p).filter({ hasText: '差戻し' }).waitFor();
    expect(await p.getByRole('note', { name: '企画課からのコメント' }).textContent()).toContain(SECOND_COMMENT);
    await checkScreen(p, '15-sheet-returned-by-planning');
    await p.getByRole('link', { name: '← ホームへ戻る' }).click();
    await p.getByRole('table', { name: /審査待ち/ }).waitFor();
    expect(await queued(p)).toEqual(['産業振興事業']);

    // The department sees it on top of its home with the new comment, and resubmits.
    await d.getByRole('link', { name: '← ホームへ戻る' }).click();
    const returned = d.getByRole('region', { name: /差戻しされたシート/ });
    await returned.waitFor();
    expect(await returned.textContent()).toContain(SECOND_COMMENT);
    const first = d
      .getByRole('table', { name: /担当のシート/ })
      .locator('tbody tr')
      .first();
    expect(await first.textContent()).toContain('市内創業支援等事業');
    expect(await first.textContent()).toContain('差戻し');
    await checkScreen(d, '16-department-home-returned-again');
    await returned.getByRole('link', { name: /市内創業支援等事業/ }).click();
    await d.getByRole('button', { name: '提出前の確認へ進む' }).click();
    await review.getByRole('button', { name: 'この内容で提出する' }).click();
    await status(d).filter({ hasText: '提出済み' }).waitFor();

    // Planning approves it, with an optional comment, after the confirmation step.
    await p.reload();
    await p.getByRole('table', { name: /審査待ち/ }).waitFor();
    await p.getByRole('link', { name: '市内創業支援等事業' }).click();
    await p.getByRole('button', { name: '承認', exact: true }).click();
    const approving = p.getByRole('dialog', { name: 'このシートを承認しますか' });
    await approving.getByLabel('承認のコメント（任意）').waitFor();
    await checkScreen(p, '17-approve-confirm');
    await approving.getByRole('button', { name: '承認する' }).click();
    await p.getByText('承認しました。').waitFor();
    await status(p).filter({ hasText: '承認済み' }).waitFor();
    expect(await p.getByRole('button', { name: '承認', exact: true }).count()).toBe(0);
    await checkScreen(p, '18-sheet-approved');
    await p.getByRole('link', { name: '← ホームへ戻る' }).click();
    await p.getByRole('table', { name: /審査待ち/ }).waitFor();
    expect(await queued(p)).toEqual(['産業振興事業']);

    const log = (await t.http.get(`/api/v1/sheets/${id}`).set(bearer(t.tokens.planning)).expect(200)).body;
    expect(log).toMatchObject({ status: 'approved', lastReturnComment: SECOND_COMMENT });
    expect(dept.errors).toEqual(['422 /api/v1/sheets/2017.9-01.sangyoshinko/submit']); // the refusal above
    expect(plan.errors).toEqual([]);
  });

  it('works at 200 % zoom: no sideways scrolling on the homes', async () => {
    const { page } = await newPage();
    await page.setViewportSize({ width: 640, height: 900 });
    await signIn(page, t.tokens.sangyo);
    await page.getByRole('table', { name: /担当のシート/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, '09-department-home-200pct.png'), fullPage: true });
    await page.close();
  });

  it('makes every screen usable within 1 s on the seeded data', () => {
    expect(Object.keys(timings).length).toBeGreaterThanOrEqual(8);
    for (const [screen, ms] of Object.entries(timings)) expect([screen, ms <= USABLE_MS]).toEqual([screen, true]);
  });
});
