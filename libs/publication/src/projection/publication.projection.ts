import type pg from 'pg';
import type { RecordedEvent } from '@kensho/event-store';
import type { Projection } from '@kensho/projections';
import { CycleAggregate, SheetAggregate, upcast, type CyclePublished, type CycleState, type SheetState } from '@kensho/review';
import { buildEditionSnapshot, type PinnedSheet } from '../edition/build-snapshot.js';
import type { EditionSnapshot, StrategyReference } from '../edition/edition.types.js';
import { renderEditionDocuments } from '../render/render-edition.js';
import { seededStrategyFor } from '../strategy/seeded-strategy.js';

export interface PublicationProjectionOptions {
  strategyFor(fiscalYear: number): StrategyReference | null;
}

async function applySheet(client: pg.PoolClient, event: RecordedEvent): Promise<void> {
  const sheetId = event.streamId.slice('sheet-'.length);
  const found = await client.query<{ state: SheetState; assigned_position: number }>(
    'SELECT state, assigned_position FROM pub_sheet_versions WHERE sheet_id = $1 ORDER BY version DESC LIMIT 1',
    [sheetId],
  );
  const previous = found.rows[0];
  const state = SheetAggregate.evolve(previous?.state ?? SheetAggregate.initialState, upcast(event));
  if (!state.exists) return;
  const assignedPosition = event.type === 'SheetAssigned' ? event.position : (previous?.assigned_position ?? event.position);
  await client.query(
    `INSERT INTO pub_sheet_versions (sheet_id, version, fiscal_year, head_hash, assigned_position, state)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (sheet_id, version) DO NOTHING`,
    [sheetId, event.revision, state.fiscalYear, event.metadata.hash, assignedPosition, JSON.stringify(state)],
  );
}

function strategyOf(options: PublicationProjectionOptions, fiscalYear: number): StrategyReference | null {
  try {
    return options.strategyFor(fiscalYear);
  } catch {
    // A broken strategy file must not stop publication: the report then names areas by number.
    return null;
  }
}

async function recordEdition(
  client: pg.PoolClient,
  event: RecordedEvent,
  cycle: CycleState,
  options: PublicationProjectionOptions,
): Promise<void> {
  const { edition, publishedAt, sheets: pins } = upcast(event).data as CyclePublished['data'];
  const fiscalYear = cycle.fiscalYear;
  const sheets: PinnedSheet[] = [];
  let pinsVerified = true;
  for (const pin of pins) {
    const row = await client.query<{ state: SheetState; head_hash: string; assigned_position: number }>(
      'SELECT state, head_hash, assigned_position FROM pub_sheet_versions WHERE sheet_id = $1 AND version = $2',
      [pin.sheetId, pin.version],
    );
    const found = row.rows[0];
    if (!found) throw new Error(`Edition ${edition} of FY${fiscalYear} pins ${pin.sheetId} at version ${pin.version}, which was never projected`);
    if (found.head_hash !== pin.headHash) pinsVerified = false;
    sheets.push({ state: found.state, version: pin.version, headHash: pin.headHash, assignedPosition: found.assigned_position });
  }
  const previousRow = await client.query<{ snapshot: EditionSnapshot }>(
    'SELECT snapshot FROM pub_editions WHERE fiscal_year = $1 AND edition = $2',
    [fiscalYear, edition - 1],
  );
  const snapshot = buildEditionSnapshot({
    edition,
    publishedAt,
    cycle,
    strategy: strategyOf(options, fiscalYear),
    sheets,
    previous: previousRow.rows[0]?.snapshot ?? null,
  });
  await client.query(
    `INSERT INTO pub_editions (fiscal_year, edition, published_at, position, pins_verified, snapshot)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (fiscal_year, edition) DO NOTHING`,
    [fiscalYear, edition, publishedAt, event.position, pinsVerified, JSON.stringify(snapshot)],
  );
  // First rendering wins: a rebuild (or a newer renderer) never changes what was published.
  for (const doc of renderEditionDocuments(snapshot)) {
    await client.query(
      `INSERT INTO pub_documents (fiscal_year, edition, name, content_type, body, sha256)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (fiscal_year, edition, name) DO NOTHING`,
      [fiscalYear, edition, doc.name, doc.contentType, doc.body, doc.sha256],
    );
  }
  // Later editions pin later versions only, so older states can go.
  await client.query(
    `DELETE FROM pub_sheet_versions v USING unnest($1::text[], $2::int[]) AS p(sheet_id, version)
     WHERE v.sheet_id = p.sheet_id AND v.version < p.version`,
    [pins.map((p) => p.sheetId), pins.map((p) => p.version)],
  );
}

async function applyCycle(client: pg.PoolClient, event: RecordedEvent, options: PublicationProjectionOptions): Promise<void> {
  const fiscalYear = Number(event.streamId.slice('cycle-'.length));
  const found = await client.query<{ state: CycleState }>('SELECT state FROM pub_cycles WHERE fiscal_year = $1', [fiscalYear]);
  const state = CycleAggregate.evolve(found.rows[0]?.state ?? CycleAggregate.initialState, upcast(event));
  if (!state.exists) return;
  await client.query(
    `INSERT INTO pub_cycles (fiscal_year, state) VALUES ($1, $2)
     ON CONFLICT (fiscal_year) DO UPDATE SET state = EXCLUDED.state`,
    [fiscalYear, JSON.stringify(state)],
  );
  if (event.type === 'CyclePublished') await recordEdition(client, event, state, options);
}

/**
 * The publication read model: editions built from the events as they arrive. When the cycle's
 * CyclePublished comes by, every pinned sheet's state at its pinned version is already here
 * (its events precede the cycle's in the log), and the edition is snapshotted and rendered.
 */
export function createPublicationProjection(options: PublicationProjectionOptions): Projection {
  return {
    name: 'publication',
    // pub_documents is deliberately absent: published bytes survive a rebuild.
    tables: ['pub_sheet_versions', 'pub_cycles', 'pub_editions'],
    async apply(client, event) {
      if (event.streamId.startsWith('sheet-')) await applySheet(client, event);
      else if (event.streamId.startsWith('cycle-')) await applyCycle(client, event, options);
    },
  };
}

export const publicationProjection: Projection = createPublicationProjection({ strategyFor: seededStrategyFor });
