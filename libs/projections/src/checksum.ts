import { quoteIdentifier, type Database } from '@kensho/platform';
import type { Projection } from './projection.js';

/**
 * A checksum of every row of every table of the given projections, independent of row order and
 * physical layout: md5 over the sorted text of each row (volatile columns left out).
 */
export async function tableChecksums(db: Pick<Database, 'query'>, projections: Projection[], schema = 'public'): Promise<Record<string, string>> {
  const sums: Record<string, string> = {};
  for (const projection of projections) {
    for (const table of projection.tables) {
      const skip = new Set(projection.volatileColumns?.[table] ?? []);
      const columns = (
        await db.query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY column_name`,
          [schema, table],
        )
      ).rows
        .map((r) => r.column_name)
        .filter((c) => !skip.has(c));
      if (columns.length === 0) throw new Error(`No table ${schema}.${table}`);
      const list = columns.map(quoteIdentifier).join(', ');
      const result = await db.query<{ sum: string | null; rows: number }>(
        `SELECT md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS sum, count(*)::int AS rows
         FROM (SELECT ${list} FROM ${quoteIdentifier(schema)}.${quoteIdentifier(table)}) r`,
      );
      sums[table] = `${result.rows[0]!.rows}:${result.rows[0]!.sum}`;
    }
  }
  return sums;
}
