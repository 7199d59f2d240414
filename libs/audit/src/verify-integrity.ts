import { EventStore, GENESIS_HASH, eventHash, type RecordedEvent } from '@kensho/event-store';
import type { Database } from '@kensho/platform';
import { cycleStreamId, fiscalYearOfStream, sheetStreamId, type IntegrityFindings } from '@kensho/review';

export interface IntegrityBreak {
  streamId: string;
  revision: number;
  problem:
    | 'hash_mismatch'
    | 'revision_gap'
    | 'revision_order'
    | 'pin_mismatch'
    | 'pin_missing'
    | 'missing_tail'
    | 'document_mismatch'
    | 'document_orphan'
    | 'document_missing';
  detail: string;
  expected: string | number | null;
  actual: string | number | null;
}

export interface IntegrityReport {
  ok: boolean;
  eventsChecked: number;
  streamsChecked: number;
  pinsChecked: number;
  /** Published documents (report, CSV, JSON of every edition) whose bytes were checked. */
  documentsChecked: number;
  /** The first broken link of each broken stream, in log order; the first entry is the first break overall. */
  breaks: IntegrityBreak[];
}

interface StreamProgress {
  lastRevision: number;
  lastHash: string;
  /** The stream's first break; a later sighting of a "missing" revision turns a gap into a reordering. */
  broken: IntegrityBreak | null;
}

/** Where an edition was published in the log. */
interface Edition {
  streamId: string;
  revision: number;
  position: number;
}

interface Pin {
  sheetId: string;
  version: number;
  headHash: string;
  edition: number;
  fiscalYear: number;
}

/**
 * Recomputes every stream's hash chain over the whole log, then checks every publication's pinned
 * head hashes, that no stream lost its last events (against the versions the views recorded), and
 * that every published document still has the bytes it was published with and an edition in the log.
 */
export async function verifyIntegrity(store: EventStore, db: Database, progress: (eventsChecked: number) => void = () => undefined): Promise<IntegrityReport> {
  const streams = new Map<string, StreamProgress>();
  const breaks: IntegrityBreak[] = [];
  const pins: Pin[] = [];
  const editions = new Map<string, Edition>();
  let eventsChecked = 0;
  // The next page is read while this one is checked.
  let next = store.readAll({ after: null, maxCount: 5000 });
  for (;;) {
    const page = await next;
    if (page.events.length === 0) break;
    next = store.readAll({ after: page.checkpoint, maxCount: 5000 });
    next.catch(() => undefined); // reported when awaited
    for (const event of page.events) {
      checkLink(streams, event, breaks);
      if (event.type === 'CyclePublished') {
        const found = pinsOf(event);
        pins.push(...found);
        const edition = (event.data as { edition: number }).edition;
        editions.set(`${fiscalYearOfStream(event.streamId)}/${edition}`, { streamId: event.streamId, revision: event.revision, position: event.position });
      }
    }
    eventsChecked += page.events.length;
    progress(eventsChecked);
  }
  for (const pin of pins) {
    const [pinned] = await store.readStream(sheetStreamId(pin.sheetId), { fromRevision: pin.version, toRevision: pin.version });
    if (!pinned) {
      breaks.push({
        streamId: sheetStreamId(pin.sheetId),
        revision: pin.version,
        problem: 'pin_missing',
        expected: pin.headHash,
        actual: null,
        detail: `FY${pin.fiscalYear} edition ${pin.edition} pins version ${pin.version}, which no longer exists`,
      });
    } else if (pinned.metadata.hash !== pin.headHash) {
      breaks.push({
        streamId: pinned.streamId,
        revision: pin.version,
        problem: 'pin_mismatch',
        expected: pin.headHash,
        actual: pinned.metadata.hash,
        detail: `FY${pin.fiscalYear} edition ${pin.edition} pinned hash ${pin.headHash.slice(0, 12)}…, the stored event now hashes ${pinned.metadata.hash.slice(0, 12)}…`,
      });
    }
  }
  breaks.push(...(await missingTails(db, streams)));
  const documents = await publishedDocuments(db, editions);
  breaks.push(...documents.breaks);
  return { ok: breaks.length === 0, eventsChecked, streamsChecked: streams.size, pinsChecked: pins.length, documentsChecked: documents.checked, breaks };
}

function checkLink(streams: Map<string, StreamProgress>, event: RecordedEvent, breaks: IntegrityBreak[]): void {
  const stream = streams.get(event.streamId) ?? { lastRevision: -1, lastHash: GENESIS_HASH, broken: null };
  streams.set(event.streamId, stream);
  if (stream.broken) {
    const gap = stream.broken;
    if (gap.problem === 'revision_gap' && event.revision === gap.expected) {
      gap.problem = 'revision_order';
      gap.detail = `revision ${event.revision} (${event.type}) appears in the log after revision ${gap.actual}: events were reordered`;
    }
    return;
  }
  const expectedRevision = stream.lastRevision + 1;
  const fail = (b: Omit<IntegrityBreak, 'streamId' | 'revision'>) => {
    stream.broken = { streamId: event.streamId, revision: event.revision, ...b };
    breaks.push(stream.broken);
  };
  if (event.revision !== expectedRevision) {
    return fail({
      problem: event.revision > expectedRevision ? 'revision_gap' : 'revision_order',
      expected: expectedRevision,
      actual: event.revision,
      detail:
        event.revision > expectedRevision
          ? `revision ${expectedRevision} is missing: the log jumps from ${stream.lastRevision} to ${event.revision}`
          : `revision ${event.revision} (${event.type}) appears after revision ${stream.lastRevision}`,
    });
  }
  const recomputed = eventHash(stream.lastHash, event);
  if (recomputed !== event.metadata.hash) {
    return fail({
      problem: 'hash_mismatch',
      expected: recomputed,
      actual: event.metadata.hash,
      detail: `${event.type} no longer matches its hash: its data or metadata changed after it was written, or an earlier link was replaced`,
    });
  }
  stream.lastRevision = event.revision;
  stream.lastHash = recomputed;
}

function pinsOf(event: RecordedEvent): Pin[] {
  const data = event.data as { edition: number; sheets: Array<{ sheetId: string; version: number; headHash: string }> };
  const fiscalYear = fiscalYearOfStream(event.streamId)!;
  return data.sheets.map((s) => ({ ...s, edition: data.edition, fiscalYear }));
}

/** Deleting a stream's last events leaves no gap; the views still remember how far each stream went. */
async function missingTails(db: Database, streams: Map<string, StreamProgress>): Promise<IntegrityBreak[]> {
  const [sheets, cycles] = await Promise.all([
    db.query<{ sheet_id: string; version: number }>('SELECT sheet_id, version FROM rm_sheets'),
    db.query<{ fiscal_year: number; version: number }>('SELECT fiscal_year, version FROM rm_cycles'),
  ]);
  const seen = {
    rows: [
      ...sheets.rows.map((r) => ({ stream_id: sheetStreamId(r.sheet_id), version: r.version })),
      ...cycles.rows.map((r) => ({ stream_id: cycleStreamId(r.fiscal_year), version: r.version })),
    ],
  };
  const breaks: IntegrityBreak[] = [];
  for (const row of seen.rows) {
    const stream = streams.get(row.stream_id);
    const last = stream?.lastRevision ?? -1;
    if (stream?.broken) continue;
    if (last < row.version) {
      breaks.push({
        streamId: row.stream_id,
        revision: last + 1,
        problem: 'missing_tail',
        expected: row.version,
        actual: last,
        detail: `the views saw revision ${row.version}, the log now ends at ${last < 0 ? 'nothing' : last}`,
      });
    }
  }
  return breaks;
}

/**
 * Every published document against the hash recorded when it was rendered (PostgreSQL computes the
 * hash, so the bytes never leave the database), every document against an edition in the log, and
 * every edition the publication view has passed against its documents. Rewriting a document and
 * its recorded hash together is not caught here; the edition's pins and the chains still are.
 */
async function publishedDocuments(db: Database, editions: Map<string, Edition>): Promise<{ checked: number; breaks: IntegrityBreak[] }> {
  const documents = await db.query<{ fiscal_year: number; edition: number; name: string; recorded: string; actual: string }>(
    `SELECT fiscal_year, edition, name, sha256 AS recorded, encode(sha256(body), 'hex') AS actual FROM pub_documents ORDER BY fiscal_year, edition, name`,
  );
  const projected = await db.query<{ position: number | null }>("SELECT position FROM projection_checkpoints WHERE name = 'publication'");
  const publicationAt = projected.rows[0]?.position ?? 0;
  const breaks: IntegrityBreak[] = [];
  const withDocuments = new Set<string>();
  for (const d of documents.rows) {
    const key = `${d.fiscal_year}/${d.edition}`;
    withDocuments.add(key);
    const edition = editions.get(key);
    const label = `FY${d.fiscal_year} edition ${d.edition}, ${d.name}`;
    if (!edition) {
      breaks.push({
        streamId: cycleStreamId(d.fiscal_year),
        revision: -1,
        problem: 'document_orphan',
        expected: null,
        actual: d.name,
        detail: `${label} is published, but no CyclePublished of that edition is in the log`,
      });
    } else if (d.actual !== d.recorded) {
      breaks.push({
        streamId: edition.streamId,
        revision: edition.revision,
        problem: 'document_mismatch',
        expected: d.recorded,
        actual: d.actual,
        detail: `${label}: its bytes hash ${d.actual.slice(0, 12)}…, not the ${d.recorded.slice(0, 12)}… recorded when it was published`,
      });
    }
  }
  for (const [key, edition] of editions) {
    if (edition.position <= publicationAt && !withDocuments.has(key)) {
      const [fiscalYear, number] = key.split('/');
      breaks.push({
        streamId: edition.streamId,
        revision: edition.revision,
        problem: 'document_missing',
        expected: key,
        actual: null,
        detail: `FY${fiscalYear} edition ${number} was rendered by the publication view, but its documents are gone`,
      });
    }
  }
  return { checked: documents.rows.length, breaks };
}

/**
 * Records what a full verification found: each broken stream as a finding, and every open finding of
 * a stream that verifies again as resolved (that is what "resolved" means: the stream was restored,
 * and an auditor's verification confirmed it). Returns how many findings it resolved.
 */
export async function recordVerification(findings: IntegrityFindings, report: IntegrityReport): Promise<number> {
  const broken = new Set<string>();
  for (const b of report.breaks) {
    broken.add(b.streamId);
    if (b.revision >= 0) await findings.record(b.streamId, { status: 'broken', revision: b.revision, problem: b.problem }, 'audit verify');
  }
  return findings.resolveIntact(broken);
}
