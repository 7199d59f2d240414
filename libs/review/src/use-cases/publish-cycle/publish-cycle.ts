import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import { CycleAggregate, SheetAggregate, cycleStreamId, sheetStreamId } from '../../application/aggregates.js';
import type { CommandMeta, CommandResult } from '../../application/command-meta.js';
import { StreamIntegrityError } from '../../application/integrity.js';
import type { CycleState, PublishCycle, SheetSnapshot } from '../../domain/index.js';

export class PublishCycleCommand extends Command<CommandResult & { edition: number }> {
  constructor(
    readonly fiscalYear: number,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/**
 * One decision on one stream: CyclePublished pins every sheet's version and head hash, appended
 * at the cycle revision the sheets were listed from. Sheet streams are not written; their
 * published status is derived from the pins. So a refusal or a crash leaves nothing, and an
 * assignment racing the publication moves the cycle revision: the publication is then decided
 * again on the new list of sheets (and refused while the new one is a draft).
 */
@CommandHandler(PublishCycleCommand)
export class PublishCycleHandler implements ICommandHandler<PublishCycleCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  async execute({ fiscalYear, meta }: PublishCycleCommand) {
    const streamId = cycleStreamId(fiscalYear);
    let edition: number | null = null;
    const result = await this.aggregates.execute(
      CycleAggregate,
      streamId,
      async (cycle: CycleState): Promise<PublishCycle> => {
        edition = cycle.editions.length + 1;
        return { type: 'PublishCycle', sheets: await this.snapshots(cycle.sheets) };
      },
      meta,
    );
    // A replayed command decided nothing now: its edition is the latest one.
    edition ??= (await this.aggregates.load(CycleAggregate, streamId)).state.editions.length;
    return { ...result, edition };
  }

  private async snapshots(sheets: Record<string, unknown>): Promise<SheetSnapshot[]> {
    return Promise.all(
      Object.keys(sheets).map(async (sheetId) => {
        const loaded = await this.aggregates.load(SheetAggregate, sheetStreamId(sheetId));
        // Refused before any sheet is touched: an edition must never pin a history that fails its chain.
        if (loaded.integrity.status === 'broken') throw new StreamIntegrityError(sheetStreamId(sheetId), loaded.integrity.revision, loaded.integrity.problem);
        return {
          sheetId,
          status: loaded.state.exists ? loaded.state.status : 'missing',
          version: loaded.version ?? -1,
          headHash: loaded.headHash ?? '',
        };
      }),
    );
  }
}
