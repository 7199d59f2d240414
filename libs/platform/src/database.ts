import pg from 'pg';

// Postgres bigint (int8) columns come back as strings by default; positions and revisions stay
// far below 2^53, so numbers are exact and far easier to work with.
pg.types.setTypeParser(20, (value: string) => Number(value));

export type Queryable = Pick<pg.PoolClient, 'query'>;

/** How long a request may wait for a connection before it is answered "database unavailable". */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * PostgreSQL cannot be reached or dropped the connection: the request may succeed when retried
 * (for a write, with the same Idempotency-Key: it is then recognised if it was recorded after all).
 */
export class DatabaseUnavailableError extends Error {
  readonly code = 'service.database_unavailable';
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Database unavailable: ${reason}`, options);
  }
}

// SQLSTATE 08… connection exception, 57P01-03 shutdown / crash / not yet accepting, 53300 too many connections.
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_SYSTEM_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
// What pg and pg-pool throw without a code when a connection breaks, times out or was never made.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Connection closed|not queryable/i;

/** True when `error` (or its cause) says the database is away rather than that the statement was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SYSTEM_CODES.has(code))) return true;
    if (e instanceof Error && typeof code !== 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** The one PostgreSQL pool of a process, with a transaction helper. */
export class Database {
  readonly pool: pg.Pool;

  constructor(
    readonly url: string,
    options: { max?: number; applicationName?: string; connectionTimeoutMillis?: number } = {},
  ) {
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'kensho',
      // Without it a connect waits forever while the server is away, and so does every request.
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    // An idle client that loses its connection must not crash the process.
    this.pool.on('error', () => undefined);
    // Nor a checked-out one: pg-pool removes its own listener while a client is lent out, and a
    // connection that dies between two statements of a transaction emits 'error' with nobody
    // listening. The holder learns of it from its next query, which fails.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
  }

  query<R extends pg.QueryResultRow = any>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(text, values as unknown[]);
  }

  /** Rows as arrays in column order: for hot paths that read many rows. */
  async queryArrays<R extends unknown[]>(text: string, values?: unknown[]): Promise<R[]> {
    const result = await this.pool.query<R>({ text, values: values as unknown[], rowMode: 'array' });
    return result.rows;
  }

  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    // A client whose connection broke goes back destroyed (release(error)), never to the idle list.
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      if (isDatabaseUnavailable(error)) broken = error as Error;
      await client.query('ROLLBACK').catch((rollback: Error) => (broken ??= rollback));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** CREATE DATABASE has no IF NOT EXISTS; two processes racing to create it is fine. */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrlFor(serverUrl, 'postgres'), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`).catch((error: { code?: string }) => {
        if (error.code !== '42P04' && error.code !== '23505') throw error;
      });
    }
  } finally {
    await client.end();
  }
}

export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrlFor(serverUrl, 'postgres'), connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
