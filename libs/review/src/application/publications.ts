import type { ReadStreamOptions } from '@kensho/event-store';
import { withPublications, type SheetState } from '../domain/index.js';
import type { AggregateService } from './aggregate-service.js';
import { CycleAggregate, cycleStreamId } from './aggregates.js';

/**
 * A sheet as its stream and its cycle together say it is: the cycle alone records publication
 * (CyclePublished pins every sheet), so the editions pinning this sheet are read from there.
 * `cycleRead` restricts the cycle to the same moment when travelling in time.
 */
export async function withCyclePublications(
  aggregates: AggregateService,
  state: SheetState,
  version: number | null,
  cycleRead: ReadStreamOptions = {},
): Promise<SheetState> {
  if (!state.exists || version === null) return state;
  const cycle = await aggregates.load(CycleAggregate, cycleStreamId(state.fiscalYear), cycleRead);
  return withPublications(state, version, cycle.state.editions);
}
