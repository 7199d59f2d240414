import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { recordVerification, replayCheck, verifyIntegrity } from '@kensho/audit';
import { EventStore } from '@kensho/event-store';
import { Database } from '@kensho/platform';
import { Projector } from '@kensho/projections';
import { AggregateService, IntegrityFindings } from '@kensho/review';
import { out } from '../output.js';

@SubCommand({ name: 'verify', description: 'Recompute every hash chain and publication pin; exits 1 on the first broken link' })
export class AuditVerifyCommand extends CommandRunner {
  constructor(
    private readonly store: EventStore,
    private readonly db: Database,
    private readonly projector: Projector,
    private readonly findings: IntegrityFindings,
  ) {
    super();
  }

  async run(): Promise<void> {
    await this.projector.catchUp();
    const started = Date.now();
    let lastShown = 0;
    const report = await verifyIntegrity(this.store, this.db, (n) => {
      if (n - lastShown >= 50_000) {
        lastShown = n;
        out.info(`verified ${n.toLocaleString('en-US')} events…`);
      }
    });
    const resolved = await recordVerification(this.findings, report);
    if (resolved > 0) out.info(`${resolved} earlier finding(s) resolved: those streams verify again`);
    const seconds = (Date.now() - started) / 1000;
    for (const b of report.breaks) out.result(`BROKEN ${b.streamId} @ revision ${b.revision}: ${b.problem} — ${b.detail}`);
    const summary = `${report.eventsChecked} events in ${report.streamsChecked} streams, ${report.pinsChecked} publication pins, ${report.documentsChecked} published documents, ${seconds.toFixed(1)} s`;
    if (report.ok) out.result(`OK: ${summary}`);
    else out.fail(`integrity check failed (${report.breaks.length} broken stream(s)): ${summary}`);
  }
}

@SubCommand({ name: 'replay', description: 'Rebuild every aggregate from its events and compare with the current-state views' })
export class AuditReplayCommand extends CommandRunner {
  constructor(
    private readonly db: Database,
    private readonly aggregates: AggregateService,
    private readonly projector: Projector,
  ) {
    super();
  }

  async run(): Promise<void> {
    await this.projector.catchUp();
    const report = await replayCheck(this.db, this.aggregates);
    for (const m of report.mismatches) out.result(`MISMATCH ${m.aggregate} ${m.id} ${m.field}: view ${m.view}, events ${m.replayed}`);
    const summary = `${report.sheetsChecked} sheets and ${report.cyclesChecked} cycles replayed`;
    if (report.ok) out.result(`OK: ${summary}, views match the events`);
    else out.fail(`${report.mismatches.length} mismatch(es): ${summary}`);
  }
}

@Command({ name: 'audit', description: 'Integrity and replay checks', subCommands: [AuditVerifyCommand, AuditReplayCommand] })
export class AuditCommand extends CommandRunner {
  async run(): Promise<void> {
    out.fail('Use: audit verify | audit replay');
  }
}
