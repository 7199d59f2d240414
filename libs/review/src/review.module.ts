import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AggregateService } from './application/aggregate-service.js';
import { IntegrityFindings } from './application/integrity.js';
import { ReviewQueries } from './read-models/review-queries.js';
import { DecideHandler } from './use-cases/decide/decide.js';
import { AssignSheetHandler } from './use-cases/assign-sheet/assign-sheet.js';
import { GetDataQualityHandler } from './use-cases/data-quality/data-quality.js';
import { GetCycleHandler } from './use-cases/get-cycle/get-cycle.js';
import { ListCyclesHandler } from './use-cases/list-cycles/list-cycles.js';
import { GetSheetHandler } from './use-cases/get-sheet/get-sheet.js';
import { ListSheetsHandler } from './use-cases/list-sheets/list-sheets.js';
import { PublishCycleHandler } from './use-cases/publish-cycle/publish-cycle.js';
import { ListDepartmentsHandler } from './use-cases/list-departments/list-departments.js';

/** Command and query handlers of the review cycle. Needs CoreModule (store, clock, database). */
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    AggregateService,
    IntegrityFindings,
    ReviewQueries,
    DecideHandler,
    AssignSheetHandler,
    PublishCycleHandler,
    GetSheetHandler,
    ListCyclesHandler,
    ListSheetsHandler,
    GetCycleHandler,
    GetDataQualityHandler,
    ListDepartmentsHandler,
  ],
  exports: [AggregateService, IntegrityFindings, ReviewQueries, CqrsModule],
})
export class ReviewModule {}
