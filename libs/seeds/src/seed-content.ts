import {
  applyContentPatch,
  applyEvaluationPatch,
  assertFundingMatchesSettlement,
  emptyEvaluation,
  emptySheetContent,
  missingForSubmit,
  parseJapanesePeriod,
  parseKpiValue,
  type Category,
  type DepartmentEvaluationPatch,
  type RichText,
  type SheetContentPatch,
  type SubmitRequiredField,
} from '@kensho/review';
import type { SheetSeed, StrategySeed } from './seed-schema.js';

/** The strategy KPI master entry a sheet's printed KPI name refers to, after recorded normalisations. */
export function strategyKpiFor(strategy: StrategySeed, printedName: string): { id: string; name: string } {
  const normalised = strategy.normalisations.find((n) => n.kind === 'strategyKpi.name' && n.original === printedName)?.normalised ?? printedName;
  const master = strategy.strategyKpis.find((k) => k.name === normalised);
  if (!master) throw new Error(`Strategy KPI "${printedName}" is not in strategy.json (normalised: "${normalised}")`);
  return { id: master.id, name: master.name };
}

/** 平成31年度目標値 → 2019. */
function laterFiscalYear(label: string): number | null {
  const match = /^平成(\d+)年度/.exec(label);
  return match ? 1988 + Number(match[1]) : null;
}

const period = (text: string | null) => (text ? parseJapanesePeriod(text) : null);

/** The sheet's content as the department wrote it, with KPI texts parsed and KPIs tied to the master. */
export function contentPatchOf(sheet: SheetSeed, strategy: StrategySeed): SheetContentPatch {
  return {
    category: sheet.category.value as Category | null,
    implementingBody: { city: sheet.implementingBody.city.value, other: sheet.implementingBody.other },
    summary: sheet.summary as RichText | null,
    finance: { budget: sheet.finance.budget, settlement: sheet.finance.settlement, funding: { ...sheet.finance.funding } },
    implementation: sheet.implementation as RichText | null,
    effect: sheet.effect as RichText | null,
    strategyKpis: sheet.strategyKpis.map((kpi) => {
      const master = strategyKpiFor(strategy, kpi.name);
      return {
        kpiId: master.id,
        name: master.name,
        target: parseKpiValue(kpi.target ?? ''),
        targetPeriod: period(kpi.targetPeriod),
        actual: parseKpiValue(kpi.actual ?? ''),
        actualPeriod: period(kpi.actualPeriod),
        printedShare: kpi.printedShare,
      };
    }),
    planKpis: sheet.planKpis.map((kpi) => ({
      name: kpi.name,
      targetThisYear: parseKpiValue(kpi.targetThisYear ?? ''),
      targetLaterYear: parseKpiValue(kpi.targetLaterYear ?? ''),
      laterFiscalYear: laterFiscalYear(kpi.laterYearLabel),
      actualThisYear: parseKpiValue(kpi.actualThisYear ?? ''),
      printedShare: kpi.printedShare,
    })),
  };
}

/** The three department choices with their reasons; lost ticks carry their provenance. */
export function evaluationPatchOf(sheet: SheetSeed): DepartmentEvaluationPatch {
  const { effectiveness, direction, strategyRevision } = sheet.evaluation;
  return {
    effectiveness: effectiveness.value as DepartmentEvaluationPatch['effectiveness'],
    effectivenessReason: effectiveness.reason,
    direction: direction.value as DepartmentEvaluationPatch['direction'],
    directionReason: direction.reason,
    strategyRevision: strategyRevision.value as DepartmentEvaluationPatch['strategyRevision'],
    strategyRevisionReason: strategyRevision.reason,
    provenance: { effectiveness: effectiveness.provenance, direction: direction.provenance, strategyRevision: strategyRevision.provenance },
  };
}

/**
 * What the original leaves empty or broken, so the sheet can be submitted as it was without
 * inventing anything: the required fields that are empty, and a funding breakdown that lost a column.
 */
export function sourceGapsOf(content: SheetContentPatch, evaluation: DepartmentEvaluationPatch): SubmitRequiredField[] {
  const filled = applyContentPatch(emptySheetContent(), content);
  const gaps: SubmitRequiredField[] = missingForSubmit(filled, applyEvaluationPatch(emptyEvaluation(), evaluation));
  try {
    assertFundingMatchesSettlement(filled.finance);
  } catch {
    gaps.push('finance.funding');
  }
  return gaps;
}
