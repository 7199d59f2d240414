import { Injectable } from '@nestjs/common';
import { verifyChain, type RecordedEvent } from '@kensho/event-store';
import { Database, type Migration } from '@kensho/platform';

/** What a read found when it verified the stream's hash chain. */
export type StreamIntegrity = { status: 'intact' } | { status: 'broken'; revision: number; problem: string };

export const INTACT: StreamIntegrity = { status: 'intact' };

/** The whole stream, as read from revision 0, against its hash chain. */
export function integrityOf(events: RecordedEvent[]): StreamIntegrity {
  const broken = verifyChain(events);
  return broken ? { status: 'broken', revision: broken.revision, problem: broken.problem } : INTACT;
}

/** A write to a stream whose history no longer verifies: refused until the stream is restored. */
export class StreamIntegrityError extends Error {
  readonly code = 'stream.integrity_broken';
  constructor(
    readonly streamId: string,
    readonly revision: number,
    readonly problem: string,
  ) {
    super(`${streamId} fails its hash chain at revision ${revision} (${problem})`);
  }
}

export interface IntegrityFinding {
  id: number;
  streamId: string;
  revision: number;
  problem: string;
  detectedAt: string;
  /** What was reading the stream: 'command', 'read' or 'audit verify'. */
  detectedBy: string;
  resolvedAt: string | null;
}

/**
 * Findings are rows, not events: the log is the very thing in doubt, a read must not append to it,
 * and a rebuild of the views must not forget them (this table belongs to no projection).
 */
export const INTEGRITY_MIGRATIONS: Migration[] = [
  {
    id: '011-identity-integrity-findings',
    sql: `
      CREATE TABLE IF NOT EXISTS integrity_findings (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        stream_id    text NOT NULL,
        revision     integer NOT NULL,
        problem      text NOT NULL,
        detected_at  timestamptz NOT NULL DEFAULT now(),
        detected_by  text NOT NULL,
        resolved_at  timestamptz
      );
      -- One open finding per stream: the first broken link is what matters until it is resolved.
      CREATE UNIQUE INDEX IF NOT EXISTS integrity_findings_open ON integrity_findings (stream_id) WHERE resolved_at IS NULL;
    `,
  },
];

@Injectable()
export class IntegrityFindings {
  constructor(private readonly db: Database) {}

  async record(streamId: string, integrity: StreamIntegrity, detectedBy: string): Promise<void> {
    if (integrity.status !== 'broken') return;
    await this.db.query(
      `INSERT INTO integrity_findings (stream_id, revision, problem, detected_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (stream_id) WHERE resolved_at IS NULL DO NOTHING`,
      [streamId, integrity.revision, integrity.problem, detectedBy],
    );
  }

  /** Closes the open findings of streams that now verify (the auditor's full verification found them intact). */
  async resolveIntact(brokenStreams: ReadonlySet<string>): Promise<number> {
    const result = await this.db.query(`UPDATE integrity_findings SET resolved_at = now() WHERE resolved_at IS NULL AND NOT (stream_id = ANY($1::text[]))`, [
      [...brokenStreams],
    ]);
    return result.rowCount ?? 0;
  }

  async list(): Promise<IntegrityFinding[]> {
    const result = await this.db.query<{
      id: string;
      stream_id: string;
      revision: number;
      problem: string;
      detected_at: Date;
      detected_by: string;
      resolved_at: Date | null;
    }>('SELECT * FROM integrity_findings ORDER BY id');
    return result.rows.map((r) => ({
      id: Number(r.id),
      streamId: r.stream_id,
      revision: r.revision,
      problem: r.problem,
      detectedAt: r.detected_at.toISOString(),
      detectedBy: r.detected_by,
      resolvedAt: r.resolved_at?.toISOString() ?? null,
    }));
  }
}
