import { cloneJson } from '../equality.js';
import type { PolicyArea } from '../values/policy-area.js';
import type { SheetContent } from './sheet.content.js';
import { applyContentPatch, emptySheetContent } from './sheet.content.js';
import type { DepartmentEvaluation } from './sheet.evaluation.js';
import { applyEvaluationPatch, emptyEvaluation } from './sheet.evaluation.js';
import type { SheetEvent } from './sheet.events.js';
import type { SubmitRequiredField, SubmitWarning } from './sheet.submission.js';

export type SheetStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';
export const SHEET_STATUSES: readonly SheetStatus[] = ['draft', 'submitted', 'returned', 'approved', 'published'];

export interface SheetState {
  exists: boolean;
  id: string;
  fiscalYear: number;
  projectCode: string;
  projectName: string;
  department: string;
  policyAreas: PolicyArea[];
  status: SheetStatus;
  content: SheetContent;
  evaluation: DepartmentEvaluation;
  committeeOpinion: { opinion: string; rating: string | null; recordedAt: string } | null;
  cityResponse: { response: string; recordedAt: string } | null;
  lastReturnComment: string | null;
  approvalComment: string | null;
  /** Of the latest submission. */
  warnings: SubmitWarning[];
  acknowledgedGaps: SubmitRequiredField[];
  publishedEditions: number[];
  corrections: Array<{ reason: string; at: string; fields: string[] }>;
  carriedFrom: string | null;
  assignedAt: string | null;
  submittedAt: string | null;
  returnedAt: string | null;
  approvedAt: string | null;
  publishedAt: string | null;
}

export const initialSheetState: SheetState = Object.freeze({
  exists: false,
  id: '',
  fiscalYear: 0,
  projectCode: '',
  projectName: '',
  department: '',
  policyAreas: [],
  status: 'draft',
  content: emptySheetContent(),
  evaluation: emptyEvaluation(),
  committeeOpinion: null,
  cityResponse: null,
  lastReturnComment: null,
  approvalComment: null,
  warnings: [],
  acknowledgedGaps: [],
  publishedEditions: [],
  corrections: [],
  carriedFrom: null,
  assignedAt: null,
  submittedAt: null,
  returnedAt: null,
  approvedAt: null,
  publishedAt: null,
}) as SheetState;

/** Pure and total: an event type this version does not know leaves the state as it was. */
export function evolveSheet(state: SheetState, event: SheetEvent): SheetState {
  switch (event.type) {
    case 'SheetAssigned': {
      const d = event.data;
      return {
        ...cloneJson(initialSheetState),
        exists: true,
        id: d.sheetId,
        fiscalYear: d.fiscalYear,
        projectCode: d.projectCode,
        projectName: d.projectName,
        department: d.department,
        policyAreas: [...d.policyAreas],
        content: cloneJson(d.content),
        carriedFrom: d.carriedFrom,
        assignedAt: d.assignedAt,
      };
    }
    case 'SheetContentRevised':
      return { ...state, content: applyContentPatch(state.content, event.data.changes) };
    case 'DepartmentEvaluationRecorded':
      return { ...state, evaluation: applyEvaluationPatch(state.evaluation, event.data.evaluation) };
    case 'SheetSubmitted':
      return {
        ...state,
        status: 'submitted',
        submittedAt: event.data.submittedAt,
        warnings: [...event.data.warnings],
        acknowledgedGaps: [...event.data.acknowledgedGaps],
      };
    case 'SheetReturned':
      return { ...state, status: 'returned', lastReturnComment: event.data.comment, returnedAt: event.data.returnedAt };
    case 'SheetApproved':
      return { ...state, status: 'approved', approvalComment: event.data.comment, approvedAt: event.data.approvedAt };
    case 'CommitteeOpinionRecorded':
      return { ...state, committeeOpinion: { ...event.data } };
    case 'CityResponseRecorded':
      return { ...state, cityResponse: { ...event.data } };
    case 'SheetPublished':
      return markPublished(state, event.data.edition, event.data.publishedAt);
    case 'PublishedSheetCorrected': {
      const { changes, reason, fields, correctedAt } = event.data;
      return {
        ...state,
        content: applyContentPatch(state.content, changes),
        corrections: [...state.corrections, { reason, at: correctedAt, fields: [...fields] }],
      };
    }
    default:
      return state;
  }
}

function markPublished(state: SheetState, edition: number, publishedAt: string): SheetState {
  if (state.publishedEditions.includes(edition)) return state;
  return { ...state, status: 'published', publishedEditions: [...state.publishedEditions, edition], publishedAt };
}

/** An edition as the cycle records it: enough to tell whether (and at which version) it pins a sheet. */
export interface EditionPins {
  edition: number;
  publishedAt: string;
  sheets: ReadonlyArray<{ sheetId: string; version: number }>;
}

/**
 * Publication is decided on the cycle alone (CyclePublished pins every sheet), so a sheet's stream
 * does not say it was published: this derives it. `version` is the sheet's stream revision; an
 * edition counts once it pins this sheet at or before that version. Logs written before the cycle
 * decided alone carry SheetPublished too; an edition is never counted twice.
 */
export function withPublications(state: SheetState, version: number | null, editions: readonly EditionPins[]): SheetState {
  if (!state.exists || version === null) return state;
  let next = state;
  for (const { edition, publishedAt, sheets } of editions) {
    const pin = sheets.find((p) => p.sheetId === state.id);
    if (pin && pin.version <= version) next = markPublished(next, edition, publishedAt);
  }
  return next;
}
