import { ApiProperty, ApiPropertyOptional, ApiSchema, type ApiPropertyOptions } from '@nestjs/swagger';
import { ROLES, type IssuedToken, type TokenInfo, type TokenRole } from '@kensho/auth';
import type { AuditRow, FieldChange, IntegrityReport } from '@kensho/audit';
import { INTEGER_RANGES } from '@kensho/platform';
import {
  CATEGORIES,
  DIRECTIONS,
  EFFECTIVENESS,
  KPI_STATUSES,
  POLICY_AREAS,
  SHEET_STATUSES,
  STRATEGY_REVISIONS,
  type CycleSummary,
  type CycleView,
  type SheetView,
} from '@kensho/review';

// What the controllers answer, as the OpenAPI document describes it. Classes that mirror a lib type
// `implements` it, so a field added there and not here fails to compile.

const int = (range: { min: number; max: number }, extra: Record<string, unknown> = {}) => ({
  type: 'integer' as const,
  minimum: range.min,
  maximum: range.max,
  ...extra,
});
const POSITION = int(INTEGER_RANGES.position, { description: 'Position of the write in the global log: pass it as minPosition to read your own write' });
const VERSION = int(INTEGER_RANGES.version, { description: 'Stream revision after the write (the ETag)' });
const FISCAL_YEAR = int(INTEGER_RANGES.fiscalYear, { description: 'Western fiscal year (2016 = 平成28年度)' });
const AMOUNT = { type: 'integer' as const, minimum: 0, maximum: 1_000_000_000_000, nullable: true, description: '千円; null = empty cell (empty ≠ 0)' };
const DATE_TIME = { type: 'string' as const, format: 'date-time' };
const ANY_OBJECT = { type: 'object' as const, additionalProperties: true };

@ApiSchema({ name: 'SheetCommandResult' })
export class SheetCommandResultDto {
  @ApiProperty({ example: '2017.1-12.sangyoshinko' }) id!: string;
  @ApiProperty({ ...VERSION, nullable: true }) version!: number | null;
  @ApiProperty(POSITION) position!: number;
  @ApiProperty({ type: [String], example: ['SheetContentRevised'], description: 'Types of the events appended (none when nothing changed)' }) events!: string[];
  @ApiProperty({ description: 'True when this command had already been applied (a retry): nothing was appended' }) duplicate!: boolean;
}

@ApiSchema({ name: 'OpenCycleResult' })
export class OpenCycleResultDto {
  @ApiProperty(FISCAL_YEAR) fiscalYear!: number;
  @ApiProperty({ ...VERSION, nullable: true }) version!: number | null;
  @ApiProperty(POSITION) position!: number;
}

@ApiSchema({ name: 'AssignSheetResult' })
export class AssignSheetResultDto {
  @ApiProperty({ example: '2017.1-12.sangyoshinko', description: 'Derived: fiscal year, project code, department slug' }) id!: string;
  @ApiProperty({ ...VERSION, nullable: true }) version!: number | null;
  @ApiProperty(POSITION) position!: number;
  @ApiProperty({ type: 'string', nullable: true, description: 'The sheet whose static data was carried forward', example: '2016.1-12.sangyoshinko' })
  carriedFrom!: string | null;
}

@ApiSchema({ name: 'NumericalGoalsResult' })
export class NumericalGoalsResultDto {
  @ApiProperty(FISCAL_YEAR) fiscalYear!: number;
  @ApiProperty({ ...VERSION, nullable: true }) version!: number | null;
  @ApiProperty({ ...POSITION, nullable: true, description: 'Null when nothing changed (no event recorded)' }) position!: number | null;
  @ApiProperty({ type: [String] }) events!: string[];
}

@ApiSchema({ name: 'PublishCycleResult' })
export class PublishCycleResultDto {
  @ApiProperty(FISCAL_YEAR) fiscalYear!: number;
  @ApiProperty(int(INTEGER_RANGES.edition, { description: '第N版' })) edition!: number;
  @ApiProperty({ ...VERSION, nullable: true }) version!: number | null;
  @ApiProperty(POSITION) position!: number;
}

@ApiSchema({ name: 'KpiValue' })
class KpiValueDto {
  @ApiProperty({ description: 'As printed, kept verbatim', example: '22件' }) text!: string;
  @ApiPropertyOptional({ type: 'number', description: 'A reading of the text (numeric values only)' }) number?: number;
  @ApiPropertyOptional({ example: '件' }) unit?: string;
  @ApiPropertyOptional({ description: '約…, …程度' }) approximate?: boolean;
  @ApiProperty({ enum: KPI_STATUSES }) status!: string;
}

const NULLABLE_PERIOD = { type: 'object', nullable: true, properties: { from: int(INTEGER_RANGES.fiscalYear), to: int(INTEGER_RANGES.fiscalYear) } } as const;

@ApiSchema({ name: 'RichTextBlock' })
class RichTextBlockDto {
  @ApiProperty({ enum: ['paragraph', 'list'] }) kind!: string;
  @ApiPropertyOptional({ description: 'kind = paragraph' }) text?: string;
  @ApiPropertyOptional({ type: [String], description: 'kind = list' }) items?: string[];
}

const RICH_TEXT = { type: [RichTextBlockDto] as [Function], nullable: true, description: 'Paragraphs and bullet lists; null = empty' } as const;

@ApiSchema({ name: 'Funding' })
class FundingViewDto {
  @ApiProperty(AMOUNT) nationalPrefectural!: number | null;
  @ApiProperty(AMOUNT) municipalBonds!: number | null;
  @ApiProperty(AMOUNT) other!: number | null;
  @ApiProperty(AMOUNT) generalFund!: number | null;
}

@ApiSchema({ name: 'Finance' })
class FinanceViewDto {
  @ApiProperty(AMOUNT) budget!: number | null;
  @ApiProperty(AMOUNT) settlement!: number | null;
  @ApiProperty({ type: FundingViewDto }) funding!: FundingViewDto;
}

@ApiSchema({ name: 'StrategyKpi' })
class StrategyKpiViewDto {
  @ApiPropertyOptional() kpiId?: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: KpiValueDto }) target!: KpiValueDto;
  @ApiProperty(NULLABLE_PERIOD) targetPeriod!: { from: number; to: number } | null;
  @ApiProperty({ type: KpiValueDto }) actual!: KpiValueDto;
  @ApiProperty(NULLABLE_PERIOD) actualPeriod!: { from: number; to: number } | null;
  @ApiPropertyOptional() lowerIsBetter?: boolean;
  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'The "( /n)" an imported source printed; never used as data' }) printedShare?:
    | number
    | null;
}

@ApiSchema({ name: 'PlanKpi' })
class PlanKpiViewDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: KpiValueDto }) targetThisYear!: KpiValueDto;
  @ApiProperty({ type: KpiValueDto }) targetLaterYear!: KpiValueDto;
  @ApiProperty({ ...int(INTEGER_RANGES.fiscalYear), nullable: true }) laterFiscalYear!: number | null;
  @ApiProperty({ type: KpiValueDto }) actualThisYear!: KpiValueDto;
  @ApiPropertyOptional() lowerIsBetter?: boolean;
}

@ApiSchema({ name: 'DepartmentEvaluation' })
class EvaluationViewDto {
  @ApiProperty({ enum: EFFECTIVENESS, nullable: true }) effectiveness!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) effectivenessReason!: string | null;
  @ApiProperty({ enum: DIRECTIONS, nullable: true }) direction!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) directionReason!: string | null;
  @ApiProperty({ enum: STRATEGY_REVISIONS, nullable: true }) strategyRevision!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) strategyRevisionReason!: string | null;
  @ApiPropertyOptional({ ...ANY_OBJECT, description: 'Per choice: stated, inferred (read from the reason) or unknown' }) provenance?: Record<string, string>;
}

@ApiSchema({ name: 'Sheet' })
export class SheetViewDto implements Record<keyof SheetView, unknown> {
  @ApiProperty({ example: '2016.1-12.sangyoshinko' }) id!: string;
  @ApiProperty(FISCAL_YEAR) fiscalYear!: number;
  @ApiProperty({ example: '2016年度（平成28年度）' }) fiscalYearLabel!: string;
  @ApiProperty({ example: '1-12' }) projectCode!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty({ description: '所管課' }) department!: string;
  @ApiProperty({ type: 'array', items: { type: 'string', enum: [...POLICY_AREAS] } }) policyAreas!: string[];
  @ApiProperty({ enum: SHEET_STATUSES }) status!: string;
  @ApiProperty(int(INTEGER_RANGES.version, { description: 'Stream revision; the ETag' })) version!: number;
  @ApiProperty({ enum: CATEGORIES, nullable: true, description: '区分' }) category!: string | null;
  @ApiProperty({
    type: 'object',
    properties: { city: { type: 'boolean', nullable: true }, other: { type: 'string', nullable: true } },
    description: '事業主体',
  })
  implementingBody!: unknown;
  @ApiProperty({ ...RICH_TEXT, description: '事業概要' }) summary!: unknown;
  @ApiProperty({ type: FinanceViewDto }) finance!: FinanceViewDto;
  @ApiProperty({ ...RICH_TEXT, description: '実施内容' }) implementation!: unknown;
  @ApiProperty({ ...RICH_TEXT, description: '事業効果' }) effect!: unknown;
  @ApiProperty({ type: [StrategyKpiViewDto] }) strategyKpis!: StrategyKpiViewDto[];
  @ApiProperty({ type: [PlanKpiViewDto] }) planKpis!: PlanKpiViewDto[];
  @ApiProperty({ type: EvaluationViewDto }) evaluation!: EvaluationViewDto;
  @ApiProperty({
    type: 'object',
    nullable: true,
    required: ['opinion', 'rating', 'recordedAt'],
    properties: { opinion: { type: 'string' }, rating: { type: 'string', nullable: true }, recordedAt: DATE_TIME },
  })
  committeeOpinion!: unknown;
  @ApiProperty({ type: 'object', nullable: true, required: ['response', 'recordedAt'], properties: { response: { type: 'string' }, recordedAt: DATE_TIME } })
  cityResponse!: unknown;
  @ApiProperty({ type: 'string', nullable: true }) lastReturnComment!: string | null;
  @ApiProperty({ type: [String], description: 'Gaps of the latest submission the department acknowledged' }) warnings!: string[];
  @ApiProperty({ type: 'array', items: int(INTEGER_RANGES.edition) }) publishedEditions!: number[];
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      required: ['reason', 'at', 'fields'],
      properties: { reason: { type: 'string' }, at: DATE_TIME, fields: { type: 'array', items: { type: 'string' } } },
    },
  })
  corrections!: unknown[];
  @ApiProperty({ type: 'string', nullable: true }) carriedFrom!: string | null;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(['assignedAt', 'submittedAt', 'returnedAt', 'approvedAt', 'publishedAt'].map((k) => [k, { ...DATE_TIME, nullable: true }])),
  })
  timeline!: unknown;
}

const COUNTS = { type: 'object' as const, additionalProperties: { type: 'integer' as const, minimum: 0 } };

@ApiSchema({ name: 'Cycle' })
export class CycleViewDto implements Record<keyof CycleView, unknown> {
  @ApiProperty(FISCAL_YEAR) fiscalYear!: number;
  @ApiProperty({ example: '2016年度（平成28年度）' }) fiscalYearLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['open', 'published'] }) status!: string;
  @ApiProperty(int(INTEGER_RANGES.version)) version!: number;
  @ApiProperty({
    type: 'object',
    properties: Object.fromEntries(
      ['departmentSubmission', 'planningReview', 'committee', 'publication'].map((k) => [k, { type: 'string', format: 'date', nullable: true }]),
    ),
  })
  deadlines!: unknown;
  @ApiProperty({ type: 'integer', minimum: 0 }) sheetCount!: number;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      required: ['edition', 'publishedAt', 'sheetCount'],
      properties: { edition: int(INTEGER_RANGES.edition), publishedAt: DATE_TIME, sheetCount: { type: 'integer', minimum: 0 } },
    },
  })
  editions!: unknown[];
  @ApiProperty({
    type: 'object',
    nullable: true,
    description: 'Sheets per status and per department and status; null for a cycle read at a version',
    properties: { byStatus: COUNTS, byDepartment: { type: 'object', additionalProperties: COUNTS } },
  })
  progress!: unknown;
}

const DEADLINES = {
  type: 'object' as const,
  description: 'ISO dates (YYYY-MM-DD); null when not set',
  properties: Object.fromEntries(
    ['departmentSubmission', 'planningReview', 'committee', 'publication'].map((k) => [k, { type: 'string', format: 'date', nullable: true }]),
  ),
};

@ApiSchema({ name: 'CycleSummary' })
export class CycleSummaryDto implements Record<keyof CycleSummary, unknown> {
  @ApiProperty(FISCAL_YEAR) fiscalYear!: number;
  @ApiProperty({ example: '2016年度（平成28年度）' }) fiscalYearLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['open', 'published'] }) status!: string;
  @ApiProperty(int(INTEGER_RANGES.version)) version!: number;
  @ApiProperty(DEADLINES as ApiPropertyOptions) deadlines!: unknown;
  @ApiProperty({ type: 'integer', minimum: 0 }) sheetCount!: number;
  @ApiProperty({ ...COUNTS, description: 'Sheets per status' }) byStatus!: Record<string, number>;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Editions published so far' }) editionCount!: number;
  @ApiProperty({ ...DATE_TIME, nullable: true }) latestPublishedAt!: string | null;
}

@ApiSchema({ name: 'QualityReport' })
export class QualityReportDto {
  @ApiProperty(FISCAL_YEAR) fiscalYear!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) sheetCount!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) findingCount!: number;
  @ApiProperty(COUNTS) countsByKind!: Record<string, number>;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      required: ['sheetId', 'projectCode', 'projectName', 'department', 'findings'],
      properties: {
        sheetId: { type: 'string' },
        projectCode: { type: 'string' },
        projectName: { type: 'string' },
        department: { type: 'string' },
        findings: {
          type: 'array',
          items: {
            type: 'object',
            required: ['kind', 'field', 'message'],
            properties: { kind: { type: 'string' }, field: { type: 'string' }, message: { type: 'string' }, values: ANY_OBJECT },
          },
        },
      },
    },
  })
  sheets!: unknown[];
}

@ApiSchema({ name: 'FieldChange' })
class FieldChangeDto implements FieldChange {
  @ApiProperty({ example: 'finance.budget' }) field!: string;
  @ApiProperty({ description: 'As a person reads it ("—" when empty)' }) before!: string;
  @ApiProperty() after!: string;
}

@ApiSchema({ name: 'AuditEvent' })
export class AuditRowDto implements AuditRow {
  @ApiProperty(int(INTEGER_RANGES.cursor)) seq!: number;
  @ApiProperty(int(INTEGER_RANGES.position)) position!: number;
  @ApiProperty({ example: 'sheet-2016.1-12.sangyoshinko' }) streamId!: string;
  @ApiProperty(int(INTEGER_RANGES.version)) revision!: number;
  @ApiProperty({ example: 'SheetSubmitted' }) type!: string;
  @ApiProperty({ ...int(INTEGER_RANGES.fiscalYear), nullable: true }) fiscalYear!: number | null;
  @ApiProperty({ description: 'Who acted: the token id (seeded history: the importer)' }) actorId!: string;
  @ApiProperty({ type: 'string', nullable: true, description: "The token holder's display name; never an identity" }) actorName!: string | null;
  @ApiProperty() role!: string;
  @ApiProperty({ type: 'string', nullable: true }) department!: string | null;
  @ApiProperty() commandId!: string;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty(DATE_TIME) occurredAt!: string;
  @ApiProperty(DATE_TIME) recordedAt!: string;
  @ApiProperty({ description: 'Replayed from an imported source (seed), not typed in Kensho' }) imported!: boolean;
  @ApiProperty({ type: [FieldChangeDto] }) changes!: FieldChangeDto[];
}

@ApiSchema({ name: 'AuditPage' })
export class AuditPageDto {
  @ApiProperty({ type: [AuditRowDto] }) items!: AuditRowDto[];
  @ApiProperty({ ...int(INTEGER_RANGES.cursor), nullable: true, description: 'Pass as cursor for the next page; null on the last page' }) nextCursor!:
    | number
    | null;
}

/** The whole stream verified against its hash chain on a read. */
export const INTEGRITY = {
  type: 'object' as const,
  required: ['status'],
  description: 'The stream verified against its hash chain on this read: broken names the first broken revision',
  properties: {
    status: { type: 'string' as const, enum: ['intact', 'broken'] },
    revision: { type: 'integer' as const, minimum: 0 },
    problem: { type: 'string' as const },
  },
};

@ApiSchema({ name: 'VerifiedSheet' })
export class VerifiedSheetViewDto extends SheetViewDto {
  @ApiProperty(INTEGRITY) integrity!: unknown;
}

@ApiSchema({ name: 'SheetPublication' })
export class SheetPublicationDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) edition!: number;
  @ApiProperty(DATE_TIME) publishedAt!: string;
  @ApiProperty({ ...int(INTEGER_RANGES.version), description: 'The sheet version the edition pins' }) version!: number;
  @ApiProperty() headHash!: string;
}

@ApiSchema({ name: 'SheetHistory' })
export class SheetHistoryDto {
  @ApiProperty() sheetId!: string;
  @ApiProperty(int(INTEGER_RANGES.version)) version!: number;
  @ApiProperty(INTEGRITY) integrity!: unknown;
  @ApiProperty({ type: [AuditRowDto] }) events!: AuditRowDto[];
  @ApiProperty({ type: [SheetPublicationDto], description: 'The editions that pin this sheet (publication is recorded on the cycle)' })
  publications!: SheetPublicationDto[];
}

@ApiSchema({ name: 'SheetDiff' })
export class SheetDiffDto {
  @ApiProperty() sheetId!: string;
  @ApiProperty(int(INTEGER_RANGES.version)) from!: number;
  @ApiProperty(int(INTEGER_RANGES.version)) to!: number;
  @ApiProperty(INTEGRITY) integrity!: unknown;
  @ApiProperty({ type: [FieldChangeDto] }) changes!: FieldChangeDto[];
}

@ApiSchema({ name: 'IntegrityFinding' })
export class IntegrityFindingDto {
  @ApiProperty({ type: 'integer', minimum: 1 }) id!: number;
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) revision!: number;
  @ApiProperty({ example: 'hash_mismatch' }) problem!: string;
  @ApiProperty(DATE_TIME) detectedAt!: string;
  @ApiProperty({ example: 'read', description: 'What found it: a read, a command or a verification' }) detectedBy!: string;
  @ApiProperty({ ...DATE_TIME, nullable: true, description: 'When a verification found the stream intact again' }) resolvedAt!: string | null;
}

@ApiSchema({ name: 'Department' })
export class DepartmentDto {
  @ApiProperty({ example: '産業振興課', description: '所管課名' }) name!: string;
  @ApiProperty({ example: 'sangyoshinko', pattern: '^[a-z][a-z0-9]{1,30}$', description: 'The stable ASCII part of sheet ids' }) slug!: string;
}

@ApiSchema({ name: 'DepartmentList' })
export class DepartmentListDto {
  @ApiProperty({ ...int(INTEGER_RANGES.version), nullable: true, description: 'The master stream version; null before any registration' }) version!:
    | number
    | null;
  @ApiProperty({ type: [DepartmentDto] }) departments!: DepartmentDto[];
}

@ApiSchema({ name: 'DepartmentRegistered' })
export class DepartmentRegisteredDto {
  @ApiProperty() name!: string;
  @ApiProperty() slug!: string;
  @ApiProperty({ ...int(INTEGER_RANGES.version), nullable: true }) version!: number | null;
  @ApiProperty({ ...int(INTEGER_RANGES.position), nullable: true, description: 'Null when nothing was recorded (already registered)' }) position!:
    | number
    | null;
  @ApiProperty({ type: [String] }) events!: string[];
}

@ApiSchema({ name: 'IntegrityReport' })
export class IntegrityReportDto implements Record<keyof IntegrityReport, unknown> {
  @ApiProperty() ok!: boolean;
  @ApiProperty({ type: 'integer', minimum: 0 }) eventsChecked!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) streamsChecked!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) pinsChecked!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) documentsChecked!: number;
  @ApiProperty({
    type: 'array',
    description: 'The first broken link of each broken stream, in log order',
    items: {
      type: 'object',
      required: ['streamId', 'revision', 'problem'],
      properties: { streamId: { type: 'string' }, revision: { type: 'integer' }, problem: { type: 'string' } },
    },
  })
  breaks!: unknown[];
  @ApiProperty({ type: 'integer', minimum: 0, required: false, description: 'Open findings this verification found intact again and resolved' })
  findingsResolved?: number;
}

@ApiSchema({ name: 'IssuedToken' })
export class IssuedTokenDto implements IssuedToken {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: TokenRole;
  @ApiProperty({ type: 'string', nullable: true }) department!: string | null;
  @ApiProperty({ description: 'The secret, shown once (only its hash is stored)' }) token!: string;
}

@ApiSchema({ name: 'TokenInfo' })
export class TokenInfoDto implements TokenInfo {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: TokenRole;
  @ApiProperty({ type: 'string', nullable: true }) department!: string | null;
  @ApiProperty(DATE_TIME) createdAt!: string;
  @ApiProperty({ ...DATE_TIME, nullable: true }) revokedAt!: string | null;
}

const CHECK = {
  type: 'object' as const,
  required: ['status', 'latencyMs'],
  properties: {
    status: { type: 'string' as const, enum: ['ok', 'down'] },
    latencyMs: { type: 'integer' as const, minimum: 0 },
    error: { type: 'string' as const },
  },
};

@ApiSchema({ name: 'Health' })
export class HealthDto {
  @ApiProperty({ enum: ['ok'] }) status!: string;
  @ApiProperty(CHECK) database!: unknown;
  @ApiProperty(CHECK) eventStore!: unknown;
}

/** The header of every view (ViewHeader in @kensho/views). */
class ViewHeaderDto {
  @ApiProperty(FISCAL_YEAR) fiscalYear!: number;
  @ApiProperty({ example: '2016年度（平成28年度）' }) fiscalYearLabel!: string;
  @ApiProperty({
    type: 'object',
    description: 'The filter as applied (a department token fills in its own department)',
    properties: { department: { type: 'string' }, policyArea: { type: 'string' }, status: { type: 'string' } },
  })
  filter!: unknown;
}

const ROWS = (description: string) => ({ type: 'array' as const, items: ANY_OBJECT, description });

@ApiSchema({ name: 'ProgressView' })
export class ProgressViewDto extends ViewHeaderDto {
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['open', 'published'] }) cycleStatus!: string;
  @ApiProperty({ type: 'string', format: 'date', description: 'The day deadlines are judged against (Japan time)' }) today!: string;
  @ApiProperty(ANY_OBJECT) deadlines!: unknown;
  @ApiProperty({ type: 'integer', minimum: 0 }) sheetCount!: number;
  @ApiProperty(COUNTS) byStatus!: unknown;
  @ApiProperty(ROWS('Per department: counts per status, notSubmitted, pastDeadline')) byDepartment!: unknown[];
  @ApiProperty(ROWS('Sheets past a deadline: stage, deadline, completedAt, daysPast')) pastDeadline!: unknown[];
  @ApiProperty(ROWS('Departments with sheets not yet submitted, and those sheets')) departmentsNotSubmitted!: unknown[];
}

@ApiSchema({ name: 'KpisView' })
export class KpisViewDto extends ViewHeaderDto {
  @ApiProperty({ type: 'object', properties: { onTrack: { type: 'number' }, roughly: { type: 'number' } }, description: 'Rating thresholds (ratios)' })
  thresholds!: unknown;
  @ApiProperty(ROWS('数値目標 with judgement {rate, proRatedExpectation, proRatedRate, basis, rating, pastTarget, approximate, reason}'))
  numericalGoals!: unknown[];
  @ApiProperty(ROWS('Strategy KPIs with the projects feeding each (projects[], projectCount) and judgement')) strategyKpis!: unknown[];
  @ApiProperty(ROWS('Plan KPIs with judgement')) planKpis!: unknown[];
  @ApiProperty({ ...ANY_OBJECT, description: 'Rating counts per kind of KPI' }) summary!: unknown;
}

@ApiSchema({ name: 'BudgetView' })
export class BudgetViewDto extends ViewHeaderDto {
  @ApiProperty({ enum: ['千円'] }) unit!: string;
  @ApiProperty({ ...ANY_OBJECT, description: 'budget, settlement, executionRate (ratio), funding, fundingTotal, …' }) total!: unknown;
  @ApiProperty(ROWS('Figures per department')) byDepartment!: unknown[];
  @ApiProperty(ROWS('Figures per policy area (a sheet in two areas counts in both)')) byPolicyArea!: unknown[];
  @ApiProperty(ROWS('Per sheet: budget, settlement, executionRate, funding, missingBudget, missingSettlement, overBudget')) sheets!: unknown[];
}

@ApiSchema({ name: 'EvaluationsView' })
export class EvaluationsViewDto extends ViewHeaderDto {
  @ApiProperty(ROWS('Per policy area: option counts of effectiveness, direction, strategyRevision (unknown = no value) and inferred')) byPolicyArea!: unknown[];
  @ApiProperty({ ...ANY_OBJECT, description: 'The same counts for every sheet' }) total!: unknown;
}

@ApiSchema({ name: 'YearOverYearView' })
export class YearOverYearViewDto extends ViewHeaderDto {
  @ApiProperty({ example: '1-12' }) projectCode!: string;
  @ApiProperty() projectName!: string;
  @ApiProperty(ROWS('One column per fiscal year (and department, for a split project): finance, changes against the year before, choices, KPIs'))
  years!: unknown[];
}
