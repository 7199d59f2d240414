import type { PublishedSheet } from '../edition/edition.types.js';

export type KpiKind = 'strategy' | 'plan';

/** Identity of a KPI across sheets: the strategy master id where there is one, else its name. */
export const kpiKey = (kind: KpiKind, kpi: { name: string; kpiId?: string }): string =>
  kind === 'strategy' ? `strategy:${kpi.kpiId ?? kpi.name}` : `plan:${kpi.name}`;

/**
 * How many projects of the edition feed each KPI: the printed "( /n)" (docs/domain.md: derived, never
 * stored). Two departments' sheets of one project count once.
 */
export function kpiShares(sheets: readonly PublishedSheet[]): (kind: KpiKind, kpi: { name: string; kpiId?: string }) => number {
  const projects = new Map<string, Set<string>>();
  const add = (key: string, code: string) => {
    const set = projects.get(key) ?? new Set<string>();
    set.add(code);
    projects.set(key, set);
  };
  for (const sheet of sheets) {
    for (const kpi of sheet.content.strategyKpis) add(kpiKey('strategy', kpi), sheet.projectCode);
    for (const kpi of sheet.content.planKpis) add(kpiKey('plan', kpi), sheet.projectCode);
  }
  return (kind, kpi) => projects.get(kpiKey(kind, kpi))?.size ?? 0;
}
