import type pg from 'pg';
import type { EventStore, LogCheckpoint } from '@kensho/event-store';
import { quoteIdentifier, type Database } from '@kensho/platform';
import type { Projection } from './projection.js';

export interface RebuildProgress {
  projection: string;
  events: number;
  /** Known when the caller could count the log; else null. */
  total: number | null;
  eventsPerSecond: number;
  etaSeconds: number | null;
}

export interface RebuildResult {
  projection: string;
  events: number;
  seconds: number;
  checkpoint: LogCheckpoint | null;
}

const schemaFor = (projection: Projection) => `rebuild_${projection.name.replace(/[^a-z0-9_]/g, '_')}`;

/**
 * Rebuilds a projection from the start of the log into fresh tables in a side schema, then swaps
 * them in within one transaction while holding the projection's checkpoint lock. Readers see the
 * old tables until the swap and the new ones after it, never a half-built view.
 */
export class ProjectionRebuilder {
  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    private readonly batchSize = 2000,
  ) {}

  async rebuild(projection: Projection, options: { total?: number | null; progress?: (p: RebuildProgress) => void; swap?: boolean } = {}): Promise<RebuildResult> {
    const schema = schemaFor(projection);
    await this.prepare(projection, schema);
    const started = Date.now();
    let events = 0;
    let checkpoint: LogCheckpoint | null = null;
    let lastPosition: number | null = null;
    for (;;) {
      const page = await this.store.readAll({ after: checkpoint, maxCount: this.batchSize });
      if (page.events.length === 0) break;
      await this.db.transaction(async (client) => {
        await client.query(`SET LOCAL search_path TO ${quoteIdentifier(schema)}, public`);
        for (const event of page.events) await projection.apply(client, event);
      });
      events += page.events.length;
      checkpoint = page.checkpoint;
      lastPosition = page.events[page.events.length - 1]!.position;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const eventsPerSecond = events / seconds;
      const total = options.total ?? null;
      options.progress?.({
        projection: projection.name,
        events,
        total,
        eventsPerSecond,
        etaSeconds: total === null ? null : Math.max(total - events, 0) / eventsPerSecond,
      });
    }
    if (options.swap !== false) checkpoint = await this.swap(projection, schema, checkpoint, lastPosition, (n) => (events += n));
    return { projection: projection.name, events, seconds: (Date.now() - started) / 1000, checkpoint };
  }

  /** The side schema where a rebuild writes (for comparing before a swap). */
  schemaOf(projection: Projection): string {
    return schemaFor(projection);
  }

  async discard(projection: Projection): Promise<void> {
    await this.db.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schemaFor(projection))} CASCADE`);
  }

  private async prepare(projection: Projection, schema: string): Promise<void> {
    await this.db.transaction(async (client) => {
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      await client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
      for (const table of projection.tables) {
        await client.query(`CREATE TABLE ${quoteIdentifier(schema)}.${quoteIdentifier(table)} (LIKE public.${quoteIdentifier(table)} INCLUDING ALL)`);
      }
    });
  }

  /** Catches up to the head and swaps, all under the checkpoint lock so the live projector waits. */
  private async swap(
    projection: Projection,
    schema: string,
    from: LogCheckpoint | null,
    fromPosition: number | null,
    counted: (n: number) => void,
  ): Promise<LogCheckpoint | null> {
    return this.db.transaction(async (client: pg.PoolClient) => {
      await client.query('INSERT INTO projection_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [projection.name]);
      await client.query('SELECT checkpoint FROM projection_checkpoints WHERE name = $1 FOR UPDATE', [projection.name]);
      await client.query(`SET LOCAL search_path TO ${quoteIdentifier(schema)}, public`);
      let checkpoint = from;
      let position = fromPosition;
      for (;;) {
        const page = await this.store.readAll({ after: checkpoint, maxCount: this.batchSize });
        if (page.events.length === 0) break;
        for (const event of page.events) await projection.apply(client, event);
        counted(page.events.length);
        checkpoint = page.checkpoint;
        position = page.events[page.events.length - 1]!.position;
      }
      await client.query('SET LOCAL search_path TO public');
      for (const table of projection.tables) {
        await client.query(`DROP TABLE public.${quoteIdentifier(table)}`);
        await client.query(`ALTER TABLE ${quoteIdentifier(schema)}.${quoteIdentifier(table)} SET SCHEMA public`);
      }
      await client.query(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
      await client.query('UPDATE projection_checkpoints SET checkpoint = $2, position = $3, updated_at = now() WHERE name = $1', [
        projection.name,
        checkpoint,
        position,
      ]);
      return checkpoint;
    });
  }
}
