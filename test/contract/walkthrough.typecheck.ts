import type { paths } from '@kensho/api-contract';

// The README's walk-through request bodies, typed by the generated contract: `npm run typecheck`
// fails when the API no longer accepts one of them (a renamed, removed or retyped field), and
// walkthrough.unit.spec.ts fails when the README's curl bodies differ from these.

type JsonBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;

export const openCycle = {
  fiscalYear: 2017,
  title: '平成29年度 効果検証',
  deadlines: { departmentSubmission: '2018-06-30', planningReview: '2018-07-31', committee: '2018-09-30', publication: '2018-10-31' },
} satisfies JsonBody<'/api/v1/cycles', 'post'>;

export const assignSheet = {
  projectCode: '1-12',
  projectName: '市内創業支援等事業',
  department: '産業振興課',
  policyAreas: ['1'],
} satisfies JsonBody<'/api/v1/cycles/{fy}/sheets', 'post'>;

export const reviseContent = {
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
} satisfies JsonBody<'/api/v1/sheets/{id}', 'patch'>;

export const evaluation = {
  effectiveness: 'effective',
  effectivenessReason: '創業件数が増加した。',
  direction: 'continue',
  directionReason: '引き続き支援する。',
  strategyRevision: 'not_needed',
  strategyRevisionReason: '総合戦略の見直しに伴う内容ではないため。',
} satisfies JsonBody<'/api/v1/sheets/{id}/evaluation', 'put'>;

export const approve = {} satisfies JsonBody<'/api/v1/sheets/{id}/approve', 'post'>;

export const committeeOpinion = { opinion: '創業支援の成果が見られる。', rating: 'A' } satisfies JsonBody<'/api/v1/sheets/{id}/committee-opinion', 'put'>;

export const cityResponse = { response: '引き続き金融機関と連携して取り組む。' } satisfies JsonBody<'/api/v1/sheets/{id}/city-response', 'put'>;

export const correction = {
  changes: { finance: { funding: { generalFund: 74 } } },
  reason: '財源内訳の記載漏れを訂正',
} satisfies JsonBody<'/api/v1/sheets/{id}/corrections', 'post'>;

/** In the order the README sends them. */
export const WALKTHROUGH_BODIES = [openCycle, assignSheet, reviseContent, evaluation, approve, committeeOpinion, cityResponse, correction];
