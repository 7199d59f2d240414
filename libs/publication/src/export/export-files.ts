import { createHash } from 'node:crypto';
import { DOCUMENT_NAMES, type DocumentName } from '../render/render-edition.js';
import { editionPath, editionsPath } from '../render/paths.js';
import type { PublicationQueries } from '../queries/publication-queries.js';

/** One file of a static copy of the public pages, at the path it is served under. */
export interface ExportFile {
  /** Relative, '/'-separated: public/2016/editions/1/index.html. */
  path: string;
  body: Buffer;
  sha256: string;
}

export class ExportError extends Error {}

const sha256 = (body: Buffer | string) => createHash('sha256').update(body).digest('hex');

/** The report is served at the edition's own URL, so a static copy keeps it as that folder's index. */
const fileNameOf = (name: DocumentName) => (name === 'report.html' ? 'index.html' : name);

/**
 * The published documents of a fiscal year's editions (all, or the ones asked for) as files laid
 * out like the public URLs (the reports link to each other by those paths), with a SHA256SUMS per
 * edition and the 公表履歴 page. Every document's bytes are checked against the hash recorded at
 * publication first: a copy of tampered bytes is refused, never written.
 */
export async function publicationExport(queries: PublicationQueries, fiscalYear: number, only?: number[]): Promise<ExportFile[]> {
  const { editions } = await queries.editions(fiscalYear);
  if (editions.length === 0) throw new ExportError(`Nothing of FY${fiscalYear} has been published`);
  const known = new Set(editions.map((e) => e.edition));
  const unknown = (only ?? []).filter((n) => !known.has(n));
  if (unknown.length > 0) throw new ExportError(`FY${fiscalYear} has no edition ${unknown.join(', ')}; published: ${[...known].join(', ')}`);
  const files: ExportFile[] = [];
  for (const { edition } of editions.filter((e) => !only || only.includes(e.edition))) {
    const folder = editionPath(fiscalYear, edition).replace(/^\//, '');
    const sums: string[] = [];
    for (const name of DOCUMENT_NAMES) {
      const stored = await queries.document(fiscalYear, edition, name);
      if (!stored) throw new ExportError(`FY${fiscalYear} edition ${edition} has no ${name}: run \`audit verify\``);
      const actual = sha256(stored.body);
      if (actual !== stored.sha256) {
        throw new ExportError(`FY${fiscalYear} edition ${edition} ${name}: its bytes no longer match the hash recorded at publication (run \`audit verify\`)`);
      }
      files.push({ path: `${folder}/${fileNameOf(name)}`, body: stored.body, sha256: actual });
      sums.push(`${actual}  ${fileNameOf(name)}`);
    }
    const sumsBody = Buffer.from(`${sums.join('\n')}\n`);
    files.push({ path: `${folder}/SHA256SUMS`, body: sumsBody, sha256: sha256(sumsBody) });
  }
  const page = await queries.editionsPage(fiscalYear);
  if (page) {
    const body = Buffer.from(page);
    files.push({ path: `${editionsPath(fiscalYear).replace(/^\//, '')}/index.html`, body, sha256: sha256(body) });
  }
  return files;
}
