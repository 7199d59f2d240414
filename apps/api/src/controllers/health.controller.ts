import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Database } from '@kensho/platform';
import { Public } from '../http/auth.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly db: Database) {}

  /** Liveness and database reachability; no token needed. */
  @Public()
  @Get()
  async health() {
    const started = Date.now();
    await this.db.query('SELECT 1');
    return { status: 'ok', database: { status: 'ok', latencyMs: Date.now() - started } };
  }
}
