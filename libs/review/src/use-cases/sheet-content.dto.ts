import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  ArrayMaxSize,
  Max,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { CATEGORIES, LIMITS, parseKpiValue, toRichText, type RichText, type SheetContentPatch } from '../domain/index.js';

const MAX_TEXT = 20_000;

/** Rich text arrives as plain text (blank lines = paragraphs, 「・」 lines = list) or as blocks. */
function IsRichText(options?: ValidationOptions) {
  return (target: object, property: string) =>
    registerDecorator({
      name: 'isRichText',
      target: target.constructor,
      propertyName: property,
      options: { message: `${property} must be text or an array of {kind:'paragraph',text} / {kind:'list',items} blocks`, ...options },
      validator: {
        validate(value: unknown) {
          if (value === null) return true;
          if (typeof value === 'string') return value.length <= MAX_TEXT;
          if (!Array.isArray(value) || value.length > LIMITS.richTextBlocks) return false;
          return value.every(
            (block) =>
              block &&
              typeof block === 'object' &&
              ((block.kind === 'paragraph' && typeof block.text === 'string' && Object.keys(block).length === 2) ||
                (block.kind === 'list' &&
                  Array.isArray(block.items) &&
                  block.items.every((item: unknown) => typeof item === 'string') &&
                  Object.keys(block).length === 2)),
          );
        },
      },
    });
}

const AMOUNT_MAX = 1_000_000_000_000;
/** Text, or the blocks it reads as: documented as the two shapes it accepts. */
const RICH_TEXT_SCHEMA = {
  oneOf: [
    { type: 'string', nullable: true, maxLength: MAX_TEXT, description: 'Plain text: blank lines make paragraphs, lines starting 「・」 a list' },
    {
      type: 'array',
      maxItems: LIMITS.richTextBlocks,
      items: {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string', enum: ['paragraph', 'list'] }, text: { type: 'string' }, items: { type: 'array', items: { type: 'string' } } },
      },
    },
  ],
};
const PERIOD_YEAR = { type: 'integer', minimum: 1989, maximum: 2200 } as const;

/** Amounts in thousand yen (千円): a non-negative integer, or null for an empty cell (empty ≠ zero). */
const Amount = () => (target: object, property: string) => {
  ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: AMOUNT_MAX, nullable: true })(target, property);
  ValidateIf((o) => o[property] !== null)(target, property);
  IsInt({ message: `${property} must be an integer amount in thousand yen (千円), or null when empty` })(target, property);
  Min(0, { message: `${property} must not be negative` })(target, property);
  Max(AMOUNT_MAX)(target, property);
};

export class FundingDto {
  @ApiPropertyOptional({ description: '国・道 (千円)' }) @IsOptional() @Amount() nationalPrefectural?: number | null;
  @ApiPropertyOptional({ description: '地方債 (千円)' }) @IsOptional() @Amount() municipalBonds?: number | null;
  @ApiPropertyOptional({ description: 'その他 (千円)' }) @IsOptional() @Amount() other?: number | null;
  @ApiPropertyOptional({ description: '一般財源 (千円)' }) @IsOptional() @Amount() generalFund?: number | null;
}

export class FinanceDto {
  @ApiPropertyOptional({ description: '予算 (千円)' }) @IsOptional() @Amount() budget?: number | null;
  @ApiPropertyOptional({ description: '決算 (千円)' }) @IsOptional() @Amount() settlement?: number | null;
  @ApiPropertyOptional({ type: FundingDto, description: '財源内訳' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FundingDto)
  funding?: FundingDto;
}

export class PeriodDto {
  @ApiProperty({ ...PERIOD_YEAR, description: 'First fiscal year' })
  @IsInt()
  @Min(1989)
  @Max(2200)
  from!: number;
  @ApiProperty({ ...PERIOD_YEAR, description: 'Last fiscal year (= from for a single year)' }) @IsInt() @Min(1989) @Max(2200) to!: number;
}

export class StrategyKpiDto {
  @ApiPropertyOptional({ maxLength: LIMITS.kpiId }) @IsOptional() @IsString() @MaxLength(LIMITS.kpiId) kpiId?: string;
  @ApiProperty({ maxLength: LIMITS.kpiName }) @IsString() @MaxLength(LIMITS.kpiName) name!: string;
  @ApiProperty({ maxLength: LIMITS.kpiValue, description: 'as printed, e.g. "1,750人", "約110人", "調査中"' })
  @IsString()
  @MaxLength(LIMITS.kpiValue)
  target!: string;
  @ApiPropertyOptional({ type: PeriodDto, nullable: true })
  @IsOptional()
  @ValidateIf((o) => o.targetPeriod !== null)
  @ValidateNested()
  @Type(() => PeriodDto)
  targetPeriod?: PeriodDto | null;
  @ApiProperty({ maxLength: LIMITS.kpiValue }) @IsString() @MaxLength(LIMITS.kpiValue) actual!: string;
  @ApiPropertyOptional({ type: PeriodDto, nullable: true })
  @IsOptional()
  @ValidateIf((o) => o.actualPeriod !== null)
  @ValidateNested()
  @Type(() => PeriodDto)
  actualPeriod?: PeriodDto | null;
  @ApiPropertyOptional({ description: 'true for a KPI to hold down' }) @IsOptional() @IsBoolean() lowerIsBetter?: boolean;
}

export class PlanKpiDto {
  @ApiProperty({ maxLength: LIMITS.kpiName }) @IsString() @MaxLength(LIMITS.kpiName) name!: string;
  @ApiProperty({ maxLength: LIMITS.kpiValue }) @IsString() @MaxLength(LIMITS.kpiValue) targetThisYear!: string;
  @ApiProperty({ maxLength: LIMITS.kpiValue }) @IsString() @MaxLength(LIMITS.kpiValue) targetLaterYear!: string;
  @ApiPropertyOptional({ ...PERIOD_YEAR, nullable: true })
  @IsOptional()
  @ValidateIf((o) => o.laterFiscalYear !== null)
  @IsInt()
  @Min(1989)
  @Max(2200)
  laterFiscalYear?: number | null;
  @ApiProperty({ maxLength: LIMITS.kpiValue }) @IsString() @MaxLength(LIMITS.kpiValue) actualThisYear!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() lowerIsBetter?: boolean;
}

export class ImplementingBodyDto {
  @ApiProperty({ description: '事業主体: 室蘭市 (the city itself)' }) @IsBoolean() city!: boolean;
  @ApiPropertyOptional({ type: 'string', maxLength: LIMITS.implementingBodyOther, description: '事業主体: その他 (named body)', nullable: true })
  @IsOptional()
  @ValidateIf((o) => o.other !== null)
  @IsString()
  @MaxLength(LIMITS.implementingBodyOther)
  other?: string | null;
}

/** Any subset of a sheet's content (PATCH /sheets/:id). */
export class SheetContentDto {
  @ApiPropertyOptional({ enum: CATEGORIES, description: '区分: new 新規 / continuing 継続 / revised 見直し' })
  @IsOptional()
  @IsIn(CATEGORIES as string[])
  category?: (typeof CATEGORIES)[number];

  @ApiPropertyOptional({ type: ImplementingBodyDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ImplementingBodyDto)
  implementingBody?: ImplementingBodyDto;

  @ApiPropertyOptional({ ...RICH_TEXT_SCHEMA, description: '事業概要: text or rich-text blocks' } as never) @IsOptional() @IsRichText() summary?:
    | string
    | RichText
    | null;
  @ApiPropertyOptional({ type: FinanceDto }) @IsOptional() @ValidateNested() @Type(() => FinanceDto) finance?: FinanceDto;
  @ApiPropertyOptional({ ...RICH_TEXT_SCHEMA, description: '実施内容' } as never) @IsOptional() @IsRichText() implementation?: string | RichText | null;
  @ApiPropertyOptional({ ...RICH_TEXT_SCHEMA, description: '事業効果' } as never) @IsOptional() @IsRichText() effect?: string | RichText | null;

  @ApiPropertyOptional({ type: [StrategyKpiDto], maxItems: LIMITS.kpiRows, description: '総合戦略における重要業績指標' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.kpiRows)
  @ValidateNested({ each: true })
  @Type(() => StrategyKpiDto)
  strategyKpis?: StrategyKpiDto[];

  @ApiPropertyOptional({ type: [PlanKpiDto], maxItems: LIMITS.kpiRows, description: '実施計画における重要業績指標' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.kpiRows)
  @ValidateNested({ each: true })
  @Type(() => PlanKpiDto)
  planKpis?: PlanKpiDto[];
}

const richText = (value: string | RichText | null | undefined): RichText | null | undefined =>
  value === undefined ? undefined : value === null ? null : toRichText(value);

/** DTO → domain patch: KPI texts parsed into values, text into rich-text blocks. */
export function toContentPatch(dto: SheetContentDto): SheetContentPatch {
  const patch: SheetContentPatch = {};
  if (dto.category !== undefined) patch.category = dto.category;
  if (dto.implementingBody !== undefined) patch.implementingBody = { city: dto.implementingBody.city, other: dto.implementingBody.other ?? null };
  for (const field of ['summary', 'implementation', 'effect'] as const) {
    const value = richText(dto[field]);
    if (value !== undefined) patch[field] = value;
  }
  if (dto.finance !== undefined) {
    const { funding, ...amounts } = dto.finance;
    patch.finance = { ...amounts, ...(funding ? { funding: { ...funding } } : {}) };
  }
  if (dto.strategyKpis !== undefined) {
    patch.strategyKpis = dto.strategyKpis.map((kpi) => ({
      ...(kpi.kpiId ? { kpiId: kpi.kpiId } : {}),
      name: kpi.name,
      target: parseKpiValue(kpi.target),
      targetPeriod: kpi.targetPeriod ? { from: kpi.targetPeriod.from, to: kpi.targetPeriod.to } : null,
      actual: parseKpiValue(kpi.actual),
      actualPeriod: kpi.actualPeriod ? { from: kpi.actualPeriod.from, to: kpi.actualPeriod.to } : null,
      ...(kpi.lowerIsBetter !== undefined ? { lowerIsBetter: kpi.lowerIsBetter } : {}),
    }));
  }
  if (dto.planKpis !== undefined) {
    patch.planKpis = dto.planKpis.map((kpi) => ({
      name: kpi.name,
      targetThisYear: parseKpiValue(kpi.targetThisYear),
      targetLaterYear: parseKpiValue(kpi.targetLaterYear),
      laterFiscalYear: kpi.laterFiscalYear ?? null,
      actualThisYear: parseKpiValue(kpi.actualThisYear),
      ...(kpi.lowerIsBetter !== undefined ? { lowerIsBetter: kpi.lowerIsBetter } : {}),
    }));
  }
  return patch;
}
