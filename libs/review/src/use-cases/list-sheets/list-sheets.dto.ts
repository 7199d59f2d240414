import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { INTEGER_RANGES } from '@kensho/platform';
import { QueryInteger } from '../query-integer.js';
import { POLICY_AREAS, SHEET_STATUSES } from '../../domain/index.js';

export class ListSheetsQueryDto {
  @ApiPropertyOptional({ example: 2016 }) @IsOptional() @QueryInteger(INTEGER_RANGES.fiscalYear) fiscalYear?: number;
  @ApiPropertyOptional({ example: '産業振興課' }) @IsOptional() @IsString() @MaxLength(100) department?: string;
  @ApiPropertyOptional({ enum: SHEET_STATUSES }) @IsOptional() @IsIn(SHEET_STATUSES as string[]) status?: string;
  @ApiPropertyOptional({ enum: POLICY_AREAS }) @IsOptional() @IsIn(POLICY_AREAS as string[]) policyArea?: string;
  @ApiPropertyOptional({ description: 'Wait until projections include this global position (read your writes)' })
  @IsOptional()
  @QueryInteger(INTEGER_RANGES.position)
  minPosition?: number;
}
