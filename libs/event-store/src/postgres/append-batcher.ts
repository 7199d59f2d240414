import { DatabaseUnavailableError, isDatabaseUnavailable, type Database } from '@kensho/platform';

/** One append as es_append takes it: events already hashed onto `baseHash` at `baseRevision`. */
export interface AppendRequest {
  streamId: string;
  category: string;
  expectedKind: 'no_stream' | 'stream_exists' | 'any' | 'exact';
  expected: number | null;
  baseRevision: number;
  baseHash: string | null;
  ids: string[];
  types: string[];
  data: string[];
  metadata: string[];
  lastHash: string;
}

/** What es_append answered; 'unique_violation': a concurrent twin inserted the same event ids first. */
export interface AppendAnswer {
  outcome: 'appended' | 'duplicate' | 'partial_duplicate' | 'wrong_expected_revision' | 'stale_head' | 'unique_violation';
  revision: number | null;
  head_hash: string | null;
  last_position: number | null;
}

interface Pending {
  request: AppendRequest;
  resolve(answer: AppendAnswer): void;
  reject(error: unknown): void;
}

/** Appends per statement at most: each is a subtransaction, and PostgreSQL keeps 64 per transaction cheap. */
const MAX_BATCH = 32;
/** Statements in flight at once: one being committed while the next one fills up. */
const MAX_IN_FLIGHT = 2;

/**
 * Group commit. Appends that arrive while others are being written wait and go together in one
 * statement (es_append_many: each append checked and applied on its own, in order, in one
 * transaction), so concurrent writers share one commit and one WAL flush instead of each paying
 * for its own. Durability is unchanged: no append is answered before its transaction committed.
 * A lone append goes out at once; two appends to one stream never share a statement.
 */
export class AppendBatcher {
  private queue: Pending[] = [];
  private inFlight = 0;

  constructor(private readonly db: Database) {}

  submit(request: AppendRequest): Promise<AppendAnswer> {
    return new Promise<AppendAnswer>((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.queue.length > 0) {
      const batch = this.takeBatch();
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const streams = new Set<string>();
    const rest: Pending[] = [];
    for (const pending of this.queue) {
      if (batch.length < MAX_BATCH && !streams.has(pending.request.streamId)) {
        streams.add(pending.request.streamId);
        batch.push(pending);
      } else rest.push(pending);
    }
    this.queue = rest;
    return batch;
  }

  private async send(batch: Pending[]): Promise<void> {
    if (batch.length === 1) return this.sendAlone(batch[0]!);
    let answers: AppendAnswer[];
    try {
      answers = await this.sendMany(batch.map((p) => p.request));
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        for (const pending of batch) pending.reject(outcomeUnknown(error));
        return;
      }
      // The statement failed as a whole (one append's text PostgreSQL cannot store, a trigger…)
      // and its transaction rolled back: nothing of the batch is stored. Each append goes again
      // on its own, so the one that failed fails alone and the others are written.
      await Promise.all(batch.map((pending) => this.sendAlone(pending)));
      return;
    }
    batch.forEach((pending, i) => pending.resolve(answers[i]!));
  }

  private async sendAlone(pending: Pending): Promise<void> {
    try {
      pending.resolve(await this.sendOne(pending.request));
    } catch (error) {
      pending.reject(isDatabaseUnavailable(error) ? outcomeUnknown(error) : error);
    }
  }

  private async sendOne(r: AppendRequest): Promise<AppendAnswer> {
    try {
      const result = await this.db.query<AppendAnswer>(
        `SELECT outcome, revision, head_hash, last_position
         FROM es_append($1, $2, $3, $4, $5, $6, $7::uuid[], $8::text[], $9::jsonb[], $10::jsonb[], $11)`,
        [r.streamId, r.category, r.expectedKind, r.expected, r.baseRevision, r.baseHash, r.ids, r.types, r.data, r.metadata, r.lastHash],
      );
      return result.rows[0]!;
    } catch (error) {
      if ((error as { constraint?: string }).constraint === 'es_events_event_id_unique') {
        return { outcome: 'unique_violation', revision: null, head_hash: null, last_position: null };
      }
      throw error;
    }
  }

  private async sendMany(requests: AppendRequest[]): Promise<AppendAnswer[]> {
    const column = <T>(pick: (r: AppendRequest) => T) => requests.map(pick);
    const events = <T>(pick: (r: AppendRequest) => T[]) => requests.flatMap(pick);
    const result = await this.db.query<AppendAnswer & { request: number }>(
      `SELECT request, outcome, revision, head_hash, last_position
       FROM es_append_many($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::int[], $8::text[],
                           $9::uuid[], $10::text[], $11::jsonb[], $12::jsonb[])`,
      [
        column((r) => r.streamId),
        column((r) => r.category),
        column((r) => r.expectedKind),
        column((r) => r.expected),
        column((r) => r.baseRevision),
        column((r) => r.baseHash),
        column((r) => r.ids.length),
        column((r) => r.lastHash),
        events((r) => r.ids),
        events((r) => r.types),
        events((r) => r.data),
        events((r) => r.metadata),
      ],
    );
    const answers: AppendAnswer[] = [];
    for (const row of result.rows) answers[row.request - 1] = row;
    if (answers.length !== requests.length || answers.includes(undefined as never))
      throw new Error('es_append_many answered for fewer appends than it was given');
    return answers;
  }
}

/**
 * The connection broke while an append was on its way or being committed: it may or may not be
 * stored, so it is never answered as written. Its retry (same command id, so the same event ids)
 * finds it stored and answers it as the duplicate it is, or appends it once.
 */
function outcomeUnknown(error: unknown): DatabaseUnavailableError {
  return new DatabaseUnavailableError('the connection broke during an append; it may or may not be stored', { cause: error });
}
