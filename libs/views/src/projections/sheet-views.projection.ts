import type { RecordedEvent } from '@kensho/event-store';
import { writeRows, type Projection } from '@kensho/projections';
import { foldSheetsAndCycles, type SheetState } from '@kensho/review';

// Column order of v_sheets as written; the row is built from it so the two cannot drift.
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

const CYCLE_COLUMNS = ['fiscal_year', 'title', 'status', 'deadlines', 'state', 'position'] as const;

function sheetRow(sheetId: string, state: SheetState, event: RecordedEvent): Record<string, unknown> {
  const { finance } = state.content;
  const { evaluation } = state;
  const values = [
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
    evaluation.provenance ?? null,
    state.assignedAt,
    state.submittedAt,
    state.approvedAt,
    state.committeeOpinion?.recordedAt ?? null,
    state.publishedAt,
    state,
    event.position,
  ];
  return Object.fromEntries(SHEET_COLUMNS.map((column, i) => [column, values[i]]));
}

/**
 * One row per sheet with the columns the progress, budget, evaluation and year-over-year views
 * filter and add up, plus each cycle's deadlines. Folded with the domain's own evolve, so the
 * figures can never disagree with what a command handler would load; a batch writes each touched
 * sheet and cycle once.
 */
export const sheetViewsProjection: Projection = {
  name: 'views-sheets',
  tables: ['v_cycles', 'v_sheets'],
  async applyBatch(client, events) {
    const { sheets, cycles } = await foldSheetsAndCycles(client, events, { sheets: 'v_sheets', cycles: 'v_cycles', sheetVersions: true });
    await writeRows(
      client,
      'v_sheets',
      SHEET_COLUMNS,
      sheets.changed().map(({ key, state, event }) => sheetRow(key, state, event)),
      {
        conflictKey: ['sheet_id'],
      },
    );
    const cycleRows = cycles.changed().map(({ key, state, event }) => ({
      fiscal_year: Number(key),
      title: state.title,
      status: state.status,
      deadlines: state.deadlines,
      state,
      position: event.position,
    }));
    await writeRows(client, 'v_cycles', CYCLE_COLUMNS, cycleRows, { conflictKey: ['fiscal_year'] });
  },
};
