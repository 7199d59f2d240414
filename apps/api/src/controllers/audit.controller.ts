import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { AUDIT_CSV_HEADER, AuditQueries, auditCsvLine, auditJsonLine, recordVerification, verifyIntegrity, type AuditRow } from '@kensho/audit';
import { EventStore } from '@kensho/event-store';
import { Database, INTEGER_RANGES } from '@kensho/platform';
import { IntegrityFindings, QueryInteger } from '@kensho/review';
import { Roles } from '../http/auth.js';
import { AuditPageDto, IntegrityFindingDto, IntegrityReportDto } from '../http/responses.js';

class AuditFilterDto {
  @ApiPropertyOptional({ description: 'Business time from (occurredAt, ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) occurredFrom?: string;
  @ApiPropertyOptional({ description: 'Business time to' }) @IsOptional() @IsISO8601({ strict: true }) occurredTo?: string;
  @ApiPropertyOptional({ description: 'Recorded time from (the store clock)' }) @IsOptional() @IsISO8601({ strict: true }) recordedFrom?: string;
  @ApiPropertyOptional({ description: 'Recorded time to' }) @IsOptional() @IsISO8601({ strict: true }) recordedTo?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) actor?: string;
  @ApiPropertyOptional({ description: '所管課' }) @IsOptional() @IsString() @MaxLength(100) department?: string;
  @ApiPropertyOptional({ description: 'Event type, e.g. SheetSubmitted' }) @IsOptional() @IsString() @MaxLength(100) type?: string;
  @ApiPropertyOptional({ description: 'Stream, e.g. sheet-2016.1-12.sangyoshinko' }) @IsOptional() @IsString() @MaxLength(300) stream?: string;
  @ApiPropertyOptional() @IsOptional() @QueryInteger(INTEGER_RANGES.fiscalYear) fiscalYear?: number;
  @ApiPropertyOptional({ description: 'Continue after this cursor (nextCursor of the previous page)' })
  @IsOptional()
  @QueryInteger(INTEGER_RANGES.cursor)
  cursor?: number;
  @ApiPropertyOptional({ description: 'Page size (JSON only), default 100' }) @IsOptional() @QueryInteger(INTEGER_RANGES.pageSize) limit?: number;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'jsonl'], description: 'csv and jsonl stream every matching row' })
  @IsOptional()
  @IsIn(['json', 'csv', 'jsonl'])
  format?: 'json' | 'csv' | 'jsonl';
  @ApiPropertyOptional() @IsOptional() @QueryInteger(INTEGER_RANGES.position) minPosition?: number;
}

/** minPosition: events of transactions still open are not yet readable; the interceptor waits until they are. */
class VerifyQueryDto {
  @IsOptional() @QueryInteger(INTEGER_RANGES.position) minPosition?: number;
}

/** Auditors (監査) read everything and never write. A sheet's history and diff are with the sheet routes. */
@ApiTags('audit')
@ApiExtraModels(AuditPageDto)
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditQueries,
    private readonly store: EventStore,
    private readonly db: Database,
    private readonly findings: IntegrityFindings,
  ) {}

  @Get('events')
  @Roles('auditor')
  @ApiOperation({ summary: 'The audit trail, filtered: JSON pages, or every row as CSV (format=csv) or NDJSON (format=jsonl)' })
  @ApiOkResponse({
    description: 'A JSON page; with format=csv a UTF-8 CSV with a BOM, with format=jsonl one JSON object (AuditEvent) per line',
    content: {
      'application/json': { schema: { $ref: '#/components/schemas/AuditPage' } },
      'text/csv': { schema: { type: 'string' } },
      'application/x-ndjson': { schema: { type: 'string' } },
    },
  })
  async events(@Query() query: AuditFilterDto, @Res({ passthrough: true }) res: Response): Promise<unknown> {
    const { cursor, limit, format, minPosition: _wait, ...filter } = query;
    if (!format || format === 'json') return this.audit.page(filter, cursor ?? 0, limit ?? 100);
    res.status(200);
    res.setHeader('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="kensho-audit.${format}"`);
    // BOM so that spreadsheet software reads the Japanese headers as UTF-8.
    if (format === 'csv') await write(res, `\uFEFF${AUDIT_CSV_HEADER.join(',')}\r\n`);
    const line = format === 'csv' ? (r: AuditRow) => `${auditCsvLine(r)}\r\n` : (r: AuditRow) => `${auditJsonLine(r)}\n`;
    for await (const page of this.audit.all(filter)) await write(res, page.map(line).join(''));
    res.end();
    return undefined;
  }

  /** Recomputes every hash chain and every publication pin; names the first broken link. */
  @Post('verify')
  @Roles('auditor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recompute every hash chain and publication pin; names the first broken link; resolves findings it finds intact' })
  @ApiOkResponse({ type: IntegrityReportDto })
  async verify(@Query() _query: VerifyQueryDto) {
    const report = await verifyIntegrity(this.store, this.db);
    return { ...report, findingsResolved: await recordVerification(this.findings, report) };
  }

  /** Every stream a read, a command or a verification found broken; resolved when a verification finds it intact. */
  @Get('findings')
  @Roles('auditor')
  @ApiOperation({ summary: 'Integrity findings: streams found broken by a read, a command or a verification, and when each was resolved' })
  @ApiOkResponse({ type: IntegrityFindingDto, isArray: true })
  findingsList() {
    return this.findings.list();
  }
}

/** Writes with backpressure, so a million rows never sit in memory. */
function write(res: Response, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (res.write(chunk)) return resolve();
    res.once('drain', resolve);
    res.once('error', reject);
  });
}
