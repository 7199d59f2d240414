import { Injectable } from '@nestjs/common';
import { Database } from '@kensho/platform';
import { cycleStreamId, fiscalYearOfStream, sheetStreamId } from '@kensho/review';
import type { FieldChange } from './describe-changes.js';

/** An edition pinning a sheet: the version it shows and that version's hash. */
export interface SheetPublicationRow {
  edition: number;
  publishedAt: string;
  version: number;
  headHash: string;
}

export interface AuditFilter {
  /** Business time (occurredAt) range, inclusive. */
  occurredFrom?: string;
  occurredTo?: string;
  /** Recorded time range, inclusive. */
  recordedFrom?: string;
  recordedTo?: string;
  /** The actor's id (a token id); a display name matches too, for trails written before ids. */
  actor?: string;
  department?: string;
  type?: string;
  stream?: string;
  fiscalYear?: number;
}

export interface AuditRow {
  seq: number;
  position: number;
  streamId: string;
  revision: number;
  type: string;
  fiscalYear: number | null;
  actorId: string;
  actorName: string | null;
  role: string;
  department: string | null;
  commandId: string;
  correlationId: string;
  causationId: string;
  occurredAt: string;
  recordedAt: string;
  imported: boolean;
  changes: FieldChange[];
}

interface Row {
  seq: number;
  position: number;
  stream_id: string;
  revision: number;
  event_type: string;
  fiscal_year: number | null;
  actor_id: string;
  actor_name: string | null;
  role: string;
  department: string | null;
  command_id: string;
  correlation_id: string;
  causation_id: string;
  occurred_at: Date;
  recorded_at: Date;
  imported: boolean;
  changes: FieldChange[];
}

const toRow = (r: Row): AuditRow => ({
  seq: r.seq,
  position: r.position,
  streamId: r.stream_id,
  revision: r.revision,
  type: r.event_type,
  fiscalYear: r.fiscal_year,
  actorId: r.actor_id,
  actorName: r.actor_name,
  role: r.role,
  department: r.department,
  commandId: r.command_id,
  correlationId: r.correlation_id,
  causationId: r.causation_id,
  occurredAt: r.occurred_at.toISOString(),
  recordedAt: r.recorded_at.toISOString(),
  imported: r.imported,
  changes: r.changes,
});

/** Reads the audit trail by keyset pages (cursor = seq), so any export streams in bounded memory. */
@Injectable()
export class AuditQueries {
  constructor(private readonly db: Database) {}

  async page(filter: AuditFilter, after: number, limit: number): Promise<{ items: AuditRow[]; nextCursor: number | null }> {
    const where = ['seq > $1'];
    const values: unknown[] = [after];
    const add = (sql: string, value: unknown) => {
      if (value === undefined) return;
      values.push(value);
      // '$@' repeats the value just bound.
      where.push(sql.replace('?', `$${values.length}`).replace('$@', `$${values.length}`));
    };
    add('occurred_at >= ?::timestamptz', filter.occurredFrom);
    add('occurred_at <= ?::timestamptz', filter.occurredTo);
    add('recorded_at >= ?::timestamptz', filter.recordedFrom);
    add('recorded_at <= ?::timestamptz', filter.recordedTo);
    add('(actor_id = ? OR actor_name = $@)', filter.actor);
    add('department = ?', filter.department);
    add('event_type = ?', filter.type);
    add('stream_id = ?', filter.stream);
    add('fiscal_year = ?', filter.fiscalYear);
    values.push(limit + 1);
    const result = await this.db.query<Row>(`SELECT * FROM audit_events WHERE ${where.join(' AND ')} ORDER BY seq LIMIT $${values.length}`, values);
    const rows = result.rows.slice(0, limit).map(toRow);
    return { items: rows, nextCursor: result.rows.length > limit ? rows[rows.length - 1]!.seq : null };
  }

  /** Every matching row, page by page: callers write each page out before the next is read. */
  async *all(filter: AuditFilter, pageSize = 1000): AsyncGenerator<AuditRow[]> {
    let cursor = 0;
    for (;;) {
      const page = await this.page(filter, cursor, pageSize);
      if (page.items.length) yield page.items;
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  }

  /**
   * The editions that pin a sheet, from its cycle's state as the audit trail folded it: publication
   * is recorded on the cycle (CyclePublished), not in the sheet's own history.
   */
  async publicationsOf(sheetId: string): Promise<SheetPublicationRow[]> {
    const fiscalYear = fiscalYearOfStream(sheetStreamId(sheetId));
    if (fiscalYear === null) return [];
    const result = await this.db.query<{
      state: { editions?: Array<{ edition: number; publishedAt: string; sheets: Array<{ sheetId: string; version: number; headHash: string }> }> };
    }>('SELECT state FROM audit_stream_states WHERE stream_id = $1', [cycleStreamId(fiscalYear)]);
    const editions = result.rows[0]?.state.editions ?? [];
    return editions.flatMap(({ edition, publishedAt, sheets }) =>
      sheets.filter((pin) => pin.sheetId === sheetId).map(({ version, headHash }) => ({ edition, publishedAt, version, headHash })),
    );
  }

  /** One stream's history, oldest first. */
  async history(streamId: string): Promise<AuditRow[]> {
    const result = await this.db.query<Row>('SELECT * FROM audit_events WHERE stream_id = $1 ORDER BY revision', [streamId]);
    return result.rows.map(toRow);
  }
}
