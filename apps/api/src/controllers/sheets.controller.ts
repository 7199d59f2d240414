import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  ApproveSheetCommand,
  ApproveSheetDto,
  CityResponseDto,
  CommitteeOpinionDto,
  CorrectPublishedSheetCommand,
  CorrectPublishedSheetDto,
  DepartmentEvaluationDto,
  GetSheetQuery,
  GetSheetQueryDto,
  ListSheetsQuery,
  ListSheetsQueryDto,
  RecordCityResponseCommand,
  RecordCommitteeOpinionCommand,
  RecordDepartmentEvaluationCommand,
  ReturnSheetCommand,
  ReturnSheetDto,
  ReviseSheetContentCommand,
  SheetContentDto,
  SubmitSheetCommand,
  toContentPatch,
  type Actor,
  type CommandMeta,
  type CommandResult,
  type DepartmentEvaluationPatch,
} from '@kensho/review';
import { CurrentActor, Roles } from '../http/auth.js';
import { flagIntegrity } from '../http/integrity.js';
import { IfMatchVersion, Meta } from '../http/command-meta.js';
import { ReadYourWrites } from './read-your-writes.js';

@ApiTags('sheets')
@ApiBearerAuth()
@Controller('api/v1/sheets')
export class SheetsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get()
  async list(@Query() query: ListSheetsQueryDto, @CurrentActor() viewer: Actor) {
    await this.consistency.await(query.minPosition);
    const { minPosition: _wait, ...filter } = query;
    return this.queries.execute(new ListSheetsQuery(filter, viewer));
  }

  /** The sheet now, at a version (?version=N) or as of a business time (?asOf=ISO). ETag = version. */
  @Get(':id')
  async get(@Param('id') id: string, @Query() query: GetSheetQueryDto, @CurrentActor() viewer: Actor, @Res({ passthrough: true }) res: Response) {
    await this.consistency.await(query.minPosition);
    const sheet = await this.queries.execute(new GetSheetQuery(id, viewer, { version: query.version, asOf: query.asOf, knownAt: query.knownAt }));
    res.setHeader('ETag', `"${sheet.version}"`);
    flagIntegrity(res, sheet.integrity);
    return sheet;
  }

  /** Revise content (所管課). If-Match required. */
  @Patch(':id')
  @Roles('department')
  revise(@Param('id') id: string, @Body() body: SheetContentDto, @IfMatchVersion(true) version: number, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    return this.run(res, new ReviseSheetContentCommand(id, { type: 'ReviseSheetContent', changes: toContentPatch(body) }, meta, version));
  }

  /** Record the department's self-evaluation (所管課の評価). If-Match required. */
  @Put(':id/evaluation')
  @Roles('department')
  evaluate(@Param('id') id: string, @Body() body: DepartmentEvaluationDto, @IfMatchVersion(true) version: number, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    const evaluation = body as DepartmentEvaluationPatch;
    return this.run(res, new RecordDepartmentEvaluationCommand(id, { type: 'RecordDepartmentEvaluation', evaluation }, meta, version));
  }

  @Post(':id/submit')
  @Roles('department')
  @HttpCode(200)
  submit(@Param('id') id: string, @IfMatchVersion() version: number | undefined, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    return this.run(res, new SubmitSheetCommand(id, { type: 'SubmitSheet' }, meta, version));
  }

  /** Return to the department with a comment (企画課). */
  @Post(':id/return')
  @Roles('planning')
  @HttpCode(200)
  returnSheet(@Param('id') id: string, @Body() body: ReturnSheetDto, @IfMatchVersion() version: number | undefined, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    return this.run(res, new ReturnSheetCommand(id, { type: 'ReturnSheet', comment: body.comment }, meta, version));
  }

  @Post(':id/approve')
  @Roles('planning')
  @HttpCode(200)
  approve(@Param('id') id: string, @Body() body: ApproveSheetDto, @IfMatchVersion() version: number | undefined, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    return this.run(res, new ApproveSheetCommand(id, { type: 'ApproveSheet', comment: body.comment ?? null }, meta, version));
  }

  /** 推進会議の意見 (committee). */
  @Put(':id/committee-opinion')
  @Roles('committee')
  opinion(@Param('id') id: string, @Body() body: CommitteeOpinionDto, @IfMatchVersion() version: number | undefined, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    return this.run(res, new RecordCommitteeOpinionCommand(id, { type: 'RecordCommitteeOpinion', opinion: body.opinion, rating: body.rating ?? null }, meta, version));
  }

  /** 市の対応 to the committee's opinion (企画課). */
  @Put(':id/city-response')
  @Roles('planning')
  cityResponse(@Param('id') id: string, @Body() body: CityResponseDto, @IfMatchVersion() version: number | undefined, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    return this.run(res, new RecordCityResponseCommand(id, { type: 'RecordCityResponse', response: body.response }, meta, version));
  }

  /** Correct a published sheet with a reason; the next publication is a new edition. */
  @Post(':id/corrections')
  @Roles('planning')
  @HttpCode(200)
  correct(@Param('id') id: string, @Body() body: CorrectPublishedSheetDto, @IfMatchVersion() version: number | undefined, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    return this.run(res, new CorrectPublishedSheetCommand(id, { type: 'CorrectPublishedSheet', changes: toContentPatch(body.changes), reason: body.reason }, meta, version));
  }

  private async run(res: Response, command: Parameters<CommandBus['execute']>[0]) {
    const result = (await this.commands.execute(command)) as CommandResult;
    if (result.version !== null) res.setHeader('ETag', `"${result.version}"`);
    return {
      id: result.streamId.slice('sheet-'.length),
      version: result.version,
      position: result.position,
      events: result.events,
      duplicate: result.duplicate,
    };
  }
}
