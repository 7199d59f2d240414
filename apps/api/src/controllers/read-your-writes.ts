import { Inject, Injectable } from '@nestjs/common';
import { KENSHO_CONFIG } from '@kensho/core';
import type { KenshoConfig } from '@kensho/platform';
import { Projector } from '@kensho/projections';

/** Lets a query wait until the views include a position a command returned. */
@Injectable()
export class ReadYourWrites {
  constructor(
    private readonly projector: Projector,
    @Inject(KENSHO_CONFIG) private readonly config: KenshoConfig,
  ) {}

  async await(position: number | undefined): Promise<void> {
    if (position !== undefined) await this.projector.waitFor(position, this.config.projectionWaitMs);
  }
}
