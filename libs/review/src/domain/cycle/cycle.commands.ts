import type { CycleDeadlines } from './cycle.state.js';

export interface OpenCycle {
  type: 'OpenCycle';
  fiscalYear: number;
  title: string;
  /** ISO dates 'YYYY-MM-DD'; a missing key means no deadline set yet. */
  deadlines: Partial<CycleDeadlines>;
}

export interface AddSheetToCycle {
  type: 'AddSheetToCycle';
  sheetId: string;
  projectCode: string;
  department: string;
}

/** The current state of a sheet as the lead reads it from its stream (version = stream revision). */
export interface SheetSnapshot {
  sheetId: string;
  status: string;
  version: number;
  headHash: string;
}

export interface PublishCycle {
  type: 'PublishCycle';
  sheets: SheetSnapshot[];
}

export interface RecordCommitteeMeeting {
  type: 'RecordCommitteeMeeting';
  date: string;
  /** keyed by policy area '1', '2', '3', 'プラス1' */
  opinionsByPolicyArea: Record<string, string>;
}

export type CycleCommand = OpenCycle | AddSheetToCycle | PublishCycle | RecordCommitteeMeeting;
export type CycleCommandType = CycleCommand['type'];
