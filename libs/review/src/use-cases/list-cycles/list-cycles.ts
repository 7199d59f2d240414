import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { fiscalYearLabel } from '../../domain/index.js';
import { ReviewQueries } from '../../read-models/review-queries.js';

export interface CycleSummary {
  fiscalYear: number;
  fiscalYearLabel: string;
  title: string;
  status: string;
  deadlines: Record<string, string | null>;
}

/** Every review cycle, newest fiscal year first: where a screen starts when it has no year yet. */
export class ListCyclesQuery extends Query<CycleSummary[]> {}

@QueryHandler(ListCyclesQuery)
export class ListCyclesHandler implements IQueryHandler<ListCyclesQuery> {
  constructor(private readonly queries: ReviewQueries) {}

  async execute(): Promise<CycleSummary[]> {
    return (await this.queries.cycles()).map(({ fiscalYear, title, status, deadlines }) => ({
      fiscalYear,
      fiscalYearLabel: fiscalYearLabel(fiscalYear),
      title,
      status,
      deadlines: { ...deadlines },
    }));
  }
}
