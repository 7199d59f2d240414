import type { Migration } from '@kensho/platform';

/**
 * The audit trail: one row per event, in the order the projector saw them (`seq`, the export
 * cursor), with both clocks and the change as a reviewer reads it.
 */
export const AUDIT_MIGRATIONS: Migration[] = [
  {
    id: '007-audit-trail',
    sql: `
      CREATE TABLE IF NOT EXISTS audit_events (
        -- An identity (not a serial), so that a rebuild's fresh copy of the table gets its own sequence.
        seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        position        bigint NOT NULL UNIQUE,
        stream_id       text NOT NULL,
        revision        integer NOT NULL,
        event_type      text NOT NULL,
        fiscal_year     integer,
        actor_id        text NOT NULL,
        role            text NOT NULL,
        department      text,
        command_id      text NOT NULL,
        correlation_id  text NOT NULL,
        causation_id    text NOT NULL,
        occurred_at     timestamptz NOT NULL,
        recorded_at     timestamptz NOT NULL,
        imported        boolean NOT NULL DEFAULT false,
        changes         jsonb NOT NULL
      );
      CREATE INDEX IF NOT EXISTS audit_events_stream ON audit_events (stream_id, revision);
      CREATE INDEX IF NOT EXISTS audit_events_occurred ON audit_events (occurred_at);
      CREATE INDEX IF NOT EXISTS audit_events_recorded ON audit_events (recorded_at);
      CREATE INDEX IF NOT EXISTS audit_events_actor ON audit_events (actor_id);
      CREATE INDEX IF NOT EXISTS audit_events_type ON audit_events (event_type);
      CREATE TABLE IF NOT EXISTS audit_stream_states (
        stream_id  text PRIMARY KEY,
        state      jsonb NOT NULL
      );
    `,
  },
  {
    // Actors are token ids since the display name stopped being an identity; the name is kept beside it.
    id: '011-identity-audit-actor-name',
    sql: `
      ALTER TABLE audit_events ADD COLUMN IF NOT EXISTS actor_name text;
      CREATE INDEX IF NOT EXISTS audit_events_actor_name ON audit_events (actor_name);
    `,
  },
];
