import type { Migration } from '@kensho/platform';

export const HTTP_MIGRATIONS: Migration[] = [
  {
    id: '005-idempotency-keys',
    sql: `
      CREATE TABLE IF NOT EXISTS http_idempotency (
        scope         text PRIMARY KEY,
        request_hash  text NOT NULL,
        status        integer NOT NULL,
        body          jsonb NOT NULL,
        headers       jsonb NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now()
      );
    `,
  },
];
