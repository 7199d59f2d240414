import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CommandBus } from '@nestjs/cqrs';
import { TokenService } from '@kensho/auth';
import { ALL_MIGRATIONS } from '@kensho/core';
import { FixedClock, loadConfig, newId } from '@kensho/platform';
import { departmentsCommand, type Actor } from '@kensho/review';
import { createTestDatabase, type TestDatabase } from '@kensho/testing';
import { createApp } from '../../apps/api/src/create-app.js';
import { ContractValidator } from './contract.js';

export interface TestTokens {
  planning: string;
  committee: string;
  auditor: string;
  admin: string;
  /** 産業振興課 */
  sangyo: string;
  /** 企画課 */
  kikaku: string;
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  tokens: TestTokens;
  clock: FixedClock;
  database: TestDatabase;
  eventCount(): Promise<number>;
  close(): Promise<void>;
}

const DEPARTMENTS_JSON = fileURLToPath(new URL('../../seeds/fy2016/departments.json', import.meta.url));
const SETUP: Actor = { id: 'test-setup', role: 'system' };

/** The FY2016 department master, as the seed registers it: department tokens need registered departments. */
export async function registerSeedDepartments(app: INestApplication): Promise<void> {
  const bus = app.get(CommandBus);
  for (const d of JSON.parse(readFileSync(DEPARTMENTS_JSON, 'utf8')) as Array<{ name: string; slug: string }>) {
    const commandId = newId();
    await bus.execute(
      departmentsCommand(
        { type: 'RegisterDepartment', name: d.name, slug: d.slug },
        { commandId, correlationId: commandId, causationId: commandId, actor: SETUP },
      ),
    );
  }
}

/** The whole API on its own fresh database, with a token per role and a controllable clock. */
export async function startTestApp(options: { projector?: boolean } = {}): Promise<TestApp> {
  const database = await createTestDatabase(ALL_MIGRATIONS, { poolSize: 5 });
  const clock = new FixedClock(new Date('2017-05-01T09:00:00+09:00'));
  const config = { ...loadConfig({}), databaseUrl: database.url, projectionWaitMs: 5000 };
  const app = await createApp({ config, clock, logger: false, projector: options.projector });
  await app.init();
  await registerSeedDepartments(app);
  const tokenService = app.get(TokenService);
  const issue = async (role: string, department?: string) => (await tokenService.issue({ role, department, name: `test-${role}-${department ?? ''}` })).token;
  const tokens: TestTokens = {
    planning: await issue('planning'),
    committee: await issue('committee'),
    auditor: await issue('auditor'),
    admin: await issue('admin'),
    sangyo: await issue('department', '産業振興課'),
    kikaku: await issue('department', '企画課'),
  };
  return {
    app,
    http: checkedAgainstContract(
      request(app.getHttpServer()),
      new ContractValidator((await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body),
    ),
    tokens,
    clock,
    database,
    eventCount: async () => Number((await database.db.query('SELECT count(*) FROM es_events')).rows[0].count),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete']);

/**
 * Every response of `t.http` is checked against the OpenAPI document the app serves (see
 * contract.ts): a response the document does not describe fails the test that received it.
 */
function checkedAgainstContract<T extends object>(agent: T, validator: ContractValidator): T {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !METHODS.has(property) || typeof value !== 'function') return value;
      return (url: string, ...rest: unknown[]) => {
        const test = value.call(target, url, ...rest);
        const end = test.end.bind(test);
        test.end = (callback: (error: unknown, res: unknown) => void) =>
          end((error: unknown, res: Parameters<ContractValidator['check']>[2] | undefined) => {
            let problems: string[];
            try {
              problems = error || !res ? [] : validator.check(property, url, res);
            } catch (failure) {
              problems = [`${property.toUpperCase()} ${url}: the document's schema does not compile: ${(failure as Error).message}`];
            }
            if (problems.length > 0) return callback(new Error(`Response does not match the OpenAPI document:\n  ${problems.join('\n  ')}`), res);
            callback(error, res);
          });
        return test;
      };
    },
  });
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Opens the FY2017 cycle and assigns it one sheet (9-01, 産業振興課) under the given name; returns the sheet id. */
export async function openFy2017WithSheet(t: TestApp, projectName: string): Promise<string> {
  await t.http
    .post('/api/v1/cycles')
    .set(bearer(t.tokens.planning))
    .send({
      fiscalYear: 2017,
      title: '平成29年度 効果検証',
      deadlines: { departmentSubmission: '2018-06-30', planningReview: '2018-07-31', committee: '2018-09-30', publication: '2018-10-31' },
    })
    .expect(201);
  const assigned = await t.http
    .post('/api/v1/cycles/2017/sheets')
    .set(bearer(t.tokens.planning))
    .send({ projectCode: '9-01', projectName, department: '産業振興課', policyAreas: ['1'] })
    .expect(201);
  return assigned.body.id;
}

/** A complete, submittable content for a sheet (figures from the FY2016 1-12 sheet). */
export const completeContent = {
  category: 'continuing',
  implementingBody: { city: true, other: null },
  summary: '市内での創業を促進するため、金融機関と連携し創業者を支援する。',
  finance: { budget: 10695, settlement: 5444, funding: { nationalPrefectural: null, municipalBonds: null, other: null, generalFund: 5444 } },
  implementation: '・創業セミナーの開催\n・創業資金の利子補給',
  effect: '創業件数の増加に寄与した。',
  strategyKpis: [
    {
      name: '金融機関と連携した支援策による新規創業件数',
      target: '50件',
      targetPeriod: { from: 2015, to: 2019 },
      actual: '22件',
      actualPeriod: { from: 2015, to: 2016 },
    },
  ],
  planKpis: [],
};

export const completeEvaluation = {
  effectiveness: 'effective',
  effectivenessReason: '創業件数が増加したため。',
  direction: 'continue',
  directionReason: '引き続き支援を行う。',
  strategyRevision: 'not_needed',
  strategyRevisionReason: '総合戦略の見直しに伴う内容ではないため。',
};
