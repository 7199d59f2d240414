import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import type { SubmitSheet } from '../../domain/index.js';
import { SheetCommandMessage } from '../sheet-command.js';
import { executeSheetCommand } from '../sheet-command.handler.js';

export class SubmitSheetCommand extends SheetCommandMessage<SubmitSheet> {}

@CommandHandler(SubmitSheetCommand)
export class SubmitSheetHandler implements ICommandHandler<SubmitSheetCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute(message: SubmitSheetCommand) {
    return executeSheetCommand(this.aggregates, message);
  }
}
