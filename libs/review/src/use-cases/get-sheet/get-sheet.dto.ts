import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, Min } from 'class-validator';

export class GetSheetQueryDto {
  @ApiPropertyOptional({ description: 'The sheet at this version (stream revision)' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) version?: number;
  @ApiPropertyOptional({ description: 'The sheet as of this business time (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) asOf?: string;
  @ApiPropertyOptional({ description: 'The sheet as the system knew it at this recorded time (ISO 8601)' }) @IsOptional() @IsISO8601({ strict: true }) knownAt?: string;
  @ApiPropertyOptional({ description: 'Wait until projections include this global position' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) minPosition?: number;
}
