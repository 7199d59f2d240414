import type { BudgetFigures } from '../budget/budget.js';
import { percent, STATUS_LABEL } from '../labels.js';
import type { BudgetView } from '../view-types.js';
import { toCsv, type CsvColumn } from './csv.js';

interface BudgetRow extends BudgetFigures {
  level: '年度' | '所管課' | '施策区分' | 'シート';
  policyArea?: string;
  department?: string;
  projectCode?: string;
  projectName?: string;
  status?: string;
}

const COLUMNS: CsvColumn<BudgetRow & { fiscalYearLabel: string }>[] = [
  { header: '集計単位', value: (r) => r.level },
  { header: '年度', value: (r) => r.fiscalYearLabel },
  { header: '施策区分', value: (r) => r.policyArea },
  { header: '所管課', value: (r) => r.department },
  { header: '事業コード', value: (r) => r.projectCode },
  { header: '事業名', value: (r) => r.projectName },
  { header: '状態', value: (r) => r.status },
  { header: 'シート数（件）', value: (r) => r.sheetCount },
  { header: '予算（千円）', value: (r) => r.budget },
  { header: '決算（千円）', value: (r) => r.settlement },
  { header: '執行率（%）', value: (r) => percent(r.executionRate) },
  { header: '財源内訳 国・道（千円）', value: (r) => r.funding.nationalPrefectural },
  { header: '財源内訳 地方債（千円）', value: (r) => r.funding.municipalBonds },
  { header: '財源内訳 その他（千円）', value: (r) => r.funding.other },
  { header: '財源内訳 一般財源（千円）', value: (r) => r.funding.generalFund },
  { header: '財源内訳 計（千円）', value: (r) => r.fundingTotal },
  { header: '予算未記載（件）', value: (r) => r.missingBudget },
  { header: '決算未記載（件）', value: (r) => r.missingSettlement },
  { header: '予算超過（件）', value: (r) => r.overBudget },
];

/**
 * Every level in one table, told apart by 集計単位. A sheet row leaves 施策区分 empty: a sheet in
 * two areas would need two values in one cell; the 施策区分 rows carry the per-area totals.
 */
export function budgetCsv(view: BudgetView): string {
  const rows: BudgetRow[] = [
    { level: '年度', ...view.total },
    ...view.byDepartment.map((d): BudgetRow => ({ level: '所管課', ...d })),
    ...view.byPolicyArea.map((a): BudgetRow => ({ level: '施策区分', ...a })),
    ...view.sheets.map(
      ({ policyAreas: _areas, status, ...s }): BudgetRow => ({ level: 'シート', ...s, status: STATUS_LABEL[status as keyof typeof STATUS_LABEL] ?? status }),
    ),
  ];
  return toCsv(
    COLUMNS,
    rows.map((r) => ({ ...r, fiscalYearLabel: view.fiscalYearLabel })),
  );
}
