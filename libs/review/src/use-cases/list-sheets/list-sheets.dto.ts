import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { POLICY_AREAS, SHEET_STATUSES } from '../../domain/index.js';

export class ListSheetsQueryDto {
  @ApiPropertyOptional({ example: 2016 }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) fiscalYear?: number;
  @ApiPropertyOptional({ example: '産業振興課' }) @IsOptional() @IsString() @MaxLength(100) department?: string;
  @ApiPropertyOptional({ enum: SHEET_STATUSES }) @IsOptional() @IsIn(SHEET_STATUSES as string[]) status?: string;
  @ApiPropertyOptional({ enum: POLICY_AREAS }) @IsOptional() @IsIn(POLICY_AREAS as string[]) policyArea?: string;
  @ApiPropertyOptional({ description: 'Wait until projections include this global position (read your writes)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}
