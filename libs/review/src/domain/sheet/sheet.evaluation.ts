/** 事業の評価: 総合戦略のKPI達成に有効であった / 有効とは言えなかった */
export type Effectiveness = 'effective' | 'not_effective';
/** 今後の方針: 更に発展させる / 見直し(改善) / 見直しをせず継続 / 中止 / 当初予定どおり終了 */
export type Direction = 'expand' | 'improve' | 'continue' | 'discontinue' | 'complete';
/** 総合戦略見直しの必要性: 見直しが必要 / 見直す必要はない */
export type StrategyRevision = 'needed' | 'not_needed';
/**
 * Imported history lost its tick marks: 'inferred' = read from the written reason,
 * 'unknown' = the reason does not tell. People always state their choice.
 */
export type ChoiceProvenance = 'stated' | 'inferred' | 'unknown';

export const EFFECTIVENESS: readonly Effectiveness[] = ['effective', 'not_effective'];
export const DIRECTIONS: readonly Direction[] = ['expand', 'improve', 'continue', 'discontinue', 'complete'];
export const STRATEGY_REVISIONS: readonly StrategyRevision[] = ['needed', 'not_needed'];
export const CHOICE_PROVENANCES: readonly ChoiceProvenance[] = ['stated', 'inferred', 'unknown'];

export type EvaluationChoice = 'effectiveness' | 'direction' | 'strategyRevision';
export const EVALUATION_CHOICES: readonly EvaluationChoice[] = ['effectiveness', 'direction', 'strategyRevision'];

export type EvaluationProvenance = Record<EvaluationChoice, ChoiceProvenance>;

export interface DepartmentEvaluation {
  effectiveness: Effectiveness | null;
  effectivenessReason: string | null;
  direction: Direction | null;
  directionReason: string | null;
  strategyRevision: StrategyRevision | null;
  strategyRevisionReason: string | null;
  /** Absent means every choice was stated. */
  provenance?: EvaluationProvenance;
}

export type DepartmentEvaluationPatch = Partial<Omit<DepartmentEvaluation, 'provenance'>> & {
  provenance?: Partial<EvaluationProvenance>;
};

export const reasonField = (choice: EvaluationChoice): `${EvaluationChoice}Reason` => `${choice}Reason`;

export const emptyEvaluation = (): DepartmentEvaluation => ({
  effectiveness: null,
  effectivenessReason: null,
  direction: null,
  directionReason: null,
  strategyRevision: null,
  strategyRevisionReason: null,
});

export const provenanceOf = (evaluation: DepartmentEvaluation, choice: EvaluationChoice): ChoiceProvenance => evaluation.provenance?.[choice] ?? 'stated';

/**
 * Setting a choice without saying where it came from makes it 'stated': a department re-recording a
 * choice the importer had inferred turns it into the department's own statement.
 */
export function applyEvaluationPatch(evaluation: DepartmentEvaluation, patch: DepartmentEvaluationPatch): DepartmentEvaluation {
  const { provenance: provenancePatch, ...values } = patch;
  // Shallow is enough: every value is a string or null, and the previous state is never mutated.
  const next: DepartmentEvaluation = { ...evaluation };
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) (next as unknown as Record<string, unknown>)[key] = value;
  }
  const provenance = {} as EvaluationProvenance;
  for (const choice of EVALUATION_CHOICES) {
    const restated = values[choice] !== undefined ? 'stated' : provenanceOf(evaluation, choice);
    provenance[choice] = provenancePatch?.[choice] ?? restated;
  }
  delete next.provenance;
  if (EVALUATION_CHOICES.some((c) => provenance[c] !== 'stated')) next.provenance = provenance;
  return next;
}
