import { invalid } from '../errors.js';
import { departmentSlug } from './departments.js';

// Codes look like 1-01, 2-05, 4-01 (プラス1 is numbered 4); kept loose so a new numbering still fits.
const PROJECT_CODE = /^\d+-\d+$/;

export const isProjectCode = (value: unknown): value is string => typeof value === 'string' && PROJECT_CODE.test(value);

/** '2016.1-15.sangyoshinko': one sheet per (fiscal year, project, department). */
export function sheetIdFor(fiscalYear: number, projectCode: string, department: string): string {
  if (!isProjectCode(projectCode)) {
    throw invalid('sheet.invalid_project_code', `Not a project code: ${projectCode}`, { projectCode });
  }
  return `${fiscalYear}.${projectCode}.${departmentSlug(department)}`;
}

export function parseSheetId(sheetId: string): { fiscalYear: number; projectCode: string; departmentSlug: string } | null {
  const match = /^(\d{4})\.(\d+-\d+)\.([a-z0-9]+)$/.exec(sheetId);
  if (!match) return null;
  return { fiscalYear: Number(match[1]), projectCode: match[2]!, departmentSlug: match[3]! };
}

// Stream names are '<category>-<id>'; the category must not contain '-' (EventStoreDB's convention).
export const sheetStreamId = (sheetId: string): string => `sheet-${sheetId}`;
export const cycleStreamId = (fiscalYear: number): string => `cycle-${fiscalYear}`;
