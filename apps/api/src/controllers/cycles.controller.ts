import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsISO8601, IsOptional } from 'class-validator';
import { INTEGER_RANGES } from '@kensho/platform';
import {
  AssignSheetCommand,
  AssignSheetDto,
  GetCycleQuery,
  GetDataQualityQuery,
  OpenCycleCommand,
  OpenCycleDto,
  QueryInteger,
  PublishCycleCommand,
  RecordNumericalGoalsCommand,
  RecordNumericalGoalsDto,
  RecordStrategyCommand,
  RecordStrategyDto,
  toNumericalGoals,
  toStrategy,
  type CommandMeta,
} from '@kensho/review';
import { Roles } from '../http/auth.js';
import { Meta } from '../http/command-meta.js';
import { FiscalYearParam } from '../http/int-params.js';
import { ReadYourWrites } from './read-your-writes.js';

class MinPositionDto {
  @IsOptional() @QueryInteger(INTEGER_RANGES.position) minPosition?: number;
}

class CycleMomentDto extends MinPositionDto {
  @IsOptional() @QueryInteger(INTEGER_RANGES.version) version?: number;
  @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
  @IsOptional() @IsISO8601({ strict: true }) knownAt?: string;
}

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('api/v1/cycles')
export class CyclesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  /** Open the review cycle of a fiscal year (企画課). */
  @Post()
  @Roles('planning')
  async open(@Body() body: OpenCycleDto, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    const result = await this.commands.execute(
      new OpenCycleCommand({ type: 'OpenCycle', fiscalYear: body.fiscalYear, title: body.title, deadlines: { ...body.deadlines } }, meta),
    );
    res.setHeader('Location', `/api/v1/cycles/${body.fiscalYear}`);
    return { fiscalYear: body.fiscalYear, version: result.version, position: result.position };
  }

  /** The cycle with its deadlines, editions and progress counts per status and department. */
  @Get(':fy')
  async get(@FiscalYearParam() fiscalYear: number, @Query() query: CycleMomentDto) {
    await this.consistency.await(query.minPosition);
    return this.queries.execute(new GetCycleQuery(fiscalYear, { version: query.version, asOf: query.asOf, knownAt: query.knownAt }));
  }

  /** Data-quality findings per sheet: what the planning division checks before the committee meets. */
  @Get(':fy/quality')
  @Roles('planning', 'committee', 'auditor', 'admin')
  async quality(@FiscalYearParam() fiscalYear: number, @Query() query: MinPositionDto) {
    await this.consistency.await(query.minPosition);
    return this.queries.execute(new GetDataQualityQuery(fiscalYear));
  }

  /** Assign a sheet to a department; carries forward last year's static data when there is a sheet. */
  @Post(':fy/sheets')
  @Roles('planning')
  async assign(
    @FiscalYearParam() fiscalYear: number,
    @Body() body: AssignSheetDto,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.commands.execute(new AssignSheetCommand({ fiscalYear, ...body }, meta));
    res.setHeader('Location', `/api/v1/sheets/${encodeURIComponent(result.sheetId)}`);
    if (result.version !== null) res.setHeader('ETag', `"${result.version}"`);
    return { id: result.sheetId, version: result.version, position: result.position, carriedFrom: result.carriedFrom };
  }

  /** 数値目標: the strategy's numerical goals with the actuals known when this year is reviewed (企画課). */
  @Put(':fy/numerical-goals')
  @Roles('planning')
  async numericalGoals(@FiscalYearParam() fiscalYear: number, @Body() body: RecordNumericalGoalsDto, @Meta() meta: CommandMeta) {
    const result = await this.commands.execute(
      new RecordNumericalGoalsCommand(fiscalYear, { type: 'RecordNumericalGoals', goals: toNumericalGoals(body) }, meta),
    );
    return { fiscalYear, version: result.version, position: result.position, events: result.events };
  }

  /** 総合戦略: the strategy master in force this year (areas, basic directions, measures, KPI master) that its report prints (企画課). */
  @Put(':fy/strategy')
  @Roles('planning')
  async strategy(@FiscalYearParam() fiscalYear: number, @Body() body: RecordStrategyDto, @Meta() meta: CommandMeta) {
    const result = await this.commands.execute(new RecordStrategyCommand(fiscalYear, { type: 'RecordStrategy', strategy: toStrategy(body) }, meta));
    return { fiscalYear, version: result.version, position: result.position, events: result.events };
  }

  /** Publish the cycle: a new edition when something changed since the last (else 409 cycle.nothing_to_publish); every sheet must be approved. */
  @Post(':fy/publish')
  @Roles('planning')
  @HttpCode(201)
  async publish(@FiscalYearParam() fiscalYear: number, @Meta() meta: CommandMeta) {
    const result = await this.commands.execute(new PublishCycleCommand(fiscalYear, meta));
    return { fiscalYear, edition: result.edition, version: result.version, position: result.position };
  }
}
