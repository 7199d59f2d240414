import { DomainError } from '../errors.js';
import { checkMaxItems, checkMaxLength, checkRichTextLimits, LIMITS } from '../limits.js';
import { checkAmount } from '../values/amount.js';
import { isFiscalYear, isFiscalYearPeriod } from '../values/fiscal-year.js';
import { checkKpiValue } from '../values/kpi-value.js';
import type { RichText } from '../values/rich-text.js';
import { toRichText } from '../values/rich-text.js';
import { checkBoolean, checkEnum, checkKnownKeys, checkOptionalText, checkText, isRecord, Issues } from '../validation.js';
import type { SheetContent, SheetContentPatch } from './sheet.content.js';
import { CATEGORIES, FUNDING_PARTS, SHEET_CONTENT_FIELDS } from './sheet.content.js';

const RICH_TEXT_FIELDS = ['summary', 'implementation', 'effect'] as const;

/** Blank rich text is stored as null, so "missing" has one representation. */
function normalizeRichText(issues: Issues, field: string, value: unknown): RichText | null {
  if (value === null) return null;
  try {
    const text = toRichText(value as string | RichText);
    checkRichTextLimits(issues, field, text);
    return text.length === 0 ? null : text;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    issues.add(field, error.code, error.message, value);
    return null;
  }
}

function checkPeriod(issues: Issues, field: string, value: unknown): void {
  if (value !== null && !isFiscalYearPeriod(value)) {
    issues.add(field, 'value.invalid_period', 'must be null or { from, to } fiscal years with from ≤ to', value);
  }
}

/** The "( /n)" printed beside a KPI in an imported source: a positive integer, or null when blank. */
function checkPrintedShare(issues: Issues, field: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (!Number.isInteger(value) || (value as number) < 1) issues.add(field, 'value.invalid_type', 'must be a positive integer or null', value);
}

/** The printed text of a KPI value; its shape is checkKpiValue's. */
function checkKpiText(issues: Issues, field: string, value: unknown): void {
  if (isRecord(value)) checkMaxLength(issues, `${field}.text`, value.text, LIMITS.kpiValue);
}

function checkStrategyKpis(issues: Issues, field: string, value: unknown): void {
  if (!Array.isArray(value)) return issues.add(field, 'value.invalid_type', 'must be an array', value);
  checkMaxItems(issues, field, value, LIMITS.kpiRows);
  value.forEach((entry: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(entry)) return issues.add(at, 'value.invalid_type', 'must be an object', entry);
    checkKnownKeys(issues, at, entry, ['kpiId', 'name', 'target', 'targetPeriod', 'actual', 'actualPeriod', 'lowerIsBetter', 'printedShare']);
    checkPrintedShare(issues, `${at}.printedShare`, entry.printedShare);
    if (entry.kpiId !== undefined) checkText(issues, `${at}.kpiId`, entry.kpiId);
    checkMaxLength(issues, `${at}.kpiId`, entry.kpiId, LIMITS.kpiId);
    checkText(issues, `${at}.name`, entry.name);
    checkMaxLength(issues, `${at}.name`, entry.name, LIMITS.kpiName);
    checkKpiValue(issues, `${at}.target`, entry.target);
    checkKpiText(issues, `${at}.target`, entry.target);
    checkPeriod(issues, `${at}.targetPeriod`, entry.targetPeriod);
    checkKpiValue(issues, `${at}.actual`, entry.actual);
    checkKpiText(issues, `${at}.actual`, entry.actual);
    checkPeriod(issues, `${at}.actualPeriod`, entry.actualPeriod);
    checkBoolean(issues, `${at}.lowerIsBetter`, entry.lowerIsBetter, { optional: true });
  });
}

function checkPlanKpis(issues: Issues, field: string, value: unknown): void {
  if (!Array.isArray(value)) return issues.add(field, 'value.invalid_type', 'must be an array', value);
  checkMaxItems(issues, field, value, LIMITS.kpiRows);
  value.forEach((entry: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(entry)) return issues.add(at, 'value.invalid_type', 'must be an object', entry);
    checkKnownKeys(issues, at, entry, ['name', 'targetThisYear', 'targetLaterYear', 'laterFiscalYear', 'actualThisYear', 'lowerIsBetter', 'printedShare']);
    checkPrintedShare(issues, `${at}.printedShare`, entry.printedShare);
    checkText(issues, `${at}.name`, entry.name);
    checkMaxLength(issues, `${at}.name`, entry.name, LIMITS.kpiName);
    for (const key of ['targetThisYear', 'targetLaterYear', 'actualThisYear'] as const) {
      checkKpiValue(issues, `${at}.${key}`, entry[key]);
      checkKpiText(issues, `${at}.${key}`, entry[key]);
    }
    if (entry.laterFiscalYear !== null && !isFiscalYear(entry.laterFiscalYear)) {
      issues.add(`${at}.laterFiscalYear`, 'value.invalid_fiscal_year', 'must be a fiscal year or null', entry.laterFiscalYear);
    }
    checkBoolean(issues, `${at}.lowerIsBetter`, entry.lowerIsBetter, { optional: true });
  });
}

function checkFinance(issues: Issues, value: unknown, complete: boolean): void {
  if (!isRecord(value)) return issues.add('finance', 'value.invalid_type', 'must be an object', value);
  checkKnownKeys(issues, 'finance', value, ['budget', 'settlement', 'funding']);
  for (const amount of ['budget', 'settlement'] as const) {
    if (complete || value[amount] !== undefined) checkAmount(issues, `finance.${amount}`, value[amount]);
  }
  const funding = value.funding;
  if (funding === undefined && !complete) return;
  if (!isRecord(funding)) return issues.add('finance.funding', 'value.invalid_type', 'must be an object', funding);
  checkKnownKeys(issues, 'finance.funding', funding, FUNDING_PARTS);
  for (const part of FUNDING_PARTS) {
    if (complete || funding[part] !== undefined) checkAmount(issues, `finance.funding.${part}`, funding[part]);
  }
}

function checkImplementingBody(issues: Issues, value: unknown): void {
  if (!isRecord(value)) return issues.add('implementingBody', 'value.invalid_type', 'must be an object', value);
  checkKnownKeys(issues, 'implementingBody', value, ['city', 'other']);
  if (value.city !== null) checkBoolean(issues, 'implementingBody.city', value.city);
  checkOptionalText(issues, 'implementingBody.other', value.other);
  checkMaxLength(issues, 'implementingBody.other', value.other, LIMITS.implementingBodyOther);
}

/**
 * Validates a patch (or, with complete = true, a whole content) and returns it normalized.
 * Every bad field is reported at once; the decider is the last line of defence behind the DTOs.
 */
function normalize(input: unknown, complete: boolean): SheetContentPatch {
  const issues = new Issues();
  if (!isRecord(input)) {
    issues.add('changes', 'value.invalid_type', 'must be an object', input);
    issues.throwIfAny();
  }
  const value = input as Record<string, unknown>;
  checkKnownKeys(issues, '', value, SHEET_CONTENT_FIELDS);
  const present = (key: string): boolean => complete || value[key] !== undefined;
  const result: Record<string, unknown> = {};
  if (present('category')) checkEnum(issues, 'category', value.category, CATEGORIES, { nullable: true });
  if (present('implementingBody')) checkImplementingBody(issues, value.implementingBody);
  if (present('finance')) checkFinance(issues, value.finance, complete);
  if (present('strategyKpis')) checkStrategyKpis(issues, 'strategyKpis', value.strategyKpis);
  if (present('planKpis')) checkPlanKpis(issues, 'planKpis', value.planKpis);
  for (const key of SHEET_CONTENT_FIELDS) if (present(key)) result[key] = value[key];
  for (const key of RICH_TEXT_FIELDS) if (present(key)) result[key] = normalizeRichText(issues, key, value[key]);
  issues.throwIfAny();
  return result as SheetContentPatch;
}

export const normalizeContentPatch = (patch: unknown): SheetContentPatch => normalize(patch, false);

export const normalizeContent = (content: unknown): SheetContent => normalize(content, true) as SheetContent;
