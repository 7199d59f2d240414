import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Inject, NotFoundException, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { KENSHO_CONFIG } from '@kensho/core';
import type { KenshoConfig } from '@kensho/platform';
import { Public } from '../http/auth.js';
import { ApiProblems } from '../http/openapi.js';

/** Whether this process is the embedded demo (its tokens may be handed to a browser on this machine). */
export class DemoSignIn {
  constructor(readonly enabled: boolean) {}
}

class DemoAccountDto {
  @ApiProperty() role!: string;
  @ApiProperty({ type: String, nullable: true }) department!: string | null;
  @ApiProperty() token!: string;
}

class DemoAccountsDto {
  @ApiProperty({ type: [DemoAccountDto] }) accounts!: DemoAccountDto[];
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Interim sign-in for the embedded demo until sessions exist (issue #16): the demo tokens of
 * .data/demo-tokens.json, to a browser on this machine only. Anywhere else the route does not exist.
 */
@ApiTags('session')
@Controller('api/v1/demo/accounts')
export class DemoController {
  constructor(
    private readonly demo: DemoSignIn,
    @Inject(KENSHO_CONFIG) private readonly config: KenshoConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Embedded demo only, from this machine only: one demo account (token) per role' })
  @ApiOkResponse({ type: DemoAccountsDto })
  @ApiProblems(404)
  accounts(@Req() req: Request): DemoAccountsDto {
    const file = join(this.config.dataDir, 'demo-tokens.json');
    if (!this.demo.enabled || !LOOPBACK.has(req.socket.remoteAddress ?? '') || !existsSync(file)) {
      // Exactly what an unknown route answers.
      throw new NotFoundException(`Cannot GET ${req.path}`);
    }
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { token: string; department: string | null }>;
    return { accounts: Object.entries(saved).map(([role, entry]) => ({ role, department: entry.department, token: entry.token })) };
  }
}
