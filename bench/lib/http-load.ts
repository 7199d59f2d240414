import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { log, summarize } from './stats.js';

export interface HttpOptions {
  base: string;
  tokens: { planning: string; department: string };
  clients: number;
  warmupSeconds: number;
  seconds: number;
}

export interface LoadFigures {
  requests: number;
  perSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  non2xx: number;
  errors: number;
}

const FY = 2040;

async function call(base: string, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function ok(base: string, token: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const answer = await call(base, token, method, path, body, headers);
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
  return answer.body;
}

interface Sheet {
  id: string;
  version: number;
}

/** One sheet per client, assigned and filled in through the API itself. */
async function prepareSheets(options: HttpOptions): Promise<Sheet[]> {
  const { base, tokens } = options;
  await ok(base, tokens.planning, 'POST', '/api/v1/cycles', {
    fiscalYear: FY,
    title: 'ベンチマーク年度 効果検証',
    deadlines: { departmentSubmission: `${FY + 1}-06-30`, planningReview: `${FY + 1}-07-31`, committee: `${FY + 1}-09-30`, publication: `${FY + 1}-10-31` },
  });
  const sheets: Sheet[] = [];
  for (let i = 0; i < options.clients; i++) {
    const assigned = await ok(base, tokens.planning, 'POST', `/api/v1/cycles/${FY}/sheets`, {
      projectCode: `1-${String(i + 1).padStart(2, '0')}`,
      projectName: `市内創業支援等事業（第${i + 1}区）`,
      department: '産業振興課',
      policyAreas: ['1'],
    });
    const content = {
      category: 'continuing',
      implementingBody: { city: true, other: null },
      summary: '金融機関と連携し、市内での創業を支援する。',
      finance: { budget: 10695, settlement: 5444, funding: { nationalPrefectural: null, municipalBonds: null, other: null, generalFund: 5444 } },
      implementation: '・創業セミナーの開催\n・創業資金の利子補給',
      effect: '新規創業の増加に寄与した。',
      strategyKpis: [
        {
          name: '金融機関と連携した支援策による新規創業件数',
          target: '50件',
          targetPeriod: { from: 2015, to: 2019 },
          actual: '22件',
          actualPeriod: { from: 2015, to: 2017 },
        },
      ],
    };
    const filled = await ok(base, tokens.department, 'PATCH', `/api/v1/sheets/${assigned.id}`, content, { 'If-Match': `"${assigned.version}"` });
    sheets.push({ id: String(assigned.id), version: Number(filled.version) });
  }
  return sheets;
}

/**
 * A request cut off at the end of a run may still have been applied: before the next run, each
 * sheet's version is made exact (a 412 names the current one).
 */
async function resync(options: HttpOptions, sheets: Sheet[]): Promise<void> {
  for (const sheet of sheets) {
    const answer = await call(
      options.base,
      options.tokens.department,
      'PATCH',
      `/api/v1/sheets/${sheet.id}`,
      { effect: '新規創業の増加に寄与した。' },
      { 'If-Match': `"${sheet.version}"` },
    );
    sheet.version = Number(answer.status === 412 ? answer.body.currentVersion : answer.body.version);
  }
}

/**
 * `clients` connections, each with its own sheet, each its own autocannon instance (autocannon
 * clears a connection's context after every request, so a shared instance cannot keep a
 * connection on its sheet); closed loop, every latency kept.
 */
async function cannon(options: HttpOptions, seconds: number, request: (sheet: Sheet) => autocannon.Request, sheets: Sheet[]): Promise<LoadFigures> {
  const latencies: number[] = [];
  const runs = sheets.map((sheet) => {
    const instance = autocannon({ url: options.base, connections: 1, duration: seconds, requests: [request(sheet)] });
    (instance as unknown as EventEmitter).on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
    return instance as unknown as Promise<autocannon.Result>;
  });
  const results = await Promise.all(runs);
  const duration = Math.max(...results.map((r) => r.duration));
  const stats = summarize(latencies);
  return {
    requests: latencies.length,
    perSecond: latencies.length / duration,
    latencyMs: { p50: stats.p50, p99: stats.p99, max: stats.max },
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
  };
}

/**
 * `clients` concurrent connections, each revising its own sheet with If-Match (PATCH, a small
 * change of the effect text), after a warm-up; then the same clients reading their sheet (GET).
 */
export async function httpBench(options: HttpOptions): Promise<{ revise: LoadFigures; read: LoadFigures }> {
  const sheets = await prepareSheets(options);
  log(`  ${sheets.length} sheets ready; revise: ${options.warmupSeconds}s warm-up + ${options.seconds}s`);
  let edits = 0;
  const revise = (sheet: Sheet): autocannon.Request => ({
    method: 'PATCH',
    setupRequest: (request) => ({
      ...request,
      path: `/api/v1/sheets/${sheet.id}`,
      headers: {
        authorization: `Bearer ${options.tokens.department}`,
        'content-type': 'application/json',
        'if-match': `"${sheet.version}"`,
      },
      body: JSON.stringify({ effect: `新規創業の増加に寄与した。（相談件数${++edits}件）` }),
    }),
    onResponse: (status, body) => {
      if (status === 200) sheet.version = Number((JSON.parse(body) as { version: number }).version);
      else if (status === 412) sheet.version = Number((JSON.parse(body) as { currentVersion: number }).currentVersion);
    },
  });
  await cannon(options, options.warmupSeconds, revise, sheets);
  await resync(options, sheets);
  const reviseFigures = await cannon(options, options.seconds, revise, sheets);
  log(`  revise: ${reviseFigures.perSecond.toFixed(0)} req/s; read: ${options.warmupSeconds}s warm-up + ${options.seconds}s`);
  const read = (sheet: Sheet): autocannon.Request => ({
    method: 'GET',
    setupRequest: (request) => ({ ...request, path: `/api/v1/sheets/${sheet.id}`, headers: { authorization: `Bearer ${options.tokens.planning}` } }),
  });
  await cannon(options, options.warmupSeconds, read, sheets);
  return { revise: reviseFigures, read: await cannon(options, options.seconds, read, sheets) };
}
