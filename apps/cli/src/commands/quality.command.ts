import { Command, CommandRunner, Option } from 'nest-commander';
import { QueryBus } from '@nestjs/cqrs';
import { Projector } from '@kensho/projections';
import { GetDataQualityQuery, type QualityReport } from '@kensho/review';
import { out } from '../output.js';

/** The data-quality report of a cycle, as the API serves it at /api/v1/cycles/:fy/quality. */
@Command({ name: 'quality', arguments: '<fiscalYear>', description: 'List, per sheet, what to check before the committee meets' })
export class QualityCommand extends CommandRunner {
  constructor(
    private readonly queries: QueryBus,
    private readonly projector: Projector,
  ) {
    super();
  }

  async run([fiscalYear]: string[], options: { json?: boolean }): Promise<void> {
    if (!/^\d{4}$/.test(fiscalYear ?? '')) return out.fail(`fiscalYear must be a year such as 2016, got "${fiscalYear}"`);
    // No service may be running: bring the views up to date before reading them.
    await this.projector.catchUp();
    const report = (await this.queries.execute(new GetDataQualityQuery(Number(fiscalYear)))) as QualityReport;
    if (options.json) return out.result(JSON.stringify(report, null, 2));
    for (const sheet of report.sheets) {
      if (sheet.findings.length === 0) continue;
      out.result(`${sheet.projectCode} ${sheet.projectName} (${sheet.department}) [${sheet.sheetId}]`);
      for (const finding of sheet.findings) out.result(`  - ${finding.field.padEnd(28)} ${finding.kind.padEnd(26)} ${finding.message}`);
    }
    const counts = Object.entries(report.countsByKind)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ');
    out.result(`FY${report.fiscalYear}: ${report.sheetCount} sheets, ${report.findingCount} findings (${counts})`);
  }

  @Option({ flags: '--json', description: 'Print the report as JSON' })
  parseJson(): boolean {
    return true;
  }
}
