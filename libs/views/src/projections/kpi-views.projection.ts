import type pg from 'pg';
import type { RecordedEvent } from '@kensho/event-store';
import type { Projection } from '@kensho/projections';
import { SheetAggregate, upcast, type NumericalGoalsRecorded, type SheetState } from '@kensho/review';

/** Strategy KPIs group by their master id; a KPI typed in without one groups by its name. */
export const kpiKeyOf = (entry: { kpiId?: string; name: string }): string => (entry.kpiId ? `id:${entry.kpiId}` : `name:${entry.name.trim()}`);

async function applySheet(client: pg.PoolClient, event: RecordedEvent): Promise<void> {
  const sheetId = event.streamId.slice('sheet-'.length);
  const found = await client.query<{ state: SheetState }>('SELECT state FROM v_kpi_sheet_states WHERE sheet_id = $1', [sheetId]);
  const state = SheetAggregate.evolve(found.rows[0]?.state ?? SheetAggregate.initialState, upcast(event));
  if (!state.exists) return;
  await client.query(
    `INSERT INTO v_kpi_sheet_states (sheet_id, state) VALUES ($1, $2) ON CONFLICT (sheet_id) DO UPDATE SET state = EXCLUDED.state`,
    [sheetId, JSON.stringify(state)],
  );
  // A sheet's KPI rows are few: rewriting them is simpler than diffing, and just as deterministic.
  await client.query('DELETE FROM v_kpi_entries WHERE sheet_id = $1', [sheetId]);
  const rows = [
    ...state.content.strategyKpis.map((entry, ordinal) => ({ kind: 'strategy', ordinal, key: kpiKeyOf(entry), name: entry.name, entry })),
    ...state.content.planKpis.map((entry, ordinal) => ({ kind: 'plan', ordinal, key: `plan:${entry.name.trim()}`, name: entry.name, entry })),
  ];
  for (const row of rows) {
    await client.query(
      `INSERT INTO v_kpi_entries (sheet_id, kind, ordinal, fiscal_year, project_code, project_name, department, policy_areas, status, kpi_key, name, entry)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [sheetId, row.kind, row.ordinal, state.fiscalYear, state.projectCode, state.projectName, state.department, state.policyAreas, state.status, row.key, row.name, JSON.stringify(row.entry)],
    );
  }
}

async function applyCycle(client: pg.PoolClient, event: RecordedEvent): Promise<void> {
  const domainEvent = upcast(event);
  if (domainEvent.type !== 'NumericalGoalsRecorded') return;
  // The event carries the whole set (evolve replaces it too), so no fold of the cycle is needed.
  const { goals } = (domainEvent as NumericalGoalsRecorded).data;
  const fiscalYear = Number(event.streamId.slice('cycle-'.length));
  await client.query('DELETE FROM v_numerical_goals WHERE fiscal_year = $1', [fiscalYear]);
  for (const [ordinal, goal] of goals.entries()) {
    await client.query('INSERT INTO v_numerical_goals (fiscal_year, goal_id, ordinal, policy_area, goal) VALUES ($1, $2, $3, $4, $5)', [
      fiscalYear,
      goal.id,
      ordinal,
      goal.policyArea,
      JSON.stringify(goal),
    ]);
  }
}

/**
 * Every KPI a sheet carries (strategy and plan), one row each with the sheet's identity and
 * status beside it for filtering, and the numerical goals recorded on each cycle.
 */
export const kpiViewsProjection: Projection = {
  name: 'views-kpis',
  tables: ['v_kpi_sheet_states', 'v_kpi_entries', 'v_numerical_goals'],
  async apply(client, event) {
    if (event.streamId.startsWith('sheet-')) await applySheet(client, event);
    else if (event.streamId.startsWith('cycle-')) await applyCycle(client, event);
  },
};
