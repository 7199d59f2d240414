import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import type { ReturnSheet } from '../../domain/index.js';
import { SheetCommandMessage } from '../sheet-command.js';
import { executeSheetCommand } from '../sheet-command.handler.js';

export class ReturnSheetCommand extends SheetCommandMessage<ReturnSheet> {}

@CommandHandler(ReturnSheetCommand)
export class ReturnSheetHandler implements ICommandHandler<ReturnSheetCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute(message: ReturnSheetCommand) {
    return executeSheetCommand(this.aggregates, message);
  }
}
