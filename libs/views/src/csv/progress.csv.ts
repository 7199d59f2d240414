import { SHEET_STATUSES } from '@kensho/review';
import { STATUS_LABEL } from '../labels.js';
import type { DepartmentProgress } from '../progress/progress.js';
import type { ProgressView } from '../view-types.js';
import { toCsv, type CsvColumn } from './csv.js';

const COLUMNS: CsvColumn<DepartmentProgress>[] = [
  { header: '所管課', value: (r) => r.department },
  { header: 'シート数（件）', value: (r) => r.sheetCount },
  ...SHEET_STATUSES.map((status): CsvColumn<DepartmentProgress> => ({ header: `${STATUS_LABEL[status]}（件）`, value: (r) => r.byStatus[status] })),
  { header: '未提出（件）', value: (r) => r.notSubmitted },
  { header: '期限超過（件）', value: (r) => r.pastDeadline },
];

/** One row per department and a 合計 row: the matrix the planning division tracks. */
export function progressCsv(view: ProgressView): string {
  const total: DepartmentProgress = {
    department: '合計',
    sheetCount: view.sheetCount,
    byStatus: view.byStatus,
    notSubmitted: view.byDepartment.reduce((a, d) => a + d.notSubmitted, 0),
    pastDeadline: view.byDepartment.reduce((a, d) => a + d.pastDeadline, 0),
  };
  return toCsv(COLUMNS, [...view.byDepartment, total]);
}
