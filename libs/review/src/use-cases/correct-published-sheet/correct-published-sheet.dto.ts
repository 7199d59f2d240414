import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { SheetContentDto } from '../sheet-content.dto.js';
import { LIMITS } from '../../domain/index.js';

export class CorrectPublishedSheetDto {
  @ApiProperty({ type: SheetContentDto }) @ValidateNested() @Type(() => SheetContentDto) changes!: SheetContentDto;
  @ApiProperty({ description: 'Why the published sheet is corrected (訂正理由), shown in the next edition' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.correctionReason)
  reason!: string;
}
