import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { IsOptional } from 'class-validator';
import {
  AggregateService,
  ApproveSheetDto,
  CityResponseDto,
  CommitteeOpinionDto,
  CorrectPublishedSheetDto,
  DomainError,
  DepartmentEvaluationDto,
  GetSheetQuery,
  GetSheetQueryDto,
  QueryInteger,
  SheetAggregate,
  sheetStreamId,
  parseStreamId,
  ListSheetsQuery,
  ListSheetsQueryDto,
  ReturnSheetDto,
  SheetContentDto,
  sheetCommand,
  toContentPatch,
  type Actor,
  type CommandMeta,
  type DecideCommand,
  type DepartmentEvaluationPatch,
} from '@kensho/review';
import { AuditQueries, describeChanges } from '@kensho/audit';
import { INTEGER_RANGES } from '@kensho/platform';
import { CurrentActor, Roles } from '../http/auth.js';
import { flagIntegrity } from '../http/integrity.js';
import { IfMatchVersion, Meta } from '../http/command-meta.js';
import { ApiProblems, ETAG_HEADER, INTEGRITY_HEADER } from '../http/openapi.js';
import { SheetCommandResultDto, SheetDiffDto, SheetHistoryDto, SheetViewDto, VerifiedSheetViewDto } from '../http/responses.js';

const IF_MATCH = (required: boolean) =>
  ApiHeader({
    name: 'If-Match',
    required,
    description: `The version (ETag) last read, e.g. "3"${required ? '' : '; without it the write applies to the current version'}`,
    schema: { type: 'string', pattern: '^(W/)?"?[0-9]+"?$' },
  });
const WRITTEN = ApiOkResponse({
  type: SheetCommandResultDto,
  headers: ETAG_HEADER,
  description: 'Applied (or already applied: duplicate); ETag = the new version',
});

class DiffQueryDto {
  @IsOptional() @QueryInteger(INTEGER_RANGES.position) minPosition?: number;
  @QueryInteger(INTEGER_RANGES.version, { required: true }) from!: number;
  @QueryInteger(INTEGER_RANGES.version, { required: true }) to!: number;
}

/** Validates and documents minPosition; ReadYourWritesInterceptor does the waiting. */
class MinPositionQueryDto {
  @IsOptional() @QueryInteger(INTEGER_RANGES.position) minPosition?: number;
}

@ApiTags('sheets')
@ApiBearerAuth()
@Controller('api/v1/sheets')
export class SheetsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly audit: AuditQueries,
    private readonly aggregates: AggregateService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Sheets, filtered; a department token sees its own department only' })
  @ApiOkResponse({ type: [SheetViewDto] })
  @ApiProblems(403)
  async list(@Query() query: ListSheetsQueryDto, @CurrentActor() viewer: Actor) {
    const { minPosition: _wait, ...filter } = query;
    return this.queries.execute(new ListSheetsQuery(filter, viewer));
  }

  /** The sheet now, at a version (?version=N) or as of a business time (?asOf=ISO). ETag = version. */
  @Get(':id')
  @ApiOperation({ summary: 'One sheet: now, at a version (?version=N), as of a business time (?asOf) or as known at a recorded time (?knownAt)' })
  @ApiOkResponse({ type: VerifiedSheetViewDto, headers: { ...ETAG_HEADER, ...INTEGRITY_HEADER } })
  @ApiProblems(403, 404)
  async get(@Param('id') id: string, @Query() query: GetSheetQueryDto, @CurrentActor() viewer: Actor, @Res({ passthrough: true }) res: Response) {
    const sheet = await this.queries.execute(new GetSheetQuery(id, viewer, { version: query.version, asOf: query.asOf, knownAt: query.knownAt }));
    res.setHeader('ETag', `"${sheet.version}"`);
    flagIntegrity(res, sheet.integrity);
    return sheet;
  }

  /** Revise content (所管課). If-Match required. */
  @Patch(':id')
  @Roles('department')
  @ApiOperation({ summary: 'Revise the content (所管課); any subset of the fields' })
  @IF_MATCH(true)
  @WRITTEN
  @ApiProblems(403, 404, 409, 412, 428)
  revise(
    @Param('id') id: string,
    @Body() body: SheetContentDto,
    @IfMatchVersion(true) version: number,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, sheetCommand(id, { type: 'ReviseSheetContent', changes: toContentPatch(body) }, meta, version));
  }

  /** Record the department's self-evaluation (所管課の評価). If-Match required. */
  @Put(':id/evaluation')
  @Roles('department')
  @ApiOperation({ summary: "Record the department's self-evaluation (所管課の評価)" })
  @IF_MATCH(true)
  @WRITTEN
  @ApiProblems(403, 404, 409, 412, 428)
  evaluate(
    @Param('id') id: string,
    @Body() body: DepartmentEvaluationDto,
    @IfMatchVersion(true) version: number,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    const evaluation = body as DepartmentEvaluationPatch;
    return this.run(res, sheetCommand(id, { type: 'RecordDepartmentEvaluation', evaluation }, meta, version));
  }

  @Post(':id/submit')
  @Roles('department')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit to the planning division; refused (422 sheet.incomplete) while required fields are empty' })
  @IF_MATCH(false)
  @WRITTEN
  @ApiProblems(403, 404, 409, 412)
  submit(@Param('id') id: string, @IfMatchVersion() version: number | undefined, @Meta() meta: CommandMeta, @Res({ passthrough: true }) res: Response) {
    return this.run(res, sheetCommand(id, { type: 'SubmitSheet' }, meta, version));
  }

  /** Return to the department with a comment (企画課). */
  @Post(':id/return')
  @Roles('planning')
  @HttpCode(200)
  @ApiOperation({ summary: 'Return to the department with a comment (企画課)' })
  @IF_MATCH(false)
  @WRITTEN
  @ApiProblems(403, 404, 409, 412)
  returnSheet(
    @Param('id') id: string,
    @Body() body: ReturnSheetDto,
    @IfMatchVersion() version: number | undefined,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, sheetCommand(id, { type: 'ReturnSheet', comment: body.comment }, meta, version));
  }

  @Post(':id/approve')
  @Roles('planning')
  @HttpCode(200)
  @ApiOperation({ summary: 'Approve a submitted sheet (企画課)' })
  @IF_MATCH(false)
  @WRITTEN
  @ApiProblems(403, 404, 409, 412)
  approve(
    @Param('id') id: string,
    @Body() body: ApproveSheetDto,
    @IfMatchVersion() version: number | undefined,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, sheetCommand(id, { type: 'ApproveSheet', comment: body.comment ?? null }, meta, version));
  }

  /** 推進会議の意見 (committee). */
  @Put(':id/committee-opinion')
  @Roles('committee')
  @ApiOperation({ summary: "Record the committee's opinion (推進会議の意見) on an approved sheet" })
  @IF_MATCH(false)
  @WRITTEN
  @ApiProblems(403, 404, 409, 412)
  opinion(
    @Param('id') id: string,
    @Body() body: CommitteeOpinionDto,
    @IfMatchVersion() version: number | undefined,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, sheetCommand(id, { type: 'RecordCommitteeOpinion', opinion: body.opinion, rating: body.rating ?? null }, meta, version));
  }

  /** 市の対応 to the committee's opinion (企画課). */
  @Put(':id/city-response')
  @Roles('planning')
  @ApiOperation({ summary: "Record the city's response (市の対応) to the committee's opinion" })
  @IF_MATCH(false)
  @WRITTEN
  @ApiProblems(403, 404, 409, 412)
  cityResponse(
    @Param('id') id: string,
    @Body() body: CityResponseDto,
    @IfMatchVersion() version: number | undefined,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, sheetCommand(id, { type: 'RecordCityResponse', response: body.response }, meta, version));
  }

  /** Correct a published sheet with a reason; the next publication is a new edition. */
  @Post(':id/corrections')
  @Roles('planning')
  @HttpCode(200)
  @ApiOperation({ summary: 'Correct a published sheet with a reason (訂正); the next publication is a new edition' })
  @IF_MATCH(false)
  @WRITTEN
  @ApiProblems(403, 404, 409, 412)
  correct(
    @Param('id') id: string,
    @Body() body: CorrectPublishedSheetDto,
    @IfMatchVersion() version: number | undefined,
    @Meta() meta: CommandMeta,
    @Res({ passthrough: true }) res: Response,
  ) {
    return this.run(res, sheetCommand(id, { type: 'CorrectPublishedSheet', changes: toContentPatch(body.changes), reason: body.reason }, meta, version));
  }

  @Get(':id/history')
  @Roles('auditor', 'planning')
  @ApiOperation({ summary: "A sheet's every event: who, when (business and recorded time) and what changed" })
  @ApiOkResponse({ type: SheetHistoryDto, headers: INTEGRITY_HEADER })
  @ApiProblems(404)
  async history(@Param('id') id: string, @Query() _query: MinPositionQueryDto, @Res({ passthrough: true }) res: Response) {
    const [events, integrity] = await Promise.all([this.audit.history(sheetStreamId(id)), this.aggregates.integrity(sheetStreamId(id))]);
    if (events.length === 0) throw new DomainError('sheet.not_found', 'not_found', `No sheet ${id}`, { sheetId: id });
    flagIntegrity(res, integrity);
    return { sheetId: id, version: events[events.length - 1]!.revision, integrity, events, publications: await this.audit.publicationsOf(id) };
  }

  /** What changed between two versions of a sheet, field by field. */
  @Get(':id/diff')
  @Roles('auditor', 'planning')
  @ApiOperation({ summary: 'What changed between two versions of a sheet (?from=&to=), field by field' })
  @ApiOkResponse({ type: SheetDiffDto, headers: INTEGRITY_HEADER })
  @ApiProblems(404)
  async diff(@Param('id') id: string, @Query() query: DiffQueryDto, @Res({ passthrough: true }) res: Response) {
    const [from, to] = await Promise.all(
      [query.from, query.to].map((version) => this.aggregates.load(SheetAggregate, sheetStreamId(id), { toRevision: version })),
    );
    if (!from!.state.exists || from!.version !== query.from || to!.version !== query.to) {
      throw new DomainError('sheet.version_not_found', 'not_found', `Sheet ${id} has no version ${from!.version !== query.from ? query.from : query.to}`, {
        sheetId: id,
        ...query,
      });
    }
    flagIntegrity(res, to!.integrity);
    return { sheetId: id, from: query.from, to: query.to, integrity: to!.integrity, changes: describeChanges(from!.state, to!.state) };
  }

  private async run(res: Response, command: DecideCommand) {
    const result = await this.commands.execute(command);
    if (result.version !== null) res.setHeader('ETag', `"${result.version}"`);
    return {
      id: (parseStreamId(result.streamId) as { sheetId: string }).sheetId,
      version: result.version,
      position: result.position,
      events: result.events,
      duplicate: result.duplicate,
    };
  }
}
