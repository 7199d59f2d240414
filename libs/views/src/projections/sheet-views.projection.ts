import type pg from 'pg';
import type { RecordedEvent } from '@kensho/event-store';
import type { Projection } from '@kensho/projections';
import { CycleAggregate, SheetAggregate, upcast, type CycleState, type SheetState } from '@kensho/review';

// Column order of v_sheets as written; the upsert is generated from it so the two cannot drift.
const SHEET_COLUMNS = [
  'sheet_id',
  'fiscal_year',
  'project_code',
  'project_name',
  'department',
  'policy_areas',
  'status',
  'version',
  'budget',
  'settlement',
  'funding_national_prefectural',
  'funding_municipal_bonds',
  'funding_other',
  'funding_general',
  'effectiveness',
  'direction',
  'strategy_revision',
  'choice_provenance',
  'assigned_at',
  'submitted_at',
  'approved_at',
  'committee_opinion_at',
  'published_at',
  'state',
  'position',
] as const;

const UPSERT_SHEET = `
  INSERT INTO v_sheets (${SHEET_COLUMNS.join(', ')})
  VALUES (${SHEET_COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (sheet_id) DO UPDATE SET (${SHEET_COLUMNS.slice(1).join(', ')}) =
    (${SHEET_COLUMNS.slice(1).map((c) => `EXCLUDED.${c}`).join(', ')})`;

function sheetRow(sheetId: string, state: SheetState, event: RecordedEvent): unknown[] {
  const { finance } = state.content;
  const { evaluation } = state;
  return [
    sheetId,
    state.fiscalYear,
    state.projectCode,
    state.projectName,
    state.department,
    state.policyAreas,
    state.status,
    event.revision,
    finance.budget,
    finance.settlement,
    finance.funding.nationalPrefectural,
    finance.funding.municipalBonds,
    finance.funding.other,
    finance.funding.generalFund,
    evaluation.effectiveness,
    evaluation.direction,
    evaluation.strategyRevision,
    evaluation.provenance ? JSON.stringify(evaluation.provenance) : null,
    state.assignedAt,
    state.submittedAt,
    state.approvedAt,
    state.committeeOpinion?.recordedAt ?? null,
    state.publishedAt,
    JSON.stringify(state),
    event.position,
  ];
}

async function applySheet(client: pg.PoolClient, event: RecordedEvent): Promise<void> {
  const sheetId = event.streamId.slice('sheet-'.length);
  const found = await client.query<{ state: SheetState }>('SELECT state FROM v_sheets WHERE sheet_id = $1', [sheetId]);
  const state = SheetAggregate.evolve(found.rows[0]?.state ?? SheetAggregate.initialState, upcast(event));
  if (!state.exists) return;
  await client.query(UPSERT_SHEET, sheetRow(sheetId, state, event));
}

async function applyCycle(client: pg.PoolClient, event: RecordedEvent): Promise<void> {
  const fiscalYear = Number(event.streamId.slice('cycle-'.length));
  const found = await client.query<{ state: CycleState }>('SELECT state FROM v_cycles WHERE fiscal_year = $1', [fiscalYear]);
  const state = CycleAggregate.evolve(found.rows[0]?.state ?? CycleAggregate.initialState, upcast(event));
  if (!state.exists) return;
  await client.query(
    `INSERT INTO v_cycles (fiscal_year, title, status, deadlines, state, position) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (fiscal_year) DO UPDATE SET title = EXCLUDED.title, status = EXCLUDED.status, deadlines = EXCLUDED.deadlines,
       state = EXCLUDED.state, position = EXCLUDED.position`,
    [fiscalYear, state.title, state.status, JSON.stringify(state.deadlines), JSON.stringify(state), event.position],
  );
}

/**
 * One row per sheet with the columns the progress, budget, evaluation and year-over-year views
 * filter and add up, plus each cycle's deadlines. Folded with the domain's own evolve, so the
 * figures can never disagree with what a command handler would load.
 */
export const sheetViewsProjection: Projection = {
  name: 'views-sheets',
  tables: ['v_cycles', 'v_sheets'],
  async apply(client, event) {
    if (event.streamId.startsWith('sheet-')) await applySheet(client, event);
    else if (event.streamId.startsWith('cycle-')) await applyCycle(client, event);
  },
};
