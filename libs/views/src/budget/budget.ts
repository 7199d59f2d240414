import { FUNDING_PARTS, POLICY_AREAS, type Amount, type Funding } from '@kensho/review';
import { compareText, type SheetFacts } from '../facts.js';

/** Totals in thousand yen (千円). A total is null when no sheet of the group has the figure: empty ≠ zero. */
export interface BudgetFigures {
  sheetCount: number;
  budget: Amount;
  settlement: Amount;
  /** Settlement / budget (1 = spent as budgeted), over the sheets that have both figures. */
  executionRate: number | null;
  funding: Funding;
  fundingTotal: Amount;
  /** Sheets whose cell is empty, so the reader knows a total is partial. */
  missingBudget: number;
  missingSettlement: number;
  /** Sheets that spent more than budgeted (2-02: 25,592 → 44,511): flagged, not an error. */
  overBudget: number;
}

export interface SheetBudget extends BudgetFigures {
  sheetId: string;
  projectCode: string;
  projectName: string;
  department: string;
  policyAreas: string[];
  status: string;
}

export interface BudgetExecution {
  unit: '千円';
  total: BudgetFigures;
  byDepartment: Array<BudgetFigures & { department: string }>;
  /** A sheet in two policy areas (1 and プラス1) counts in both, so these do not add up to the total. */
  byPolicyArea: Array<BudgetFigures & { policyArea: string }>;
  sheets: SheetBudget[];
}

const sum = (values: Amount[]): Amount => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
};

const rate = (settlement: number, budget: number): number | null => (budget > 0 ? settlement / budget : null);

export function budgetFigures(sheets: SheetFacts[]): BudgetFigures {
  const comparable = sheets.filter((s) => s.budget !== null && s.settlement !== null);
  const comparableBudget = comparable.reduce((a, s) => a + s.budget!, 0);
  const comparableSettlement = comparable.reduce((a, s) => a + s.settlement!, 0);
  const funding = Object.fromEntries(FUNDING_PARTS.map((part) => [part, sum(sheets.map((s) => s.funding[part]))])) as unknown as Funding;
  return {
    sheetCount: sheets.length,
    budget: sum(sheets.map((s) => s.budget)),
    settlement: sum(sheets.map((s) => s.settlement)),
    executionRate: comparable.length === 0 ? null : rate(comparableSettlement, comparableBudget),
    funding,
    fundingTotal: sum(FUNDING_PARTS.map((part) => funding[part])),
    missingBudget: sheets.filter((s) => s.budget === null).length,
    missingSettlement: sheets.filter((s) => s.settlement === null).length,
    overBudget: sheets.filter((s) => s.budget !== null && s.settlement !== null && s.settlement > s.budget).length,
  };
}

function groupBy(sheets: SheetFacts[], keys: (s: SheetFacts) => string[]): Map<string, SheetFacts[]> {
  const groups = new Map<string, SheetFacts[]>();
  for (const sheet of sheets) for (const key of keys(sheet)) groups.set(key, [...(groups.get(key) ?? []), sheet]);
  return groups;
}

const areaOrder = (a: string, b: string) => {
  const [ia, ib] = [a, b].map((x) => (POLICY_AREAS as readonly string[]).indexOf(x));
  return ia === -1 || ib === -1 ? compareText(a, b) : ia - ib;
};

export function budgetExecution(sheets: SheetFacts[]): BudgetExecution {
  const byDepartment = [...groupBy(sheets, (s) => [s.department]).entries()]
    .sort(([a], [b]) => compareText(a, b))
    .map(([department, group]) => ({ department, ...budgetFigures(group) }));
  const byPolicyArea = [...groupBy(sheets, (s) => s.policyAreas).entries()]
    .sort(([a], [b]) => areaOrder(a, b))
    .map(([policyArea, group]) => ({ policyArea, ...budgetFigures(group) }));
  return {
    unit: '千円',
    total: budgetFigures(sheets),
    byDepartment,
    byPolicyArea,
    sheets: sheets.map((s) => ({
      sheetId: s.sheetId,
      projectCode: s.projectCode,
      projectName: s.projectName,
      department: s.department,
      policyAreas: s.policyAreas,
      status: s.status,
      ...budgetFigures([s]),
    })),
  };
}
