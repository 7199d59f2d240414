import { resolve } from 'node:path';

/** Runtime configuration, validated once at boot: a bad value stops the process with its name. */
export interface KenshoConfig {
  port: number;
  /** null: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  eventStoreConnectionString: string | null;
  /** How long a read waits for projections to reach a client's position. */
  projectionWaitMs: number;
  maxBodyBytes: number;
  /**
   * Achievement rates (1 = target met) from which a KPI is rated 順調 (on track) and 概ね順調
   * (roughly on track); below `roughly` it needs improvement.
   */
  kpiRating: { onTrack: number; roughly: number };
  logLevel: 'error' | 'warn' | 'log' | 'debug';
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function postgresUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a URL (expected postgres://user@host:port/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must use postgres:// or postgresql://, got ${url.protocol}`);
  }
  return raw;
}

function eventStoreUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.EVENTSTORE_CONNECTION_STRING;
  if (raw === undefined || raw === '') return null;
  const kurrent = /^(kurrentdb|kdb)(\+discover)?:\/\//.exec(raw);
  if (kurrent) {
    // @eventstore/db-client 6.2.1 refuses these schemes when it connects: say so at boot, not at first use.
    throw new ConfigError(
      'EVENTSTORE_CONNECTION_STRING',
      `${kurrent[1]}:// is not understood by Kensho's EventStoreDB client: write esdb${kurrent[2] ?? ''}:// with the same host and options (KurrentDB accepts it), got "${raw}"`,
    );
  }
  if (!/^esdb(\+discover)?:\/\//.test(raw)) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING', `must start with esdb:// (e.g. esdb://localhost:2113?tls=false), got "${raw}"`);
  }
  return raw;
}

function ratio(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+(\.\d+)?$/.test(raw)) throw new ConfigError(name, `must be a decimal rate such as 0.8 (1 = target met), got "${raw}"`);
  const value = Number(raw);
  if (value <= 0 || value > 10) throw new ConfigError(name, `must be above 0 and at most 10, got ${value}`);
  return value;
}

function kpiRating(env: NodeJS.ProcessEnv): KenshoConfig['kpiRating'] {
  const onTrack = ratio(env, 'KPI_RATING_ON_TRACK', 1.0);
  const roughly = ratio(env, 'KPI_RATING_ROUGHLY', 0.8);
  // Otherwise a KPI could be "roughly on track" at a rate that is already "on track".
  if (roughly > onTrack) throw new ConfigError('KPI_RATING_ROUGHLY', `must not be above KPI_RATING_ON_TRACK (${onTrack}), got ${roughly}`);
  return { onTrack, roughly };
}

const LOG_LEVELS = ['error', 'warn', 'log', 'debug'] as const;

export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): KenshoConfig {
  const logLevel = (env.LOG_LEVEL ?? 'log') as KenshoConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl: postgresUrl(env),
    dataDir: resolve(cwd, env.KENSHO_DATA_DIR || '.data'),
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    eventStoreConnectionString: eventStoreUrl(env),
    projectionWaitMs: integer(env, 'PROJECTION_WAIT_MS', 5000, 0, 60000),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 1024 * 1024, 1024, 50 * 1024 * 1024),
    kpiRating: kpiRating(env),
    logLevel,
  };
}
