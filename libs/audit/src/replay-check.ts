import type { Database } from '@kensho/platform';
import { AggregateService, CycleAggregate, SheetAggregate, cycleStreamId, sheetStreamId, withCyclePublications } from '@kensho/review';
import { describeChanges, type FieldChange } from './describe-changes.js';

export interface ReplayMismatch {
  aggregate: 'sheet' | 'cycle';
  id: string;
  field: string;
  /** What the current-state view holds. */
  view: string;
  /** What folding the events gives. */
  replayed: string;
}

export interface ReplayReport {
  ok: boolean;
  sheetsChecked: number;
  cyclesChecked: number;
  mismatches: ReplayMismatch[];
}

/** Rebuilds every sheet and cycle from its events and compares it with the current-state views. */
export async function replayCheck(db: Database, aggregates: AggregateService): Promise<ReplayReport> {
  const mismatches: ReplayMismatch[] = [];
  const sheets = await db.query<{ sheet_id: string; version: number; state: unknown }>('SELECT sheet_id, version, state FROM rm_sheets ORDER BY sheet_id');
  for (const row of sheets.rows) {
    const loaded = await aggregates.load(SheetAggregate, sheetStreamId(row.sheet_id));
    // The view derives publication from the cycle's pins, as commands do.
    const replayed = { ...loaded, state: await withCyclePublications(aggregates, loaded.state, loaded.version) };
    mismatches.push(...compare('sheet', row.sheet_id, row, replayed));
  }
  const cycles = await db.query<{ fiscal_year: number; version: number; state: unknown }>(
    'SELECT fiscal_year, version, state FROM rm_cycles ORDER BY fiscal_year',
  );
  for (const row of cycles.rows) {
    const replayed = await aggregates.load(CycleAggregate, cycleStreamId(row.fiscal_year));
    mismatches.push(...compare('cycle', String(row.fiscal_year), row, replayed));
  }
  return { ok: mismatches.length === 0, sheetsChecked: sheets.rows.length, cyclesChecked: cycles.rows.length, mismatches };
}

function compare(
  aggregate: 'sheet' | 'cycle',
  id: string,
  view: { version: number; state: unknown },
  replayed: { version: number | null; state: unknown },
): ReplayMismatch[] {
  const changes: FieldChange[] = describeChanges(
    { version: view.version, ...(view.state as object) },
    { version: replayed.version, ...(replayed.state as object) },
  );
  return changes.map((c) => ({ aggregate, id, field: c.field, view: c.before, replayed: c.after }));
}
