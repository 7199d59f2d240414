import type pg from 'pg';
import type { EventStore, LogCheckpoint, ReadAllResult } from '@kensho/event-store';
import { quoteIdentifier, type Database } from '@kensho/platform';
import type { Projection } from './projection.js';

export interface RebuildProgress {
  /** The projections being rebuilt, comma-separated. */
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

export interface RebuildOptions {
  total?: number | null;
  progress?: (p: RebuildProgress) => void;
  /** false: leave the fresh tables in the side schemas (to compare them before a swap). */
  swap?: boolean;
}

const schemaFor = (projection: Projection) => `rebuild_${projection.name.replace(/[^a-z0-9_]/g, '_')}`;

/**
 * Rebuilds projections from the start of the log into fresh tables in side schemas, then swaps
 * them in within one transaction while holding the projections' checkpoint locks. Readers see the
 * old tables until the swap and the new ones after it, never a half-built view.
 *
 * Several projections are rebuilt in one pass over the log: each page is read once (the next one
 * is read while this one is applied) and handed to every projection in one transaction.
 */
export class ProjectionRebuilder {
  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    private readonly batchSize = 5000,
  ) {}

  async rebuild(projection: Projection, options: RebuildOptions = {}): Promise<RebuildResult> {
    return this.rebuildAll([projection], options);
  }

  async rebuildAll(projections: Projection[], options: RebuildOptions = {}): Promise<RebuildResult> {
    const label = projections.map((p) => p.name).join(', ');
    const deferredIndexes: string[] = [];
    for (const projection of projections) deferredIndexes.push(...(await this.prepare(projection)));
    const searchPath = [...projections.map((p) => quoteIdentifier(schemaFor(p))), 'public'].join(', ');
    const started = Date.now();
    let events = 0;
    let checkpoint: LogCheckpoint | null = null;
    let lastPosition: number | null = null;
    let next: Promise<ReadAllResult> = this.store.readAll({ after: null, maxCount: this.batchSize });
    for (;;) {
      const page = await next;
      if (page.events.length === 0) break;
      next = this.store.readAll({ after: page.checkpoint, maxCount: this.batchSize });
      // A failed read ahead is reported when awaited, not as an unhandled rejection meanwhile.
      next.catch(() => undefined);
      await this.db.transaction(async (client) => {
        await client.query(`SET LOCAL search_path TO ${searchPath}`);
        for (const projection of projections) await projection.applyBatch(client, page.events);
      });
      events += page.events.length;
      checkpoint = page.checkpoint;
      lastPosition = page.events[page.events.length - 1]!.position;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const eventsPerSecond = events / seconds;
      const total = options.total ?? null;
      options.progress?.({
        projection: label,
        events,
        total,
        eventsPerSecond,
        etaSeconds: total === null ? null : Math.max(total - events, 0) / eventsPerSecond,
      });
    }
    for (const definition of deferredIndexes) await this.db.query(definition);
    if (options.swap !== false) checkpoint = await this.swap(projections, searchPath, checkpoint, lastPosition, (n) => (events += n));
    return { projection: label, events, seconds: (Date.now() - started) / 1000, checkpoint };
  }

  /** The side schema where a rebuild writes (for comparing before a swap). */
  schemaOf(projection: Projection): string {
    return schemaFor(projection);
  }

  async discard(projection: Projection): Promise<void> {
    await this.db.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schemaFor(projection))} CASCADE`);
  }

  /**
   * Fresh tables in the side schema. Their plain (non-unique) indexes are dropped and returned, to
   * be built once over the finished tables: maintaining them row by row costs more than building
   * them. Unique ones stay, as upserts need them.
   */
  private async prepare(projection: Projection): Promise<string[]> {
    const schema = schemaFor(projection);
    return this.db.transaction(async (client) => {
      await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      await client.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`);
      for (const table of projection.tables) {
        await client.query(`CREATE TABLE ${quoteIdentifier(schema)}.${quoteIdentifier(table)} (LIKE public.${quoteIdentifier(table)} INCLUDING ALL)`);
      }
      const plain = await client.query<{ name: string; definition: string }>(
        `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND NOT i.indisunique AND NOT i.indisprimary`,
        [schema],
      );
      for (const index of plain.rows) await client.query(`DROP INDEX ${quoteIdentifier(schema)}.${quoteIdentifier(index.name)}`);
      return plain.rows.map((r) => r.definition);
    });
  }

  /** Catches up to the head and swaps, all under the checkpoint locks so the live projector waits. */
  private async swap(
    projections: Projection[],
    searchPath: string,
    from: LogCheckpoint | null,
    fromPosition: number | null,
    counted: (n: number) => void,
  ): Promise<LogCheckpoint | null> {
    const names = projections.map((p) => p.name);
    return this.db.transaction(async (client: pg.PoolClient) => {
      await client.query('INSERT INTO projection_checkpoints (name) SELECT unnest($1::text[]) ON CONFLICT (name) DO NOTHING', [names]);
      await client.query('SELECT checkpoint FROM projection_checkpoints WHERE name = ANY($1::text[]) ORDER BY name FOR UPDATE', [names]);
      await client.query(`SET LOCAL search_path TO ${searchPath}`);
      let checkpoint = from;
      let position = fromPosition;
      for (;;) {
        const page = await this.store.readAll({ after: checkpoint, maxCount: this.batchSize });
        if (page.events.length === 0) break;
        for (const projection of projections) await projection.applyBatch(client, page.events);
        counted(page.events.length);
        checkpoint = page.checkpoint;
        position = page.events[page.events.length - 1]!.position;
      }
      await client.query('SET LOCAL search_path TO public');
      for (const projection of projections) {
        const schema = quoteIdentifier(schemaFor(projection));
        for (const table of projection.tables) {
          await client.query(`DROP TABLE public.${quoteIdentifier(table)}`);
          await client.query(`ALTER TABLE ${schema}.${quoteIdentifier(table)} SET SCHEMA public`);
        }
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
      }
      await client.query('UPDATE projection_checkpoints SET checkpoint = $2, position = $3, updated_at = now() WHERE name = ANY($1::text[])', [
        names,
        checkpoint,
        position,
      ]);
      return checkpoint;
    });
  }
}
