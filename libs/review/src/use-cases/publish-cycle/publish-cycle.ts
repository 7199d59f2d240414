import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import { CycleAggregate, SheetAggregate, cycleStreamId, sheetStreamId } from '../../application/aggregates.js';
import type { CommandMeta, CommandResult } from '../../application/command-meta.js';
import { StreamIntegrityError } from '../../application/integrity.js';
import type { SheetSnapshot } from '../../domain/index.js';

export class PublishCycleCommand extends Command<CommandResult & { edition: number }> {
  constructor(readonly fiscalYear: number, readonly meta: CommandMeta) {
    super();
  }
}

/**
 * Publishing touches every sheet and then the cycle. The cycle's decider is asked first with the
 * sheets as they are (so a draft sheet stops everything before anything is written); each sheet
 * then records the edition; finally the cycle pins every sheet's version and head hash.
 */
@CommandHandler(PublishCycleCommand)
export class PublishCycleHandler implements ICommandHandler<PublishCycleCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  async execute({ fiscalYear, meta }: PublishCycleCommand) {
    const streamId = cycleStreamId(fiscalYear);
    const cycle = await this.aggregates.load(CycleAggregate, streamId);
    const edition = cycle.state.editions.length + 1;
    CycleAggregate.decide({ type: 'PublishCycle', sheets: await this.snapshots(cycle.state.sheets) }, cycle.state, {
      actor: meta.actor,
      now: meta.occurredAt ?? new Date(0).toISOString(),
    });
    for (const sheetId of Object.keys(cycle.state.sheets)) {
      await this.aggregates.execute(SheetAggregate, sheetStreamId(sheetId), { type: 'PublishSheet', edition }, meta);
    }
    const sheets = await this.snapshots(cycle.state.sheets);
    const result = await this.aggregates.execute(CycleAggregate, streamId, { type: 'PublishCycle', sheets }, meta);
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
