import { DEFAULT_NOW } from '../testing/decider-spec.js';
import { assigned, completeContent, completeEvaluation, kikaku, system } from '../testing/fixtures.js';
import { sheet } from '../testing/specs.js';
import type { SheetEvent } from './sheet.events.js';

// The FY2016 export lost the tick marks: the importer records where each choice came from.
const imported = {
  ...completeEvaluation(),
  direction: null,
  provenance: { effectiveness: 'inferred', direction: 'unknown', strategyRevision: 'inferred' },
} as const;

describe('evaluation provenance', () => {
  it('lets the seed importer record inferred and unknown choices', () => {
    sheet
      .given([assigned(completeContent())])
      .when({ type: 'RecordDepartmentEvaluation', evaluation: imported }, system)
      .then([{ type: 'DepartmentEvaluationRecorded', data: { evaluation: imported } }]);
  });

  it('refuses provenance other than stated from anyone but the importer', () => {
    const error = sheet
      .given([assigned(completeContent())])
      .when({ type: 'RecordDepartmentEvaluation', evaluation: imported }, kikaku)
      .thenThrows('sheet.forbidden_provenance', { provenance: { effectiveness: 'inferred', direction: 'unknown' } });
    expect(error.kind).toBe('forbidden');
  });

  it('lets the owning department record inferred and unknown choices when it replays recorded history', () => {
    sheet
      .given([assigned(completeContent())])
      .when({ type: 'RecordDepartmentEvaluation', evaluation: imported }, { ...kikaku, importer: true })
      .then([{ type: 'DepartmentEvaluationRecorded', data: { evaluation: imported } }]);
  });

  it("allows an empty choice at submit only when its provenance is 'unknown'", () => {
    const given: SheetEvent[] = [assigned(completeContent()), { type: 'DepartmentEvaluationRecorded', data: { evaluation: imported } }];
    sheet
      .given(given)
      .when({ type: 'SubmitSheet' }, system)
      .then([{ type: 'SheetSubmitted', data: { submittedAt: DEFAULT_NOW, warnings: [], acknowledgedGaps: [] } }]);
  });

  it("still requires an 'inferred' choice to be there", () => {
    const evaluation = { ...imported, effectiveness: null };
    sheet
      .given([assigned(completeContent()), { type: 'DepartmentEvaluationRecorded', data: { evaluation } }])
      .when({ type: 'SubmitSheet' }, system)
      .thenThrows('sheet.incomplete', { missing: ['evaluation.effectiveness'] });
  });

  it("refuses a choice together with 'unknown' provenance", () => {
    sheet
      .given([assigned(completeContent())])
      .when({ type: 'RecordDepartmentEvaluation', evaluation: { ...imported, direction: 'continue' } }, system)
      .thenThrows('sheet.provenance_conflict', { field: 'evaluation.direction' });
  });

  it('makes a choice stated once the department states it', () => {
    const given: SheetEvent[] = [assigned(completeContent()), { type: 'DepartmentEvaluationRecorded', data: { evaluation: imported } }];
    const events = sheet
      .given(given)
      .when({ type: 'RecordDepartmentEvaluation', evaluation: { direction: 'improve' } }, kikaku)
      .events();
    const state = sheet.given([...given, ...events]).state;
    expect(state.evaluation.direction).toBe('improve');
    expect(state.evaluation.provenance).toEqual({ effectiveness: 'inferred', direction: 'stated', strategyRevision: 'inferred' });
  });

  it('keeps evaluations of normal users free of provenance', () => {
    const state = sheet.given([assigned(), { type: 'DepartmentEvaluationRecorded', data: { evaluation: completeEvaluation() } }]).state;
    expect(state.evaluation).toEqual(completeEvaluation());
  });

  it('produces no event when the evaluation is recorded again unchanged', () => {
    sheet
      .given([assigned(), { type: 'DepartmentEvaluationRecorded', data: { evaluation: completeEvaluation() } }])
      .when({ type: 'RecordDepartmentEvaluation', evaluation: { effectiveness: 'effective' } }, kikaku)
      .then([]);
  });
});
