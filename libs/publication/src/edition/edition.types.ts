import type { CycleState, DepartmentEvaluation, PolicyArea, SheetContent, SheetState } from '@kensho/review';

/** A numerical goal (数値目標) of a policy area, as printed: texts, not figures. */
export interface StrategyGoal {
  measure: string;
  target: string;
  targetPeriod: string;
  actual: string;
  actualPeriod: string | null;
}

export interface StrategyArea {
  code: PolicyArea;
  name: string;
  /** Empty when the goals on record are not this fiscal year's (their actuals belong to another year). */
  goals: StrategyGoal[];
  directions: Array<{ name: string; measures: Array<{ name: string; subMeasures: string[] }> }>;
}

/** The strategy (総合戦略) a sheet page prints above its content: area names, goals, the measure tree. */
export interface StrategyReference {
  name: string;
  period: { from: number; to: number };
  areas: StrategyArea[];
}

/** What the public sees of a sheet: no return comments, warnings or other internal review notes. */
export interface PublishedSheet {
  id: string;
  fiscalYear: number;
  projectCode: string;
  projectName: string;
  department: string;
  policyAreas: PolicyArea[];
  content: SheetContent;
  evaluation: DepartmentEvaluation;
  committeeOpinion: SheetState['committeeOpinion'];
  cityResponse: SheetState['cityResponse'];
  corrections: SheetState['corrections'];
  /** The pinned stream revision and its head hash (DESIGN §4): what this edition shows, exactly. */
  version: number;
  headHash: string;
}

/** A correction of a published sheet, with the edition that first carried it. */
export interface EditionCorrection {
  sheetId: string;
  projectCode: string;
  projectName: string;
  department: string;
  reason: string;
  at: string;
  fields: string[];
  edition: number;
}

/** Edition N of a fiscal year's publication: everything its documents are rendered from. */
export interface EditionSnapshot {
  fiscalYear: number;
  edition: number;
  publishedAt: string;
  title: string;
  strategy: StrategyReference | null;
  committeeMeetings: CycleState['committeeMeetings'];
  /** In report order: project code, then the order the sheets were assigned (the source's order). */
  sheets: PublishedSheet[];
  /** Every correction up to this edition, oldest first. */
  corrections: EditionCorrection[];
}
