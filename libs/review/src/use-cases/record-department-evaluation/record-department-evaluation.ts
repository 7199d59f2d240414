import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import type { RecordDepartmentEvaluation } from '../../domain/index.js';
import { SheetCommandMessage } from '../sheet-command.js';
import { executeSheetCommand } from '../sheet-command.handler.js';

export class RecordDepartmentEvaluationCommand extends SheetCommandMessage<RecordDepartmentEvaluation> {}

@CommandHandler(RecordDepartmentEvaluationCommand)
export class RecordDepartmentEvaluationHandler implements ICommandHandler<RecordDepartmentEvaluationCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute(message: RecordDepartmentEvaluationCommand) {
    return executeSheetCommand(this.aggregates, message);
  }
}
