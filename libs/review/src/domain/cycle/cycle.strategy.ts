import { checkKnownKeys, checkText, isRecord, Issues } from '../validation.js';
import { checkMaxItems, checkMaxLength, LIMITS } from '../limits.js';
import { isFiscalYearPeriod } from '../values/fiscal-year.js';
import { isProjectCode } from '../values/ids.js';
import { isPolicyArea } from '../values/policy-area.js';
import type { Strategy, StrategyDirection, StrategyKpiDefinition, StrategyMeasure, StrategyPolicyArea } from './cycle.commands.js';

const STRATEGY_FIELDS: readonly (keyof Strategy)[] = ['name', 'period', 'policyAreas', 'strategyKpis'];
const AREA_FIELDS: readonly (keyof StrategyPolicyArea)[] = ['code', 'name', 'basicDirections'];
const DIRECTION_FIELDS: readonly (keyof StrategyDirection)[] = ['name', 'measures'];
const MEASURE_FIELDS: readonly (keyof StrategyMeasure)[] = ['name', 'subMeasures'];
const KPI_FIELDS: readonly (keyof StrategyKpiDefinition)[] = ['id', 'name', 'printedShares', 'projects'];

/** A list that must be an array: the issue is added and the caller skips its items otherwise. */
function checkList(issues: Issues, field: string, value: unknown, max: number): value is unknown[] {
  if (!Array.isArray(value)) {
    issues.add(field, 'value.invalid_type', 'must be an array', value);
    return false;
  }
  checkMaxItems(issues, field, value, max);
  return true;
}

function checkName(issues: Issues, field: string, value: unknown, max: number): void {
  checkText(issues, field, value);
  checkMaxLength(issues, field, value, max);
}

function checkMeasure(issues: Issues, at: string, measure: unknown): void {
  if (!isRecord(measure)) return issues.add(at, 'value.invalid_type', 'must be an object', measure);
  checkKnownKeys(issues, at, measure, MEASURE_FIELDS);
  checkName(issues, `${at}.name`, measure.name, LIMITS.strategyText);
  if (checkList(issues, `${at}.subMeasures`, measure.subMeasures, LIMITS.strategyListItems)) {
    measure.subMeasures.forEach((sub, i) => checkName(issues, `${at}.subMeasures[${i}]`, sub, LIMITS.strategyText));
  }
}

function checkArea(issues: Issues, at: string, area: unknown, seen: Set<unknown>): void {
  if (!isRecord(area)) return issues.add(at, 'value.invalid_type', 'must be an object', area);
  checkKnownKeys(issues, at, area, AREA_FIELDS);
  if (!isPolicyArea(area.code)) issues.add(`${at}.code`, 'sheet.invalid_policy_area', 'is not a policy area', area.code);
  else if (seen.has(area.code)) issues.add(`${at}.code`, 'value.duplicate', 'appears twice', area.code);
  seen.add(area.code);
  checkName(issues, `${at}.name`, area.name, LIMITS.strategyText);
  if (!checkList(issues, `${at}.basicDirections`, area.basicDirections, LIMITS.strategyListItems)) return;
  area.basicDirections.forEach((direction, d) => {
    const where = `${at}.basicDirections[${d}]`;
    if (!isRecord(direction)) return issues.add(where, 'value.invalid_type', 'must be an object', direction);
    checkKnownKeys(issues, where, direction, DIRECTION_FIELDS);
    checkName(issues, `${where}.name`, direction.name, LIMITS.strategyText);
    if (checkList(issues, `${where}.measures`, direction.measures, LIMITS.strategyListItems)) {
      direction.measures.forEach((measure, m) => checkMeasure(issues, `${where}.measures[${m}]`, measure));
    }
  });
}

function checkKpi(issues: Issues, at: string, kpi: unknown, seen: Set<unknown>): void {
  if (!isRecord(kpi)) return issues.add(at, 'value.invalid_type', 'must be an object', kpi);
  checkKnownKeys(issues, at, kpi, KPI_FIELDS);
  checkName(issues, `${at}.id`, kpi.id, LIMITS.kpiId);
  if (typeof kpi.id === 'string' && seen.has(kpi.id.trim())) issues.add(`${at}.id`, 'value.duplicate', 'appears twice', kpi.id);
  if (typeof kpi.id === 'string') seen.add(kpi.id.trim());
  checkName(issues, `${at}.name`, kpi.name, LIMITS.kpiName);
  if (checkList(issues, `${at}.printedShares`, kpi.printedShares, LIMITS.strategyListItems)) {
    kpi.printedShares.forEach((share, i) => {
      if (!Number.isSafeInteger(share) || (share as number) < 1)
        issues.add(`${at}.printedShares[${i}]`, 'value.invalid_type', 'must be a whole number of at least 1', share);
    });
  }
  if (checkList(issues, `${at}.projects`, kpi.projects, LIMITS.strategyKpiProjects)) {
    kpi.projects.forEach((code, i) => {
      if (!isProjectCode(code)) issues.add(`${at}.projects[${i}]`, 'sheet.invalid_project_code', "must look like '1-01'", code);
    });
  }
}

/**
 * The strategy master (総合戦略) of the cycle's fiscal year, every bad field named at once; returns
 * it with its texts trimmed, so a repeat with other whitespace compares equal.
 */
export function validateStrategy(input: unknown, fiscalYear: number): Strategy {
  const issues = new Issues();
  if (!isRecord(input)) {
    issues.add('strategy', 'value.invalid_type', 'must be an object', input);
    issues.throwIfAny();
  }
  const strategy = input as Record<string, unknown>;
  checkKnownKeys(issues, 'strategy', strategy, STRATEGY_FIELDS);
  checkName(issues, 'strategy.name', strategy.name, LIMITS.strategyText);
  if (!isFiscalYearPeriod(strategy.period)) {
    issues.add('strategy.period', 'value.invalid_period', 'must be {from, to} fiscal years with from ≤ to', strategy.period);
  } else if (strategy.period.from > fiscalYear || fiscalYear > strategy.period.to) {
    // The strategy a year's report prints is the one in force that year.
    issues.add('strategy.period', 'value.invalid_period', `must cover FY${fiscalYear} (対象年度が戦略の期間外です)`, strategy.period);
  }
  const areaCodes = new Set<unknown>();
  if (checkList(issues, 'strategy.policyAreas', strategy.policyAreas, LIMITS.strategyListItems)) {
    strategy.policyAreas.forEach((area, i) => checkArea(issues, `strategy.policyAreas[${i}]`, area, areaCodes));
  }
  const kpiIds = new Set<unknown>();
  if (checkList(issues, 'strategy.strategyKpis', strategy.strategyKpis, LIMITS.strategyKpis)) {
    strategy.strategyKpis.forEach((kpi, i) => checkKpi(issues, `strategy.strategyKpis[${i}]`, kpi, kpiIds));
  }
  issues.throwIfAny();
  const valid = input as Strategy;
  return {
    name: valid.name.trim(),
    period: { from: valid.period.from, to: valid.period.to },
    policyAreas: valid.policyAreas.map((area) => ({
      code: area.code,
      name: area.name.trim(),
      basicDirections: area.basicDirections.map((direction) => ({
        name: direction.name.trim(),
        measures: direction.measures.map((measure) => ({ name: measure.name.trim(), subMeasures: measure.subMeasures.map((s) => s.trim()) })),
      })),
    })),
    strategyKpis: valid.strategyKpis.map((kpi) => ({
      id: kpi.id.trim(),
      name: kpi.name.trim(),
      printedShares: [...kpi.printedShares],
      projects: [...kpi.projects],
    })),
  };
}
