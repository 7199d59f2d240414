import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import type { CorrectPublishedSheet } from '../../domain/index.js';
import { SheetCommandMessage } from '../sheet-command.js';
import { executeSheetCommand } from '../sheet-command.handler.js';

export class CorrectPublishedSheetCommand extends SheetCommandMessage<CorrectPublishedSheet> {}

@CommandHandler(CorrectPublishedSheetCommand)
export class CorrectPublishedSheetHandler implements ICommandHandler<CorrectPublishedSheetCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute(message: CorrectPublishedSheetCommand) {
    return executeSheetCommand(this.aggregates, message);
  }
}
