import { forbidden, invalid, ruleViolation } from '../errors.js';
import { jsonEqual } from '../equality.js';
import { checkMaxLength, LIMITS } from '../limits.js';
import { mayRecordHistory, type Actor, type DecisionContext } from '../types.js';
import { isBlank, Issues } from '../validation.js';
import { decideAssign } from './sheet.assign.js';
import type {
  ApproveSheet,
  CorrectPublishedSheet,
  RecordCityResponse,
  RecordCommitteeOpinion,
  RecordDepartmentEvaluation,
  ReturnSheet,
  ReviseSheetContent,
  SheetCommand,
  SubmitSheet,
} from './sheet.commands.js';
import { applyContentPatch, diffContent } from './sheet.content.js';
import { normalizeContentPatch } from './sheet.content-validation.js';
import { applyEvaluationPatch } from './sheet.evaluation.js';
import { checkProvenanceConsistency, normalizeEvaluationPatch } from './sheet.evaluation-validation.js';
import type { SheetEvent } from './sheet.events.js';
import { assertExists, assertOwnership, assertRole, assertSheetCommand, assertStatus } from './sheet.guards.js';
import type { SheetState } from './sheet.state.js';
import type { SubmitRequiredField } from './sheet.submission.js';
import { assertFundingMatchesSettlement, missingForSubmit, SUBMIT_REQUIRED_FIELDS, submitWarnings } from './sheet.submission.js';

function requireText(value: unknown, field: string, code: string, what: string, max: number): void {
  if (isBlank(value)) throw invalid(code, `${what} is required`, { field, value: value ?? null });
  assertMaxLength(field, value, max);
}

function assertMaxLength(field: string, value: unknown, max: number): void {
  const issues = new Issues();
  checkMaxLength(issues, field, value, max);
  issues.throwIfAny();
}

function revise(command: ReviseSheetContent, state: SheetState): SheetEvent[] {
  const changes = normalizeContentPatch(command.changes);
  const fields = diffContent(state.content, applyContentPatch(state.content, changes));
  return fields.length === 0 ? [] : [{ type: 'SheetContentRevised', data: { changes, fields } }];
}

function recordEvaluation(command: RecordDepartmentEvaluation, state: SheetState, actor: Actor): SheetEvent[] {
  const evaluation = normalizeEvaluationPatch(command.evaluation, actor);
  const next = applyEvaluationPatch(state.evaluation, evaluation);
  checkProvenanceConsistency(next);
  return jsonEqual(next, state.evaluation) ? [] : [{ type: 'DepartmentEvaluationRecorded', data: { evaluation } }];
}

function acknowledgedGaps(command: SubmitSheet, actor: Actor): SubmitRequiredField[] {
  const gaps: unknown = command.acknowledgedGaps ?? [];
  const issues = new Issues();
  if (!Array.isArray(gaps) || !gaps.every((g) => (SUBMIT_REQUIRED_FIELDS as readonly unknown[]).includes(g))) {
    issues.add('acknowledgedGaps', 'value.invalid_enum', `must list fields among ${SUBMIT_REQUIRED_FIELDS.join(', ')}`, gaps);
  }
  issues.throwIfAny();
  const list = gaps as SubmitRequiredField[];
  if (list.length > 0 && !mayRecordHistory(actor)) {
    throw forbidden('sheet.forbidden_role', "Only the seed importer (role 'system') may acknowledge source gaps", {
      role: actor.role,
      field: 'acknowledgedGaps',
    });
  }
  return list;
}

function submit(command: SubmitSheet, state: SheetState, ctx: DecisionContext): SheetEvent[] {
  const allowed = acknowledgedGaps(command, ctx.actor);
  const missing = missingForSubmit(state.content, state.evaluation);
  const unacknowledged = missing.filter((field) => !allowed.includes(field));
  if (unacknowledged.length > 0) {
    throw ruleViolation('sheet.incomplete', `The sheet is incomplete: ${unacknowledged.join(', ')} (未記入の項目があります)`, {
      missing: unacknowledged,
    });
  }
  // The source export lost a funding column on some sheets (1-03, 3-02): an importer may acknowledge it.
  if (!allowed.includes('finance.funding')) assertFundingMatchesSettlement(state.content.finance);
  const data = {
    submittedAt: ctx.now,
    warnings: submitWarnings(state.content.finance),
    acknowledgedGaps: missing.filter((field) => allowed.includes(field)),
  };
  return [{ type: 'SheetSubmitted', data }];
}

function returnSheet(command: ReturnSheet, ctx: DecisionContext): SheetEvent[] {
  requireText(command.comment, 'comment', 'sheet.comment_required', 'A comment explaining the return', LIMITS.returnComment);
  return [{ type: 'SheetReturned', data: { comment: command.comment, returnedAt: ctx.now } }];
}

function approve(command: ApproveSheet, ctx: DecisionContext): SheetEvent[] {
  const comment = command.comment ?? null;
  if (comment !== null && typeof comment !== 'string') {
    throw invalid('value.invalid_type', 'comment: must be a string or null', { field: 'comment', value: comment });
  }
  assertMaxLength('comment', comment, LIMITS.approvalComment);
  const kept = comment === null || comment.trim() === '' ? null : comment;
  return [{ type: 'SheetApproved', data: { comment: kept, approvedAt: ctx.now } }];
}

function recordOpinion(command: RecordCommitteeOpinion, state: SheetState, ctx: DecisionContext): SheetEvent[] {
  requireText(command.opinion, 'opinion', 'sheet.opinion_required', 'The committee opinion', LIMITS.committeeOpinion);
  const rating = command.rating ?? null;
  if (rating !== null && isBlank(rating)) {
    throw invalid('value.invalid_type', 'rating: must be a non-blank string or null', { field: 'rating', value: rating });
  }
  assertMaxLength('rating', rating, LIMITS.committeeRating);
  const current = state.committeeOpinion;
  if (current && current.opinion === command.opinion && current.rating === rating) return [];
  return [{ type: 'CommitteeOpinionRecorded', data: { opinion: command.opinion, rating, recordedAt: ctx.now } }];
}

function recordResponse(command: RecordCityResponse, state: SheetState, ctx: DecisionContext): SheetEvent[] {
  requireText(command.response, 'response', 'sheet.response_required', "The city's response", LIMITS.cityResponse);
  if (state.cityResponse?.response === command.response) return [];
  return [{ type: 'CityResponseRecorded', data: { response: command.response, recordedAt: ctx.now } }];
}

function correct(command: CorrectPublishedSheet, state: SheetState, ctx: DecisionContext): SheetEvent[] {
  requireText(command.reason, 'reason', 'sheet.reason_required', 'A reason for correcting a published sheet', LIMITS.correctionReason);
  const changes = normalizeContentPatch(command.changes);
  const fields = diffContent(state.content, applyContentPatch(state.content, changes));
  if (fields.length === 0) return [];
  return [{ type: 'PublishedSheetCorrected', data: { changes, reason: command.reason, fields, correctedAt: ctx.now } }];
}

/**
 * Order of checks: role, existence, department, status, payload, lifecycle rules. Authorisation comes
 * first so that an actor who may not act learns nothing about the sheet's state or the payload's rules.
 * A command that would change nothing yields no events, so retries and double clicks are harmless.
 */
export function decideSheet(command: SheetCommand, state: SheetState, ctx: DecisionContext): SheetEvent[] {
  assertSheetCommand(command);
  assertRole(command.type, ctx.actor);
  if (command.type === 'AssignSheet') return decideAssign(command, state, ctx);
  assertExists(state);
  assertOwnership(state, ctx.actor);
  assertStatus(command.type, state);
  switch (command.type) {
    case 'ReviseSheetContent':
      return revise(command, state);
    case 'RecordDepartmentEvaluation':
      return recordEvaluation(command, state, ctx.actor);
    case 'SubmitSheet':
      return submit(command, state, ctx);
    case 'ReturnSheet':
      return returnSheet(command, ctx);
    case 'ApproveSheet':
      return approve(command, ctx);
    case 'RecordCommitteeOpinion':
      return recordOpinion(command, state, ctx);
    case 'RecordCityResponse':
      return recordResponse(command, state, ctx);
    case 'CorrectPublishedSheet':
      return correct(command, state, ctx);
  }
}
