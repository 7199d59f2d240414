import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { KENSHO_CONFIG } from '@kensho/core';
import { INTEGER_RANGES, parseCanonicalInteger, type KenshoConfig } from '@kensho/platform';
import { Projector } from '@kensho/projections';

/**
 * Read your own writes, for every route: `?minPosition=N` waits until the views include the write
 * that answered with position N (up to PROJECTION_WAIT_MS: then 503 projection.lagging; a position
 * no write answered with: 409 read.position_ahead). A value that does not parse is left to the
 * route's query DTO, which answers 400 naming it.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    private readonly projector: Projector,
    @Inject(KENSHO_CONFIG) private readonly config: KenshoConfig,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const position = parseCanonicalInteger(context.switchToHttp().getRequest<Request>().query?.minPosition, INTEGER_RANGES.position);
    if (position !== null) await this.projector.waitFor(position, this.config.projectionWaitMs);
    return next.handle();
  }
}
