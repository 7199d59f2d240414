import { Injectable } from '@nestjs/common';
import { Database } from '@kensho/platform';
import type { EditionCorrection } from '../edition/edition.types.js';
import { renderEditionsPage, type EditionSummary } from '../render/editions-page.js';
import type { DocumentName } from '../render/render-edition.js';

export interface StoredDocument {
  fiscalYear: number;
  edition: number;
  name: DocumentName;
  contentType: string;
  body: Buffer;
  sha256: string;
}

/** Reads what was published; never renders an edition again (its bytes were fixed at publication). */
@Injectable()
export class PublicationQueries {
  constructor(private readonly db: Database) {}

  async latestEdition(fiscalYear: number): Promise<number | null> {
    const result = await this.db.query<{ edition: number | null }>('SELECT max(edition) AS edition FROM pub_documents WHERE fiscal_year = $1', [fiscalYear]);
    return result.rows[0]?.edition ?? null;
  }

  async document(fiscalYear: number, edition: number, name: DocumentName): Promise<StoredDocument | null> {
    const result = await this.db.query<{ content_type: string; body: Buffer; sha256: string }>(
      'SELECT content_type, body, sha256 FROM pub_documents WHERE fiscal_year = $1 AND edition = $2 AND name = $3',
      [fiscalYear, edition, name],
    );
    const row = result.rows[0];
    return row ? { fiscalYear, edition, name, contentType: row.content_type, body: row.body, sha256: row.sha256 } : null;
  }

  async editions(fiscalYear: number): Promise<{ title: string; editions: EditionSummary[] }> {
    const result = await this.db.query<{
      edition: number;
      published_at: string;
      sheet_count: number;
      corrections: EditionCorrection[];
      title: string;
    }>(
      `SELECT edition, snapshot->>'publishedAt' AS published_at, jsonb_array_length(snapshot->'sheets') AS sheet_count,
              snapshot->'corrections' AS corrections, coalesce(snapshot->'strategy'->>'name', snapshot->>'title') AS title
         FROM pub_editions WHERE fiscal_year = $1 ORDER BY edition`,
      [fiscalYear],
    );
    return {
      title: result.rows[result.rows.length - 1]?.title ?? '',
      editions: result.rows.map((row) => ({
        edition: row.edition,
        publishedAt: row.published_at,
        sheetCount: row.sheet_count,
        corrections: row.corrections.filter((c) => c.edition === row.edition).sort((a, b) => a.at.localeCompare(b.at)),
      })),
    };
  }

  /** The 公表履歴 page, or null when nothing of that fiscal year has been published. */
  async editionsPage(fiscalYear: number): Promise<string | null> {
    const { title, editions } = await this.editions(fiscalYear);
    return editions.length ? renderEditionsPage(fiscalYear, title, editions) : null;
  }
}
