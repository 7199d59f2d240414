import { cloneJson } from '../equality.js';
import { emptyKpiValue } from '../values/kpi-value.js';
import type { PlanKpiEntry, SheetContent, StrategyKpiEntry } from './sheet.content.js';
import { emptyFinance } from './sheet.content.js';

function carryStrategyKpi(entry: StrategyKpiEntry): StrategyKpiEntry {
  const next: StrategyKpiEntry = {
    name: entry.name,
    target: cloneJson(entry.target),
    targetPeriod: cloneJson(entry.targetPeriod),
    actual: emptyKpiValue(),
    // The new actual covers a different span of years; the department states it, we do not extrapolate.
    actualPeriod: null,
  };
  if (entry.kpiId !== undefined) next.kpiId = entry.kpiId;
  if (entry.lowerIsBetter !== undefined) next.lowerIsBetter = entry.lowerIsBetter;
  return next;
}

function carryPlanKpi(entry: PlanKpiEntry): PlanKpiEntry {
  const next: PlanKpiEntry = {
    name: entry.name,
    targetThisYear: cloneJson(entry.targetThisYear),
    targetLaterYear: cloneJson(entry.targetLaterYear),
    laterFiscalYear: entry.laterFiscalYear,
    actualThisYear: emptyKpiValue(),
  };
  if (entry.lowerIsBetter !== undefined) next.lowerIsBetter = entry.lowerIsBetter;
  return next;
}

/**
 * A new year's sheet starts from last year's static data (what the project is, what it measures, against
 * which targets) and none of last year's facts (money, what was done, its effect, the actuals).
 * A project that already had a 区分 is, a year later, 継続.
 */
export function carryForwardContent(previous: SheetContent): SheetContent {
  return {
    category: previous.category === null ? null : 'continuing',
    implementingBody: cloneJson(previous.implementingBody),
    summary: cloneJson(previous.summary),
    finance: emptyFinance(),
    implementation: null,
    effect: null,
    strategyKpis: previous.strategyKpis.map(carryStrategyKpi),
    planKpis: previous.planKpis.map(carryPlanKpi),
  };
}
