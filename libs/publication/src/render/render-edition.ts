import { createHash } from 'node:crypto';
import type { EditionSnapshot } from '../edition/edition.types.js';
import { kpisTable, sheetsTable } from './open-data.js';
import { toCsv, toJson } from './open-data-formats.js';
import { renderReportHtml } from './report-page.js';

export type DocumentName = 'report.html' | 'sheets.csv' | 'kpis.csv' | 'sheets.json' | 'kpis.json';
export const DOCUMENT_NAMES: readonly DocumentName[] = ['report.html', 'sheets.csv', 'kpis.csv', 'sheets.json', 'kpis.json'];

export interface RenderedDocument {
  name: DocumentName;
  contentType: string;
  body: Buffer;
  sha256: string;
}

const CONTENT_TYPES: Record<DocumentName, string> = {
  'report.html': 'text/html; charset=utf-8',
  'sheets.csv': 'text/csv; charset=utf-8; header=present',
  'kpis.csv': 'text/csv; charset=utf-8; header=present',
  'sheets.json': 'application/json; charset=utf-8',
  'kpis.json': 'application/json; charset=utf-8',
};

function document(name: DocumentName, text: string): RenderedDocument {
  const body = Buffer.from(text, 'utf8');
  return { name, contentType: CONTENT_TYPES[name], body, sha256: createHash('sha256').update(body).digest('hex') };
}

/** Every document of an edition, rendered once when it is published and kept as bytes from then on. */
export function renderEditionDocuments(snapshot: EditionSnapshot): RenderedDocument[] {
  const sheets = sheetsTable(snapshot);
  const kpis = kpisTable(snapshot);
  return [
    document('report.html', renderReportHtml(snapshot)),
    document('sheets.csv', toCsv(sheets)),
    document('kpis.csv', toCsv(kpis)),
    document('sheets.json', toJson(sheets, snapshot)),
    document('kpis.json', toJson(kpis, snapshot)),
  ];
}
