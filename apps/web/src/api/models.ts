import type { SheetContent, SheetState, SheetStatus } from '../domain';

// What the screens read from answers whose schema the OpenAPI document does not carry yet.
// Each mirrors the service's own type named beside it; drop it when the document has the schema.

/** SheetView (libs/review/src/read-models/sheet-view.ts) */
export interface Sheet extends SheetContent {
  id: string;
  fiscalYear: number;
  fiscalYearLabel: string;
  projectCode: string;
  projectName: string;
  department: string;
  policyAreas: string[];
  status: SheetStatus;
  version: number;
  evaluation: SheetState['evaluation'];
  committeeOpinion: SheetState['committeeOpinion'];
  cityResponse: SheetState['cityResponse'];
  lastReturnComment: string | null;
  carriedFrom: string | null;
  timeline: { assignedAt: string | null; submittedAt: string | null; returnedAt: string | null; approvedAt: string | null; publishedAt: string | null };
}

/** CycleSummary (libs/review/src/use-cases/list-cycles) */
export interface Cycle {
  fiscalYear: number;
  fiscalYearLabel: string;
  title: string;
  status: string;
  deadlines: { departmentSubmission?: string | null; planningReview?: string | null; committee?: string | null; publication?: string | null };
}

/** CycleProgress (libs/views/src/progress/progress.ts) */
export interface CycleProgress {
  today: string;
  deadlines: Cycle['deadlines'];
  sheetCount: number;
  byStatus: Record<SheetStatus, number>;
  byDepartment: Array<{ department: string; sheetCount: number; byStatus: Record<SheetStatus, number>; notSubmitted: number; pastDeadline: number }>;
  pastDeadline: Array<{
    sheetId: string;
    projectCode: string;
    projectName: string;
    department: string;
    status: SheetStatus;
    stage: string;
    deadline: string;
    completedAt: string | null;
    daysPast: number;
  }>;
}
