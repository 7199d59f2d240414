import type pg from 'pg';
import type { RecordedEvent } from '@kensho/event-store';
import { writeRows, type BatchStates, type Projection } from '@kensho/projections';
import { foldSheetsAndCycles, parseStreamId, upcast, type NumericalGoalsRecorded, type SheetState } from '@kensho/review';

/** Strategy KPIs group by their master id; a KPI typed in without one groups by its name. */
export const kpiKeyOf = (entry: { kpiId?: string; name: string }): string => (entry.kpiId ? `id:${entry.kpiId}` : `name:${entry.name.trim()}`);

const ENTRY_COLUMNS = [
  'sheet_id',
  'kind',
  'ordinal',
  'fiscal_year',
  'project_code',
  'project_name',
  'department',
  'policy_areas',
  'status',
  'kpi_key',
  'name',
  'entry',
];

function entryRows(sheetId: string, state: SheetState): Array<Record<string, unknown>> {
  const rows = [
    ...state.content.strategyKpis.map((entry, ordinal) => ({ kind: 'strategy', ordinal, kpi_key: kpiKeyOf(entry), name: entry.name, entry })),
    ...state.content.planKpis.map((entry, ordinal) => ({ kind: 'plan', ordinal, kpi_key: `plan:${entry.name.trim()}`, name: entry.name, entry })),
  ];
  const sheet = {
    sheet_id: sheetId,
    fiscal_year: state.fiscalYear,
    project_code: state.projectCode,
    project_name: state.projectName,
    department: state.department,
    policy_areas: state.policyAreas,
    status: state.status,
  };
  return rows.map((row) => ({ ...sheet, ...row }));
}

async function writeSheets(client: pg.PoolClient, sheets: BatchStates<SheetState>): Promise<void> {
  const changed = sheets.changed();
  if (changed.length === 0) return;
  await writeRows(
    client,
    'v_kpi_sheet_states',
    ['sheet_id', 'state'],
    changed.map(({ key, state }) => ({ sheet_id: key, state })),
    {
      conflictKey: ['sheet_id'],
    },
  );
  // A sheet's KPI rows are few: rewriting them is simpler than diffing, and just as deterministic.
  await client.query('DELETE FROM v_kpi_entries WHERE sheet_id = ANY($1::text[])', [changed.map((c) => c.key)]);
  await writeRows(
    client,
    'v_kpi_entries',
    ENTRY_COLUMNS,
    changed.flatMap(({ key, state }) => entryRows(key, state)),
  );
}

/** The event carries the whole set (evolve replaces it too), so the last one per cycle is all that counts. */
async function writeGoals(client: pg.PoolClient, events: readonly RecordedEvent[]): Promise<void> {
  const latest = new Map<number, NumericalGoalsRecorded['data']['goals']>();
  for (const event of events) {
    const stream = parseStreamId(event.streamId);
    if (stream?.category !== 'cycle') continue;
    const domainEvent = upcast(event);
    if (domainEvent.type === 'NumericalGoalsRecorded') latest.set(stream.fiscalYear, (domainEvent as NumericalGoalsRecorded).data.goals);
  }
  if (latest.size === 0) return;
  await client.query('DELETE FROM v_numerical_goals WHERE fiscal_year = ANY($1::int[])', [[...latest.keys()]]);
  const rows = [...latest].flatMap(([fiscalYear, goals]) =>
    goals.map((goal, ordinal) => ({ fiscal_year: fiscalYear, goal_id: goal.id, ordinal, policy_area: goal.policyArea, goal })),
  );
  await writeRows(client, 'v_numerical_goals', ['fiscal_year', 'goal_id', 'ordinal', 'policy_area', 'goal'], rows);
}

/**
 * Every KPI a sheet carries (strategy and plan), one row each with the sheet's identity and
 * status beside it for filtering, and the numerical goals recorded on each cycle.
 */
export const kpiViewsProjection: Projection = {
  name: 'views-kpis',
  tables: ['v_kpi_sheet_states', 'v_kpi_entries', 'v_numerical_goals'],
  async applyBatch(client, events) {
    const { sheets } = await foldSheetsAndCycles(client, events, { sheets: 'v_kpi_sheet_states' });
    await writeSheets(client, sheets);
    await writeGoals(client, events);
  },
};
