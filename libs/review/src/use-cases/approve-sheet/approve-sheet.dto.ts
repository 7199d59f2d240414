import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '../../domain/index.js';

export class ApproveSheetDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(LIMITS.approvalComment) comment?: string;
}
