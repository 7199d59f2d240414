import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LIMITS } from '../../domain/index.js';

/** 市の対応: the city's response to the committee's opinion. */
export class CityResponseDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(LIMITS.cityResponse) response!: string;
}
