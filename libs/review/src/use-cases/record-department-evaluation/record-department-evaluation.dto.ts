import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { LIMITS, DIRECTIONS, EFFECTIVENESS, STRATEGY_REVISIONS } from '../../domain/index.js';

/** 所管課の評価: three choices, each with its written reason. Any subset may be sent. */
export class DepartmentEvaluationDto {
  @ApiPropertyOptional({ enum: [...EFFECTIVENESS], description: '事業の評価: effective 有効であった / not_effective 有効とは言えなかった' })
  @IsOptional()
  @IsIn(EFFECTIVENESS as string[])
  effectiveness?: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: LIMITS.evaluationReason, description: '事業の評価に対する意見・理由' })
  @IsOptional()
  @ValidateIf((o) => o.effectivenessReason !== null)
  @IsString()
  @MaxLength(LIMITS.evaluationReason)
  effectivenessReason?: string | null;

  @ApiPropertyOptional({
    enum: [...DIRECTIONS],
    description: '今後の方針: expand 更に発展 / improve 見直し(改善) / continue 継続 / discontinue 中止 / complete 終了',
  })
  @IsOptional()
  @IsIn(DIRECTIONS as string[])
  direction?: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: LIMITS.evaluationReason, description: '今後の方針に対する理由' })
  @IsOptional()
  @ValidateIf((o) => o.directionReason !== null)
  @IsString()
  @MaxLength(LIMITS.evaluationReason)
  directionReason?: string | null;

  @ApiPropertyOptional({ enum: [...STRATEGY_REVISIONS], description: '総合戦略見直しの必要性: needed / not_needed' })
  @IsOptional()
  @IsIn(STRATEGY_REVISIONS as string[])
  strategyRevision?: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, maxLength: LIMITS.evaluationReason, description: '総合戦略の見直しの必要性に対する理由' })
  @IsOptional()
  @ValidateIf((o) => o.strategyRevisionReason !== null)
  @IsString()
  @MaxLength(LIMITS.evaluationReason)
  strategyRevisionReason?: string | null;
}
