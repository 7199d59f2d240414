import type { DomainEvent } from '../types.js';
import type { PolicyArea } from '../values/policy-area.js';
import type { NumericalGoal, Strategy } from './cycle.commands.js';
import type { CycleDeadlines, PublishedSheetPin } from './cycle.state.js';

// Stored verbatim as the event type: part of the audit record, never rename.
export const CYCLE_EVENT_TYPES = [
  'CycleOpened',
  'SheetAddedToCycle',
  'CyclePublished',
  'CommitteeMeetingRecorded',
  'NumericalGoalsRecorded',
  'StrategyRecorded',
] as const;
export type CycleEventType = (typeof CYCLE_EVENT_TYPES)[number];

export const CYCLE_EVENT_SCHEMA_VERSION: Record<CycleEventType, number> = Object.fromEntries(CYCLE_EVENT_TYPES.map((type) => [type, 1])) as Record<
  CycleEventType,
  number
>;

export type CycleOpened = DomainEvent<'CycleOpened', { fiscalYear: number; title: string; deadlines: CycleDeadlines; openedAt: string }>;
export type SheetAddedToCycle = DomainEvent<'SheetAddedToCycle', { sheetId: string; projectCode: string; department: string }>;
/** Pins each sheet's stream version and head hash, so a later rewrite of published history is detectable. */
export type CyclePublished = DomainEvent<'CyclePublished', { edition: number; publishedAt: string; sheets: PublishedSheetPin[] }>;
export type CommitteeMeetingRecorded = DomainEvent<'CommitteeMeetingRecorded', { date: string; opinionsByPolicyArea: Partial<Record<PolicyArea, string>> }>;

/** The full set, replacing any earlier one: a goal left out is no longer a goal of the year. */
export type NumericalGoalsRecorded = DomainEvent<'NumericalGoalsRecorded', { goals: NumericalGoal[] }>;

/** The whole strategy master of the year, replacing any earlier one: publication prints it from here. */
export type StrategyRecorded = DomainEvent<'StrategyRecorded', { strategy: Strategy }>;

export type CycleEvent = CycleOpened | SheetAddedToCycle | CyclePublished | CommitteeMeetingRecorded | NumericalGoalsRecorded | StrategyRecorded;
