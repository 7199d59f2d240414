import type pg from 'pg';
import type { RecordedEvent } from '@kensho/event-store';

/**
 * A read model fed from the global log. `applyBatch` runs inside the projector's transaction, the
 * same one that advances the checkpoint, so a crash never applies an event twice or loses one.
 *
 * A batch is a page of the log in order. Projections fold it in memory and write each changed row
 * once: the result must equal applying the events one by one (the projector test checks batch
 * sizes 1 and 500 give the same tables), only with a few statements per page instead of per event.
 */
export interface Projection {
  /** Stable name: the checkpoint's key. */
  name: string;
  /** Tables this projection owns: a rebuild creates fresh copies of them and swaps them in. */
  tables: string[];
  /**
   * Columns whose values legitimately differ between a live run and a rebuild (surrogate keys
   * such as a serial cursor); checksums leave them out. Everything else must be deterministic.
   */
  volatileColumns?: Record<string, string[]>;
  applyBatch(client: pg.PoolClient, events: readonly RecordedEvent[]): Promise<void>;
}

export const PROJECTIONS = Symbol('kensho.projections');
