import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** 市の対応: the city's response to the committee's opinion. */
export class CityResponseDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(10000) response!: string;
}
