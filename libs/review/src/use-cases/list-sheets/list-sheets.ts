import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Actor } from '../../domain/index.js';
import { ReviewQueries, type SheetFilter } from '../../read-models/review-queries.js';
import type { SheetView } from '../../read-models/sheet-view.js';
import { assertMayRead } from '../viewer.js';

export class ListSheetsQuery extends Query<SheetView[]> {
  constructor(
    readonly filter: SheetFilter,
    readonly viewer: Actor,
  ) {
    super();
  }
}

@QueryHandler(ListSheetsQuery)
export class ListSheetsHandler implements IQueryHandler<ListSheetsQuery> {
  constructor(private readonly queries: ReviewQueries) {}

  execute({ filter, viewer }: ListSheetsQuery): Promise<SheetView[]> {
    if (viewer.role !== 'department') return this.queries.sheets(filter);
    // A department sees its own sheets; naming another department is refused, not silently emptied.
    if (filter.department !== undefined) assertMayRead(viewer, filter.department);
    return this.queries.sheets({ ...filter, department: viewer.department });
  }
}
