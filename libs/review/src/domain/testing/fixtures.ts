import type { Actor } from '../types.js';
import { parseKpiValue } from '../values/kpi-value.js';
import { toRichText } from '../values/rich-text.js';
import type { SheetContent } from '../sheet/sheet.content.js';
import { emptySheetContent } from '../sheet/sheet.content.js';
import type { DepartmentEvaluation } from '../sheet/sheet.evaluation.js';
import type { SheetEvent } from '../sheet/sheet.events.js';

export const planning: Actor = { id: 'u-kikaku-1', role: 'planning', department: '企画課' };
export const kikaku: Actor = { id: 'u-kikaku-2', role: 'department', department: '企画課' };
export const sangyo: Actor = { id: 'u-sangyo-1', role: 'department', department: '産業振興課' };
export const committee: Actor = { id: 'u-committee-1', role: 'committee' };
export const auditor: Actor = { id: 'u-audit-1', role: 'auditor' };
export const admin: Actor = { id: 'u-admin-1', role: 'admin' };
export const system: Actor = { id: 'seed-importer', role: 'system' };

export const SHEET_ID = '2016.1-01.kikaku';
export const ASSIGNED_AT = '2017-04-10T09:00:00+09:00';

/** 1-01 移住推進事業 (企画課), FY2016, as the source prints it. */
export const completeContent = (): SheetContent => ({
  category: 'continuing',
  implementingBody: { city: true, other: null },
  summary: toRichText('NPO法人「住んでみたい北海道推進会議」主催の「本気の移住相談会」に出展し、個別相談を実施'),
  finance: { budget: 286, settlement: 177, funding: { nationalPrefectural: null, municipalBonds: null, other: null, generalFund: 177 } },
  implementation: toRichText('・本気の移住相談会出展(H28.6.25)\n・相談件数20件(その後のハローワークへの相談件数2件)'),
  effect: toRichText('首都圏での移住相談会に出展し、相談者に直接PRすることで、移住者の掘り起こしが期待できる。'),
  strategyKpis: [
    {
      name: 'UIJターン促進による新規就業者数',
      target: parseKpiValue('50人'),
      targetPeriod: { from: 2015, to: 2019 },
      actual: parseKpiValue('0人'),
      actualPeriod: { from: 2015, to: 2016 },
    },
  ],
  planKpis: [],
});

export const completeEvaluation = (): DepartmentEvaluation => ({
  effectiveness: 'effective',
  effectivenessReason: '相談会出席者の反応からも今後の移住実績への可能性を期待できる。',
  direction: 'improve',
  directionReason: 'フェイスブックの活用等情報発信の強化を図る。',
  strategyRevision: 'not_needed',
  strategyRevisionReason: '総合戦略の見直しに伴う内容ではないため。',
});

export const assigned = (content: SheetContent = emptySheetContent()): SheetEvent => ({
  type: 'SheetAssigned',
  data: {
    sheetId: SHEET_ID,
    fiscalYear: 2016,
    projectCode: '1-01',
    projectName: '移住推進事業',
    department: '企画課',
    policyAreas: ['1'],
    carriedFrom: null,
    content,
    assignedAt: ASSIGNED_AT,
  },
});

/** A draft with everything a submission needs. */
export const readyDraft = (): SheetEvent[] => [
  assigned(completeContent()),
  { type: 'DepartmentEvaluationRecorded', data: { evaluation: completeEvaluation() } },
];

export const submitted = (): SheetEvent[] => [
  ...readyDraft(),
  { type: 'SheetSubmitted', data: { submittedAt: '2017-06-01T09:00:00+09:00', warnings: [], acknowledgedGaps: [] } },
];

export const approved = (): SheetEvent[] => [...submitted(), { type: 'SheetApproved', data: { comment: null, approvedAt: '2017-07-01T09:00:00+09:00' } }];

/** A published sheet as logs from before derived publication recorded it (SheetPublished on the sheet). */
export const published = (edition = 1): SheetEvent[] => [
  ...approved(),
  { type: 'SheetPublished', data: { edition, publishedAt: '2017-10-01T09:00:00+09:00' } },
];
