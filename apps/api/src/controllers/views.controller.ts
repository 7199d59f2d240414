import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { KENSHO_CONFIG } from '@kensho/core';
import { INTEGER_RANGES, type KenshoConfig } from '@kensho/platform';
import { assertProjectCode, POLICY_AREAS, QueryInteger, SHEET_STATUSES, type Actor } from '@kensho/review';
import { budgetCsv, evaluationsCsv, kpisCsv, progressCsv, ViewQueries, yearOverYearCsv, type ViewFilter } from '@kensho/views';
import { CurrentActor } from '../http/auth.js';
import { FiscalYearParam } from '../http/int-params.js';
import { ApiProblems } from '../http/openapi.js';
import { BudgetViewDto, EvaluationsViewDto, KpisViewDto, ProgressViewDto, YearOverYearViewDto } from '../http/responses.js';

class ViewQueryDto {
  @ApiPropertyOptional({ description: '所管課 (name or slug); a department token sees its own only', example: '産業振興課' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  department?: string;

  @ApiPropertyOptional({ enum: POLICY_AREAS, description: '施策区分' }) @IsOptional() @IsIn(POLICY_AREAS as string[]) policyArea?: string;
  @ApiPropertyOptional({ enum: SHEET_STATUSES, description: 'Sheet status' }) @IsOptional() @IsIn(SHEET_STATUSES as string[]) status?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv'], description: 'Same as Accept: text/csv (handy for a download link)' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @IsOptional()
  @QueryInteger(INTEGER_RANGES.position)
  minPosition?: number;
}

class ProgressQueryDto extends ViewQueryDto {
  @ApiPropertyOptional({ description: 'Judge deadlines as of this date (Japan time); default: today by the service clock', example: '2017-07-01' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'today must be a date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  today?: string;
}

const CSV_NOTE = 'With `Accept: text/csv` (or `format=csv`): UTF-8 CSV with a BOM, one header row in Japanese with units, every cell quoted.';
const json = (schema: string, description: string) => ({
  description: `${description} ${CSV_NOTE}`,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } }, 'text/csv': { schema: { type: 'string' } } },
});

/**
 * The views the planning division (企画課) and the committee work from, read from projections.
 * Any signed-in role may read them; a department's token is held to its own department.
 */
@ApiTags('views')
@ApiBearerAuth()
@ApiExtraModels(ProgressViewDto, KpisViewDto, BudgetViewDto, EvaluationsViewDto, YearOverYearViewDto)
@ApiProblems(403, 404)
@Controller('api/v1/cycles')
export class ViewsController {
  constructor(
    private readonly views: ViewQueries,
    @Inject(KENSHO_CONFIG) private readonly config: KenshoConfig,
  ) {}

  @Get(':fy/progress')
  @ApiOperation({ summary: 'Cycle progress: sheets per department and status, sheets past a deadline, departments yet to submit' })
  @ApiOkResponse(
    json(
      'ProgressView',
      'byStatus, byDepartment[] (per status, notSubmitted, pastDeadline), pastDeadline[] (stage, deadline, completedAt, daysPast), departmentsNotSubmitted[].',
    ),
  )
  async progress(
    @FiscalYearParam() fy: number,
    @Query() query: ProgressQueryDto,
    @CurrentActor() viewer: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.views.progress(fy, filterOf(query), viewer, query.today);
    return reply(req, res, query, view, progressCsv, `kensho-fy${fy}-progress.csv`);
  }

  @Get(':fy/kpis')
  @ApiOperation({ summary: 'KPI progress: numerical goals, strategy KPIs (with the projects feeding each) and plan KPIs, rated' })
  @ApiOkResponse(
    json(
      'KpisView',
      'numericalGoals[], strategyKpis[] (projects[], projectCount), planKpis[]; each with judgement {rate, proRatedExpectation, proRatedRate, basis, rating, pastTarget, approximate, reason}. Rates are ratios (1 = target met); thresholds from KPI_RATING_ON_TRACK / KPI_RATING_ROUGHLY. Numerical goals are filtered by policy area only.',
    ),
  )
  async kpis(
    @FiscalYearParam() fy: number,
    @Query() query: ViewQueryDto,
    @CurrentActor() viewer: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.views.kpis(fy, filterOf(query), viewer, this.config.kpiRating);
    return reply(req, res, query, view, kpisCsv, `kensho-fy${fy}-kpis.csv`);
  }

  @Get(':fy/budget')
  @ApiOperation({ summary: 'Budget execution (千円): per sheet, department, policy area and for the fiscal year' })
  @ApiOkResponse(
    json(
      'BudgetView',
      'total, byDepartment[], byPolicyArea[], sheets[]: budget, settlement, executionRate (ratio), funding, fundingTotal, missingBudget, missingSettlement, overBudget. Empty cells are left out of totals, not counted as 0.',
    ),
  )
  async budget(
    @FiscalYearParam() fy: number,
    @Query() query: ViewQueryDto,
    @CurrentActor() viewer: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.views.budget(fy, filterOf(query), viewer);
    return reply(req, res, query, view, budgetCsv, `kensho-fy${fy}-budget.csv`);
  }

  @Get(':fy/evaluations')
  @ApiOperation({ summary: 'Evaluation summary: per policy area, how many sheets chose each option of the three department choices' })
  @ApiOkResponse(
    json(
      'EvaluationsView',
      'byPolicyArea[] and total: effectiveness, direction, strategyRevision option counts (unknown = no value), inferred (read from the written reason).',
    ),
  )
  async evaluations(
    @FiscalYearParam() fy: number,
    @Query() query: ViewQueryDto,
    @CurrentActor() viewer: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const view = await this.views.evaluations(fy, filterOf(query), viewer);
    return reply(req, res, query, view, evaluationsCsv, `kensho-fy${fy}-evaluations.csv`);
  }

  @Get(':fy/projects/:projectCode/year-over-year')
  @ApiOperation({ summary: "One project's sheets of every fiscal year up to :fy, side by side" })
  @ApiOkResponse(
    json(
      'YearOverYearView',
      'years[]: one column per fiscal year (and department, for a split project) with finance, changes against the year before, choices and KPIs.',
    ),
  )
  async yearOverYear(
    @FiscalYearParam() fy: number,
    @Param('projectCode') projectCode: string,
    @Query() query: ViewQueryDto,
    @CurrentActor() viewer: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    assertProjectCode(projectCode);
    const view = await this.views.yearOverYear(fy, projectCode, filterOf(query), viewer, this.config.kpiRating);
    return reply(req, res, query, view, yearOverYearCsv, `kensho-fy${fy}-${projectCode}-year-over-year.csv`);
  }
}

const filterOf = ({ department, policyArea, status }: ViewQueryDto): ViewFilter => ({ department, policyArea, status });

/** JSON unless the client asks for CSV: `format=csv`, or an Accept header that prefers text/csv. */
function reply<T>(req: Request, res: Response, query: ViewQueryDto, view: T, csv: (view: T) => string, filename: string): T | string {
  res.setHeader('Vary', 'Accept');
  const wantsCsv = query.format === 'csv' || (query.format === undefined && req.accepts(['application/json', 'text/csv']) === 'text/csv');
  if (!wantsCsv) return view;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return csv(view);
}
