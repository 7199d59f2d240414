import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LIMITS } from '../../domain/index.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = { message: '$property must be a date YYYY-MM-DD' };

export class CycleDeadlinesDto {
  @ApiPropertyOptional({ example: '2017-06-30', description: '所管課の提出期限' }) @IsOptional() @Matches(ISO_DATE, dateMessage) departmentSubmission?: string;
  @ApiPropertyOptional({ description: '企画課の審査期限' }) @IsOptional() @Matches(ISO_DATE, dateMessage) planningReview?: string;
  @ApiPropertyOptional({ description: '推進会議' }) @IsOptional() @Matches(ISO_DATE, dateMessage) committee?: string;
  @ApiPropertyOptional({ description: '公表' }) @IsOptional() @Matches(ISO_DATE, dateMessage) publication?: string;
}

export class OpenCycleDto {
  @ApiProperty({ example: 2016, description: 'Western fiscal year (2016 = 平成28年度)' }) @IsInt() @Min(2000) @Max(2100) fiscalYear!: number;
  @ApiProperty({ example: '平成28年度 室蘭市まち・ひと・しごと創生総合戦略 効果検証' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.cycleTitle) title!: string;
  @ApiPropertyOptional({ type: CycleDeadlinesDto }) @IsOptional() @ValidateNested() @Type(() => CycleDeadlinesDto) deadlines?: CycleDeadlinesDto;
}
