import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import type { ApproveSheet } from '../../domain/index.js';
import { SheetCommandMessage } from '../sheet-command.js';
import { executeSheetCommand } from '../sheet-command.handler.js';

export class ApproveSheetCommand extends SheetCommandMessage<ApproveSheet> {}

@CommandHandler(ApproveSheetCommand)
export class ApproveSheetHandler implements ICommandHandler<ApproveSheetCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute(message: ApproveSheetCommand) {
    return executeSheetCommand(this.aggregates, message);
  }
}
