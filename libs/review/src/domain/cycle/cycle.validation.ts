import { checkKnownKeys, checkText, isRecord, Issues } from '../validation.js';
import { checkMaxLength, LIMITS } from '../limits.js';
import { isIsoDate } from '../values/dates.js';
import { isFiscalYear } from '../values/fiscal-year.js';
import type { PolicyArea } from '../values/policy-area.js';
import { isPolicyArea } from '../values/policy-area.js';
import type { OpenCycle, RecordCommitteeMeeting, SheetSnapshot } from './cycle.commands.js';
import type { CycleDeadlines } from './cycle.state.js';
import { DEADLINE_ORDER } from './cycle.state.js';

/** Deadlines follow the year's flow: submission ≤ planning review ≤ committee ≤ publication (gaps allowed). */
export function validateOpenCycle(command: OpenCycle): CycleDeadlines {
  const issues = new Issues();
  if (!isFiscalYear(command.fiscalYear)) {
    issues.add('fiscalYear', 'value.invalid_fiscal_year', 'must be a western fiscal year', command.fiscalYear);
  }
  checkText(issues, 'title', command.title);
  checkMaxLength(issues, 'title', command.title, LIMITS.cycleTitle);
  const input: unknown = command.deadlines ?? {};
  const deadlines: CycleDeadlines = { departmentSubmission: null, planningReview: null, committee: null, publication: null };
  if (!isRecord(input)) {
    issues.add('deadlines', 'value.invalid_type', 'must be an object', input);
    issues.throwIfAny();
    return deadlines;
  }
  checkKnownKeys(issues, 'deadlines', input, DEADLINE_ORDER);
  let previous: { key: string; date: string } | null = null;
  for (const key of DEADLINE_ORDER) {
    const value = input[key];
    if (value === undefined || value === null) continue;
    if (!isIsoDate(value)) {
      issues.add(`deadlines.${key}`, 'value.invalid_date', "must be a calendar date 'YYYY-MM-DD'", value);
      continue;
    }
    if (previous && value < previous.date) {
      issues.add(`deadlines.${key}`, 'cycle.deadlines_out_of_order', `must not be before deadlines.${previous.key} (${previous.date})`, value);
    }
    deadlines[key] = value;
    previous = { key, date: value };
  }
  issues.throwIfAny();
  return deadlines;
}

export function validateSnapshots(input: unknown): SheetSnapshot[] {
  const issues = new Issues();
  if (!Array.isArray(input)) {
    issues.add('sheets', 'value.invalid_type', 'must be an array', input);
    issues.throwIfAny();
  }
  const seen = new Set<unknown>();
  (input as unknown[]).forEach((sheet, i) => {
    const at = `sheets[${i}]`;
    if (!isRecord(sheet)) return issues.add(at, 'value.invalid_type', 'must be an object', sheet);
    checkText(issues, `${at}.sheetId`, sheet.sheetId);
    checkText(issues, `${at}.status`, sheet.status);
    // A sheet whose stream does not exist has neither a version nor a head.
    if (sheet.status !== 'missing') {
      checkText(issues, `${at}.headHash`, sheet.headHash);
      if (typeof sheet.version !== 'number' || !Number.isInteger(sheet.version) || sheet.version < 0) {
        issues.add(`${at}.version`, 'value.invalid_type', 'must be a non-negative integer', sheet.version);
      }
    }
    if (seen.has(sheet.sheetId)) issues.add(`${at}.sheetId`, 'value.duplicate', 'appears twice', sheet.sheetId);
    seen.add(sheet.sheetId);
  });
  issues.throwIfAny();
  return input as SheetSnapshot[];
}

export function validateCommitteeMeeting(command: RecordCommitteeMeeting): Partial<Record<PolicyArea, string>> {
  const issues = new Issues();
  if (!isIsoDate(command.date)) issues.add('date', 'value.invalid_date', "must be a calendar date 'YYYY-MM-DD'", command.date);
  const opinions: unknown = command.opinionsByPolicyArea;
  if (!isRecord(opinions)) {
    issues.add('opinionsByPolicyArea', 'value.invalid_type', 'must be an object keyed by policy area', opinions);
  } else {
    for (const [area, opinion] of Object.entries(opinions)) {
      if (!isPolicyArea(area)) issues.add(`opinionsByPolicyArea.${area}`, 'sheet.invalid_policy_area', 'is not a policy area');
      else {
        checkText(issues, `opinionsByPolicyArea.${area}`, opinion);
        checkMaxLength(issues, `opinionsByPolicyArea.${area}`, opinion, LIMITS.committeeOpinion);
      }
    }
  }
  issues.throwIfAny();
  return { ...(opinions as Partial<Record<PolicyArea, string>>) };
}
