import { createHash } from 'node:crypto';
import { createWriteStream, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type pg from 'pg';
import type { Database } from '@kensho/platform';
import { BACKUP_FORMAT, BACKUP_VERSION, DURABLE_TABLES, type BackupHeader, type BackupTrailer, type DurableTable } from './format.js';

export interface BackupResult {
  path: string;
  counts: Record<DurableTable, number>;
  bytes: number;
  /** SHA-256 of the compressed file, as written to `<path>.sha256`. */
  fileSha256: string;
}

// Each table read as text the file can carry: jsonb and timestamps as PostgreSQL prints them, bytes as base64.
const SELECTS: Record<DurableTable, string> = {
  es_events: `SELECT event_id::text, stream_id, stream_revision, event_type, data::text, metadata::text,
                     to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
              FROM es_events ORDER BY tx_id, global_position`,
  pub_documents: `SELECT fiscal_year, edition, name, content_type, encode(body, 'base64'), sha256, rendered_at::text
                  FROM pub_documents ORDER BY fiscal_year, edition, name`,
  auth_tokens: `SELECT id::text, token_hash, name, role, department, created_at::text, revoked_at::text FROM auth_tokens ORDER BY created_at, id`,
  integrity_findings: `SELECT id, stream_id, revision, problem, detected_at::text, detected_by, resolved_at::text FROM integrity_findings ORDER BY id`,
};

const PAGE = 2000;

/**
 * Writes every durable table as of one moment (one REPEATABLE READ snapshot: an append committed
 * while the backup runs is either wholly in it or wholly out), through a temporary file renamed
 * into place only when complete.
 */
export async function writeBackup(
  db: Database,
  path: string,
  onProgress: (table: DurableTable, rows: number) => void = () => undefined,
): Promise<BackupResult> {
  const partial = `${path}.partial`;
  const file = createWriteStream(partial);
  const gzip = createGzip();
  gzip.pipe(file);
  const fileHash = createHash('sha256');
  let bytes = 0;
  gzip.on('data', (chunk: Buffer) => {
    fileHash.update(chunk);
    bytes += chunk.length;
  });
  const contentHash = createHash('sha256');
  const write = async (value: object) => {
    const line = `${JSON.stringify(value)}\n`;
    contentHash.update(line);
    if (!gzip.write(line)) await once(gzip, 'drain');
  };

  const counts = Object.fromEntries(DURABLE_TABLES.map((t) => [t, 0])) as Record<DurableTable, number>;
  const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), tables: DURABLE_TABLES };
  await write(header);
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    for (const table of DURABLE_TABLES) {
      for await (const rows of pages(client, SELECTS[table])) {
        for (const r of rows)
          await write({ t: table, r: table === 'es_events' ? [r[0], r[1], r[2], r[3], JSON.parse(r[4] as string), JSON.parse(r[5] as string), r[6]] : r });
        counts[table] += rows.length;
        onProgress(table, counts[table]);
      }
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    gzip.destroy();
    file.destroy();
    throw error;
  } finally {
    client.release();
  }
  const trailer: BackupTrailer = { end: true, counts, sha256: contentHash.digest('hex') };
  gzip.end(`${JSON.stringify(trailer)}\n`);
  await once(file, 'close');
  renameSync(partial, path);
  const fileSha256 = fileHash.digest('hex');
  writeFileSync(`${path}.sha256`, `${fileSha256}  ${basename(path)}\n`);
  return { path, counts, bytes, fileSha256 };
}

async function* pages(client: pg.PoolClient, sql: string): AsyncGenerator<unknown[][]> {
  await client.query(`DECLARE backup_cursor NO SCROLL CURSOR FOR ${sql}`);
  try {
    for (;;) {
      const result = await client.query({ text: `FETCH ${PAGE} FROM backup_cursor`, rowMode: 'array' });
      if (result.rows.length === 0) return;
      yield result.rows as unknown[][];
    }
  } finally {
    await client.query('CLOSE backup_cursor');
  }
}
