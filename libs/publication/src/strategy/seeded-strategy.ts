import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PolicyArea } from '@kensho/review';
import { loadSeedSet, seedDirFor, type SeedSet } from '@kensho/seeds';
import type { StrategyReference } from '../edition/edition.types.js';

/**
 * The strategy master (area names, measure tree) lives only in the seed files: no event records it
 * yet (numerical goals do: they come from the cycle). A publication copies what it used into its snapshot, so an edition
 * never changes when these files do.
 */
const loaded = new Map<string, SeedSet>();

function seedSet(dir: string): SeedSet {
  let set = loaded.get(dir);
  if (!set) {
    set = loadSeedSet(dir);
    loaded.set(dir, set);
  }
  return set;
}

function seededYears(): number[] {
  const root = dirname(seedDirFor(2016));
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .map((name) => /^fy(\d{4})$/.exec(name)?.[1])
    .filter((year): year is string => year !== undefined)
    .map(Number)
    .sort((a, b) => b - a);
}

export function toStrategyReference(set: SeedSet): StrategyReference {
  const { strategy } = set;
  return {
    name: strategy.name,
    period: { from: strategy.period.from, to: strategy.period.to },
    areas: strategy.policyAreas.map((area) => ({
      code: area.code as PolicyArea,
      name: area.name,
      directions: area.basicDirections.map((d) => ({
        name: d.name,
        measures: d.measures.map((m) => ({ name: m.name, subMeasures: [...m.subMeasures] })),
      })),
    })),
  };
}

/** The newest seeded strategy whose period covers the fiscal year, or null (the report then names areas by number). */
export function seededStrategyFor(fiscalYear: number): StrategyReference | null {
  for (const year of seededYears()) {
    if (year > fiscalYear) continue;
    const set = seedSet(seedDirFor(year));
    const { from, to } = set.strategy.period;
    if (from <= fiscalYear && fiscalYear <= to) return toStrategyReference(set);
  }
  return null;
}
