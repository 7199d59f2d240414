import type pg from 'pg';
import type { RecordedEvent } from '@kensho/event-store';
import type { Projection } from '@kensho/projections';
import { CycleAggregate, SheetAggregate } from '../application/aggregates.js';
import { upcast } from '../application/event-registry.js';
import type { CycleState, SheetState } from '../domain/index.js';

/**
 * Folds sheet and cycle events with the domain's own evolve functions, so the view can never
 * disagree with what a command handler would load from the stream.
 */
export const reviewProjection: Projection = {
  name: 'review',
  tables: ['rm_sheets', 'rm_cycles'],
  async apply(client, event) {
    if (event.streamId.startsWith('sheet-')) await applySheet(client, event);
    else if (event.streamId.startsWith('cycle-')) await applyCycle(client, event);
  },
};

async function applySheet(client: pg.PoolClient, event: RecordedEvent): Promise<void> {
  const sheetId = event.streamId.slice('sheet-'.length);
  const found = await client.query<{ state: SheetState }>('SELECT state FROM rm_sheets WHERE sheet_id = $1', [sheetId]);
  const state = SheetAggregate.evolve(found.rows[0]?.state ?? SheetAggregate.initialState, upcast(event));
  if (!state.exists) return;
  await client.query(
    `INSERT INTO rm_sheets (sheet_id, fiscal_year, project_code, project_name, department, status, version, policy_areas, state, position, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (sheet_id) DO UPDATE SET
       project_name = EXCLUDED.project_name, status = EXCLUDED.status, version = EXCLUDED.version,
       policy_areas = EXCLUDED.policy_areas, state = EXCLUDED.state, position = EXCLUDED.position,
       occurred_at = EXCLUDED.occurred_at`,
    [
      sheetId,
      state.fiscalYear,
      state.projectCode,
      state.projectName,
      state.department,
      state.status,
      event.revision,
      state.policyAreas,
      JSON.stringify(state),
      event.position,
      event.metadata.occurredAt,
    ],
  );
}

async function applyCycle(client: pg.PoolClient, event: RecordedEvent): Promise<void> {
  const fiscalYear = Number(event.streamId.slice('cycle-'.length));
  const found = await client.query<{ state: CycleState }>('SELECT state FROM rm_cycles WHERE fiscal_year = $1', [fiscalYear]);
  const state = CycleAggregate.evolve(found.rows[0]?.state ?? CycleAggregate.initialState, upcast(event));
  if (!state.exists) return;
  await client.query(
    `INSERT INTO rm_cycles (fiscal_year, title, status, version, state, position) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (fiscal_year) DO UPDATE SET title = EXCLUDED.title, status = EXCLUDED.status, version = EXCLUDED.version,
       state = EXCLUDED.state, position = EXCLUDED.position`,
    [fiscalYear, state.title, state.status, event.revision, JSON.stringify(state), event.position],
  );
}
