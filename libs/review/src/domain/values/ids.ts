import { invalid } from '../errors.js';
import { departmentSlug, type Department } from './departments.js';

// One written form per project, as the strategy prints it: '<area>-<number>', the number padded to two
// digits (1-01 … 1-15, 4-01 for プラス1; 1-190 and 10-01 still fit). Any other spelling of the same number
// ('1-012', '01-12', '1-1') would derive another sheet id, i.e. a duplicate sheet without carry-forward.
const PROJECT_CODE_SOURCE = '[1-9]\\d*-(?:0[1-9]|[1-9]\\d+)';
const PROJECT_CODE = new RegExp(`^${PROJECT_CODE_SOURCE}$`);

export const isProjectCode = (value: unknown): value is string => typeof value === 'string' && PROJECT_CODE.test(value);

/** Shown to people whose project code is refused. */
export const PROJECT_CODE_FORM = '事業番号は「施策区分の番号-2桁の事業番号」の形式で入力してください（例: 1-01、4-01。1-012、01-12、1-1 は不可）';

/** The code itself when canonical; a 400 `sheet.invalid_project_code` otherwise, never a silent normalisation. */
export function assertProjectCode(value: unknown, field = 'projectCode'): string {
  if (isProjectCode(value)) return value;
  throw invalid('sheet.invalid_project_code', `${field} ${JSON.stringify(value)} is not a project code (${PROJECT_CODE_FORM})`, {
    field,
    value,
    expected: '1-01',
  });
}

/**
 * '2016.1-15.sangyoshinko': one sheet per (fiscal year, project, department). Give the master's
 * Department; a bare name is looked up in the seeded table.
 */
export function sheetIdFor(fiscalYear: number, projectCode: string, department: string | Department): string {
  assertProjectCode(projectCode);
  return `${fiscalYear}.${projectCode}.${typeof department === 'string' ? departmentSlug(department) : department.slug}`;
}

/** The department a command names: with the master's slug when it carries one. */
export const departmentOf = (command: { department: string; departmentSlug?: string }): string | Department =>
  command.departmentSlug === undefined ? command.department : { name: command.department.trim(), slug: command.departmentSlug };

export function parseSheetId(sheetId: string): { fiscalYear: number; projectCode: string; departmentSlug: string } | null {
  const match = new RegExp(`^(\\d{4})\\.(${PROJECT_CODE_SOURCE})\\.([a-z][a-z0-9]*)$`).exec(sheetId);
  if (!match) return null;
  return { fiscalYear: Number(match[1]), projectCode: match[2]!, departmentSlug: match[3]! };
}

// Stream names are '<category>-<id>'; the category must not contain '-' (EventStoreDB's convention).
// They are part of the audit record: built and read here only.
export const sheetStreamId = (sheetId: string): string => `sheet-${sheetId}`;
export const cycleStreamId = (fiscalYear: number): string => `cycle-${fiscalYear}`;

export type StreamName =
  | { category: 'sheet'; sheetId: string; fiscalYear: number | null }
  | { category: 'cycle'; fiscalYear: number }
  | { category: 'master'; name: string };

/** What a stream id names; null for a stream that is none of Kensho's. */
export function parseStreamId(streamId: string): StreamName | null {
  const dash = streamId.indexOf('-');
  if (dash <= 0) return null;
  const category = streamId.slice(0, dash);
  const id = streamId.slice(dash + 1);
  if (category === 'sheet' && id.length > 0) return { category, sheetId: id, fiscalYear: /^\d{4}(?=\.)/.test(id) ? Number(id.slice(0, 4)) : null };
  if (category === 'cycle' && /^\d{4}$/.test(id)) return { category, fiscalYear: Number(id) };
  if (category === 'master' && id.length > 0) return { category, name: id };
  return null;
}

/** The fiscal year a stream belongs to: a sheet's or a cycle's; null for master data. */
export function fiscalYearOfStream(streamId: string): number | null {
  const name = parseStreamId(streamId);
  return name && name.category !== 'master' ? name.fiscalYear : null;
}
