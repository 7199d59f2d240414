import type { AggregateService } from '../application/aggregate-service.js';
import { SheetAggregate, sheetStreamId } from '../application/aggregates.js';
import type { CommandResult } from '../application/command-meta.js';
import type { SheetCommandMessage } from './sheet-command.js';

/** Load → decide → append, for any single-sheet command. */
export function executeSheetCommand(aggregates: AggregateService, message: SheetCommandMessage): Promise<CommandResult> {
  return aggregates.execute(SheetAggregate, sheetStreamId(message.sheetId), message.command, message.meta, {
    expectedVersion: message.expectedVersion,
  });
}
