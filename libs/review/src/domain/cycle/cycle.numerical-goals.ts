import { checkBoolean, checkKnownKeys, checkOptionalText, checkText, isRecord, Issues } from '../validation.js';
import { checkMaxLength, LIMITS } from '../limits.js';
import { isFiscalYearPeriod } from '../values/fiscal-year.js';
import { checkKpiValue } from '../values/kpi-value.js';
import { isPolicyArea } from '../values/policy-area.js';
import type { NumericalGoal } from './cycle.commands.js';

const GOAL_FIELDS: readonly (keyof NumericalGoal)[] = [
  'id',
  'policyArea',
  'measure',
  'target',
  'targetPeriod',
  'actual',
  'actualPeriod',
  'lowerIsBetter',
  'note',
];

// The source prints a handful per policy area; a bigger list is a mistake, not a strategy.
const MAX_GOALS = LIMITS.numericalGoals;

function checkPeriod(issues: Issues, field: string, value: unknown): void {
  if (value !== null && !isFiscalYearPeriod(value)) {
    issues.add(field, 'value.invalid_period', 'must be null or {from, to} fiscal years with from ≤ to', value);
  }
}

/** Every bad field named at once; returns the goals with an absent note made explicit (null). */
export function validateNumericalGoals(input: unknown): NumericalGoal[] {
  const issues = new Issues();
  if (!Array.isArray(input)) {
    issues.add('goals', 'value.invalid_type', 'must be an array', input);
    issues.throwIfAny();
  }
  const goals = input as unknown[];
  if (goals.length > MAX_GOALS) issues.add('goals', 'value.too_many', `must hold at most ${MAX_GOALS} goals`, goals.length);
  const seen = new Set<unknown>();
  goals.forEach((goal, i) => {
    const at = `goals[${i}]`;
    if (!isRecord(goal)) return issues.add(at, 'value.invalid_type', 'must be an object', goal);
    checkKnownKeys(issues, at, goal, GOAL_FIELDS);
    checkText(issues, `${at}.id`, goal.id);
    checkMaxLength(issues, `${at}.id`, goal.id, LIMITS.numericalGoalId);
    if (typeof goal.id === 'string' && seen.has(goal.id.trim())) issues.add(`${at}.id`, 'value.duplicate', 'appears twice', goal.id);
    if (typeof goal.id === 'string') seen.add(goal.id.trim());
    if (!isPolicyArea(goal.policyArea)) issues.add(`${at}.policyArea`, 'sheet.invalid_policy_area', 'is not a policy area', goal.policyArea);
    checkText(issues, `${at}.measure`, goal.measure);
    checkMaxLength(issues, `${at}.measure`, goal.measure, LIMITS.numericalGoalMeasure);
    for (const key of ['target', 'actual'] as const) {
      if (isRecord(goal[key])) checkMaxLength(issues, `${at}.${key}.text`, (goal[key] as Record<string, unknown>).text, LIMITS.numericalGoalValue);
    }
    checkKpiValue(issues, `${at}.target`, goal.target);
    checkKpiValue(issues, `${at}.actual`, goal.actual);
    checkPeriod(issues, `${at}.targetPeriod`, goal.targetPeriod ?? null);
    checkPeriod(issues, `${at}.actualPeriod`, goal.actualPeriod ?? null);
    checkBoolean(issues, `${at}.lowerIsBetter`, goal.lowerIsBetter);
    checkOptionalText(issues, `${at}.note`, goal.note);
    checkMaxLength(issues, `${at}.note`, goal.note, LIMITS.numericalGoalNote);
  });
  issues.throwIfAny();
  return (goals as NumericalGoal[]).map((goal) => ({
    id: goal.id.trim(),
    policyArea: goal.policyArea,
    measure: goal.measure.trim(),
    target: goal.target,
    targetPeriod: goal.targetPeriod ?? null,
    actual: goal.actual,
    actualPeriod: goal.actualPeriod ?? null,
    lowerIsBetter: goal.lowerIsBetter,
    note: goal.note ?? null,
  }));
}
