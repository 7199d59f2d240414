import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ApproveSheetDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) comment?: string;
}
