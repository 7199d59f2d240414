import { DEFAULT_NOW } from '../testing/decider-spec.js';
import { assigned, completeContent, completeEvaluation, kikaku, readyDraft, system } from '../testing/fixtures.js';
import { sheet } from '../testing/specs.js';
import type { SheetContent } from './sheet.content.js';
import { emptySheetContent } from './sheet.content.js';
import type { SheetEvent } from './sheet.events.js';

const withEvaluation = (content: SheetContent): SheetEvent[] => [
  assigned(content),
  { type: 'DepartmentEvaluationRecorded', data: { evaluation: completeEvaluation() } },
];

describe('SubmitSheet rules', () => {
  it('refuses an incomplete sheet and lists what is missing', () => {
    const content = { ...completeContent(), summary: null, finance: { ...completeContent().finance, settlement: null } };
    const error = sheet
      .given(withEvaluation(content))
      .when({ type: 'SubmitSheet' }, kikaku)
      .thenThrows('sheet.incomplete', { missing: ['summary', 'finance.settlement'] });
    expect(error.kind).toBe('rule');
  });

  it('needs the three choices and their three reasons', () => {
    sheet
      .given([
        assigned(completeContent()),
        { type: 'DepartmentEvaluationRecorded', data: { evaluation: { effectiveness: 'effective', directionReason: ' ' } } },
      ])
      .when({ type: 'SubmitSheet' }, kikaku)
      .thenThrows('sheet.incomplete', {
        missing: [
          'evaluation.effectivenessReason',
          'evaluation.direction',
          'evaluation.directionReason',
          'evaluation.strategyRevision',
          'evaluation.strategyRevisionReason',
        ],
      });
  });

  it('refuses a funding breakdown that does not add up to the settlement', () => {
    const content = completeContent();
    content.finance.funding.generalFund = 170;
    const error = sheet
      .given(withEvaluation(content))
      .when({ type: 'SubmitSheet' }, kikaku)
      .thenThrows('sheet.funding_mismatch', { settlement: 177, fundingTotal: 170 });
    expect(error.kind).toBe('rule');
  });

  it('refuses an empty funding breakdown under a stated settlement', () => {
    const content = completeContent();
    content.finance.funding.generalFund = null;
    sheet.given(withEvaluation(content)).when({ type: 'SubmitSheet' }, kikaku).thenThrows('sheet.funding_mismatch', { settlement: 177, fundingTotal: null });
  });

  it('accepts a settlement above budget, flagged as a warning (2-02: 25,592 → 44,511)', () => {
    const content = completeContent();
    content.finance = { budget: 25592, settlement: 44511, funding: { nationalPrefectural: 22255, municipalBonds: null, other: null, generalFund: 22256 } };
    sheet
      .given(withEvaluation(content))
      .when({ type: 'SubmitSheet' }, kikaku)
      .then([{ type: 'SheetSubmitted', data: { submittedAt: DEFAULT_NOW, warnings: ['settlement_exceeds_budget'], acknowledgedGaps: [] } }]);
  });

  it('accepts a sheet without a budget, like 1-08', () => {
    const content = completeContent();
    content.finance.budget = null;
    sheet
      .given(withEvaluation(content))
      .when({ type: 'SubmitSheet' }, kikaku)
      .then([{ type: 'SheetSubmitted', data: { submittedAt: DEFAULT_NOW, warnings: [], acknowledgedGaps: [] } }]);
  });

  it('lets the seed importer submit with gaps the source itself leaves empty, recording them', () => {
    // 1-08 prints neither 予算 nor 決算; 1-15 農水産課 prints no 事業概要.
    const content = { ...completeContent(), summary: null, finance: emptySheetContent().finance };
    sheet
      .given(withEvaluation(content))
      .when({ type: 'SubmitSheet', acknowledgedGaps: ['summary', 'finance.settlement', 'category'] }, system)
      .then([{ type: 'SheetSubmitted', data: { submittedAt: DEFAULT_NOW, warnings: [], acknowledgedGaps: ['summary', 'finance.settlement'] } }]);
  });

  it('does not let a department acknowledge gaps', () => {
    sheet
      .given(readyDraft())
      .when({ type: 'SubmitSheet', acknowledgedGaps: ['summary'] }, kikaku)
      .thenThrows('sheet.forbidden_role', { field: 'acknowledgedGaps' });
  });

  it('still refuses what the importer did not acknowledge', () => {
    const content = { ...completeContent(), summary: null, effect: null };
    sheet
      .given(withEvaluation(content))
      .when({ type: 'SubmitSheet', acknowledgedGaps: ['summary'] }, system)
      .thenThrows('sheet.incomplete', { missing: ['effect'] });
  });

  it('lets the owning department replaying its recorded history (importer) acknowledge gaps and a broken breakdown', () => {
    // 1-03 prints 決算 74 千円 but its funding row lost every value.
    const content = completeContent();
    content.finance = { budget: 151, settlement: 74, funding: { nationalPrefectural: null, municipalBonds: null, other: null, generalFund: null } };
    content.category = null;
    sheet
      .given(withEvaluation(content))
      .when({ type: 'SubmitSheet', acknowledgedGaps: ['category', 'finance.funding'] }, { ...kikaku, importer: true })
      .then([{ type: 'SheetSubmitted', data: { submittedAt: DEFAULT_NOW, warnings: [], acknowledgedGaps: ['category'] } }]);
  });

  it('refuses the broken breakdown when the importer did not acknowledge it', () => {
    const content = completeContent();
    content.finance.funding.generalFund = null;
    sheet
      .given(withEvaluation(content))
      .when({ type: 'SubmitSheet' }, { ...kikaku, importer: true })
      .thenThrows('sheet.funding_mismatch', { settlement: 177, fundingTotal: null });
  });
});
