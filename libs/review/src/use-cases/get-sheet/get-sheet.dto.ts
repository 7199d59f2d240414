import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { INTEGER_RANGES } from '@kensho/platform';
import { QueryInteger } from '../query-integer.js';

export class GetSheetQueryDto {
  @ApiPropertyOptional({ description: 'The sheet at this version (stream revision)' }) @IsOptional() @QueryInteger(INTEGER_RANGES.version) version?: number;
  @ApiPropertyOptional({ description: 'The sheet as of this business time (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
  @ApiPropertyOptional({ description: 'The sheet as the system knew it at this recorded time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  knownAt?: string;
  @ApiPropertyOptional({ description: 'Wait until projections include this global position' })
  @IsOptional()
  @QueryInteger(INTEGER_RANGES.position)
  minPosition?: number;
}
