import type { Migration } from '@kensho/platform';

/** Current-state views of sheets and cycles. `state` holds the full evolved aggregate state. */
export const REVIEW_READ_MODEL_MIGRATIONS: Migration[] = [
  {
    id: '004-review-read-models',
    sql: `
      CREATE TABLE IF NOT EXISTS rm_sheets (
        sheet_id      text PRIMARY KEY,
        fiscal_year   integer NOT NULL,
        project_code  text NOT NULL,
        project_name  text NOT NULL,
        department    text NOT NULL,
        status        text NOT NULL,
        version       integer NOT NULL,
        policy_areas  text[] NOT NULL,
        state         jsonb NOT NULL,
        position      bigint NOT NULL,
        occurred_at   timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS rm_sheets_by_year ON rm_sheets (fiscal_year, project_code, department);
      CREATE TABLE IF NOT EXISTS rm_cycles (
        fiscal_year  integer PRIMARY KEY,
        title        text NOT NULL,
        status       text NOT NULL,
        version      integer NOT NULL,
        state        jsonb NOT NULL,
        position     bigint NOT NULL
      );
    `,
  },
];
