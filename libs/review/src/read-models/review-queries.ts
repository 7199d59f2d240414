import { Injectable } from '@nestjs/common';
import { Database } from '@kensho/platform';
import type { CycleState, SheetState } from '../domain/index.js';
import { toSheetView, type SheetView } from './sheet-view.js';

export interface SheetFilter {
  fiscalYear?: number;
  department?: string;
  status?: string;
  policyArea?: string;
}

export interface ProgressRow {
  department: string;
  status: string;
  count: number;
}

/** Reads the current-state views. Callers that need their own writes wait on the projector first. */
@Injectable()
export class ReviewQueries {
  constructor(private readonly db: Database) {}

  async sheet(sheetId: string): Promise<SheetView | null> {
    const result = await this.db.query<{ state: SheetState; version: number }>('SELECT state, version FROM rm_sheets WHERE sheet_id = $1', [sheetId]);
    const row = result.rows[0];
    return row ? toSheetView(row.state, row.version) : null;
  }

  async sheets(filter: SheetFilter): Promise<SheetView[]> {
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (filter.fiscalYear !== undefined) add('fiscal_year = ?', filter.fiscalYear);
    if (filter.department !== undefined) add('department = ?', filter.department);
    if (filter.status !== undefined) add('status = ?', filter.status);
    if (filter.policyArea !== undefined) add('? = ANY(policy_areas)', filter.policyArea);
    const result = await this.db.query<{ state: SheetState; version: number }>(
      `SELECT state, version FROM rm_sheets ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY fiscal_year, project_code, department`,
      values,
    );
    return result.rows.map((row) => toSheetView(row.state, row.version));
  }

  async cycle(fiscalYear: number): Promise<{ state: CycleState; version: number } | null> {
    const result = await this.db.query<{ state: CycleState; version: number }>('SELECT state, version FROM rm_cycles WHERE fiscal_year = $1', [fiscalYear]);
    return result.rows[0] ?? null;
  }

  /** Every cycle, newest fiscal year first. */
  async cycles(): Promise<Array<{ state: CycleState; version: number }>> {
    return (await this.db.query<{ state: CycleState; version: number }>('SELECT state, version FROM rm_cycles ORDER BY fiscal_year DESC')).rows;
  }

  /** Sheets per status, per fiscal year. */
  async statusCounts(): Promise<Map<number, Record<string, number>>> {
    const result = await this.db.query<{ fiscal_year: number; status: string; count: number }>(
      'SELECT fiscal_year, status, count(*)::int AS count FROM rm_sheets GROUP BY fiscal_year, status',
    );
    const counts = new Map<number, Record<string, number>>();
    for (const row of result.rows) (counts.get(row.fiscal_year) ?? counts.set(row.fiscal_year, {}).get(row.fiscal_year)!)[row.status] = row.count;
    return counts;
  }

  /** Sheets per department and status for one fiscal year. */
  async progress(fiscalYear: number): Promise<ProgressRow[]> {
    const result = await this.db.query<ProgressRow>(
      `SELECT department, status, count(*)::int AS count FROM rm_sheets WHERE fiscal_year = $1
       GROUP BY department, status ORDER BY department, status`,
      [fiscalYear],
    );
    return result.rows;
  }
}
