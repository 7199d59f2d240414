import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { LIMITS, parseKpiValue, POLICY_AREAS, type NumericalGoal, type PolicyArea } from '../../domain/index.js';
import { PeriodDto } from '../sheet-content.dto.js';

/** One 数値目標 as printed: values are texts ("1,750人", "約110人", "アンケート未実施"), read by the server. */
export class NumericalGoalDto {
  @ApiProperty({ example: '3-g2' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.numericalGoalId) id!: string;
  @ApiProperty({ enum: POLICY_AREAS }) @IsIn(POLICY_AREAS as string[]) policyArea!: string;
  @ApiProperty({ example: '新規に室蘭港を活用した取引を開始した事業者等の件数' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.numericalGoalMeasure)
  measure!: string;
  @ApiProperty({ example: '5件' }) @IsString() @MaxLength(LIMITS.numericalGoalValue) target!: string;
  @ApiPropertyOptional({ type: PeriodDto, nullable: true })
  @IsOptional()
  @ValidateIf((o) => o.targetPeriod !== null)
  @ValidateNested()
  @Type(() => PeriodDto)
  targetPeriod?: PeriodDto | null;
  @ApiProperty({ example: '7件' }) @IsString() @MaxLength(LIMITS.numericalGoalValue) actual!: string;
  @ApiPropertyOptional({ type: PeriodDto, nullable: true })
  @IsOptional()
  @ValidateIf((o) => o.actualPeriod !== null)
  @ValidateNested()
  @Type(() => PeriodDto)
  actualPeriod?: PeriodDto | null;
  @ApiPropertyOptional({ default: false, description: 'true for measures to hold down (社会減の抑制)' }) @IsOptional() @IsBoolean() lowerIsBetter?: boolean;
  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: LIMITS.numericalGoalNote })
  @IsOptional()
  @ValidateIf((o) => o.note !== null)
  @IsString()
  @MaxLength(LIMITS.numericalGoalNote)
  note?: string | null;
}

export class RecordNumericalGoalsDto {
  @ApiProperty({ type: [NumericalGoalDto] })
  @IsArray()
  @ArrayMaxSize(LIMITS.numericalGoals)
  @ValidateNested({ each: true })
  @Type(() => NumericalGoalDto)
  goals!: NumericalGoalDto[];
}

/** DTO → domain goals: texts parsed into KPI values. */
export function toNumericalGoals(dto: RecordNumericalGoalsDto): NumericalGoal[] {
  return dto.goals.map((goal) => ({
    id: goal.id,
    policyArea: goal.policyArea as PolicyArea,
    measure: goal.measure,
    target: parseKpiValue(goal.target),
    targetPeriod: goal.targetPeriod ? { from: goal.targetPeriod.from, to: goal.targetPeriod.to } : null,
    actual: parseKpiValue(goal.actual),
    actualPeriod: goal.actualPeriod ? { from: goal.actualPeriod.from, to: goal.actualPeriod.to } : null,
    lowerIsBetter: goal.lowerIsBetter ?? false,
    note: goal.note ?? null,
  }));
}
