import { fiscalYearLabel, type SheetState } from '../domain/index.js';

/** What the API returns for a sheet: identity, lifecycle and all content, version = stream revision. */
export interface SheetView {
  id: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  projectCode: string;
  projectName: string;
  department: string;
  policyAreas: string[];
  status: string;
  version: number;
  category: SheetState['content']['category'];
  implementingBody: SheetState['content']['implementingBody'];
  summary: SheetState['content']['summary'];
  finance: SheetState['content']['finance'];
  implementation: SheetState['content']['implementation'];
  effect: SheetState['content']['effect'];
  strategyKpis: SheetState['content']['strategyKpis'];
  planKpis: SheetState['content']['planKpis'];
  evaluation: SheetState['evaluation'];
  committeeOpinion: SheetState['committeeOpinion'];
  cityResponse: SheetState['cityResponse'];
  lastReturnComment: string | null;
  warnings: string[];
  publishedEditions: number[];
  corrections: SheetState['corrections'];
  carriedFrom: string | null;
  timeline: { assignedAt: string | null; submittedAt: string | null; returnedAt: string | null; approvedAt: string | null; publishedAt: string | null };
}

export function toSheetView(state: SheetState, version: number): SheetView {
  return {
    id: state.id,
    fiscalYear: state.fiscalYear,
    fiscalYearLabel: fiscalYearLabel(state.fiscalYear),
    projectCode: state.projectCode,
    projectName: state.projectName,
    department: state.department,
    policyAreas: state.policyAreas,
    status: state.status,
    version,
    ...state.content,
    evaluation: state.evaluation,
    committeeOpinion: state.committeeOpinion,
    cityResponse: state.cityResponse,
    lastReturnComment: state.lastReturnComment,
    warnings: state.warnings,
    publishedEditions: state.publishedEditions,
    corrections: state.corrections,
    carriedFrom: state.carriedFrom,
    timeline: {
      assignedAt: state.assignedAt,
      submittedAt: state.submittedAt,
      returnedAt: state.returnedAt,
      approvedAt: state.approvedAt,
      publishedAt: state.publishedAt,
    },
  };
}
