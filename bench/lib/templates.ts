import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJapanesePeriod, parseKpiValue, type FiscalYearPeriod, type KpiValue, type PolicyArea, type RichText } from '@kensho/review';
import { repoRoot } from './repo.js';

/** One real FY2016 sheet of Muroran (seeds/fy2016), the material the generator varies. */
export interface ProjectTemplate {
  projectName: string;
  policyAreas: PolicyArea[];
  summary: RichText;
  implementation: RichText;
  effect: RichText;
  budget: number;
  strategyKpis: Array<{ name: string; target: KpiValue; targetPeriod: FiscalYearPeriod | null }>;
  planKpis: Array<{ name: string; targetThisYear: KpiValue; targetLaterYear: KpiValue }>;
  reasons: { effectiveness: string; direction: string; strategyRevision: string };
}

interface SeedSheet {
  projectName: string;
  policyAreas: PolicyArea[];
  summary: RichText | null;
  implementation: RichText | null;
  effect: RichText | null;
  finance: { budget: number | null; settlement: number | null };
  strategyKpis: Array<{ name: string; target: string | null; targetPeriod: string | null }>;
  planKpis: Array<{ name: string; targetThisYear: string | null; targetLaterYear: string | null }>;
  evaluation: Record<'effectiveness' | 'direction' | 'strategyRevision', { reason: string | null }>;
}

const FALLBACK_TEXT: RichText = [{ kind: 'paragraph', text: '事業を計画どおり実施した。' }];

export function loadTemplates(): ProjectTemplate[] {
  const dir = join(repoRoot(), 'seeds', 'fy2016', 'sheets');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as SeedSheet)
    .map((s) => ({
      projectName: s.projectName,
      policyAreas: s.policyAreas,
      summary: s.summary ?? FALLBACK_TEXT,
      implementation: s.implementation ?? FALLBACK_TEXT,
      effect: s.effect ?? FALLBACK_TEXT,
      budget: s.finance.budget ?? s.finance.settlement ?? 1000,
      strategyKpis: s.strategyKpis.map((k) => ({
        name: k.name,
        target: parseKpiValue(k.target ?? '-'),
        targetPeriod: k.targetPeriod ? parseJapanesePeriod(k.targetPeriod) : null,
      })),
      planKpis: s.planKpis.map((k) => ({
        name: k.name,
        targetThisYear: parseKpiValue(k.targetThisYear ?? '-'),
        targetLaterYear: parseKpiValue(k.targetLaterYear ?? '-'),
      })),
      reasons: {
        effectiveness: s.evaluation.effectiveness.reason ?? 'KPIの達成に寄与した。',
        direction: s.evaluation.direction.reason ?? '引き続き事業を実施する。',
        strategyRevision: s.evaluation.strategyRevision.reason ?? '総合戦略の見直しに伴う内容ではないため。',
      },
    }));
}
