import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject, Logger } from '@nestjs/common';
import { TokenService } from '@kensho/auth';
import { EventStore, PostgresEventStore, connectEventStoreDb } from '@kensho/event-store';
import { Clock, Database, SystemClock, loadConfig, resolvePostgres, runMigrations, type KenshoConfig, type PostgresTarget } from '@kensho/platform';
import { Projector } from '@kensho/projections';
import { isRegisteredDepartment } from '@kensho/review';
import { ALL_MIGRATIONS } from './migrations.js';
import { ALL_PROJECTIONS } from './projections.js';

export const KENSHO_CONFIG = Symbol('kensho.config');
export const POSTGRES_TARGET = Symbol('kensho.postgres');

export interface CoreOptions {
  config?: KenshoConfig;
  /** Tests inject a fixed clock; the service uses the system clock. */
  clock?: Clock;
  /** Pool size; the CLI needs few connections. */
  poolSize?: number;
}

class CoreLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Projector) private readonly projector: Projector,
    @Inject(POSTGRES_TARGET) private readonly postgres: PostgresTarget,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
    await this.store.close();
    await this.db.close();
    await this.postgres.stop();
  }
}

/**
 * The shared composition root of the API and the CLI: configuration, PostgreSQL (embedded when
 * there is no DATABASE_URL), migrations, the event store, the projector and tokens.
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(options: CoreOptions = {}): DynamicModule {
    const logger = new Logger('Kensho');
    return {
      module: CoreModule,
      providers: [
        { provide: KENSHO_CONFIG, useFactory: () => options.config ?? loadConfig() },
        {
          provide: POSTGRES_TARGET,
          inject: [KENSHO_CONFIG],
          useFactory: async (config: KenshoConfig) => {
            const target = await resolvePostgres(config, (line) => logger.log(line));
            const applied = await runMigrations(target.url, ALL_MIGRATIONS);
            if (applied.length) logger.log(`Migrations applied: ${applied.join(', ')}`);
            return target;
          },
        },
        {
          provide: Database,
          inject: [POSTGRES_TARGET],
          useFactory: (target: PostgresTarget) => new Database(target.url, { max: options.poolSize ?? 20 }),
        },
        {
          provide: EventStore,
          inject: [KENSHO_CONFIG, Database],
          useFactory: async (config: KenshoConfig, db: Database): Promise<EventStore> => {
            // Events go to EventStoreDB when it is configured; projections and checkpoints stay in PostgreSQL.
            if (config.eventStoreConnectionString) {
              logger.log(`Event store: EventStoreDB (${withoutCredentials(config.eventStoreConnectionString)})`);
              return connectEventStoreDb(config.eventStoreConnectionString);
            }
            logger.log('Event store: PostgreSQL');
            return new PostgresEventStore(db);
          },
        },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        {
          provide: TokenService,
          inject: [Database, EventStore],
          // Department tokens only for a department of the master; auth knows nothing of the review domain.
          useFactory: (db: Database, store: EventStore) => new TokenService(db, (name) => isRegisteredDepartment(store, name)),
        },
        {
          provide: Projector,
          inject: [Database, EventStore],
          useFactory: (db: Database, store: EventStore) => new Projector(db, store, ALL_PROJECTIONS, { log: (m) => logger.warn(m) }),
        },
        CoreLifecycle,
      ],
      exports: [KENSHO_CONFIG, POSTGRES_TARGET, Database, EventStore, Clock, TokenService, Projector],
    };
  }
}

/** Connection strings may carry a user and password (esdb://admin:changeit@host): never log them. */
function withoutCredentials(connectionString: string): string {
  return connectionString.replace(/\/\/[^@/]*@/, '//***@');
}
