import type { Migration } from '@kensho/platform';

/**
 * Read models of the planning and committee views (issue #4), owned by the projections in
 * ./projections. Keys are natural (sheet id, fiscal year, goal id, KPI ordinal), never serials,
 * so a rebuild writes exactly the rows a live run wrote. `state` columns hold each projection's
 * own fold of the aggregate: a projection never reads another one's tables.
 */
export const VIEW_MIGRATIONS: Migration[] = [
  {
    id: '008-views',
    sql: `
      CREATE TABLE IF NOT EXISTS v_cycles (
        fiscal_year  integer PRIMARY KEY,
        title        text NOT NULL,
        status       text NOT NULL,
        deadlines    jsonb NOT NULL,
        state        jsonb NOT NULL,
        position     bigint NOT NULL
      );
      CREATE TABLE IF NOT EXISTS v_sheets (
        sheet_id                      text PRIMARY KEY,
        fiscal_year                   integer NOT NULL,
        project_code                  text NOT NULL,
        project_name                  text NOT NULL,
        department                    text NOT NULL,
        policy_areas                  text[] NOT NULL,
        status                        text NOT NULL,
        version                       integer NOT NULL,
        budget                        bigint,
        settlement                    bigint,
        funding_national_prefectural  bigint,
        funding_municipal_bonds       bigint,
        funding_other                 bigint,
        funding_general               bigint,
        effectiveness                 text,
        direction                     text,
        strategy_revision             text,
        choice_provenance             jsonb,
        assigned_at                   timestamptz,
        submitted_at                  timestamptz,
        approved_at                   timestamptz,
        committee_opinion_at          timestamptz,
        published_at                  timestamptz,
        state                         jsonb NOT NULL,
        position                      bigint NOT NULL
      );
      CREATE INDEX IF NOT EXISTS v_sheets_by_year ON v_sheets (fiscal_year, department, project_code);
      CREATE INDEX IF NOT EXISTS v_sheets_by_project ON v_sheets (project_code, fiscal_year);
      CREATE TABLE IF NOT EXISTS v_kpi_sheet_states (
        sheet_id  text PRIMARY KEY,
        state     jsonb NOT NULL
      );
      CREATE TABLE IF NOT EXISTS v_kpi_entries (
        sheet_id      text NOT NULL,
        kind          text NOT NULL CHECK (kind IN ('strategy', 'plan')),
        ordinal       integer NOT NULL,
        fiscal_year   integer NOT NULL,
        project_code  text NOT NULL,
        project_name  text NOT NULL,
        department    text NOT NULL,
        policy_areas  text[] NOT NULL,
        status        text NOT NULL,
        kpi_key       text NOT NULL,
        name          text NOT NULL,
        entry         jsonb NOT NULL,
        PRIMARY KEY (sheet_id, kind, ordinal)
      );
      CREATE INDEX IF NOT EXISTS v_kpi_entries_by_year ON v_kpi_entries (fiscal_year, kind, kpi_key);
      CREATE TABLE IF NOT EXISTS v_numerical_goals (
        fiscal_year  integer NOT NULL,
        goal_id      text NOT NULL,
        ordinal      integer NOT NULL,
        policy_area  text NOT NULL,
        goal         jsonb NOT NULL,
        PRIMARY KEY (fiscal_year, goal_id)
      );
    `,
  },
];
