import type { Migration } from '@kensho/platform';

export const AUTH_MIGRATIONS: Migration[] = [
  {
    id: '002-auth-tokens',
    sql: `
      CREATE TABLE IF NOT EXISTS auth_tokens (
        id          uuid PRIMARY KEY,
        token_hash  text NOT NULL UNIQUE,
        name        text NOT NULL,
        role        text NOT NULL,
        department  text,
        created_at  timestamptz NOT NULL DEFAULT now(),
        revoked_at  timestamptz
      );
    `,
  },
];
