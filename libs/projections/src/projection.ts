import type pg from 'pg';
import type { RecordedEvent } from '@kensho/event-store';

/**
 * A read model fed from the global log. `apply` runs inside the projector's transaction, the same
 * one that advances the checkpoint, so a crash never applies an event twice or loses one.
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
  apply(client: pg.PoolClient, event: RecordedEvent): Promise<void>;
}

export const PROJECTIONS = Symbol('kensho.projections');
