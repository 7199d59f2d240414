import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { fiscalYearLabel, type CycleDeadlines, type CycleStatus } from '../../domain/index.js';
import { ReviewQueries } from '../../read-models/review-queries.js';

/** One line of the list of review cycles: what a year's cover page needs, without its sheets. */
export interface CycleSummary {
  fiscalYear: number;
  fiscalYearLabel: string;
  title: string;
  status: CycleStatus;
  version: number;
  deadlines: CycleDeadlines;
  sheetCount: number;
  /** Sheets per status. */
  byStatus: Record<string, number>;
  editionCount: number;
  latestPublishedAt: string | null;
}

export class ListCyclesQuery extends Query<CycleSummary[]> {}

/** Every review cycle, newest fiscal year first. */
@QueryHandler(ListCyclesQuery)
export class ListCyclesHandler implements IQueryHandler<ListCyclesQuery> {
  constructor(private readonly queries: ReviewQueries) {}

  async execute(): Promise<CycleSummary[]> {
    const [cycles, counts] = await Promise.all([this.queries.cycles(), this.queries.statusCounts()]);
    return cycles.map(({ state, version }) => {
      const byStatus = counts.get(state.fiscalYear) ?? {};
      const latest = state.editions[state.editions.length - 1];
      return {
        fiscalYear: state.fiscalYear,
        fiscalYearLabel: fiscalYearLabel(state.fiscalYear),
        title: state.title,
        status: state.status,
        version,
        deadlines: { ...state.deadlines },
        sheetCount: Object.values(byStatus).reduce((a, b) => a + b, 0),
        byStatus,
        editionCount: state.editions.length,
        latestPublishedAt: latest?.publishedAt ?? null,
      };
    });
  }
}
