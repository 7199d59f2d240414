import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import type { RecordCommitteeOpinion } from '../../domain/index.js';
import { SheetCommandMessage } from '../sheet-command.js';
import { executeSheetCommand } from '../sheet-command.handler.js';

export class RecordCommitteeOpinionCommand extends SheetCommandMessage<RecordCommitteeOpinion> {}

@CommandHandler(RecordCommitteeOpinionCommand)
export class RecordCommitteeOpinionHandler implements ICommandHandler<RecordCommitteeOpinionCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute(message: RecordCommitteeOpinionCommand) {
    return executeSheetCommand(this.aggregates, message);
  }
}
