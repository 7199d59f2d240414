import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CoreModule, POSTGRES_TARGET, type CoreOptions } from '@kensho/core';
import type { PostgresTarget } from '@kensho/platform';
import { AuditModule } from '@kensho/audit';
import { ReviewModule } from '@kensho/review';
import { SeedsModule } from '@kensho/seeds';
import { Clock, Database } from '@kensho/platform';
import { PublicationQueries } from '@kensho/publication';
import { ViewQueries } from '@kensho/views';
import { AuditController } from './controllers/audit.controller.js';
import { CyclesController } from './controllers/cycles.controller.js';
import { DepartmentsController } from './controllers/departments.controller.js';
import { DemoController, DemoSignIn } from './controllers/demo.controller.js';
import { HealthController } from './controllers/health.controller.js';
import { MeController } from './controllers/me.controller.js';
import { PublicController } from './controllers/public.controller.js';
import { SheetsController } from './controllers/sheets.controller.js';
import { TokensController } from './controllers/tokens.controller.js';
import { ViewsController } from './controllers/views.controller.js';
import { AuthGuard } from './http/auth.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { ProblemFilter } from './http/problem.filter.js';
import { ReadYourWritesInterceptor } from './http/read-your-writes.interceptor.js';

@Module({})
export class AppModule {
  /** demoSignIn: hand out the demo tokens (default: only when running the embedded demo). */
  static register(options: CoreOptions & { demoSignIn?: boolean } = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [CoreModule.forRoot(options), ReviewModule, SeedsModule, AuditModule],
      controllers: [
        AuditController,
        HealthController,
        CyclesController,
        DepartmentsController,
        SheetsController,
        TokensController,
        PublicController,
        ViewsController,
        MeController,
        DemoController,
      ],
      providers: [
        { provide: ViewQueries, inject: [Database, Clock], useFactory: (db: Database, clock: Clock) => new ViewQueries(db, clock) },
        { provide: PublicationQueries, inject: [Database], useFactory: (db: Database) => new PublicationQueries(db) },
        {
          provide: DemoSignIn,
          inject: [POSTGRES_TARGET],
          useFactory: (postgres: PostgresTarget) => new DemoSignIn(options.demoSignIn ?? postgres.embedded),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
        // The wait comes first: a replayed write answers at once either way.
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
    };
  }
}
