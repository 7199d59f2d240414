import type pg from 'pg';
import { writeRows, type BatchStates, type Projection } from '@kensho/projections';
import { foldSheetsAndCycles } from './batch-fold.js';
import type { CycleState, SheetState } from '../domain/index.js';

const SHEET_COLUMNS = [
  'sheet_id',
  'fiscal_year',
  'project_code',
  'project_name',
  'department',
  'status',
  'version',
  'policy_areas',
  'state',
  'position',
  'occurred_at',
];
const CYCLE_COLUMNS = ['fiscal_year', 'title', 'status', 'version', 'state', 'position'];

/**
 * Folds sheet and cycle events with the domain's own evolve functions, so the view can never
 * disagree with what a command handler would load from the stream. A batch writes each touched
 * sheet and cycle once, as of its last event in the batch.
 */
export const reviewProjection: Projection = {
  name: 'review',
  tables: ['rm_sheets', 'rm_cycles'],
  async applyBatch(client, events) {
    const { sheets, cycles } = await foldSheetsAndCycles(client, events, { sheets: 'rm_sheets', cycles: 'rm_cycles', sheetVersions: true });
    await writeSheets(client, sheets);
    await writeCycles(client, cycles);
  },
};

async function writeSheets(client: pg.PoolClient, sheets: BatchStates<SheetState>): Promise<void> {
  const rows = sheets.changed().map(({ key, state, event }) => ({
    sheet_id: key,
    fiscal_year: state.fiscalYear,
    project_code: state.projectCode,
    project_name: state.projectName,
    department: state.department,
    status: state.status,
    version: event.revision,
    policy_areas: state.policyAreas,
    state,
    position: event.position,
    occurred_at: event.metadata.occurredAt,
  }));
  await writeRows(client, 'rm_sheets', SHEET_COLUMNS, rows, { conflictKey: ['sheet_id'] });
}

async function writeCycles(client: pg.PoolClient, cycles: BatchStates<CycleState>): Promise<void> {
  const rows = cycles.changed().map(({ key, state, event }) => ({
    fiscal_year: Number(key),
    title: state.title,
    status: state.status,
    version: event.revision,
    state,
    position: event.position,
  }));
  await writeRows(client, 'rm_cycles', CYCLE_COLUMNS, rows, { conflictKey: ['fiscal_year'] });
}
