import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import { CycleAggregate, cycleStreamId } from '../../application/aggregates.js';
import type { CommandMeta, CommandResult } from '../../application/command-meta.js';
import type { OpenCycle } from '../../domain/index.js';

export class OpenCycleCommand extends Command<CommandResult> {
  constructor(
    readonly command: OpenCycle,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(OpenCycleCommand)
export class OpenCycleHandler implements ICommandHandler<OpenCycleCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute({ command, meta }: OpenCycleCommand) {
    return this.aggregates.execute(CycleAggregate, cycleStreamId(command.fiscalYear), command, meta);
  }
}
