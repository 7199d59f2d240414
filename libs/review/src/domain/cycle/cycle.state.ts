import { cloneJson } from '../equality.js';
import type { PolicyArea } from '../values/policy-area.js';
import type { NumericalGoal, Strategy } from './cycle.commands.js';
import type { CycleEvent } from './cycle.events.js';

/** ISO dates 'YYYY-MM-DD', in this order when present. */
export interface CycleDeadlines {
  departmentSubmission: string | null;
  planningReview: string | null;
  committee: string | null;
  publication: string | null;
}
export const DEADLINE_ORDER: readonly (keyof CycleDeadlines)[] = ['departmentSubmission', 'planningReview', 'committee', 'publication'];

export interface PublishedSheetPin {
  sheetId: string;
  version: number;
  headHash: string;
}

export interface CycleEdition {
  edition: number;
  publishedAt: string;
  sheets: PublishedSheetPin[];
}

export type CycleStatus = 'open' | 'published';

export interface CycleState {
  exists: boolean;
  fiscalYear: number;
  title: string;
  deadlines: CycleDeadlines;
  sheets: Record<string, { projectCode: string; department: string }>;
  editions: CycleEdition[];
  committeeMeetings: Array<{ date: string; opinionsByPolicyArea: Partial<Record<PolicyArea, string>> }>;
  numericalGoals: NumericalGoal[];
  /** 総合戦略 recorded for this year, or null (publication then looks to an earlier year's: docs/publication.md). */
  strategy: Strategy | null;
  status: CycleStatus;
  openedAt: string | null;
}

export const initialCycleState: CycleState = Object.freeze({
  exists: false,
  fiscalYear: 0,
  title: '',
  deadlines: { departmentSubmission: null, planningReview: null, committee: null, publication: null },
  sheets: {},
  editions: [],
  committeeMeetings: [],
  numericalGoals: [],
  strategy: null,
  status: 'open',
  openedAt: null,
}) as CycleState;

export function evolveCycle(state: CycleState, event: CycleEvent): CycleState {
  switch (event.type) {
    case 'CycleOpened': {
      const { fiscalYear, title, deadlines, openedAt } = event.data;
      return { ...initialCycleState, exists: true, fiscalYear, title, deadlines: { ...deadlines }, openedAt, status: 'open' };
    }
    case 'SheetAddedToCycle': {
      const { sheetId, projectCode, department } = event.data;
      return { ...state, sheets: { ...state.sheets, [sheetId]: { projectCode, department } } };
    }
    case 'CyclePublished': {
      const { edition, publishedAt, sheets } = event.data;
      const pins = sheets.map((s) => ({ ...s }));
      return { ...state, status: 'published', editions: [...state.editions, { edition, publishedAt, sheets: pins }] };
    }
    case 'CommitteeMeetingRecorded': {
      const meeting = { date: event.data.date, opinionsByPolicyArea: { ...event.data.opinionsByPolicyArea } };
      return { ...state, committeeMeetings: [...state.committeeMeetings, meeting] };
    }
    case 'NumericalGoalsRecorded':
      return { ...state, numericalGoals: cloneJson(event.data.goals) };
    case 'StrategyRecorded':
      return { ...state, strategy: cloneJson(event.data.strategy) };
    default:
      return state;
  }
}
