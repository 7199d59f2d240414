import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import { CycleAggregate, DepartmentsAggregate, SheetAggregate, cycleStreamId, sheetStreamId } from '../../application/aggregates.js';
import type { CommandMeta, CommandResult } from '../../application/command-meta.js';
import { withCyclePublications } from '../../application/publications.js';
import {
  DEPARTMENTS_STREAM,
  type AddSheetToCycle,
  type AssignSheet,
  type CycleCommand,
  type DepartmentCommand,
  type PublishCycle,
  type SheetCommand,
} from '../../domain/index.js';

/*
 * The commands that touch more than one stream have their own handlers (assign-sheet, publish-cycle):
 * sent alone, AssignSheet would create a sheet its cycle does not list, AddSheetToCycle the reverse,
 * and PublishCycle needs every sheet's pin. The types keep them off this path.
 */
export type SheetDecision = Exclude<SheetCommand, AssignSheet>;
export type CycleDecision = Exclude<CycleCommand, AddSheetToCycle | PublishCycle>;

export type Decision =
  | { aggregate: 'sheet'; streamId: string; command: SheetDecision }
  | { aggregate: 'cycle'; streamId: string; command: CycleDecision }
  | { aggregate: 'departments'; streamId: string; command: DepartmentCommand };

/** One domain command for one stream: load → decide → append, with nothing else to do. */
export class DecideCommand extends Command<CommandResult> {
  constructor(
    readonly decision: Decision,
    readonly meta: CommandMeta,
    /** From If-Match: the version the client last read. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}

export const sheetCommand = (sheetId: string, command: SheetDecision, meta: CommandMeta, expectedVersion?: number) =>
  new DecideCommand({ aggregate: 'sheet', streamId: sheetStreamId(sheetId), command }, meta, expectedVersion);

export const cycleCommand = (fiscalYear: number, command: CycleDecision, meta: CommandMeta) =>
  new DecideCommand({ aggregate: 'cycle', streamId: cycleStreamId(fiscalYear), command }, meta);

export const departmentsCommand = (command: DepartmentCommand, meta: CommandMeta) =>
  new DecideCommand({ aggregate: 'departments', streamId: DEPARTMENTS_STREAM, command }, meta);

@CommandHandler(DecideCommand)
export class DecideHandler implements ICommandHandler<DecideCommand> {
  constructor(private readonly aggregates: AggregateService) {}

  execute({ decision, meta, expectedVersion }: DecideCommand): Promise<CommandResult> {
    switch (decision.aggregate) {
      case 'sheet':
        // A sheet's decider sees the editions that pin it: publication is recorded on the cycle only.
        return this.aggregates.execute(SheetAggregate, decision.streamId, decision.command, meta, {
          expectedVersion,
          withFacts: (state, version) => withCyclePublications(this.aggregates, state, version),
        });
      case 'cycle':
        return this.aggregates.execute(CycleAggregate, decision.streamId, decision.command, meta, { expectedVersion });
      case 'departments':
        return this.aggregates.execute(DepartmentsAggregate, decision.streamId, decision.command, meta, { expectedVersion });
    }
  }
}
