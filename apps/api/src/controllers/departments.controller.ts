import { Body, Controller, Get, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ListDepartmentsQuery, RegisterDepartmentCommand, RegisterDepartmentDto, type CommandMeta, type CommandResult } from '@kensho/review';
import { Roles } from '../http/auth.js';
import { Meta } from '../http/command-meta.js';

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
  async register(@Body() body: RegisterDepartmentDto, @Meta() meta: CommandMeta) {
    const result: CommandResult = await this.commands.execute(new RegisterDepartmentCommand({ type: 'RegisterDepartment', name: body.name, slug: body.slug }, meta));
    return { name: body.name.trim(), slug: body.slug, version: result.version, position: result.position, events: result.events };
  }

  @Get()
  list() {
    return this.queries.execute(new ListDepartmentsQuery());
  }
}
