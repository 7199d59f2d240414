import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LIMITS, POLICY_AREAS } from '../../domain/index.js';

export class AssignSheetDto {
  // The canonical form is checked by the domain (sheet.invalid_project_code), in one place for every route.
  @ApiProperty({ example: '1-12', description: 'Project No (事業番号), canonical form <area>-<two-digit number>: 1-01, 4-01' })
  @IsString()
  @MaxLength(20)
  projectCode!: string;

  @ApiProperty({ example: '市内創業支援等事業' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.projectName) projectName!: string;
  @ApiProperty({ example: '産業振興課', description: '所管課' }) @IsString() @IsNotEmpty() @MaxLength(LIMITS.department) department!: string;

  @ApiProperty({ example: ['1'], description: '施策区分: 1, 2, 3 or プラス1' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(4)
  @IsIn(POLICY_AREAS as string[], { each: true })
  policyAreas!: string[];
}
