import type { Migration } from '@kensho/platform';

/**
 * Events are ordered for readers by (tx_id, global_position): a transaction's id is assigned before
 * it inserts, and readers only see transactions older than every one still running
 * (pg_snapshot_xmin), so a slow transaction can never commit "behind" a reader's checkpoint.
 */
export const EVENT_STORE_MIGRATIONS: Migration[] = [
  {
    id: '001-event-store',
    sql: `
      CREATE TABLE IF NOT EXISTS es_streams (
        stream_id  text PRIMARY KEY,
        category   text NOT NULL,
        revision   bigint NOT NULL,
        head_hash  text NOT NULL
      );
      CREATE TABLE IF NOT EXISTS es_events (
        global_position  bigserial PRIMARY KEY,
        tx_id            xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id         uuid NOT NULL,
        stream_id        text NOT NULL,
        stream_revision  bigint NOT NULL,
        event_type       text NOT NULL,
        data             jsonb NOT NULL,
        metadata         jsonb NOT NULL,
        recorded_at      timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
        CONSTRAINT es_events_event_id_unique UNIQUE (event_id),
        CONSTRAINT es_events_stream_revision_unique UNIQUE (stream_id, stream_revision)
      );
      CREATE INDEX IF NOT EXISTS es_events_log_order ON es_events (tx_id, global_position);
      CREATE INDEX IF NOT EXISTS es_events_type ON es_events (event_type);
    `,
  },
];
