import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class ReturnSheetDto {
  @ApiProperty({ description: 'Why the sheet goes back to the department (required)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  comment!: string;
}
