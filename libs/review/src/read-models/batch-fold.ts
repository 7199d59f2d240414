import type pg from 'pg';
import type { RecordedEvent } from '@kensho/event-store';
import { BatchStates, keysOf, statesFrom } from '@kensho/projections';
import { CycleAggregate, SheetAggregate, type AggregateDefinition } from '../application/aggregates.js';
import { upcast } from '../application/event-registry.js';
import type { CycleState, SheetState } from '../domain/index.js';

/**
 * Folds one event into a batch's states with the aggregate's own evolve. Events before a stream's
 * first real one leave no row, as they leave no aggregate. Returns the state after the event.
 */
export function foldEvent<S extends { exists: boolean }>(
  states: BatchStates<S>,
  aggregate: Pick<AggregateDefinition<S, unknown>, 'initialState' | 'evolve'>,
  key: string,
  event: RecordedEvent,
): S {
  const state = aggregate.evolve(states.get(key) ?? aggregate.initialState, upcast(event));
  if (state.exists) states.set(key, state, event);
  return state;
}

/**
 * A page of the log folded into the sheet and cycle states a view keeps in a `state` column:
 * the touched rows are loaded in one query per table, then every event is folded in memory.
 */
export async function foldSheetsAndCycles(
  client: pg.PoolClient,
  events: readonly RecordedEvent[],
  tables: { sheets: string; cycles?: string },
): Promise<{ sheets: BatchStates<SheetState>; cycles: BatchStates<CycleState> }> {
  const sheets = new BatchStates<SheetState>(statesFrom(client, tables.sheets, 'sheet_id'));
  const cycles = new BatchStates<CycleState>(tables.cycles ? statesFrom(client, tables.cycles, 'fiscal_year', 'int') : async () => []);
  await sheets.prime(keysOf(events, 'sheet'));
  if (tables.cycles) await cycles.prime(keysOf(events, 'cycle'));
  for (const event of events) {
    if (event.streamId.startsWith('sheet-')) foldEvent(sheets, SheetAggregate, event.streamId.slice('sheet-'.length), event);
    else if (tables.cycles && event.streamId.startsWith('cycle-')) foldEvent(cycles, CycleAggregate, event.streamId.slice('cycle-'.length), event);
  }
  return { sheets, cycles };
}
