import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import { CycleAggregate, DepartmentsAggregate, SheetAggregate, cycleStreamId, sheetStreamId } from '../../application/aggregates.js';
import type { CommandMeta, CommandResult } from '../../application/command-meta.js';
import {
  DEPARTMENTS_STREAM,
  carryForwardContent,
  requireDepartment,
  sheetIdFor,
  type AddSheetToCycle,
  type AssignSheet,
  type PolicyArea,
} from '../../domain/index.js';

export interface AssignSheetInput {
  fiscalYear: number;
  projectCode: string;
  projectName: string;
  department: string;
  policyAreas: string[];
}

export class AssignSheetCommand extends Command<CommandResult & { sheetId: string; carriedFrom: string | null }> {
  constructor(
    readonly input: AssignSheetInput,
    readonly meta: CommandMeta,
  ) {
    super();
  }
}

/**
 * Two streams, decided together and then written in an order that is safe to retry. Both deciders
 * are asked first (the cycle enforces one sheet per project and department and a closed year; the
 * sheet, its own rules), so a refusal by either leaves no trace. Then the cycle records the sheet
 * and the sheet stream is created. Should the second append never happen, the cycle lists a sheet
 * without a stream: publication names it, and repeating the assignment (the same Idempotency-Key
 * or a new one) creates it, since the cycle already holding the sheet decides nothing.
 */
@CommandHandler(AssignSheetCommand)
export class AssignSheetHandler implements ICommandHandler<AssignSheetCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  async execute({ input, meta }: AssignSheetCommand) {
    // Only a department of the master: its slug (not one derived from the name) goes into the sheet id.
    const department = requireDepartment((await this.aggregates.load(DepartmentsAggregate, DEPARTMENTS_STREAM)).state, input.department);
    const sheetId = sheetIdFor(input.fiscalYear, input.projectCode, department);
    const cycleCommand: AddSheetToCycle = {
      type: 'AddSheetToCycle',
      sheetId,
      projectCode: input.projectCode,
      department: department.name,
      departmentSlug: department.slug,
    };
    const previousId = sheetIdFor(input.fiscalYear - 1, input.projectCode, department);
    const previous = await this.aggregates.load(SheetAggregate, sheetStreamId(previousId));
    const command: AssignSheet = {
      type: 'AssignSheet',
      sheetId,
      fiscalYear: input.fiscalYear,
      projectCode: input.projectCode,
      projectName: input.projectName,
      department: department.name,
      departmentSlug: department.slug,
      policyAreas: input.policyAreas as PolicyArea[],
      ...(previous.state.exists ? { carriedForward: { fromSheetId: previousId, content: carryForwardContent(previous.state.content) } } : {}),
    };
    await this.aggregates.dryRun(CycleAggregate, cycleStreamId(input.fiscalYear), cycleCommand, meta);
    await this.aggregates.dryRun(SheetAggregate, sheetStreamId(sheetId), command, meta);
    await this.aggregates.execute(CycleAggregate, cycleStreamId(input.fiscalYear), cycleCommand, meta);
    const result = await this.aggregates.execute(SheetAggregate, sheetStreamId(sheetId), command, meta);
    return { ...result, sheetId, carriedFrom: previous.state.exists ? previousId : null };
  }
}
