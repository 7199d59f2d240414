import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import { CycleAggregate, cycleStreamId } from '../../application/aggregates.js';
import type { CommandMeta, CommandResult } from '../../application/command-meta.js';
import type { RecordStrategy } from '../../domain/index.js';

/** The strategy master (総合戦略) in force for the year, on that year's cycle (企画課): publication prints it from the log. */
export class RecordStrategyCommand extends Command<CommandResult> {
  constructor(
    readonly fiscalYear: number,
    readonly command: RecordStrategy,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(RecordStrategyCommand)
export class RecordStrategyHandler implements ICommandHandler<RecordStrategyCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute({ fiscalYear, command, meta }: RecordStrategyCommand) {
    return this.aggregates.execute(CycleAggregate, cycleStreamId(fiscalYear), command, meta);
  }
}
