import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import type { RecordCityResponse } from '../../domain/index.js';
import { SheetCommandMessage } from '../sheet-command.js';
import { executeSheetCommand } from '../sheet-command.handler.js';

export class RecordCityResponseCommand extends SheetCommandMessage<RecordCityResponse> {}

@CommandHandler(RecordCityResponseCommand)
export class RecordCityResponseHandler implements ICommandHandler<RecordCityResponseCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute(message: RecordCityResponseCommand) {
    return executeSheetCommand(this.aggregates, message);
  }
}
