import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import { DepartmentsAggregate } from '../../application/aggregates.js';
import { DEPARTMENTS_STREAM, type Department } from '../../domain/index.js';

export class ListDepartmentsQuery extends Query<{ version: number | null; departments: Department[] }> {}

/** Read from the stream itself: the master is one short stream, and assignment decides on the same fold. */
@QueryHandler(ListDepartmentsQuery)
export class ListDepartmentsHandler implements IQueryHandler<ListDepartmentsQuery> {
  constructor(private readonly aggregates: AggregateService) {}

  async execute() {
    const { state, version } = await this.aggregates.load(DepartmentsAggregate, DEPARTMENTS_STREAM);
    return { version, departments: state.departments };
  }
}
