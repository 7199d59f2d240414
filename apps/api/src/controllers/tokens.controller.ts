import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { ROLES } from '@kensho/auth';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { TokenService } from '@kensho/auth';
import { Roles } from '../http/auth.js';
import { ApiProblems } from '../http/openapi.js';
import { HttpProblem } from '../http/request-errors.js';
import { IssuedTokenDto, TokenInfoDto } from '../http/responses.js';

class IssueTokenDto {
  @ApiProperty({ enum: ROLES }) @IsString() @MaxLength(40) role!: string;
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
  @ApiOperation({ summary: 'Issue a token; its secret is shown once' })
  @ApiCreatedResponse({ type: IssuedTokenDto })
  issue(@Body() body: IssueTokenDto) {
    return this.tokens.issue(body);
  }

  @Get()
  @ApiOperation({ summary: 'Every token, without secrets' })
  @ApiOkResponse({ type: [TokenInfoDto] })
  list() {
    return this.tokens.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a token' })
  @ApiNoContentResponse({ description: 'Revoked' })
  @ApiProblems(404)
  async revoke(@Param('id', new ParseUUIDPipe()) id: string) {
    if (!(await this.tokens.revoke(id))) throw new HttpProblem(404, 'token.not_found', 'Not found', `No active token ${id}`);
  }
}
