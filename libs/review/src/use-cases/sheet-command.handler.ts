import type { AggregateService } from '../application/aggregate-service.js';
import { SheetAggregate, sheetStreamId } from '../application/aggregates.js';
import type { CommandResult } from '../application/command-meta.js';
import { withCyclePublications } from '../application/publications.js';
import type { SheetCommandMessage } from './sheet-command.js';

/** Load → decide → append, for any single-sheet command; the decider sees the editions that pin the sheet. */
export function executeSheetCommand(aggregates: AggregateService, message: SheetCommandMessage): Promise<CommandResult> {
  return aggregates.execute(SheetAggregate, sheetStreamId(message.sheetId), message.command, message.meta, {
    expectedVersion: message.expectedVersion,
    withFacts: (state, version) => withCyclePublications(aggregates, state, version),
  });
}
