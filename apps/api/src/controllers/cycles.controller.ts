import { Body, Controller, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsISO8601, IsOptional } from 'class-validator';
import { INTEGER_RANGES } from '@kensho/platform';
import {
  AssignSheetCommand,
  cycleCommand,
  AssignSheetDto,
  GetCycleQuery,
  GetDataQualityQuery,
  ListCyclesQuery,
  OpenCycleDto,
  QueryInteger,
  PublishCycleCommand,
  RecordNumericalGoalsDto,
  RecordStrategyDto,
  toNumericalGoals,
  toStrategy,
  type CommandMeta,
} from '@kensho/review';
import { Roles } from '../http/auth.js';
import { Meta } from '../http/command-meta.js';
import { FiscalYearParam } from '../http/int-params.js';
import { ApiProblems, ETAG_HEADER, LOCATION_HEADER } from '../http/openapi.js';
import {
  AssignSheetResultDto,
  CycleSummaryDto,
  CycleViewDto,
  NumericalGoalsResultDto,
  OpenCycleResultDto,
  PublishCycleResultDto,
  QualityReportDto,
} from '../http/responses.js';

/** Validates and documents minPosition; ReadYourWritesInterceptor does the waiting. */
class MinPositionDto {
  @IsOptional() @QueryInteger(INTEGER_RANGES.position) minPosition?: number;
}

class CycleMomentDto extends MinPositionDto {
  @IsOptional() @QueryInteger(INTEGER_RANGES.version) version?: number;
  @ApiPropertyOptional({ description: 'The cycle as of this business time (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
  @ApiPropertyOptional({ description: 'The cycle as the system knew it at this recorded time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  knownAt?: string;
}

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('api/v1/cycles')
export class CyclesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Open the review cycle of a fiscal year (企画課). */
  @Post()
  @Roles('planning')
  @ApiOperation({ summary: 'Open the review cycle of a fiscal year (企画課)' })
  @ApiCreatedResponse({ type: OpenCycleResultDto, headers: LOCATION_HEADER })
  @ApiProblems(409)
  async open(@Body() body: OpenCycleDto, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    const result = await this.commands.execute(
      cycleCommand(body.fiscalYear, { type: 'OpenCycle', fiscalYear: body.fiscalYear, title: body.title, deadlines: { ...body.deadlines } }, meta),
    );
    res.setHeader('Location', `/api/v1/cycles/${body.fiscalYear}`);
    return { fiscalYear: body.fiscalYear, version: result.version, position: result.position };
  }

  /** Every cycle (fiscal year, title, status, deadlines), newest first. */
  @Get()
  @ApiOperation({ summary: 'Every review cycle, newest first: fiscal year, title, status, deadlines, sheets per status, editions' })
  @ApiOkResponse({ type: [CycleSummaryDto] })
  list(@Query() _query: MinPositionDto) {
    return this.queries.execute(new ListCyclesQuery());
  }

  @Get(':fy')
  @ApiOperation({
    summary:
      'The cycle: deadlines, editions and progress; now, at a version (?version), as of a business time (?asOf) or as known at a recorded time (?knownAt)',
  })
  @ApiOkResponse({ type: CycleViewDto })
  @ApiProblems(404)
  async get(@FiscalYearParam() fiscalYear: number, @Query() query: CycleMomentDto) {
    return this.queries.execute(new GetCycleQuery(fiscalYear, { version: query.version, asOf: query.asOf, knownAt: query.knownAt }));
  }

  /** Data-quality findings per sheet: what the planning division checks before the committee meets. */
  @Get(':fy/quality')
  @Roles('planning', 'committee', 'auditor', 'admin')
  @ApiOperation({ summary: 'Data-quality findings per sheet' })
  @ApiOkResponse({ type: QualityReportDto })
  @ApiProblems(404)
  async quality(@FiscalYearParam() fiscalYear: number, @Query() _query: MinPositionDto) {
    return this.queries.execute(new GetDataQualityQuery(fiscalYear));
  }

  /** Assign a sheet to a department; carries forward last year's static data when there is a sheet. */
  @Post(':fy/sheets')
  @Roles('planning')
  @ApiOperation({ summary: "Assign a sheet to a department; last year's static data is carried forward" })
  @ApiCreatedResponse({ type: AssignSheetResultDto, headers: { ...LOCATION_HEADER, ...ETAG_HEADER } })
  @ApiProblems(404, 409)
  async assign(@FiscalYearParam() fiscalYear: number, @Body() body: AssignSheetDto, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    const result = await this.commands.execute(new AssignSheetCommand({ fiscalYear, ...body }, meta));
    res.setHeader('Location', `/api/v1/sheets/${encodeURIComponent(result.sheetId)}`);
    if (result.version !== null) res.setHeader('ETag', `"${result.version}"`);
    return { id: result.sheetId, version: result.version, position: result.position, carriedFrom: result.carriedFrom };
  }

  /** 数値目標: the strategy's numerical goals with the actuals known when this year is reviewed (企画課). */
  @Put(':fy/numerical-goals')
  @Roles('planning')
  @ApiOperation({ summary: "数値目標: the strategy's numerical goals with the actuals known this year" })
  @ApiOkResponse({ type: NumericalGoalsResultDto })
  @ApiProblems(404, 409)
  async numericalGoals(@FiscalYearParam() fiscalYear: number, @Body() body: RecordNumericalGoalsDto, @Meta() meta: CommandMeta) {
    const result = await this.commands.execute(cycleCommand(fiscalYear, { type: 'RecordNumericalGoals', goals: toNumericalGoals(body) }, meta));
    return { fiscalYear, version: result.version, position: result.position, events: result.events };
  }

  /** 総合戦略: the strategy master in force this year (areas, basic directions, measures, KPI master) that its report prints (企画課). */
  @Put(':fy/strategy')
  @Roles('planning')
  @ApiOperation({ summary: '総合戦略: the strategy master in force this year (areas, basic directions, measures, KPI master), as its report prints it' })
  @ApiOkResponse({ type: NumericalGoalsResultDto, description: 'Recorded (events: ["StrategyRecorded"]) or unchanged (events: [])' })
  @ApiProblems(404, 409)
  async strategy(@FiscalYearParam() fiscalYear: number, @Body() body: RecordStrategyDto, @Meta() meta: CommandMeta) {
    const result = await this.commands.execute(cycleCommand(fiscalYear, { type: 'RecordStrategy', strategy: toStrategy(body.strategy) }, meta));
    return { fiscalYear, version: result.version, position: result.position, events: result.events };
  }

  /** Publish the cycle: a new edition when something changed since the last (else 409 cycle.nothing_to_publish); every sheet must be approved. */
  @Post(':fy/publish')
  @Roles('planning')
  @HttpCode(201)
  @ApiOperation({ summary: 'Publish the cycle: a new edition each time; every sheet must be approved (422 otherwise)' })
  @ApiCreatedResponse({ type: PublishCycleResultDto })
  @ApiProblems(404, 409)
  async publish(@FiscalYearParam() fiscalYear: number, @Meta() meta: CommandMeta) {
    const result = await this.commands.execute(new PublishCycleCommand(fiscalYear, meta));
    return { fiscalYear, edition: result.edition, version: result.version, position: result.position };
  }
}
