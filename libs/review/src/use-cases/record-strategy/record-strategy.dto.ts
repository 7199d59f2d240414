import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { LIMITS, POLICY_AREAS, type PolicyArea, type Strategy } from '../../domain/index.js';
import { PeriodDto } from '../sheet-content.dto.js';

export class StrategyMeasureDto {
  @ApiProperty({ example: '企業誘致等の推進' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.strategyText) name!: string;
  @ApiProperty({ type: [String], example: ['地場産品の販路拡大や創業支援'] })
  @IsArray()
  @ArrayMaxSize(LIMITS.strategyListItems)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(LIMITS.strategyText, { each: true })
  subMeasures!: string[];
}

/** 基本的方向 with its 具体的な施策. */
export class StrategyDirectionDto {
  @ApiProperty({ example: '「働くまち」の競争力を高める' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.strategyText) name!: string;
  @ApiProperty({ type: [StrategyMeasureDto] })
  @IsArray()
  @ArrayMaxSize(LIMITS.strategyListItems)
  @ValidateNested({ each: true })
  @Type(() => StrategyMeasureDto)
  measures!: StrategyMeasureDto[];
}

export class StrategyPolicyAreaDto {
  @ApiProperty({ enum: POLICY_AREAS }) @IsIn(POLICY_AREAS as string[]) code!: string;
  @ApiProperty({ example: 'まちの特性を活かした産業振興と魅力ある雇用の創出' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.strategyText) name!: string;
  @ApiProperty({ type: [StrategyDirectionDto] })
  @IsArray()
  @ArrayMaxSize(LIMITS.strategyListItems)
  @ValidateNested({ each: true })
  @Type(() => StrategyDirectionDto)
  basicDirections!: StrategyDirectionDto[];
}

/** A KPI of the strategy as the source lists it: no unit or combining rule is printed, so none is taken. */
export class StrategyKpiDefinitionDto {
  @ApiProperty({ example: 'sk-03' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.kpiId) id!: string;
  @ApiProperty({ example: '室蘭での営業・操業が経営課題となっていると回答する企業の割合' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.kpiName) name!: string;
  @ApiProperty({ type: [Number], example: [7], description: 'the "( /n)" notations printed beside the KPI, as printed' })
  @IsArray()
  @ArrayMaxSize(LIMITS.strategyListItems)
  @IsInt({ each: true })
  @Min(1, { each: true })
  printedShares!: number[];
  @ApiProperty({ type: [String], example: ['1-05', '1-06'], description: 'project codes whose sheets report this KPI' })
  @IsArray()
  @ArrayMaxSize(LIMITS.strategyKpiProjects)
  @IsString({ each: true })
  projects!: string[];
}

export class StrategyDto {
  @ApiProperty({ example: '室蘭市まち・ひと・しごと創生総合戦略' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.strategyText) name!: string;
  @ApiProperty({ type: PeriodDto }) @ValidateNested() @Type(() => PeriodDto) period!: PeriodDto;
  @ApiProperty({ type: [StrategyPolicyAreaDto] })
  @IsArray()
  @ArrayMaxSize(LIMITS.strategyListItems)
  @ValidateNested({ each: true })
  @Type(() => StrategyPolicyAreaDto)
  policyAreas!: StrategyPolicyAreaDto[];
  @ApiProperty({ type: [StrategyKpiDefinitionDto] })
  @IsArray()
  @ArrayMaxSize(LIMITS.strategyKpis)
  @ValidateNested({ each: true })
  @Type(() => StrategyKpiDefinitionDto)
  strategyKpis!: StrategyKpiDefinitionDto[];
}

export class RecordStrategyDto {
  @ApiProperty({ type: StrategyDto }) @ValidateNested() @Type(() => StrategyDto) strategy!: StrategyDto;
}

/**
 * A strategy as it arrives (a request's DTO, or the seed's strategy.json) → the domain's: only the
 * fields the domain knows; the numerical goals travel apart, the seeds' normalisations stay provenance.
 */
export function toStrategy(strategy: StrategyDto): Strategy {
  return {
    name: strategy.name,
    period: { from: strategy.period.from, to: strategy.period.to },
    policyAreas: strategy.policyAreas.map((area) => ({
      code: area.code as PolicyArea,
      name: area.name,
      basicDirections: area.basicDirections.map((d) => ({
        name: d.name,
        measures: d.measures.map((m) => ({ name: m.name, subMeasures: [...m.subMeasures] })),
      })),
    })),
    strategyKpis: strategy.strategyKpis.map((k) => ({ id: k.id, name: k.name, printedShares: [...k.printedShares], projects: [...k.projects] })),
  };
}
