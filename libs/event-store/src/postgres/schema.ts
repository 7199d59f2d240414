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
  /**
   * One append is one statement: es_append checks for the command's earlier run (duplicate event
   * ids), locks or creates the stream head, checks the expected revision, checks that the caller
   * hashed its events onto the current head, inserts, moves the head and notifies, all inside the
   * statement's own transaction. The caller computes the hash chain (canonical JSON lives in one
   * place, the TypeScript), so it names the head it hashed onto; when that guess was wrong the
   * function inserts nothing and answers 'stale_head' with the real head, and the caller hashes
   * again. Outcomes: appended, duplicate, partial_duplicate, wrong_expected_revision, stale_head.
   */
  {
    id: '009-event-store-append-function',
    sql: `
      -- Nothing reads the log by type (the audit trail has its own index), and every append paid for it.
      DROP INDEX IF EXISTS es_events_type;
      CREATE OR REPLACE FUNCTION es_append(
        p_stream text, p_category text,
        p_expected_kind text, p_expected bigint,
        p_base_revision bigint, p_base_hash text,
        p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[], p_last_hash text
      ) RETURNS TABLE (outcome text, revision bigint, head_hash text, last_position bigint, found integer)
      LANGUAGE plpgsql AS $fn$
      #variable_conflict use_column
      DECLARE
        v_revision bigint;
        v_hash text;
        v_found integer;
        v_position bigint;
        v_dup_revision bigint;
      BEGIN
        SELECT count(*)::int, max(e.global_position) INTO v_found, v_position FROM es_events e WHERE e.event_id = ANY(p_ids);
        IF v_found > 0 THEN
          IF v_found < cardinality(p_ids) THEN
            RETURN QUERY SELECT 'partial_duplicate'::text, NULL::bigint, NULL::text, NULL::bigint, v_found;
            RETURN;
          END IF;
          SELECT e.stream_revision INTO v_dup_revision FROM es_events e WHERE e.global_position = v_position;
          RETURN QUERY SELECT 'duplicate'::text, v_dup_revision, NULL::text, v_position, v_found;
          RETURN;
        END IF;

        SELECT s.revision, s.head_hash INTO v_revision, v_hash FROM es_streams s WHERE s.stream_id = p_stream FOR UPDATE;
        IF NOT FOUND THEN
          -- A refused append to a missing stream leaves no head row behind.
          IF p_expected_kind = 'stream_exists' OR p_expected_kind = 'exact' THEN
            RETURN QUERY SELECT 'wrong_expected_revision'::text, -1::bigint, ''::text, NULL::bigint, 0;
            RETURN;
          END IF;
          -- Serialise creators of the same new stream: the loser waits here, then sees the winner's row.
          INSERT INTO es_streams (stream_id, category, revision, head_hash) VALUES (p_stream, p_category, -1, '')
            ON CONFLICT (stream_id) DO NOTHING;
          SELECT s.revision, s.head_hash INTO v_revision, v_hash FROM es_streams s WHERE s.stream_id = p_stream FOR UPDATE;
        END IF;

        IF (p_expected_kind = 'no_stream' AND v_revision >= 0)
           OR (p_expected_kind = 'stream_exists' AND v_revision < 0)
           OR (p_expected_kind = 'exact' AND v_revision <> p_expected) THEN
          RETURN QUERY SELECT 'wrong_expected_revision'::text, v_revision, v_hash, NULL::bigint, 0;
          RETURN;
        END IF;
        IF v_revision <> p_base_revision OR p_base_hash IS DISTINCT FROM v_hash THEN
          RETURN QUERY SELECT 'stale_head'::text, v_revision, v_hash, NULL::bigint, 0;
          RETURN;
        END IF;

        WITH inserted AS (
          INSERT INTO es_events (event_id, stream_id, stream_revision, event_type, data, metadata)
            SELECT u.id, p_stream, v_revision + u.n, u.type, u.data, u.metadata
            FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u(id, type, data, metadata, n)
            ORDER BY u.n
            RETURNING global_position
        )
        SELECT max(global_position) INTO v_position FROM inserted;
        UPDATE es_streams SET revision = v_revision + cardinality(p_ids), head_hash = p_last_hash WHERE stream_id = p_stream;
        PERFORM pg_notify('kensho_events', '');
        RETURN QUERY SELECT 'appended'::text, v_revision + cardinality(p_ids), p_last_hash, v_position, 0;
      END
      $fn$;
    `,
  },
  /**
   * Group commit: several appends in one statement and one transaction, each checked and applied
   * by es_append on its own and in order. A concurrent twin's unique violation is caught per append
   * (a subtransaction each), so it only fails its own append.
   */
  {
    id: '010-event-store-append-many',
    sql: `
      CREATE OR REPLACE FUNCTION es_append_many(
        p_streams text[], p_categories text[], p_kinds text[], p_expected bigint[],
        p_base_revisions bigint[], p_base_hashes text[], p_counts int[], p_last_hashes text[],
        p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[]
      ) RETURNS TABLE (request integer, outcome text, revision bigint, head_hash text, last_position bigint)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        v_from integer := 1;
        v_to integer;
        r record;
      BEGIN
        FOR i IN 1 .. cardinality(p_streams) LOOP
          v_to := v_from + p_counts[i] - 1;
          BEGIN
            SELECT * INTO r FROM es_append(p_streams[i], p_categories[i], p_kinds[i], p_expected[i], p_base_revisions[i], p_base_hashes[i],
              p_ids[v_from:v_to], p_types[v_from:v_to], p_data[v_from:v_to], p_metadata[v_from:v_to], p_last_hashes[i]);
            request := i; outcome := r.outcome; revision := r.revision; head_hash := r.head_hash; last_position := r.last_position;
          EXCEPTION WHEN unique_violation THEN
            request := i; outcome := 'unique_violation'; revision := NULL; head_hash := NULL; last_position := NULL;
          END;
          RETURN NEXT;
          v_from := v_to + 1;
        END LOOP;
      END
      $fn$;
    `,
  },
];
