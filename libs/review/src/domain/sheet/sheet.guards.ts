import { forbidden, invalid, notFound, ruleViolation } from '../errors.js';
import type { Actor, Role } from '../types.js';
import { isRecord } from '../validation.js';
import { sameDepartment } from '../values/departments.js';
import type { SheetCommand, SheetCommandType } from './sheet.commands.js';
import type { SheetState, SheetStatus } from './sheet.state.js';

// 'system' is the seed importer and may do everything; 'admin' manages access, not content; auditors never write.
const WRITERS: Record<SheetCommandType, readonly Role[]> = {
  AssignSheet: ['planning', 'system'],
  ReviseSheetContent: ['department', 'system'],
  RecordDepartmentEvaluation: ['department', 'system'],
  SubmitSheet: ['department', 'system'],
  ReturnSheet: ['planning', 'system'],
  ApproveSheet: ['planning', 'system'],
  RecordCommitteeOpinion: ['committee', 'system'],
  RecordCityResponse: ['planning', 'system'],
  CorrectPublishedSheet: ['planning', 'system'],
};

// Nothing edits a submitted sheet except a return; publication is changed only by a correction with a reason.
const ALLOWED_FROM: Record<SheetCommandType, readonly SheetStatus[]> = {
  AssignSheet: [],
  ReviseSheetContent: ['draft', 'returned'],
  RecordDepartmentEvaluation: ['draft', 'returned'],
  SubmitSheet: ['draft', 'returned'],
  ReturnSheet: ['submitted'],
  ApproveSheet: ['submitted'],
  RecordCommitteeOpinion: ['approved'],
  RecordCityResponse: ['approved'],
  CorrectPublishedSheet: ['published'],
};

export const SHEET_COMMAND_TYPES = Object.keys(WRITERS) as SheetCommandType[];

export function assertSheetCommand(command: unknown): asserts command is SheetCommand {
  if (!isRecord(command) || !(SHEET_COMMAND_TYPES as unknown[]).includes(command.type)) {
    throw invalid('sheet.unknown_command', 'Unknown sheet command', { command: isRecord(command) ? command.type : command });
  }
}

export function assertRole(type: SheetCommandType, actor: Actor): void {
  if (!WRITERS[type].includes(actor.role)) {
    throw forbidden('sheet.forbidden_role', `Role '${actor.role}' may not ${type}`, { role: actor.role, command: type });
  }
}

export function assertExists(state: SheetState): void {
  if (!state.exists) throw notFound('sheet.not_found', 'No such sheet (事業評価シートが見つかりません)');
}

/** Only the owning department edits its sheet; checked before status so that a foreign sheet's status is not revealed. */
export function assertOwnership(state: SheetState, actor: Actor): void {
  if (actor.role !== 'department') return;
  if (!actor.department || !sameDepartment(actor.department, state.department)) {
    throw forbidden('sheet.forbidden_department', 'This sheet belongs to another department (他課のシートです)', {
      department: actor.department ?? null,
      sheetDepartment: state.department,
    });
  }
}

export function assertStatus(type: SheetCommandType, state: SheetState): void {
  if (!ALLOWED_FROM[type].includes(state.status)) {
    throw ruleViolation('sheet.invalid_transition', `${type} is not allowed while the sheet is ${state.status}`, {
      status: state.status,
      command: type,
    });
  }
}
