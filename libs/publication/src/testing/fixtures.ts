import type { SheetContent } from '@kensho/review';
import type { EditionSnapshot, PublishedSheet, StrategyReference } from '../edition/edition.types.js';

export const HOSTILE_NAME = '<script>alert(1)</script>';
export const HOSTILE_FORMULA = '=HYPERLINK("http://evil.example","click")';

export const strategy: StrategyReference = {
  name: '室蘭市まち・ひと・しごと創生総合戦略',
  period: { from: 2015, to: 2019 },
  areas: [
    {
      code: '1',
      name: 'まちの特性を活かした産業振興と魅力ある雇用の創出',
      directions: [{ name: '「働くまち」として室蘭を選んでもらう', measures: [{ name: '新卒者の地元就職促進とUIJターンの推進', subMeasures: [] }] }],
    },
    { code: 'プラス1', name: '広域連携等による魅力ある地域づくり', directions: [] },
  ],
};

export const content = (overrides: Partial<SheetContent> = {}): SheetContent => ({
  category: 'continuing',
  implementingBody: { city: true, other: null },
  summary: [{ kind: 'paragraph', text: '市内での創業を支援する。' }],
  finance: { budget: 10695, settlement: 5444, funding: { nationalPrefectural: null, municipalBonds: null, other: null, generalFund: 5444 } },
  implementation: [{ kind: 'list', items: ['創業セミナーの開催', '創業資金の利子補給'] }],
  effect: [{ kind: 'paragraph', text: '創業件数の増加に寄与した。' }],
  strategyKpis: [
    {
      kpiId: 'sk-01',
      name: '新規創業件数',
      target: { text: '50件', number: 50, unit: '件', status: 'numeric' },
      targetPeriod: { from: 2015, to: 2019 },
      actual: { text: '約22件', number: 22, unit: '件', approximate: true, status: 'numeric' },
      actualPeriod: { from: 2015, to: 2016 },
    },
  ],
  planKpis: [
    {
      name: 'セミナー参加者数',
      targetThisYear: { text: '30人', number: 30, unit: '人', status: 'numeric' },
      targetLaterYear: { text: '150人', number: 150, unit: '人', status: 'numeric' },
      laterFiscalYear: 2019,
      actualThisYear: { text: 'アンケート未実施', status: 'not_measured' },
    },
  ],
  ...overrides,
});

export const sheet = (overrides: Partial<PublishedSheet> = {}): PublishedSheet => ({
  id: '2016.1-12.sangyoshinko',
  fiscalYear: 2016,
  projectCode: '1-12',
  projectName: '市内創業支援等事業',
  department: '産業振興課',
  policyAreas: ['1'],
  content: content(),
  evaluation: {
    effectiveness: 'effective',
    effectivenessReason: '創業件数が増加したため。',
    direction: 'continue',
    directionReason: '引き続き支援する。',
    strategyRevision: 'not_needed',
    strategyRevisionReason: '総合戦略の見直しに伴う内容ではないため。',
  },
  committeeOpinion: { opinion: '成果が見られる。', rating: 'A', recordedAt: '2017-08-30T01:00:00.000Z' },
  cityResponse: { response: '引き続き取り組む。', recordedAt: '2017-09-10T01:00:00.000Z' },
  corrections: [],
  version: 7,
  headHash: 'a'.repeat(64),
  ...overrides,
});

/** A seeded sheet whose ticks the source lost: one choice read from its reason, one unknown. */
export const importedSheet = (): PublishedSheet =>
  sheet({
    id: '2016.1-01.kikaku',
    projectCode: '1-01',
    projectName: '移住推進事業',
    department: '企画課',
    policyAreas: ['1', 'プラス1'],
    content: content({
      category: null,
      implementingBody: { city: null, other: '室蘭工業大学' },
      finance: { budget: null, settlement: null, funding: { nationalPrefectural: null, municipalBonds: null, other: null, generalFund: null } },
    }),
    evaluation: {
      effectiveness: null,
      effectivenessReason: '移住には結びつかなかったが、期待できる。',
      direction: 'improve',
      directionReason: '情報発信の強化を図る。',
      strategyRevision: 'not_needed',
      strategyRevisionReason: '総合戦略の見直しに伴う内容ではないため。',
      provenance: { effectiveness: 'unknown', direction: 'inferred', strategyRevision: 'inferred' },
    },
    committeeOpinion: null,
    cityResponse: null,
  });

export const hostileSheet = (): PublishedSheet =>
  sheet({
    id: '2016.9-01.sangyoshinko',
    projectCode: '9-01',
    projectName: HOSTILE_NAME,
    department: '産業振興課',
    content: content({ summary: [{ kind: 'paragraph', text: HOSTILE_FORMULA }], implementingBody: { city: true, other: '"><img src=x onerror=alert(2)>' } }),
    evaluation: { ...sheet().evaluation, effectivenessReason: '+1+2', directionReason: '@SUM(A1:A2)', strategyRevisionReason: '-2+3' },
    committeeOpinion: { opinion: "</p><script>alert('x')</script>", rating: '<b>A</b>', recordedAt: '2017-08-30T01:00:00.000Z' },
  });

export const snapshot = (overrides: Partial<EditionSnapshot> = {}): EditionSnapshot => ({
  fiscalYear: 2016,
  edition: 1,
  publishedAt: '2017-10-02T01:00:00.000Z',
  title: '平成28年度 室蘭市まち・ひと・しごと創生総合戦略 効果検証',
  strategy,
  committeeMeetings: [],
  numericalGoals: [
    {
      id: '1-g2',
      policyArea: '1',
      measure: '市の施策により創出する新規雇用者数',
      target: { text: '400人', number: 400, unit: '人', status: 'numeric' },
      targetPeriod: { from: 2015, to: 2019 },
      actual: { text: '約110人', number: 110, unit: '人', approximate: true, status: 'numeric' },
      actualPeriod: { from: 2015, to: 2016 },
      lowerIsBetter: false,
      note: null,
    },
  ],
  sheets: [importedSheet(), sheet()],
  corrections: [],
  ...overrides,
});
