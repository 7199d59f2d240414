import { departmentName, DomainError, sameDepartment, type Actor } from '@kensho/review';
import type { ViewFilter } from './view-types.js';

/**
 * A department reads its own figures only (docs/api.md: "department: own"); naming another one is
 * refused, not silently emptied. A slug is accepted for the department and read as its name.
 */
export function scopeToViewer(filter: ViewFilter, viewer: Actor): ViewFilter {
  const department = filter.department === undefined ? undefined : (departmentName(filter.department.trim()) ?? filter.department.trim());
  if (viewer.role !== 'department') return withoutUndefined({ ...filter, department });
  const own = departmentName(viewer.department ?? '') ?? viewer.department ?? '';
  if (department !== undefined && !sameDepartment(own, department)) {
    throw new DomainError('sheet.forbidden_department', 'forbidden', `A ${own} token cannot read ${department}'s figures (他課の集計は閲覧できません)`, {
      department,
      yourDepartment: own,
    });
  }
  return withoutUndefined({ ...filter, department: own });
}

const withoutUndefined = (filter: ViewFilter): ViewFilter => Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as ViewFilter;

/** `AND …` clauses over a table with department, status and policy_areas columns; values numbered after `offset`. */
export function filterClauses(filter: ViewFilter, offset: number): { sql: string; values: unknown[] } {
  const clauses: string[] = [];
  const values: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    values.push(value);
    clauses.push(sql.replace('?', `$${offset + values.length}`));
  };
  if (filter.department !== undefined) add('department = ?', filter.department);
  if (filter.status !== undefined) add('status = ?', filter.status);
  if (filter.policyArea !== undefined) add('? = ANY(policy_areas)', filter.policyArea);
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), values };
}
