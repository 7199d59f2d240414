import type pg from 'pg';
import type { RecordedEvent } from '@kensho/event-store';
import { BatchStates, keysOf, statesFrom, writeRows, type Projection } from '@kensho/projections';
import { CycleAggregate, SheetAggregate, foldEvent, upcast, type CyclePublished, type CycleState, type SheetState, type Strategy } from '@kensho/review';
import { buildEditionSnapshot, type PinnedSheet } from '../edition/build-snapshot.js';
import type { EditionSnapshot, StrategyReference } from '../edition/edition.types.js';
import { renderEditionDocuments } from '../render/render-edition.js';
import { strategyInForce } from '../strategy/strategy-reference.js';

interface SheetHead {
  state: SheetState;
  assignedPosition: number;
}

const VERSION_COLUMNS = ['sheet_id', 'version', 'fiscal_year', 'head_hash', 'assigned_position', 'state'];

/** Statuses at which a sheet can be pinned: publication takes approved sheets (and logs from before derived publication say published). */
const PINNABLE = ['approved', 'published'];
const isPinnable = (state: SheetState) => PINNABLE.includes(state.status);

/**
 * The sheet versions a batch produces, written once at the end of the batch (or before an edition
 * reads them). Which versions are kept: every version a pin may name, and the latest one. A pin
 * names the version publication read, which is approved (or later: opinion, response, corrections),
 * and an event may follow it in the log before the cycle's CyclePublished does, so every pinnable
 * version stays until an edition pins a later one. Versions of a sheet still being edited can
 * never be pinned and are superseded by the next: keeping them would write the whole state once
 * per event.
 */
class SheetVersions {
  readonly heads: BatchStates<SheetHead>;
  private pending: Array<Record<string, unknown>> = [];

  constructor(private readonly client: pg.PoolClient) {
    this.heads = new BatchStates<SheetHead>(async (keys) => {
      const found = await client.query<{ sheet_id: string; state: SheetState; assigned_position: number }>(
        `SELECT DISTINCT ON (sheet_id) sheet_id, state, assigned_position FROM pub_sheet_versions
         WHERE sheet_id = ANY($1::text[]) ORDER BY sheet_id, version DESC`,
        [keys],
      );
      return found.rows.map((r) => ({ key: r.sheet_id, state: { state: r.state, assignedPosition: r.assigned_position } }));
    });
  }

  fold(event: RecordedEvent): void {
    const sheetId = event.streamId.slice('sheet-'.length);
    const previous = this.heads.get(sheetId);
    const state = SheetAggregate.evolve(previous?.state ?? SheetAggregate.initialState, upcast(event));
    if (!state.exists) return;
    const assignedPosition = event.type === 'SheetAssigned' ? event.position : (previous?.assignedPosition ?? event.position);
    const last = this.pending[this.pending.length - 1];
    // The previous pending version of this sheet goes if it is neither published nor the latest.
    if (last && last.sheet_id === sheetId && !isPinnable(last.state as SheetState)) this.pending.pop();
    this.pending.push({
      sheet_id: sheetId,
      version: event.revision,
      fiscal_year: state.fiscalYear,
      head_hash: event.metadata.hash,
      assigned_position: assignedPosition,
      state,
    });
    this.heads.set(sheetId, { state, assignedPosition }, event);
  }

  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    await writeRows(this.client, 'pub_sheet_versions', VERSION_COLUMNS, rows, { conflictKey: ['sheet_id', 'version'], keepExisting: true });
    const heads = new Map<string, number>();
    for (const row of rows) heads.set(row.sheet_id as string, row.version as number);
    await this.client.query(
      `DELETE FROM pub_sheet_versions v USING unnest($1::text[], $2::int[]) AS h(sheet_id, version)
       WHERE v.sheet_id = h.sheet_id AND v.version < h.version AND NOT (v.state->>'status' = ANY($3::text[]))`,
      [[...heads.keys()], [...heads.values()], PINNABLE],
    );
  }
}

/** From the cycles folded so far (every cycle event before this one is written): the log alone decides. */
async function strategyOf(client: pg.PoolClient, cycle: CycleState): Promise<StrategyReference | null> {
  if (cycle.strategy) return strategyInForce(cycle.fiscalYear, cycle.strategy, []);
  const earlier = await client.query<{ strategy: Strategy }>(
    `SELECT state->'strategy' AS strategy FROM pub_cycles
     WHERE fiscal_year < $1 AND jsonb_typeof(state->'strategy') = 'object' ORDER BY fiscal_year DESC`,
    [cycle.fiscalYear],
  );
  return strategyInForce(
    cycle.fiscalYear,
    null,
    earlier.rows.map((r) => r.strategy),
  );
}

async function recordEdition(client: pg.PoolClient, event: RecordedEvent, cycle: CycleState): Promise<void> {
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
  const previousRow = await client.query<{ snapshot: EditionSnapshot }>('SELECT snapshot FROM pub_editions WHERE fiscal_year = $1 AND edition = $2', [
    fiscalYear,
    edition - 1,
  ]);
  const snapshot = buildEditionSnapshot({
    edition,
    publishedAt,
    cycle,
    strategy: await strategyOf(client, cycle),
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

/**
 * The publication read model: editions built from the events as they arrive. When the cycle's
 * CyclePublished comes by, every pinned sheet's state at its pinned version is already here
 * (its events precede the cycle's in the log), and the edition is snapshotted and rendered.
 * Editions read the sheets' own states: publication is recorded on the cycle only.
 */
export const publicationProjection: Projection = {
  name: 'publication',
  // pub_documents is deliberately absent: published bytes survive a rebuild.
  tables: ['pub_sheet_versions', 'pub_cycles', 'pub_editions'],
  async applyBatch(client, events) {
    const versions = new SheetVersions(client);
    const cycles = new BatchStates<CycleState>(statesFrom(client, 'pub_cycles', 'fiscal_year', 'int'));
    await versions.heads.prime(keysOf(events, 'sheet'));
    await cycles.prime(keysOf(events, 'cycle'));
    const writeCycles = () =>
      writeRows(
        client,
        'pub_cycles',
        ['fiscal_year', 'state'],
        cycles.changed().map(({ key, state }) => ({ fiscal_year: Number(key), state })),
        {
          conflictKey: ['fiscal_year'],
        },
      );
    for (const event of events) {
      if (event.streamId.startsWith('sheet-')) versions.fold(event);
      else if (event.streamId.startsWith('cycle-')) {
        const state = foldEvent(cycles, CycleAggregate, event.streamId.slice('cycle-'.length), event);
        if (state.exists && event.type === 'CyclePublished') {
          // The edition reads the pinned versions from the table: everything before it goes in first.
          await versions.flush();
          await writeCycles();
          await recordEdition(client, event, state);
        }
      }
    }
    await versions.flush();
    await writeCycles();
  },
};
