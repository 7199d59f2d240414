import type { SheetContent, SheetContentPatch } from './sheet.content.js';
import type { DepartmentEvaluationPatch } from './sheet.evaluation.js';
import type { SubmitRequiredField } from './sheet.submission.js';

export interface AssignSheet {
  type: 'AssignSheet';
  sheetId: string;
  fiscalYear: number;
  projectCode: string;
  projectName: string;
  department: string;
  /** The department's slug in the master; without it, the seeded table's. */
  departmentSlug?: string;
  /** each '1', '2', '3' or 'プラス1' */
  policyAreas: string[];
  carriedForward?: { fromSheetId: string; content: SheetContent };
}

export interface ReviseSheetContent {
  type: 'ReviseSheetContent';
  changes: SheetContentPatch;
}

export interface RecordDepartmentEvaluation {
  type: 'RecordDepartmentEvaluation';
  evaluation: DepartmentEvaluationPatch;
}

export interface SubmitSheet {
  type: 'SubmitSheet';
  /**
   * Seed importer only: required fields that the source document itself leaves empty (1-08 has no 決算,
   * 1-15 農水産課 no 事業概要). They are recorded on the event instead of being invented.
   */
  acknowledgedGaps?: SubmitRequiredField[];
}

export interface ReturnSheet {
  type: 'ReturnSheet';
  comment: string;
}

export interface ApproveSheet {
  type: 'ApproveSheet';
  comment?: string | null;
}

export interface RecordCommitteeOpinion {
  type: 'RecordCommitteeOpinion';
  opinion: string;
  rating?: string | null;
}

export interface RecordCityResponse {
  type: 'RecordCityResponse';
  response: string;
}

export interface CorrectPublishedSheet {
  type: 'CorrectPublishedSheet';
  changes: SheetContentPatch;
  reason: string;
}

export type SheetCommand =
  | AssignSheet
  | ReviseSheetContent
  | RecordDepartmentEvaluation
  | SubmitSheet
  | ReturnSheet
  | ApproveSheet
  | RecordCommitteeOpinion
  | RecordCityResponse
  | CorrectPublishedSheet;

export type SheetCommandType = SheetCommand['type'];
