import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import { CycleAggregate, cycleStreamId } from '../../application/aggregates.js';
import type { CommandMeta, CommandResult } from '../../application/command-meta.js';
import type { RecordNumericalGoals } from '../../domain/index.js';

/** The strategy's 数値目標 with the actuals known when the year is reviewed, on that year's cycle (企画課). */
export class RecordNumericalGoalsCommand extends Command<CommandResult> {
  constructor(
    readonly fiscalYear: number,
    readonly command: RecordNumericalGoals,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(RecordNumericalGoalsCommand)
export class RecordNumericalGoalsHandler implements ICommandHandler<RecordNumericalGoalsCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute({ fiscalYear, command, meta }: RecordNumericalGoalsCommand) {
    return this.aggregates.execute(CycleAggregate, cycleStreamId(fiscalYear), command, meta);
  }
}
