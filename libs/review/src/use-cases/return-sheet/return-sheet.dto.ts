import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '../../domain/index.js';

export class ReturnSheetDto {
  @ApiProperty({ description: 'Why the sheet goes back to the department (required)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(LIMITS.returnComment)
  comment!: string;
}
