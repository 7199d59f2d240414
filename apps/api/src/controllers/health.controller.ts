import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EventStore } from '@kensho/event-store';
import { Database } from '@kensho/platform';
import { Public } from '../http/auth.js';
import { ApiProblems } from '../http/openapi.js';
import { HttpProblem } from '../http/request-errors.js';
import { HealthDto } from '../http/responses.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
  ) {}

  /** Liveness, and reachability of PostgreSQL and of the event store (which may be EventStoreDB); no token. */
  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and reachability of PostgreSQL and the event store' })
  @ApiOkResponse({ type: HealthDto })
  @ApiProblems(503)
  async health() {
    const database = await timed(() => this.db.query('SELECT 1'));
    const eventStore = await timed(() => this.store.headCheckpoint());
    const status = database.status === 'ok' && eventStore.status === 'ok' ? 'ok' : 'degraded';
    if (status !== 'ok') {
      throw new HttpProblem(503, 'health.degraded', 'Service degraded', 'A backing store is unreachable', { database, eventStore }, { 'Retry-After': '2' });
    }
    return { status, database, eventStore };
  }
}

/** Health answers within this, even while a connect to an unreachable server is still waiting. */
const CHECK_TIMEOUT_MS = 2_000;

async function timed(check: () => Promise<unknown>): Promise<{ status: 'ok' | 'down'; latencyMs: number; error?: string }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    await Promise.race([check(), timeout]);
    return { status: 'ok', latencyMs: Date.now() - started };
  } catch (error) {
    return { status: 'down', latencyMs: Date.now() - started, error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
