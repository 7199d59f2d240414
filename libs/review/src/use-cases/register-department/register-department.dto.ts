import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class RegisterDepartmentDto {
  @ApiProperty({ example: '環境課', description: '所管課名 (the name sheets and tokens carry)' }) @IsString() @MaxLength(100) name!: string;
  @ApiProperty({ example: 'kankyo', description: 'Stable ASCII part of sheet ids: ^[a-z][a-z0-9]{1,30}$, never changes' })
  @IsString()
  @MaxLength(31)
  slug!: string;
}
