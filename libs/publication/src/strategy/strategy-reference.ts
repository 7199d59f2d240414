import type { Strategy } from '@kensho/review';
import type { StrategyReference } from '../edition/edition.types.js';

/** What an edition keeps of the recorded strategy master: the area names and measure tree its pages print. */
export function toStrategyReference(strategy: Strategy): StrategyReference {
  return {
    name: strategy.name,
    period: { from: strategy.period.from, to: strategy.period.to },
    areas: strategy.policyAreas.map((area) => ({
      code: area.code,
      name: area.name,
      directions: area.basicDirections.map((d) => ({
        name: d.name,
        measures: d.measures.map((m) => ({ name: m.name, subMeasures: [...m.subMeasures] })),
      })),
    })),
  };
}

const covers = (strategy: Strategy, fiscalYear: number) => strategy.period.from <= fiscalYear && fiscalYear <= strategy.period.to;

/**
 * The strategy a fiscal year's report prints: the one recorded on its own cycle, else the one recorded
 * on the newest earlier cycle whose period covers the year (a strategy runs five years; a cycle
 * opened without recording it again still has one), else null (the report names areas by number).
 * `earlier` holds the strategies of earlier cycles, newest first.
 */
export function strategyInForce(fiscalYear: number, own: Strategy | null, earlier: readonly Strategy[]): StrategyReference | null {
  const found = own ?? earlier.find((strategy) => covers(strategy, fiscalYear));
  return found ? toStrategyReference(found) : null;
}
