import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import { DepartmentsAggregate } from '../../application/aggregates.js';
import type { CommandMeta, CommandResult } from '../../application/command-meta.js';
import { DEPARTMENTS_STREAM, type RegisterDepartment } from '../../domain/index.js';

export class RegisterDepartmentCommand extends Command<CommandResult> {
  constructor(
    readonly command: RegisterDepartment,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

@CommandHandler(RegisterDepartmentCommand)
export class RegisterDepartmentHandler implements ICommandHandler<RegisterDepartmentCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute({ command, meta }: RegisterDepartmentCommand) {
    return this.aggregates.execute(DepartmentsAggregate, DEPARTMENTS_STREAM, command, meta);
  }
}
