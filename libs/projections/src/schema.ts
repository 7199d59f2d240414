import type { Migration } from '@kensho/platform';

export const PROJECTION_ENGINE_MIGRATIONS: Migration[] = [
  {
    id: '003-projection-checkpoints',
    sql: `
      CREATE TABLE IF NOT EXISTS projection_checkpoints (
        name        text PRIMARY KEY,
        checkpoint  text,
        position    bigint,
        updated_at  timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];
