import { forbidden } from '../errors.js';
import { checkMaxLength, LIMITS } from '../limits.js';
import { mayRecordHistory, type Actor } from '../types.js';
import { checkEnum, checkKnownKeys, checkOptionalText, isRecord, Issues } from '../validation.js';
import type { DepartmentEvaluation, DepartmentEvaluationPatch } from './sheet.evaluation.js';
import { CHOICE_PROVENANCES, DIRECTIONS, EFFECTIVENESS, EVALUATION_CHOICES, reasonField, STRATEGY_REVISIONS } from './sheet.evaluation.js';

const CHOICE_VALUES = { effectiveness: EFFECTIVENESS, direction: DIRECTIONS, strategyRevision: STRATEGY_REVISIONS };
const KNOWN_KEYS = [...EVALUATION_CHOICES, ...EVALUATION_CHOICES.map(reasonField), 'provenance'];

/** Validates shape and enum values; only the seed importer ('system') may claim anything but 'stated'. */
export function normalizeEvaluationPatch(input: unknown, actor: Actor): DepartmentEvaluationPatch {
  const issues = new Issues();
  if (!isRecord(input)) {
    issues.add('evaluation', 'value.invalid_type', 'must be an object', input);
    issues.throwIfAny();
  }
  const value = input as Record<string, unknown>;
  checkKnownKeys(issues, 'evaluation', value, KNOWN_KEYS);
  for (const choice of EVALUATION_CHOICES) {
    if (value[choice] !== undefined) {
      checkEnum(issues, `evaluation.${choice}`, value[choice], CHOICE_VALUES[choice], { nullable: true });
    }
    checkOptionalText(issues, `evaluation.${reasonField(choice)}`, value[reasonField(choice)]);
    checkMaxLength(issues, `evaluation.${reasonField(choice)}`, value[reasonField(choice)], LIMITS.evaluationReason);
  }
  const provenance = value.provenance;
  if (provenance !== undefined) {
    if (!isRecord(provenance)) issues.add('evaluation.provenance', 'value.invalid_type', 'must be an object', provenance);
    else {
      checkKnownKeys(issues, 'evaluation.provenance', provenance, EVALUATION_CHOICES);
      for (const choice of EVALUATION_CHOICES) {
        if (provenance[choice] !== undefined) {
          checkEnum(issues, `evaluation.provenance.${choice}`, provenance[choice], CHOICE_PROVENANCES);
        }
      }
    }
  }
  issues.throwIfAny();
  const claimed = isRecord(provenance) ? Object.entries(provenance).filter(([, p]) => p !== undefined && p !== 'stated') : [];
  if (claimed.length > 0 && !mayRecordHistory(actor)) {
    throw forbidden('sheet.forbidden_provenance', "Only the seed importer (role 'system') may record a choice as inferred or unknown", {
      provenance: Object.fromEntries(claimed),
      role: actor.role,
    });
  }
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as DepartmentEvaluationPatch;
}

/** 'unknown' means the source does not tell, so holding a choice at the same time would contradict it. */
export function checkProvenanceConsistency(evaluation: DepartmentEvaluation): void {
  const issues = new Issues();
  for (const choice of EVALUATION_CHOICES) {
    if (evaluation.provenance?.[choice] === 'unknown' && evaluation[choice] !== null) {
      issues.add(`evaluation.${choice}`, 'sheet.provenance_conflict', "a choice whose provenance is 'unknown' must be null", evaluation[choice]);
    }
  }
  issues.throwIfAny();
}
