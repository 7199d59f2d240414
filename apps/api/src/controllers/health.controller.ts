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
    if (status !== 'ok') throw new HttpProblem(503, 'health.degraded', 'Service degraded', 'A backing store is unreachable', { database, eventStore });
    return { status, database, eventStore };
  }
}

async function timed(check: () => Promise<unknown>): Promise<{ status: 'ok' | 'down'; latencyMs: number; error?: string }> {
  const started = Date.now();
  try {
    await check();
    return { status: 'ok', latencyMs: Date.now() - started };
  } catch (error) {
    return { status: 'down', latencyMs: Date.now() - started, error: (error as Error).message };
  }
}
