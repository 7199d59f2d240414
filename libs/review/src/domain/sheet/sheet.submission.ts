import { ruleViolation } from '../errors.js';
import { isBlank } from '../validation.js';
import { sumAmounts } from '../values/amount.js';
import { isBlankRichText } from '../values/rich-text.js';
import type { Finance, SheetContent } from './sheet.content.js';
import { FUNDING_PARTS } from './sheet.content.js';
import type { DepartmentEvaluation } from './sheet.evaluation.js';
import { EVALUATION_CHOICES, provenanceOf, reasonField } from './sheet.evaluation.js';

/**
 * What a submission needs, as field paths. Budget is not among them: the real 1-08 sheet has none.
 * A choice may stay empty only when its provenance is 'unknown' (imported history that does not tell).
 */
export const SUBMIT_REQUIRED_FIELDS = [
  'category',
  'summary',
  'finance.settlement',
  'implementation',
  'effect',
  'evaluation.effectiveness',
  'evaluation.effectivenessReason',
  'evaluation.direction',
  'evaluation.directionReason',
  'evaluation.strategyRevision',
  'evaluation.strategyRevisionReason',
  /** Not a missing field but a breakdown that does not add up; acknowledgeable by the importer only. */
  'finance.funding',
] as const;
export type SubmitRequiredField = (typeof SUBMIT_REQUIRED_FIELDS)[number];

export type SubmitWarning = 'settlement_exceeds_budget';

export function missingForSubmit(content: SheetContent, evaluation: DepartmentEvaluation): SubmitRequiredField[] {
  const missing: SubmitRequiredField[] = [];
  if (content.category === null) missing.push('category');
  if (isBlankRichText(content.summary)) missing.push('summary');
  if (content.finance.settlement === null) missing.push('finance.settlement');
  if (isBlankRichText(content.implementation)) missing.push('implementation');
  if (isBlankRichText(content.effect)) missing.push('effect');
  for (const choice of EVALUATION_CHOICES) {
    if (evaluation[choice] === null && provenanceOf(evaluation, choice) !== 'unknown') missing.push(`evaluation.${choice}`);
    if (isBlank(evaluation[reasonField(choice)])) missing.push(`evaluation.${reasonField(choice)}`);
  }
  return missing;
}

/** 財源内訳 must add up to 決算 exactly; the stated parts count, empty ones are not zeros but absent. */
export function assertFundingMatchesSettlement(finance: Finance): void {
  const fundingTotal = sumAmounts(FUNDING_PARTS.map((part) => finance.funding[part]));
  const settlement = finance.settlement;
  const matches = settlement === null ? fundingTotal === null : (fundingTotal ?? 0) === settlement;
  if (!matches) {
    throw ruleViolation(
      'sheet.funding_mismatch',
      `The funding breakdown (${fundingTotal ?? 'empty'}) does not add up to the settlement (${settlement ?? 'empty'}) (財源内訳が決算額と一致しません)`,
      { settlement, fundingTotal },
    );
  }
}

/** Settlement above budget happens (2-02: 25,592 → 44,511 千円): flagged for the reviewer, not refused. */
export function submitWarnings(finance: Finance): SubmitWarning[] {
  const { budget, settlement } = finance;
  return budget !== null && settlement !== null && settlement > budget ? ['settlement_exceeds_budget'] : [];
}
