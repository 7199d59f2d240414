import type { CycleState, DepartmentEvaluation, PolicyArea, SheetContent, SheetState } from '@kensho/review';

export interface StrategyArea {
  code: PolicyArea;
  name: string;
  directions: Array<{ name: string; measures: Array<{ name: string; subMeasures: string[] }> }>;
}

/** The strategy (総合戦略) a sheet page prints above its content: area names and the measure tree. */
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
  /** The pinned stream revision and its head hash (docs/events.md): what this edition shows, exactly. */
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
  /** 数値目標 of every policy area with the actuals known for this fiscal year, as the cycle recorded them. */
  numericalGoals: CycleState['numericalGoals'];
  /** In report order: project code, then the order the sheets were assigned (the source's order). */
  sheets: PublishedSheet[];
  /** Every correction up to this edition, oldest first. */
  corrections: EditionCorrection[];
}
