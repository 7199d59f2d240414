import type pg from 'pg';
import type { RecordedEvent } from '@kensho/event-store';
import { BatchStates, keysOf, statesFrom } from '@kensho/projections';
import { CycleAggregate, SheetAggregate, type AggregateDefinition } from '../application/aggregates.js';
import { upcast } from '../application/event-registry.js';
import { quoteIdentifier } from '@kensho/platform';
import { parseStreamId, withPublications, type CyclePublished, type CycleState, type SheetState } from '../domain/index.js';

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

/** The sheets a page's CyclePublished events pin: their rows change with the cycle's event. */
function pinnedSheetIds(events: readonly RecordedEvent[]): string[] {
  return events.filter((e) => e.type === 'CyclePublished').flatMap((e) => (upcast(e) as CyclePublished).data.sheets.map((pin) => pin.sheetId));
}

/**
 * A page of the log folded into the sheet and cycle states a view keeps in a `state` column:
 * the touched rows are loaded in one query per table, then every event is folded in memory.
 * Publication is recorded on the cycle alone, so a CyclePublished also folds into every sheet it
 * pins (withPublications, as commands see it). Such a sheet row keeps its own stream version
 * (read from `version` when the table has one) and takes the cycle event's position.
 */
export async function foldSheetsAndCycles(
  client: pg.PoolClient,
  events: readonly RecordedEvent[],
  tables: { sheets: string; cycles?: string; sheetVersions?: boolean },
): Promise<{ sheets: BatchStates<SheetState>; cycles: BatchStates<CycleState> }> {
  const sheets = new BatchStates<SheetState>(statesFrom(client, tables.sheets, 'sheet_id'));
  const cycles = new BatchStates<CycleState>(tables.cycles ? statesFrom(client, tables.cycles, 'fiscal_year', 'int') : async () => []);
  const pinned = pinnedSheetIds(events);
  await sheets.prime([...keysOf(events, 'sheet'), ...pinned]);
  if (tables.cycles) await cycles.prime(keysOf(events, 'cycle'));
  const versions = new Map<string, number>();
  if (tables.sheetVersions && pinned.length > 0) {
    const stored = await client.query<{ sheet_id: string; version: number }>(
      `SELECT sheet_id, version FROM ${quoteIdentifier(tables.sheets)} WHERE sheet_id = ANY($1::text[])`,
      [pinned],
    );
    for (const row of stored.rows) versions.set(row.sheet_id, row.version);
  }
  for (const event of events) {
    const stream = parseStreamId(event.streamId);
    if (stream?.category === 'sheet') {
      if (foldEvent(sheets, SheetAggregate, stream.sheetId, event).exists) versions.set(stream.sheetId, event.revision);
    } else if (stream?.category === 'cycle') {
      if (tables.cycles) foldEvent(cycles, CycleAggregate, String(stream.fiscalYear), event);
      if (event.type === 'CyclePublished') foldPublication(sheets, versions, event);
    }
  }
  return { sheets, cycles };
}

function foldPublication(sheets: BatchStates<SheetState>, versions: Map<string, number>, event: RecordedEvent): void {
  const { edition, publishedAt, sheets: pins } = (upcast(event) as CyclePublished).data;
  for (const pin of pins) {
    const state = sheets.get(pin.sheetId);
    // A pinned sheet always has events before the cycle's; a view started mid-log may lack it.
    if (!state?.exists) continue;
    const version = versions.get(pin.sheetId) ?? pin.version;
    const published = withPublications(state, version, [{ edition, publishedAt, sheets: [pin] }]);
    if (published !== state) sheets.set(pin.sheetId, published, { ...event, revision: version });
  }
}
