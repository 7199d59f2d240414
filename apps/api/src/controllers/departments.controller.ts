import { Body, Controller, Get, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListDepartmentsQuery, departmentsCommand, RegisterDepartmentDto, type CommandMeta, type CommandResult } from '@kensho/review';
import { Roles } from '../http/auth.js';
import { Meta } from '../http/command-meta.js';
import { ApiProblems } from '../http/openapi.js';
import { DepartmentListDto, DepartmentRegisteredDto } from '../http/responses.js';

/** The department master (所管課マスタ): the planning division registers, everyone signed in reads. */
@ApiTags('departments')
@ApiBearerAuth()
@Controller('api/v1/departments')
export class DepartmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('planning')
  @ApiOperation({ summary: 'Register a department (所管課) in the master: its name and the stable slug its sheet ids carry' })
  @ApiCreatedResponse({ type: DepartmentRegisteredDto })
  @ApiProblems(409)
  async register(@Body() body: RegisterDepartmentDto, @Meta() meta: CommandMeta) {
    const result: CommandResult = await this.commands.execute(departmentsCommand({ type: 'RegisterDepartment', name: body.name, slug: body.slug }, meta));
    return { name: body.name.trim(), slug: body.slug, version: result.version, position: result.position, events: result.events };
  }

  @Get()
  @ApiOperation({ summary: 'The department master: every registered department (所管課) with its slug' })
  @ApiOkResponse({ type: DepartmentListDto })
  list() {
    return this.queries.execute(new ListDepartmentsQuery());
  }
}
