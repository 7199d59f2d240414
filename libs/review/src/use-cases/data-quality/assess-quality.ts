import { CHOICE_LABELS as CHOICE_LABEL, sumAmounts, type KpiValue } from '../../domain/index.js';
import type { SheetView } from '../../read-models/sheet-view.js';

export type FindingKind =
  | 'funding_mismatch'
  | 'settlement_exceeds_budget'
  | 'missing_budget'
  | 'missing_settlement'
  | 'missing_summary'
  | 'kpi_actual_not_numeric'
  | 'kpi_share_mismatch'
  | 'choice_inferred'
  | 'choice_unknown';

export interface Finding {
  kind: FindingKind;
  field: string;
  message: string;
  values: Record<string, unknown>;
}

export interface SheetFindings {
  sheetId: string;
  projectCode: string;
  projectName: string;
  department: string;
  findings: Finding[];
}

export interface QualityReport {
  fiscalYear: number;
  sheetCount: number;
  findingCount: number;
  countsByKind: Partial<Record<FindingKind, number>>;
  sheets: SheetFindings[];
}

const CHOICES = ['effectiveness', 'direction', 'strategyRevision'] as const;

/**
 * What the planning division (企画課) wants to see before the committee meets, sheet by sheet.
 * Pure: the caller passes every sheet of the cycle (KPI counts are across sheets).
 */
export function assessQuality(fiscalYear: number, sheets: SheetView[]): QualityReport {
  const feeding = kpiFeeding(sheets);
  const result = sheets.map((sheet) => ({
    sheetId: sheet.id,
    projectCode: sheet.projectCode,
    projectName: sheet.projectName,
    department: sheet.department,
    findings: [...financeFindings(sheet), ...contentFindings(sheet), ...kpiFindings(sheet, feeding), ...choiceFindings(sheet)],
  }));
  const countsByKind: QualityReport['countsByKind'] = {};
  for (const finding of result.flatMap((s) => s.findings)) countsByKind[finding.kind] = (countsByKind[finding.kind] ?? 0) + 1;
  return {
    fiscalYear,
    sheetCount: sheets.length,
    findingCount: result.reduce((n, s) => n + s.findings.length, 0),
    countsByKind,
    sheets: result,
  };
}

const yen = (n: number | null) => (n === null ? 'empty' : `${n.toLocaleString('en-US')} 千円`);

function financeFindings(sheet: SheetView): Finding[] {
  const { budget, settlement, funding } = sheet.finance;
  const findings: Finding[] = [];
  if (budget === null) findings.push({ kind: 'missing_budget', field: 'finance.budget', message: '予算 is empty', values: { budget } });
  if (settlement === null) findings.push({ kind: 'missing_settlement', field: 'finance.settlement', message: '決算 is empty', values: { settlement } });
  if (budget !== null && settlement !== null && settlement > budget) {
    findings.push({
      kind: 'settlement_exceeds_budget',
      field: 'finance.settlement',
      message: `決算 ${yen(settlement)} exceeds 予算 ${yen(budget)}`,
      values: { budget, settlement },
    });
  }
  const fundingTotal = sumAmounts(Object.values(funding));
  if (settlement !== null && fundingTotal !== settlement) {
    findings.push({
      kind: 'funding_mismatch',
      field: 'finance.funding',
      message: `財源内訳 adds up to ${yen(fundingTotal)}, 決算 is ${yen(settlement)}`,
      values: { settlement, fundingTotal, funding },
    });
  }
  return findings;
}

function contentFindings(sheet: SheetView): Finding[] {
  const empty = !sheet.summary || sheet.summary.length === 0;
  return empty ? [{ kind: 'missing_summary', field: 'summary', message: '事業概要 is empty', values: { summary: sheet.summary } }] : [];
}

function notNumeric(field: string, name: string, value: KpiValue): Finding | null {
  if (value.status === 'numeric') return null;
  return {
    kind: 'kpi_actual_not_numeric',
    field,
    message: `KPI 「${name}」 has no numeric actual (${value.text === '' ? 'empty' : `「${value.text}」`}, ${value.status})`,
    values: { kpi: name, text: value.text, status: value.status },
  };
}

interface Feeding {
  projects: Set<string>;
  sheets: number;
}

/** Which projects and sheets of the cycle carry each KPI (strategy KPIs by id, plan KPIs by name). */
function kpiFeeding(sheets: SheetView[]): Map<string, Feeding> {
  const map = new Map<string, Feeding>();
  const add = (key: string, projectCode: string) => {
    const entry = map.get(key) ?? { projects: new Set<string>(), sheets: 0 };
    entry.projects.add(projectCode);
    entry.sheets++;
    map.set(key, entry);
  };
  for (const sheet of sheets) {
    for (const kpi of sheet.strategyKpis) add(`strategy:${kpi.kpiId ?? kpi.name}`, sheet.projectCode);
    for (const kpi of sheet.planKpis) add(`plan:${kpi.name}`, sheet.projectCode);
  }
  return map;
}

function shareMismatch(field: string, name: string, printed: number | null | undefined, feeding: Feeding | undefined): Finding | null {
  if (printed === undefined || printed === null || !feeding) return null;
  const projects = feeding.projects.size;
  if (printed === projects) return null;
  return {
    kind: 'kpi_share_mismatch',
    field,
    message: `KPI 「${name}」 prints ( /${printed}) but ${projects} project(s) feed it (${feeding.sheets} sheet(s) in this cycle)`,
    values: { kpi: name, printed, projects, sheets: feeding.sheets, projectCodes: [...feeding.projects].sort() },
  };
}

function kpiFindings(sheet: SheetView, feeding: Map<string, Feeding>): Finding[] {
  const findings: Array<Finding | null> = [];
  sheet.strategyKpis.forEach((kpi, i) => {
    findings.push(notNumeric(`strategyKpis[${i}].actual`, kpi.name, kpi.actual));
    findings.push(shareMismatch(`strategyKpis[${i}].printedShare`, kpi.name, kpi.printedShare, feeding.get(`strategy:${kpi.kpiId ?? kpi.name}`)));
  });
  sheet.planKpis.forEach((kpi, i) => {
    findings.push(notNumeric(`planKpis[${i}].actualThisYear`, kpi.name, kpi.actualThisYear));
    findings.push(shareMismatch(`planKpis[${i}].printedShare`, kpi.name, kpi.printedShare, feeding.get(`plan:${kpi.name}`)));
  });
  return findings.filter((f): f is Finding => f !== null);
}

function choiceFindings(sheet: SheetView): Finding[] {
  const findings: Finding[] = [];
  for (const choice of CHOICES) {
    const provenance = sheet.evaluation.provenance?.[choice] ?? 'stated';
    if (provenance === 'stated') continue;
    findings.push({
      kind: provenance === 'inferred' ? 'choice_inferred' : 'choice_unknown',
      field: `evaluation.${choice}`,
      message:
        provenance === 'inferred'
          ? `${CHOICE_LABEL[choice]}: 「${sheet.evaluation[choice]}」 was read from the written reason (the tick was lost)`
          : `${CHOICE_LABEL[choice]}: the tick was lost and the reason does not tell`,
      values: { provenance, value: sheet.evaluation[choice] },
    });
  }
  if (sheet.category === null) {
    findings.push({ kind: 'choice_unknown', field: 'category', message: '区分 (新規/継続/見直し) is not recorded', values: { value: null } });
  }
  if (sheet.implementingBody.city === null) {
    findings.push({
      kind: 'choice_unknown',
      field: 'implementingBody.city',
      message: '事業主体: whether 室蘭市 was ticked is not recorded',
      values: { value: null },
    });
  }
  return findings;
}
