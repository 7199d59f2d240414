import type { NewEvent } from '@kensho/event-store';
import { CycleAggregate, SheetAggregate, type Actor, type AggregateDefinition, type CycleCommand, type DomainEvent, type SheetCommand } from '@kensho/review';
import { isDeepStrictEqual } from 'node:util';
import type { YearWave } from './generator.js';

/** The command a person would have sent to produce this event (what the API's handlers build). */
/** The department slug is the last part of a sheet id; the master would give it to the command. */
const slugOf = (sheetId: string): string => sheetId.slice(sheetId.lastIndexOf('.') + 1);

function commandOf(event: NewEvent): SheetCommand | CycleCommand {
  const d = event.data as Record<string, any>;
  switch (event.type) {
    case 'SheetAssigned':
      if (d.carriedFrom) throw new Error('commandOf: carried-forward assignments are checked with their previous content');
      return {
        type: 'AssignSheet',
        sheetId: d.sheetId,
        fiscalYear: d.fiscalYear,
        projectCode: d.projectCode,
        projectName: d.projectName,
        department: d.department,
        departmentSlug: slugOf(d.sheetId),
        policyAreas: d.policyAreas,
      };
    case 'SheetContentRevised':
      return { type: 'ReviseSheetContent', changes: d.changes };
    case 'DepartmentEvaluationRecorded':
      return { type: 'RecordDepartmentEvaluation', evaluation: d.evaluation };
    case 'SheetSubmitted':
      return { type: 'SubmitSheet' };
    case 'SheetReturned':
      return { type: 'ReturnSheet', comment: d.comment };
    case 'SheetApproved':
      return { type: 'ApproveSheet', comment: d.comment };
    case 'CommitteeOpinionRecorded':
      return { type: 'RecordCommitteeOpinion', opinion: d.opinion, rating: d.rating };
    case 'CityResponseRecorded':
      return { type: 'RecordCityResponse', response: d.response };
    case 'CycleOpened':
      return { type: 'OpenCycle', fiscalYear: d.fiscalYear, title: d.title, deadlines: d.deadlines };
    case 'NumericalGoalsRecorded':
      return { type: 'RecordNumericalGoals', goals: d.goals };
    case 'SheetAddedToCycle':
      return { type: 'AddSheetToCycle', sheetId: d.sheetId, projectCode: d.projectCode, department: d.department, departmentSlug: slugOf(d.sheetId) };
    case 'CommitteeMeetingRecorded':
      return { type: 'RecordCommitteeMeeting', date: d.date, opinionsByPolicyArea: d.opinionsByPolicyArea };
    case 'CyclePublished':
      // The pins were read from approved sheets.
      return { type: 'PublishCycle', sheets: d.sheets.map((p: object) => ({ ...p, status: 'approved' })) };
    default:
      throw new Error(`commandOf: unexpected event type ${event.type}`);
  }
}

/**
 * Replays the first fiscal year of the generated log through the real deciders: every event must
 * be exactly what decide() returns for the command behind it, from the state evolve() folded so
 * far. Returns how many events were checked; throws on the first difference.
 */
export function checkFirstYear(waves: Iterable<YearWave>, options: { everyNthSheet: number }): number {
  const states = new Map<string, unknown>();
  const sheetIndex = new Map<string, number>();
  let checked = 0;
  let year: number | null = null;
  for (const wave of waves) {
    year ??= wave.fiscalYear;
    if (wave.fiscalYear !== year) break;
    for (const batch of wave.batches) {
      if (batch.streamId.startsWith('sheet-')) {
        if (!sheetIndex.has(batch.streamId)) sheetIndex.set(batch.streamId, sheetIndex.size);
        if (sheetIndex.get(batch.streamId)! % options.everyNthSheet !== 0) continue;
      }
      const aggregate = (batch.streamId.startsWith('cycle-') ? CycleAggregate : SheetAggregate) as AggregateDefinition<unknown, unknown>;
      let state = states.get(batch.streamId) ?? aggregate.initialState;
      for (const event of batch.events) {
        const m = event.metadata;
        const actor: Actor = { id: m.actorId, role: m.role as Actor['role'], ...(m.department ? { department: m.department } : {}) };
        const decided: DomainEvent[] = aggregate.decide(commandOf(event), state, { actor, now: m.occurredAt });
        const expected = JSON.parse(JSON.stringify([{ type: event.type, data: event.data }]));
        if (!isDeepStrictEqual(JSON.parse(JSON.stringify(decided)), expected)) {
          throw new Error(
            `Generator check: ${batch.streamId} ${event.type} differs from what the decider decides:\n` +
              `generated ${JSON.stringify(expected).slice(0, 600)}\ndecided   ${JSON.stringify(decided).slice(0, 600)}`,
          );
        }
        state = aggregate.evolve(state, decided[0]!);
        checked++;
      }
      states.set(batch.streamId, state);
    }
  }
  return checked;
}
