import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError, fiscalYearLabel } from '../../domain/index.js';
import { ReviewQueries, type ProgressRow } from '../../read-models/review-queries.js';

export interface CycleView {
  fiscalYear: number;
  fiscalYearLabel: string;
  title: string;
  status: string;
  version: number;
  deadlines: Record<string, string | null>;
  sheetCount: number;
  editions: Array<{ edition: number; publishedAt: string; sheetCount: number }>;
  progress: { byStatus: Record<string, number>; byDepartment: Record<string, Record<string, number>> };
}

export class GetCycleQuery extends Query<CycleView> {
  constructor(readonly fiscalYear: number) {
    super();
  }
}

@QueryHandler(GetCycleQuery)
export class GetCycleHandler implements IQueryHandler<GetCycleQuery> {
  constructor(private readonly queries: ReviewQueries) {}

  async execute({ fiscalYear }: GetCycleQuery): Promise<CycleView> {
    const cycle = await this.queries.cycle(fiscalYear);
    if (!cycle) throw new DomainError('cycle.not_found', 'not_found', `No review cycle for fiscal year ${fiscalYear}`, { fiscalYear });
    const rows = await this.queries.progress(fiscalYear);
    const { state } = cycle;
    return {
      fiscalYear,
      fiscalYearLabel: fiscalYearLabel(fiscalYear),
      title: state.title,
      status: state.status,
      version: cycle.version,
      deadlines: { ...state.deadlines },
      sheetCount: Object.keys(state.sheets).length,
      editions: state.editions.map((e) => ({ edition: e.edition, publishedAt: e.publishedAt, sheetCount: e.sheets.length })),
      progress: summarise(rows),
    };
  }
}

function summarise(rows: ProgressRow[]): CycleView['progress'] {
  const byStatus: Record<string, number> = {};
  const byDepartment: Record<string, Record<string, number>> = {};
  for (const { department, status, count } of rows) {
    byStatus[status] = (byStatus[status] ?? 0) + count;
    (byDepartment[department] ??= {})[status] = count;
  }
  return { byStatus, byDepartment };
}
