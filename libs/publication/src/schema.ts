import type { Migration } from '@kensho/platform';

/**
 * pub_sheet_versions: each sheet's folded state at its latest version and at every version at
 * which it is published (until a later edition pins a later one), so an edition takes every sheet
 * at exactly its pinned version.
 * pub_editions: one immutable snapshot per edition (rebuildable from the log).
 * pub_documents: the bytes each edition was published as. Not a view: a rebuild never truncates
 * it, rows are only ever inserted, and a trigger refuses updates and deletes.
 */
export const PUBLICATION_MIGRATIONS: Migration[] = [
  {
    id: '006-publication',
    sql: `
      CREATE TABLE IF NOT EXISTS pub_sheet_versions (
        sheet_id           text NOT NULL,
        version            integer NOT NULL,
        fiscal_year        integer NOT NULL,
        head_hash          text NOT NULL,
        assigned_position  bigint NOT NULL,
        state              jsonb NOT NULL,
        PRIMARY KEY (sheet_id, version)
      );
      CREATE TABLE IF NOT EXISTS pub_cycles (
        fiscal_year  integer PRIMARY KEY,
        state        jsonb NOT NULL
      );
      CREATE TABLE IF NOT EXISTS pub_editions (
        fiscal_year    integer NOT NULL,
        edition        integer NOT NULL,
        published_at   timestamptz NOT NULL,
        position       bigint NOT NULL,
        pins_verified  boolean NOT NULL,
        snapshot       jsonb NOT NULL,
        PRIMARY KEY (fiscal_year, edition)
      );
      CREATE TABLE IF NOT EXISTS pub_documents (
        fiscal_year   integer NOT NULL,
        edition       integer NOT NULL,
        name          text NOT NULL,
        content_type  text NOT NULL,
        body          bytea NOT NULL,
        sha256        text NOT NULL,
        rendered_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (fiscal_year, edition, name)
      );
      CREATE OR REPLACE FUNCTION pub_documents_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'published documents are immutable: % on % refused', TG_OP, TG_TABLE_NAME;
      END $$;
      DROP TRIGGER IF EXISTS pub_documents_immutable ON pub_documents;
      CREATE TRIGGER pub_documents_immutable BEFORE UPDATE OR DELETE ON pub_documents
        FOR EACH ROW EXECUTE FUNCTION pub_documents_immutable();
    `,
  },
];
