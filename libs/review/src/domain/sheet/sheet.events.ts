import type { DomainEvent } from '../types.js';
import type { PolicyArea } from '../values/policy-area.js';
import type { SheetContent, SheetContentPatch } from './sheet.content.js';
import type { DepartmentEvaluationPatch } from './sheet.evaluation.js';
import type { SubmitRequiredField, SubmitWarning } from './sheet.submission.js';

// Type names are stored verbatim and are part of the audit record: never rename, never derive from a class.
export const SHEET_EVENT_TYPES = [
  'SheetAssigned',
  'SheetContentRevised',
  'DepartmentEvaluationRecorded',
  'SheetSubmitted',
  'SheetReturned',
  'SheetApproved',
  'CommitteeOpinionRecorded',
  'CityResponseRecorded',
  'SheetPublished',
  'PublishedSheetCorrected',
] as const;
export type SheetEventType = (typeof SHEET_EVENT_TYPES)[number];

/** Current schema version of each event's data; bump it together with an upcaster. */
export const SHEET_EVENT_SCHEMA_VERSION: Record<SheetEventType, number> = Object.fromEntries(SHEET_EVENT_TYPES.map((type) => [type, 1])) as Record<
  SheetEventType,
  number
>;

// Business times travel in the data because evolve sees data only, never metadata.
export type SheetAssigned = DomainEvent<
  'SheetAssigned',
  {
    sheetId: string;
    fiscalYear: number;
    projectCode: string;
    projectName: string;
    department: string;
    policyAreas: PolicyArea[];
    carriedFrom: string | null;
    content: SheetContent;
    assignedAt: string;
  }
>;
/** `fields` are the paths the patch actually changed (see diffContent). */
export type SheetContentRevised = DomainEvent<'SheetContentRevised', { changes: SheetContentPatch; fields: string[] }>;
export type DepartmentEvaluationRecorded = DomainEvent<'DepartmentEvaluationRecorded', { evaluation: DepartmentEvaluationPatch }>;
export type SheetSubmitted = DomainEvent<'SheetSubmitted', { submittedAt: string; warnings: SubmitWarning[]; acknowledgedGaps: SubmitRequiredField[] }>;
export type SheetReturned = DomainEvent<'SheetReturned', { comment: string; returnedAt: string }>;
export type SheetApproved = DomainEvent<'SheetApproved', { comment: string | null; approvedAt: string }>;
export type CommitteeOpinionRecorded = DomainEvent<'CommitteeOpinionRecorded', { opinion: string; rating: string | null; recordedAt: string }>;
export type CityResponseRecorded = DomainEvent<'CityResponseRecorded', { response: string; recordedAt: string }>;
/** Written by publications before the cycle alone decided them; kept so those logs still fold (see withPublications). */
export type SheetPublished = DomainEvent<'SheetPublished', { edition: number; publishedAt: string }>;
export type PublishedSheetCorrected = DomainEvent<
  'PublishedSheetCorrected',
  { changes: SheetContentPatch; reason: string; fields: string[]; correctedAt: string }
>;

export type SheetEvent =
  | SheetAssigned
  | SheetContentRevised
  | DepartmentEvaluationRecorded
  | SheetSubmitted
  | SheetReturned
  | SheetApproved
  | CommitteeOpinionRecorded
  | CityResponseRecorded
  | SheetPublished
  | PublishedSheetCorrected;
