import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import type { ReviseSheetContent } from '../../domain/index.js';
import { SheetCommandMessage } from '../sheet-command.js';
import { executeSheetCommand } from '../sheet-command.handler.js';

export class ReviseSheetContentCommand extends SheetCommandMessage<ReviseSheetContent> {}

@CommandHandler(ReviseSheetContentCommand)
export class ReviseSheetContentHandler implements ICommandHandler<ReviseSheetContentCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute(message: ReviseSheetContentCommand) {
    return executeSheetCommand(this.aggregates, message);
  }
}
