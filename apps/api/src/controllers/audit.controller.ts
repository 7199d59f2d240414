import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { AUDIT_CSV_HEADER, AuditQueries, auditCsvLine, auditJsonLine, describeChanges, verifyIntegrity, type AuditRow } from '@kensho/audit';
import { EventStore } from '@kensho/event-store';
import { Database, INTEGER_RANGES } from '@kensho/platform';
import { AggregateService, DomainError, QueryInteger, SheetAggregate, sheetStreamId } from '@kensho/review';
import { Roles } from '../http/auth.js';
import { ApiProblems } from '../http/openapi.js';
import { AuditPageDto, IntegrityReportDto, SheetDiffDto, SheetHistoryDto } from '../http/responses.js';
import { ReadYourWrites } from './read-your-writes.js';

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
  @ApiPropertyOptional({ description: 'Continue after this cursor (nextCursor of the previous page)' }) @IsOptional() @QueryInteger(INTEGER_RANGES.cursor) cursor?: number;
  @ApiPropertyOptional({ description: 'Page size (JSON only), default 100' }) @IsOptional() @QueryInteger(INTEGER_RANGES.pageSize) limit?: number;
  @ApiPropertyOptional({ enum: ['json', 'csv', 'jsonl'], description: 'csv and jsonl stream every matching row' }) @IsOptional() @IsIn(['json', 'csv', 'jsonl']) format?: 'json' | 'csv' | 'jsonl';
  @ApiPropertyOptional() @IsOptional() @QueryInteger(INTEGER_RANGES.position) minPosition?: number;
}

class DiffQueryDto {
  @QueryInteger(INTEGER_RANGES.version, { required: true }) from!: number;
  @QueryInteger(INTEGER_RANGES.version, { required: true }) to!: number;
}

class HistoryQueryDto {
  @IsOptional() @QueryInteger(INTEGER_RANGES.position) minPosition?: number;
}

/** Auditors (監査) read everything and never write; planning may read one sheet's history. */
@ApiTags('audit')
@ApiExtraModels(AuditPageDto)
@ApiBearerAuth()
@Controller('api/v1')
export class AuditController {
  constructor(
    private readonly audit: AuditQueries,
    private readonly aggregates: AggregateService,
    private readonly store: EventStore,
    private readonly db: Database,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get('sheets/:id/history')
  @Roles('auditor', 'planning')
  @ApiOperation({ summary: "A sheet's every event: who, when (business and recorded time) and what changed" })
  @ApiOkResponse({ type: SheetHistoryDto })
  @ApiProblems(404)
  async history(@Param('id') id: string, @Query() query: HistoryQueryDto) {
    await this.consistency.await(query.minPosition);
    const events = await this.audit.history(sheetStreamId(id));
    if (events.length === 0) throw new DomainError('sheet.not_found', 'not_found', `No sheet ${id}`, { sheetId: id });
    return { sheetId: id, version: events[events.length - 1]!.revision, events };
  }

  /** What changed between two versions of a sheet, field by field. */
  @Get('sheets/:id/diff')
  @Roles('auditor', 'planning')
  @ApiOperation({ summary: 'What changed between two versions of a sheet (?from=&to=), field by field' })
  @ApiOkResponse({ type: SheetDiffDto })
  @ApiProblems(404)
  async diff(@Param('id') id: string, @Query() query: DiffQueryDto) {
    const [from, to] = await Promise.all(
      [query.from, query.to].map((version) => this.aggregates.load(SheetAggregate, sheetStreamId(id), { toRevision: version })),
    );
    if (!from!.state.exists || from!.version !== query.from || to!.version !== query.to) {
      throw new DomainError('sheet.version_not_found', 'not_found', `Sheet ${id} has no version ${from!.version !== query.from ? query.from : query.to}`, { sheetId: id, ...query });
    }
    return { sheetId: id, from: query.from, to: query.to, changes: describeChanges(from!.state, to!.state) };
  }

  @Get('audit/events')
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
    await this.consistency.await(query.minPosition);
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
  @Post('audit/verify')
  @Roles('auditor')
  @HttpCode(200)
  @ApiOperation({ summary: 'Recompute every hash chain and publication pin; names the first broken link' })
  @ApiOkResponse({ type: IntegrityReportDto })
  async verify(@Query() query: HistoryQueryDto) {
    // Events of transactions still open are not yet readable; minPosition waits until they are.
    await this.consistency.await(query.minPosition);
    return verifyIntegrity(this.store, this.db);
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
