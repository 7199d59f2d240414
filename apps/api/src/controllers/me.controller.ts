import { Controller, Get, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ROLES } from '@kensho/auth';
import type { AuthenticatedRequest } from '../http/auth.js';

class MeDto {
  @ApiProperty({ enum: ROLES }) role!: string;
  @ApiProperty({ type: String, nullable: true, description: '所管課 of a department token' }) department!: string | null;
  @ApiProperty({ description: 'Who acts, as recorded on every event' }) actorId!: string;
}

/** Who the caller is: the web app shows it and picks the role's home screen. */
@ApiTags('session')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeController {
  @Get()
  @ApiOkResponse({ type: MeDto })
  me(@Req() req: AuthenticatedRequest): MeDto {
    const { role, department, actorId } = req.principal!;
    return { role, department, actorId };
  }
}
