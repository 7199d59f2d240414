import { SHEET_STATUSES, type CycleDeadlines, type SheetStatus } from '@kensho/review';
import { compareText, type SheetFacts } from '../facts.js';

/** The cycle's deadlines a sheet can miss. The committee deadline is for the meeting, not per sheet. */
export type DeadlineStage = 'departmentSubmission' | 'planningReview' | 'publication';

const STAGES: ReadonlyArray<{ stage: DeadlineStage; reached: readonly SheetStatus[]; at: (s: SheetFacts) => string | null }> = [
  { stage: 'departmentSubmission', reached: ['submitted', 'approved', 'published'], at: (s) => s.submittedAt },
  { stage: 'planningReview', reached: ['approved', 'published'], at: (s) => s.approvedAt },
  { stage: 'publication', reached: ['published'], at: (s) => s.publishedAt },
];

/** Sheets still with their department: never submitted, or returned and not yet resubmitted. */
const NOT_SUBMITTED: readonly SheetStatus[] = ['draft', 'returned'];

export interface PastDeadline {
  sheetId: string;
  projectCode: string;
  projectName: string;
  department: string;
  status: SheetStatus;
  stage: DeadlineStage;
  deadline: string;
  /** When the stage was reached (the latest submission, approval or publication); null: not yet. */
  completedAt: string | null;
  /** Calendar days (Japan time) past the deadline: until today when pending, until completion when late. */
  daysPast: number;
}

export type StatusCounts = Record<SheetStatus, number>;

export interface DepartmentProgress {
  department: string;
  sheetCount: number;
  byStatus: StatusCounts;
  notSubmitted: number;
  pastDeadline: number;
}

export interface CycleProgress {
  /** The date deadlines were judged on (Japan time). */
  today: string;
  deadlines: CycleDeadlines;
  sheetCount: number;
  byStatus: StatusCounts;
  byDepartment: DepartmentProgress[];
  pastDeadline: PastDeadline[];
  departmentsNotSubmitted: Array<{ department: string; sheets: Array<{ sheetId: string; projectCode: string; projectName: string; status: SheetStatus }> }>;
}

const JST_OFFSET_MS = 9 * 60 * 60 * 1000; // Japan has no daylight saving time.

/** The calendar date in Japan of an instant: deadlines are Japanese office days. */
export const jstDate = (iso: string): string => new Date(Date.parse(iso) + JST_OFFSET_MS).toISOString().slice(0, 10);

const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

const zeroCounts = (): StatusCounts => Object.fromEntries(SHEET_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** A deadline is met on its own day; a stage missed or reached after that day is past it. */
export function pastDeadlines(sheet: SheetFacts, deadlines: CycleDeadlines, today: string): PastDeadline[] {
  return STAGES.flatMap(({ stage, reached, at }) => {
    const deadline = deadlines[stage];
    if (!deadline) return [];
    const done = reached.includes(sheet.status);
    const completedAt = done ? at(sheet) : null;
    const until = completedAt ? jstDate(completedAt) : done ? null : today;
    if (until === null || until <= deadline) return [];
    const { sheetId, projectCode, projectName, department, status } = sheet;
    return [{ sheetId, projectCode, projectName, department, status, stage, deadline, completedAt, daysPast: daysBetween(deadline, until) }];
  });
}

export function cycleProgress(sheets: SheetFacts[], deadlines: CycleDeadlines, today: string): CycleProgress {
  const byStatus = zeroCounts();
  const departments = new Map<string, DepartmentProgress>();
  const pastDeadline: PastDeadline[] = [];
  const notSubmitted = new Map<string, CycleProgress['departmentsNotSubmitted'][number]['sheets']>();
  for (const sheet of sheets) {
    byStatus[sheet.status]++;
    const dept = departments.get(sheet.department) ?? { department: sheet.department, sheetCount: 0, byStatus: zeroCounts(), notSubmitted: 0, pastDeadline: 0 };
    departments.set(sheet.department, dept);
    dept.sheetCount++;
    dept.byStatus[sheet.status]++;
    const missed = pastDeadlines(sheet, deadlines, today);
    pastDeadline.push(...missed);
    if (missed.length > 0) dept.pastDeadline++;
    if (NOT_SUBMITTED.includes(sheet.status)) {
      dept.notSubmitted++;
      const { sheetId, projectCode, projectName, status } = sheet;
      notSubmitted.set(sheet.department, [...(notSubmitted.get(sheet.department) ?? []), { sheetId, projectCode, projectName, status }]);
    }
  }
  return {
    today,
    deadlines,
    sheetCount: sheets.length,
    byStatus,
    byDepartment: [...departments.values()].sort((a, b) => compareText(a.department, b.department)),
    pastDeadline,
    departmentsNotSubmitted: [...notSubmitted.entries()].sort(([a], [b]) => compareText(a, b)).map(([department, list]) => ({ department, sheets: list })),
  };
}
