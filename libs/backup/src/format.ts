// The backup file: gzip-compressed JSON lines. Line 1 is the header, then one line per row of each
// durable table (in the order below), then a trailer with the SHA-256 of every line before it, so a
// file that was cut short or edited is refused before anything is restored. A sidecar `<file>.sha256`
// (sha256sum format) covers the compressed bytes, for checking a copy without Kensho.

export const BACKUP_FORMAT = 'kensho-backup';
export const BACKUP_VERSION = 1;

/**
 * What cannot be rebuilt from the log, and so is backed up: the log itself, the bytes each edition
 * was published as, the API tokens, and the integrity findings (an audit record kept outside the
 * log, because the log is what they doubt). Everything else (views, audit trail, checkpoints) is
 * rebuilt from the log on restore; stored idempotent answers are short-lived and left out.
 */
export const DURABLE_TABLES = ['es_events', 'pub_documents', 'auth_tokens', 'integrity_findings'] as const;
export type DurableTable = (typeof DURABLE_TABLES)[number];

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  tables: readonly DurableTable[];
}

/** One row: the table it belongs to and its values in that table's column order (COLUMNS). */
export interface BackupRow {
  t: DurableTable;
  r: unknown[];
}

export interface BackupTrailer {
  end: true;
  counts: Record<DurableTable, number>;
  /** SHA-256 (hex) of every line before the trailer, each with its '\n'. */
  sha256: string;
}

// Events are written in log order without their position or transaction id: a restore appends them
// in that order, so the restored log reads in the same order (see restore.ts).
export const COLUMNS: Record<DurableTable, readonly string[]> = {
  es_events: ['event_id', 'stream_id', 'stream_revision', 'event_type', 'data', 'metadata', 'recorded_at'],
  pub_documents: ['fiscal_year', 'edition', 'name', 'content_type', 'body', 'sha256', 'rendered_at'],
  auth_tokens: ['id', 'token_hash', 'name', 'role', 'department', 'created_at', 'revoked_at'],
  integrity_findings: ['id', 'stream_id', 'revision', 'problem', 'detected_at', 'detected_by', 'resolved_at'],
};

export class BackupError extends Error {}
