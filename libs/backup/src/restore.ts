import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type pg from 'pg';
import type { Database } from '@kensho/platform';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  DURABLE_TABLES,
  type BackupHeader,
  type BackupRow,
  type BackupTrailer,
  type DurableTable,
} from './format.js';

export interface CheckedBackup {
  header: BackupHeader;
  counts: Record<DurableTable, number>;
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function* lines(path: string): AsyncGenerator<string> {
  const input = createReadStream(path).pipe(createGunzip());
  for await (const line of createInterface({ input, crlfDelay: Infinity })) yield line;
}

/**
 * Reads the whole file once and refuses it unless it is complete and unchanged: the sidecar's hash
 * of the compressed bytes (when the sidecar is there), the header, every row's table, and the
 * trailer's counts and SHA-256 of the lines.
 */
export async function checkBackup(path: string): Promise<CheckedBackup> {
  if (!existsSync(path)) throw new BackupError(`No backup file at ${path}`);
  const sidecar = `${path}.sha256`;
  if (existsSync(sidecar)) {
    const expected = readFileSync(sidecar, 'utf8').trim().split(/\s+/)[0];
    const actual = await fileSha256(path);
    if (expected !== actual)
      throw new BackupError(
        `${basename(path)} does not match ${basename(sidecar)} (sha256 ${actual}, expected ${expected}): the file was changed or cut short`,
      );
  }
  const hash = createHash('sha256');
  const counts = Object.fromEntries(DURABLE_TABLES.map((t) => [t, 0])) as Record<DurableTable, number>;
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  try {
    for await (const line of lines(path)) {
      if (trailer) throw new BackupError('Lines after the trailer');
      const value = JSON.parse(line) as Partial<BackupHeader & BackupRow & BackupTrailer>;
      if (!header) {
        if (value.format !== BACKUP_FORMAT) throw new BackupError(`Not a Kensho backup (format ${String(value.format)})`);
        if (value.version !== BACKUP_VERSION)
          throw new BackupError(`Backup format version ${String(value.version)}; this Kensho reads version ${BACKUP_VERSION}`);
        header = value as BackupHeader;
      } else if (value.end === true) {
        trailer = value as BackupTrailer;
        continue;
      } else if (!DURABLE_TABLES.includes(value.t as DurableTable) || !Array.isArray(value.r)) {
        throw new BackupError(`Unreadable row: ${line.slice(0, 80)}`);
      } else {
        counts[value.t as DurableTable]++;
      }
      hash.update(`${line}\n`);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`${basename(path)} is not a readable backup: ${(error as Error).message}`);
  }
  if (!header) throw new BackupError('Empty backup file');
  if (!trailer) throw new BackupError('The backup has no trailer: it was cut short');
  if (trailer.sha256 !== hash.digest('hex')) throw new BackupError('The backup was changed: its content does not match the SHA-256 in its trailer');
  for (const table of DURABLE_TABLES) {
    if (trailer.counts[table] !== counts[table]) throw new BackupError(`${table}: ${counts[table]} rows, the trailer says ${trailer.counts[table]}`);
  }
  return { header, counts };
}

// Events go in as the backup lists them (log order); the store numbers them in that order and the
// whole restore is one transaction, so the restored log reads in the original order. Positions are
// renumbered: equal to the original wherever no two transactions had committed out of order.
const INSERTS: Record<DurableTable, string> = {
  es_events: `INSERT INTO es_events (event_id, stream_id, stream_revision, event_type, data, metadata, recorded_at)
              SELECT a, b, c, d, e, f, g FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::text[], $5::jsonb[], $6::jsonb[], $7::timestamptz[])
              WITH ORDINALITY AS u(a, b, c, d, e, f, g, n) ORDER BY n`,
  pub_documents: `INSERT INTO pub_documents (fiscal_year, edition, name, content_type, body, sha256, rendered_at)
                  SELECT a, b, c, d, decode(e, 'base64'), f, g
                  FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) AS u(a, b, c, d, e, f, g)`,
  auth_tokens: `INSERT INTO auth_tokens (id, token_hash, name, role, department, created_at, revoked_at)
                SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::timestamptz[])`,
  integrity_findings: `INSERT INTO integrity_findings (id, stream_id, revision, problem, detected_at, detected_by, resolved_at) OVERRIDING SYSTEM VALUE
                       SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::timestamptz[], $6::text[], $7::timestamptz[])`,
};

const BATCH = 500;

/**
 * Loads a checked backup into a database that holds none of the durable tables' rows yet (its
 * migrations applied), in one transaction: nothing or everything. The views are not touched:
 * rebuild them afterwards from the restored log.
 */
export async function restoreBackup(
  db: Database,
  path: string,
  onProgress: (table: DurableTable, rows: number) => void = () => undefined,
): Promise<CheckedBackup> {
  const checked = await checkBackup(path);
  await db.transaction(async (client) => {
    for (const table of DURABLE_TABLES) {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      if (rows[0]!.n > 0) throw new BackupError(`The database is not empty (${table} has ${rows[0]!.n} rows): restore only into a new, empty database`);
    }
    const batch = Object.fromEntries(DURABLE_TABLES.map((t) => [t, []])) as unknown as Record<DurableTable, unknown[][]>;
    const done = Object.fromEntries(DURABLE_TABLES.map((t) => [t, 0])) as Record<DurableTable, number>;
    const flush = async (table: DurableTable) => {
      const rows = batch[table];
      if (rows.length === 0) return;
      await insert(client, table, rows);
      done[table] += rows.length;
      batch[table] = [];
      onProgress(table, done[table]);
    };
    let first = true;
    for await (const line of lines(path)) {
      if (first) {
        first = false;
        continue;
      }
      const value = JSON.parse(line) as Partial<BackupRow & BackupTrailer>;
      if (value.end) break;
      const table = value.t!;
      // Tables come one after the other; a table's rows are flushed before the next one's start.
      for (const other of DURABLE_TABLES) if (other !== table) await flush(other);
      batch[table].push(value.r!);
      if (batch[table].length >= BATCH) await flush(table);
    }
    for (const table of DURABLE_TABLES) await flush(table);
    // Stream heads from the restored events; the category is what precedes the first '-', as the
    // event store defines it (categoryOf).
    await client.query(`
      INSERT INTO es_streams (stream_id, category, revision, head_hash)
      SELECT stream_id, split_part(stream_id, '-', 1), max(stream_revision), (array_agg(metadata->>'hash' ORDER BY stream_revision DESC))[1]
      FROM es_events GROUP BY stream_id`);
    // Findings keep their ids; new ones continue after them.
    await client.query(`SELECT setval(pg_get_serial_sequence('integrity_findings', 'id'), coalesce(max(id), 0) + 1, false) FROM integrity_findings`);
  });
  return checked;
}

async function insert(client: pg.PoolClient, table: DurableTable, rows: unknown[][]): Promise<void> {
  const columns = rows[0]!.map((_, i) => rows.map((r) => (table === 'es_events' && (i === 4 || i === 5) ? JSON.stringify(r[i]) : r[i])));
  await client.query(INSERTS[table], columns);
}
