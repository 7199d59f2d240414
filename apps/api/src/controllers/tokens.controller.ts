import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { TokenService } from '@kensho/auth';
import { Roles } from '../http/auth.js';
import { HttpProblem } from '../http/request-errors.js';

class IssueTokenDto {
  @ApiProperty({ description: 'department | planning | committee | auditor | admin' }) @IsString() @MaxLength(40) role!: string;
  @ApiPropertyOptional({ description: '所管課, for department tokens' }) @IsOptional() @IsString() @MaxLength(100) department?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
}

/** Token administration over HTTP for the admin role (the CLI does the same). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/tokens')
@Roles('admin')
export class TokensController {
  constructor(private readonly tokens: TokenService) {}

  @Post()
  issue(@Body() body: IssueTokenDto) {
    return this.tokens.issue(body);
  }

  @Get()
  list() {
    return this.tokens.list();
  }

  @Delete(':id')
  @HttpCode(204)
  async revoke(@Param('id', new ParseUUIDPipe()) id: string) {
    if (!(await this.tokens.revoke(id))) throw new HttpProblem(404, 'token.not_found', 'Not found', `No active token ${id}`);
  }
}
