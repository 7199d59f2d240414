import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { RecordedEvent } from '@kensho/event-store';
import { quoteIdentifier } from '@kensho/platform';

/**
 * The stored state of every key a batch touches, loaded in one query before the fold and written
 * back once after it.
 */
export class BatchStates<S> {
  private readonly states = new Map<string, S>();
  private readonly primed = new Set<string>();
  private readonly touched = new Map<string, { state: S; event: RecordedEvent }>();

  constructor(private readonly load: (keys: string[]) => Promise<Array<{ key: string; state: S }>>) {}

  /** Loads the stored states of these keys (each key asked for once). */
  async prime(keys: Iterable<string>): Promise<void> {
    const missing = [...new Set(keys)].filter((key) => !this.primed.has(key));
    if (missing.length === 0) return;
    for (const key of missing) this.primed.add(key);
    for (const { key, state } of await this.load(missing)) this.states.set(key, state);
  }

  get(key: string): S | undefined {
    return this.states.get(key);
  }

  /** Records the state after `event`; the last one per key is what `changed` hands back. */
  set(key: string, state: S, event: RecordedEvent): void {
    this.states.set(key, state);
    this.touched.delete(key); // re-inserting keeps the map in order of each key's last change
    this.touched.set(key, { state, event });
  }

  /** Every key set during the batch, with its final state and the last event that set it. */
  changed(): Array<{ key: string; state: S; event: RecordedEvent }> {
    return [...this.touched].map(([key, value]) => ({ key, ...value }));
  }
}

/** Loads `state` by key: `SELECT <keyColumn>, state FROM <table> WHERE <keyColumn> = ANY($1)`. */
export function statesFrom<S>(client: pg.PoolClient, table: string, keyColumn: string, keyType: 'text' | 'int' = 'text') {
  const sql = `SELECT ${quoteIdentifier(keyColumn)}::text AS key, state FROM ${quoteIdentifier(table)}
               WHERE ${quoteIdentifier(keyColumn)} = ANY($1::${keyType}[])`;
  return async (keys: string[]) => (await client.query<{ key: string; state: S }>(sql, [keys])).rows;
}

export interface WriteRowsOptions {
  /** Upsert on this unique key: every other written column is replaced. Without it, plain inserts. */
  conflictKey?: readonly string[];
  /** With conflictKey: keep the existing row instead of replacing it. */
  keepExisting?: boolean;
}

/**
 * From this many rows a plain insert goes by COPY: it takes a third of the time of an INSERT per
 * row, but costs more round trips, which only pay off for a page of a rebuild or a catch-up (the
 * audit trail writes a row per event); the live projector's few rows go in one INSERT.
 */
const COPY_FROM_ROWS = 100;

/**
 * Writes many rows in one statement, in the given order. Objects in a jsonb column are given as
 * objects, not as strings. Large plain inserts go by COPY; the rest travel as one JSON array that
 * PostgreSQL expands against the table's own row type.
 */
export async function writeRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<Record<string, unknown>>,
  options: WriteRowsOptions = {},
): Promise<void> {
  if (rows.length === 0) return;
  if (!options.conflictKey && rows.length >= COPY_FROM_ROWS) return copyRows(client, table, columns, rows);
  const list = columns.map(quoteIdentifier).join(', ');
  let conflict = '';
  if (options.conflictKey) {
    const key = options.conflictKey.map(quoteIdentifier).join(', ');
    const rest = columns.filter((c) => !options.conflictKey!.includes(c));
    conflict =
      options.keepExisting || rest.length === 0
        ? ` ON CONFLICT (${key}) DO NOTHING`
        : ` ON CONFLICT (${key}) DO UPDATE SET (${rest.map(quoteIdentifier).join(', ')}) = ROW(${rest.map((c) => `EXCLUDED.${quoteIdentifier(c)}`).join(', ')})`;
  }
  await client.query(
    `INSERT INTO ${quoteIdentifier(table)} (${list})
     SELECT ${list} FROM json_populate_recordset(NULL::${quoteIdentifier(table)}, $1::json) WITH ORDINALITY AS r
     ORDER BY r.ordinality${conflict}`,
    [JSON.stringify(rows)],
  );
}

/** Keys of the events on streams named `<prefix>-<key>`, in order of first appearance. */
export function keysOf(events: readonly RecordedEvent[], prefix: string): string[] {
  const keys = new Set<string>();
  for (const event of events) if (event.streamId.startsWith(`${prefix}-`)) keys.add(event.streamId.slice(prefix.length + 1));
  return [...keys];
}

/** Column types by table name (the same in a rebuild's side schema as in public). */
const columnTypes = new Map<string, Map<string, string>>();

async function typesOf(client: pg.PoolClient, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    const found = await client.query<{ name: string; type: string }>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
       WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
      [quoteIdentifier(table)],
    );
    types = new Map(found.rows.map((r) => [r.name, r.type]));
    columnTypes.set(table, types);
  }
  return types;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const copyEscape = (text: string) => text.replace(/[\\\n\r\t]/g, (c) => COPY_ESCAPES[c]!);
const arrayElement = (value: unknown) => (value === null ? 'NULL' : `"${String(value).replace(/["\\]/g, (c) => `\\${c}`)}"`);

/** One value in COPY's text format, as the column's type reads it. */
function copyValue(value: unknown, type: string): string {
  if (value === null || value === undefined) return '\\N';
  if (type === 'jsonb' || type === 'json') return copyEscape(JSON.stringify(value));
  if (type.endsWith('[]')) {
    if (!Array.isArray(value)) throw new Error(`Column of type ${type} given ${typeof value}`);
    return copyEscape(`{${value.map(arrayElement).join(',')}}`);
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return copyEscape(String(value));
}

async function copyRows(client: pg.PoolClient, table: string, columns: readonly string[], rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const types = await typesOf(client, table);
  const columnTypesInOrder = columns.map((column) => {
    const type = types.get(column);
    if (!type) throw new Error(`Table ${table} has no column ${column}`);
    return type;
  });
  let text = '';
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) text += (i ? '\t' : '') + copyValue(row[columns[i]!], columnTypesInOrder[i]!);
    text += '\n';
  }
  const sql = `COPY ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) FROM STDIN`;
  await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(sql)));
}
