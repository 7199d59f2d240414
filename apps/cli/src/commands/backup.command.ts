import { resolve } from 'node:path';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { verifyIntegrity } from '@kensho/audit';
import { BackupError, restoreBackup, writeBackup, type DurableTable } from '@kensho/backup';
import { ALL_PROJECTIONS, KENSHO_CONFIG } from '@kensho/core';
import { EventStore } from '@kensho/event-store';
import { Database, type KenshoConfig } from '@kensho/platform';
import { ProjectionRebuilder } from '@kensho/projections';
import { out } from '../output.js';
import { countEvents, progressPrinter } from '../progress.js';

const describeCounts = (counts: Record<DurableTable, number>) =>
  `${counts.es_events} events, ${counts.pub_documents} published documents, ${counts.auth_tokens} tokens, ${counts.integrity_findings} integrity findings`;

function rowProgress(verb: string): (table: DurableTable, rows: number) => void {
  let last = 0;
  return (table, rows) => {
    if (Date.now() - last < 1000) return;
    last = Date.now();
    out.info(`${verb} ${table}: ${rows.toLocaleString('en-US')} rows…`);
  };
}

/** The backup reads PostgreSQL's tables; EventStoreDB's events are backed up with its own tools. */
function refuseEventStoreDb(config: KenshoConfig): boolean {
  if (!config.eventStoreConnectionString) return false;
  out.fail('events are in EventStoreDB (EVENTSTORE_CONNECTION_STRING): back them up with its own tools; this command covers the PostgreSQL event store');
  return true;
}

interface BackupOptions {
  out?: string;
}

@Command({ name: 'backup', description: 'Write a consistent backup (event log, published documents, tokens, integrity findings) with a SHA-256 sidecar' })
export class BackupCommand extends CommandRunner {
  constructor(
    private readonly db: Database,
    @Inject(KENSHO_CONFIG) private readonly config: KenshoConfig,
  ) {
    super();
  }

  async run(_args: string[], options: BackupOptions): Promise<void> {
    if (refuseEventStoreDb(this.config)) return;
    const stamp = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    const path = resolve(options.out ?? `kensho-backup-${stamp}.jsonl.gz`);
    const started = Date.now();
    const result = await writeBackup(this.db, path, rowProgress('backing up'));
    out.info(`${describeCounts(result.counts)}; ${result.bytes.toLocaleString('en-US')} bytes in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    out.info(`sha256 ${result.fileSha256} (also in ${path}.sha256)`);
    out.result(path);
  }

  @Option({ flags: '--out <file>', description: 'where to write it (default: kensho-backup-<UTC time>.jsonl.gz here)' })
  parseOut(value: string): string {
    return value;
  }
}

@Command({ name: 'restore', arguments: '<file>', description: 'Load a backup into an empty database, rebuild the views, verify chains and published bytes' })
export class RestoreCommand extends CommandRunner {
  constructor(
    private readonly db: Database,
    private readonly store: EventStore,
    @Inject(KENSHO_CONFIG) private readonly config: KenshoConfig,
  ) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    if (refuseEventStoreDb(this.config)) return;
    const path = resolve(file!);
    let restored: Awaited<ReturnType<typeof restoreBackup>>;
    try {
      out.info(`checking ${path}…`);
      restored = await restoreBackup(this.db, path, rowProgress('restoring'));
    } catch (error) {
      if (error instanceof BackupError) return out.fail(error.message);
      throw error;
    }
    out.info(`restored ${describeCounts(restored.counts)} (backup of ${restored.header.createdAt}); rebuilding the views…`);
    const total = await countEvents(this.db);
    await new ProjectionRebuilder(this.db, this.store).rebuildAll(ALL_PROJECTIONS, { total, progress: progressPrinter() });
    if (process.stderr.isTTY) process.stderr.write('\n');
    out.info('verifying hash chains, publication pins and published bytes…');
    const report = await verifyIntegrity(this.store, this.db);
    for (const b of report.breaks) out.info(`BROKEN ${b.streamId} @ revision ${b.revision}: ${b.problem} — ${b.detail}`);
    const summary = `${report.eventsChecked} events in ${report.streamsChecked} streams, ${report.pinsChecked} publication pins, ${report.documentsChecked} published documents`;
    if (!report.ok) return out.fail(`restored, but the integrity check failed: ${summary}`);
    out.result(`OK: restored and verified ${summary}`);
  }
}
