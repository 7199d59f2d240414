import type { SheetFacts } from '../facts.js';

/** A sheet as v_sheets holds it; tests override what they are about. Not exported from the barrel. */
export const facts = (overrides: Partial<SheetFacts> = {}): SheetFacts => ({
  sheetId: '2016.1-12.sangyoshinko',
  fiscalYear: 2016,
  projectCode: '1-12',
  projectName: '市内創業支援等事業',
  department: '産業振興課',
  policyAreas: ['1'],
  status: 'approved',
  version: 4,
  budget: 10695,
  settlement: 5444,
  funding: { nationalPrefectural: null, municipalBonds: null, other: null, generalFund: 5444 },
  effectiveness: 'effective',
  direction: 'continue',
  strategyRevision: 'not_needed',
  provenance: null,
  assignedAt: '2017-04-12T01:00:00.000Z',
  submittedAt: '2017-06-22T07:00:00.000Z',
  approvedAt: '2017-07-12T02:00:00.000Z',
  committeeOpinionAt: null,
  publishedAt: null,
  ...overrides,
});
