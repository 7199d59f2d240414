import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '../../domain/index.js';

/** 総合戦略推進会議の意見 on one sheet. */
export class CommitteeOpinionDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(LIMITS.committeeOpinion) opinion!: string;
  @ApiPropertyOptional({ description: 'Optional rating, e.g. A/B/C' }) @IsOptional() @IsString() @MaxLength(LIMITS.committeeRating) rating?: string;
}
