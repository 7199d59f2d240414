import { DIRECTIONS, EFFECTIVENESS, POLICY_AREAS, STRATEGY_REVISIONS, type EvaluationChoice } from '@kensho/review';
import type { SheetFacts } from '../facts.js';

/** The options of each of the three department choices, in the printed order. */
export const CHOICE_OPTIONS: Record<EvaluationChoice, readonly string[]> = {
  effectiveness: EFFECTIVENESS,
  direction: DIRECTIONS,
  strategyRevision: STRATEGY_REVISIONS,
};
export const CHOICES = Object.keys(CHOICE_OPTIONS) as EvaluationChoice[];

/** Sheets per option; `unknown` counts sheets without a value (not yet chosen, or lost in the source). */
export type OptionCounts = Record<string, number> & { unknown: number };

export interface ChoiceSummary {
  sheetCount: number;
  effectiveness: OptionCounts;
  direction: OptionCounts;
  strategyRevision: OptionCounts;
  /** Of each option's count, how many were read from the written reason rather than ticked. */
  inferred: Record<EvaluationChoice, Record<string, number>>;
}

export interface EvaluationSummary {
  /** Each policy area; a sheet in two areas counts in both. */
  byPolicyArea: Array<ChoiceSummary & { policyArea: string }>;
  /** Every sheet once. */
  total: ChoiceSummary;
}

function summarise(sheets: SheetFacts[]): ChoiceSummary {
  const summary = { sheetCount: sheets.length, inferred: {} } as ChoiceSummary;
  for (const choice of CHOICES) {
    const counts = Object.fromEntries([...CHOICE_OPTIONS[choice], 'unknown'].map((o) => [o, 0])) as OptionCounts;
    const inferred = Object.fromEntries(CHOICE_OPTIONS[choice].map((o) => [o, 0])) as Record<string, number>;
    for (const sheet of sheets) {
      const value = sheet[choice];
      // A value outside today's options (a later schema) still counts, under its own name.
      counts[value ?? 'unknown'] = (counts[value ?? 'unknown'] ?? 0) + 1;
      if (value !== null && sheet.provenance?.[choice] === 'inferred') inferred[value] = (inferred[value] ?? 0) + 1;
    }
    summary[choice] = counts;
    summary.inferred[choice] = inferred;
  }
  return summary;
}

export function evaluationSummary(sheets: SheetFacts[]): EvaluationSummary {
  const areas = [...new Set(sheets.flatMap((s) => s.policyAreas))].sort(
    (a, b) => (POLICY_AREAS as readonly string[]).indexOf(a) - (POLICY_AREAS as readonly string[]).indexOf(b),
  );
  return {
    byPolicyArea: areas.map((policyArea) => ({ policyArea, ...summarise(sheets.filter((s) => s.policyAreas.includes(policyArea))) })),
    total: summarise(sheets),
  };
}
