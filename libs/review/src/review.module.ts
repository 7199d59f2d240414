import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AggregateService } from './application/aggregate-service.js';
import { IntegrityFindings } from './application/integrity.js';
import { ReviewQueries } from './read-models/review-queries.js';
import { ApproveSheetHandler } from './use-cases/approve-sheet/approve-sheet.js';
import { AssignSheetHandler } from './use-cases/assign-sheet/assign-sheet.js';
import { GetDataQualityHandler } from './use-cases/data-quality/data-quality.js';
import { CorrectPublishedSheetHandler } from './use-cases/correct-published-sheet/correct-published-sheet.js';
import { GetCycleHandler } from './use-cases/get-cycle/get-cycle.js';
import { ListCyclesHandler } from './use-cases/list-cycles/list-cycles.js';
import { GetSheetHandler } from './use-cases/get-sheet/get-sheet.js';
import { ListSheetsHandler } from './use-cases/list-sheets/list-sheets.js';
import { OpenCycleHandler } from './use-cases/open-cycle/open-cycle.js';
import { PublishCycleHandler } from './use-cases/publish-cycle/publish-cycle.js';
import { RecordCityResponseHandler } from './use-cases/record-city-response/record-city-response.js';
import { RecordCommitteeOpinionHandler } from './use-cases/record-committee-opinion/record-committee-opinion.js';
import { RecordNumericalGoalsHandler } from './use-cases/record-numerical-goals/record-numerical-goals.js';
import { RecordStrategyHandler } from './use-cases/record-strategy/record-strategy.js';
import { RecordDepartmentEvaluationHandler } from './use-cases/record-department-evaluation/record-department-evaluation.js';
import { ListDepartmentsHandler } from './use-cases/list-departments/list-departments.js';
import { RegisterDepartmentHandler } from './use-cases/register-department/register-department.js';
import { ReturnSheetHandler } from './use-cases/return-sheet/return-sheet.js';
import { ReviseSheetContentHandler } from './use-cases/revise-sheet-content/revise-sheet-content.js';
import { SubmitSheetHandler } from './use-cases/submit-sheet/submit-sheet.js';

/** Command and query handlers of the review cycle. Needs CoreModule (store, clock, database). */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    AggregateService,
    IntegrityFindings,
    ReviewQueries,
    OpenCycleHandler,
    AssignSheetHandler,
    ReviseSheetContentHandler,
    RecordDepartmentEvaluationHandler,
    SubmitSheetHandler,
    ReturnSheetHandler,
    ApproveSheetHandler,
    RecordCommitteeOpinionHandler,
    RecordCityResponseHandler,
    RecordNumericalGoalsHandler,
    RecordStrategyHandler,
    PublishCycleHandler,
    CorrectPublishedSheetHandler,
    GetSheetHandler,
    ListCyclesHandler,
    ListSheetsHandler,
    GetCycleHandler,
    ListCyclesHandler,
    GetDataQualityHandler,
    RegisterDepartmentHandler,
    ListDepartmentsHandler,
  ],
  exports: [AggregateService, IntegrityFindings, ReviewQueries, CqrsModule],
})
export class ReviewModule {}
