import { conflict, forbidden, invalid, notFound, ruleViolation } from '../errors.js';
import { checkMaxLength, LIMITS } from '../limits.js';
import { jsonEqual } from '../equality.js';
import type { DecisionContext, Role } from '../types.js';
import { checkText, isRecord, Issues } from '../validation.js';
import { sameDepartment } from '../values/departments.js';
import { departmentOf, isProjectCode, sheetIdFor } from '../values/ids.js';
import type {
  AddSheetToCycle,
  CycleCommand,
  CycleCommandType,
  OpenCycle,
  PublishCycle,
  RecordCommitteeMeeting,
  RecordNumericalGoals,
  RecordStrategy,
} from './cycle.commands.js';
import type { CycleEvent } from './cycle.events.js';
import { validateNumericalGoals } from './cycle.numerical-goals.js';
import { validateStrategy } from './cycle.strategy.js';
import type { CycleState, PublishedSheetPin } from './cycle.state.js';
import { validateCommitteeMeeting, validateOpenCycle, validateSnapshots } from './cycle.validation.js';

const WRITERS: Record<CycleCommandType, readonly Role[]> = {
  OpenCycle: ['planning', 'system'],
  AddSheetToCycle: ['planning', 'system'],
  PublishCycle: ['planning', 'system'],
  RecordCommitteeMeeting: ['committee', 'planning', 'system'],
  RecordNumericalGoals: ['planning', 'system'],
  RecordStrategy: ['planning', 'system'],
};

// 'published' is what snapshots of logs from before derived publication may still say.
const PUBLISHABLE = ['approved', 'published'];

function open(command: OpenCycle, state: CycleState, ctx: DecisionContext): CycleEvent[] {
  if (state.exists) {
    throw conflict('cycle.already_opened', `The cycle for FY${state.fiscalYear} is already open`, { fiscalYear: state.fiscalYear });
  }
  const deadlines = validateOpenCycle(command);
  return [{ type: 'CycleOpened', data: { fiscalYear: command.fiscalYear, title: command.title, deadlines, openedAt: ctx.now } }];
}

function addSheet(command: AddSheetToCycle, state: CycleState): CycleEvent[] {
  // A published fiscal year is closed: corrections go through the sheets, new sheets are refused.
  if (state.status === 'published') {
    throw ruleViolation('cycle.closed', `The FY${state.fiscalYear} cycle is published and takes no new sheets`, {
      fiscalYear: state.fiscalYear,
    });
  }
  const issues = new Issues();
  if (!isProjectCode(command.projectCode)) issues.add('projectCode', 'sheet.invalid_project_code', "must look like '1-01'", command.projectCode);
  checkText(issues, 'department', command.department);
  checkMaxLength(issues, 'department', command.department, LIMITS.department);
  if (issues.count === 0) {
    const expected = sheetIdFor(state.fiscalYear, command.projectCode, departmentOf(command));
    if (command.sheetId !== expected) issues.add('sheetId', 'sheet.invalid_id', `must be '${expected}'`, command.sheetId);
  }
  issues.throwIfAny();
  if (state.sheets[command.sheetId]) return [];
  const existing = Object.entries(state.sheets).find(([, s]) => s.projectCode === command.projectCode && sameDepartment(s.department, command.department));
  if (existing) {
    throw conflict('sheet.already_assigned', `Project ${command.projectCode} is already assigned to this department`, {
      sheetId: existing[0],
      projectCode: command.projectCode,
      department: command.department,
    });
  }
  const { sheetId, projectCode, department } = command;
  return [{ type: 'SheetAddedToCycle', data: { sheetId, projectCode, department: department.trim() } }];
}

function publish(command: PublishCycle, state: CycleState, ctx: DecisionContext): CycleEvent[] {
  const cycleSheetIds = Object.keys(state.sheets).sort();
  if (cycleSheetIds.length === 0) throw ruleViolation('cycle.empty', 'A cycle without sheets cannot be published', {});
  const snapshots = validateSnapshots(command.sheets);
  const strangers = snapshots.filter((s) => !state.sheets[s.sheetId]).map((s) => s.sheetId);
  if (strangers.length > 0) {
    throw invalid('cycle.unknown_sheet', `Not sheets of this cycle: ${strangers.join(', ')}`, { sheetIds: strangers });
  }
  const byId = new Map(snapshots.map((s) => [s.sheetId, s]));
  // An assignment that stopped after the cycle recorded the sheet: name it, and how to finish it.
  const uncreated = cycleSheetIds.filter((sheetId) => byId.get(sheetId)?.status === 'missing');
  if (uncreated.length > 0) {
    throw ruleViolation(
      'cycle.sheet_not_created',
      `Assigned but never created: ${uncreated.join(', ')}; repeat their assignment to complete it (割り当てが完了していないシートがあります。同じ内容で割り当てをやり直してください)`,
      { sheetIds: uncreated },
    );
  }
  const offending = cycleSheetIds
    .map((sheetId) => ({ sheetId, status: byId.get(sheetId)?.status ?? 'missing' }))
    .filter((s) => !PUBLISHABLE.includes(s.status));
  if (offending.length > 0) {
    throw ruleViolation(
      'cycle.sheets_not_approved',
      `Every sheet must be approved before publication; not yet: ${offending.map((s) => s.sheetId).join(', ')}`,
      {
        sheets: offending,
      },
    );
  }
  const pins: PublishedSheetPin[] = cycleSheetIds.map((sheetId) => {
    const { version, headHash } = byId.get(sheetId)!;
    return { sheetId, version, headHash };
  });
  // Editions are permanent: one identical to the latest would be a second copy with 訂正: なし.
  const latest = state.editions[state.editions.length - 1];
  if (latest && jsonEqual(latest.sheets, pins)) {
    throw conflict('cycle.nothing_to_publish', `Nothing changed since edition ${latest.edition} (前回の公表から変更がありません)`, {
      edition: latest.edition,
    });
  }
  return [{ type: 'CyclePublished', data: { edition: state.editions.length + 1, publishedAt: ctx.now, sheets: pins } }];
}

function recordMeeting(command: RecordCommitteeMeeting): CycleEvent[] {
  const opinionsByPolicyArea = validateCommitteeMeeting(command);
  return [{ type: 'CommitteeMeetingRecorded', data: { date: command.date, opinionsByPolicyArea } }];
}

function recordNumericalGoals(command: RecordNumericalGoals, state: CycleState): CycleEvent[] {
  // The published report shows the goals as they were; changing them afterwards would make the
  // views disagree with an edition that pins only sheets.
  if (state.status === 'published') {
    throw ruleViolation('cycle.closed', `The FY${state.fiscalYear} cycle is published; its numerical goals no longer change`, {
      fiscalYear: state.fiscalYear,
    });
  }
  const goals = validateNumericalGoals(command.goals);
  if (jsonEqual(goals, state.numericalGoals)) return [];
  return [{ type: 'NumericalGoalsRecorded', data: { goals } }];
}

function recordStrategy(command: RecordStrategy, state: CycleState): CycleEvent[] {
  // As for the numerical goals: an edition prints the strategy as it was when published.
  if (state.status === 'published') {
    throw ruleViolation('cycle.closed', `The FY${state.fiscalYear} cycle is published; its strategy no longer changes`, {
      fiscalYear: state.fiscalYear,
    });
  }
  const strategy = validateStrategy(command.strategy, state.fiscalYear);
  if (jsonEqual(strategy, state.strategy)) return [];
  return [{ type: 'StrategyRecorded', data: { strategy } }];
}

/** Order of checks as for sheets: role, existence, lifecycle, payload. */
export function decideCycle(command: CycleCommand, state: CycleState, ctx: DecisionContext): CycleEvent[] {
  if (!isRecord(command) || !Object.hasOwn(WRITERS, String(command.type))) {
    throw invalid('cycle.unknown_command', 'Unknown cycle command', { command: isRecord(command) ? command.type : command });
  }
  if (!WRITERS[command.type].includes(ctx.actor.role)) {
    throw forbidden('cycle.forbidden_role', `Role '${ctx.actor.role}' may not ${command.type}`, {
      role: ctx.actor.role,
      command: command.type,
    });
  }
  if (command.type === 'OpenCycle') return open(command, state, ctx);
  if (!state.exists) throw notFound('cycle.not_found', 'No cycle has been opened for this fiscal year');
  switch (command.type) {
    case 'AddSheetToCycle':
      return addSheet(command, state);
    case 'PublishCycle':
      return publish(command, state, ctx);
    case 'RecordCommitteeMeeting':
      return recordMeeting(command);
    case 'RecordNumericalGoals':
      return recordNumericalGoals(command, state);
    case 'RecordStrategy':
      return recordStrategy(command, state);
  }
}
