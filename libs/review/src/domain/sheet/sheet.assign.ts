import { conflict } from '../errors.js';
import { checkMaxLength, LIMITS } from '../limits.js';
import type { DecisionContext } from '../types.js';
import { checkText, isRecord, Issues } from '../validation.js';
import { isFiscalYear } from '../values/fiscal-year.js';
import { departmentOf, isProjectCode, sheetIdFor } from '../values/ids.js';
import type { PolicyArea } from '../values/policy-area.js';
import { isPolicyArea, POLICY_AREAS } from '../values/policy-area.js';
import { carryForwardContent } from './sheet.carry-forward.js';
import type { AssignSheet } from './sheet.commands.js';
import { emptySheetContent } from './sheet.content.js';
import { normalizeContent } from './sheet.content-validation.js';
import type { SheetAssigned } from './sheet.events.js';
import type { SheetState } from './sheet.state.js';

function validate(command: AssignSheet): void {
  const issues = new Issues();
  if (!isFiscalYear(command.fiscalYear)) {
    issues.add('fiscalYear', 'value.invalid_fiscal_year', 'must be a western fiscal year', command.fiscalYear);
  }
  if (!isProjectCode(command.projectCode)) {
    issues.add('projectCode', 'sheet.invalid_project_code', "must look like '1-01'", command.projectCode);
  }
  checkText(issues, 'projectName', command.projectName);
  checkMaxLength(issues, 'projectName', command.projectName, LIMITS.projectName);
  checkText(issues, 'department', command.department);
  checkMaxLength(issues, 'department', command.department, LIMITS.department);
  const areas: unknown = command.policyAreas;
  if (!Array.isArray(areas) || areas.length === 0 || !areas.every(isPolicyArea) || new Set(areas).size !== areas.length) {
    issues.add('policyAreas', 'sheet.invalid_policy_area', `must be distinct values among ${POLICY_AREAS.join(', ')}`, areas);
  }
  if (issues.count === 0) {
    // The id is derived, not chosen, so the same (year, project, department) can never get two streams.
    const expected = sheetIdFor(command.fiscalYear, command.projectCode, departmentOf(command));
    if (command.sheetId !== expected) issues.add('sheetId', 'sheet.invalid_id', `must be '${expected}'`, command.sheetId);
  }
  const carried: unknown = command.carriedForward;
  if (carried !== undefined) {
    if (!isRecord(carried)) issues.add('carriedForward', 'value.invalid_type', 'must be an object', carried);
    else {
      checkText(issues, 'carriedForward.fromSheetId', carried.fromSheetId);
      if (carried.fromSheetId === command.sheetId) {
        issues.add('carriedForward.fromSheetId', 'sheet.invalid_carry_forward', 'a sheet cannot carry itself forward');
      }
    }
  }
  issues.throwIfAny();
}

export function decideAssign(command: AssignSheet, state: SheetState, ctx: DecisionContext): SheetAssigned[] {
  if (state.exists) {
    throw conflict('sheet.already_assigned', 'This sheet has already been assigned', { sheetId: state.id, status: state.status });
  }
  validate(command);
  const carried = command.carriedForward;
  return [
    {
      type: 'SheetAssigned',
      data: {
        sheetId: command.sheetId,
        fiscalYear: command.fiscalYear,
        projectCode: command.projectCode,
        projectName: command.projectName,
        department: command.department.trim(),
        policyAreas: [...(command.policyAreas as PolicyArea[])],
        carriedFrom: carried ? carried.fromSheetId : null,
        content: carried ? carryForwardContent(normalizeContent(carried.content)) : emptySheetContent(),
        assignedAt: ctx.now,
      },
    },
  ];
}
