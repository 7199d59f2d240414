import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { ReadStreamOptions } from '@kensho/event-store';
import { AggregateService } from '../../application/aggregate-service.js';
import { CycleAggregate, SheetAggregate, cycleStreamId, sheetStreamId } from '../../application/aggregates.js';
import { DomainError, fiscalYearLabel, withPublications, type CycleState } from '../../domain/index.js';
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
  /** Null for a cycle read at a version: sheets have versions of their own. */
  progress: { byStatus: Record<string, number>; byDepartment: Record<string, Record<string, number>> } | null;
}

/** The cycle now, or at a version / as of a business time / as known at a recorded time. */
export interface CycleMoment {
  version?: number;
  asOf?: string;
  knownAt?: string;
}

export class GetCycleQuery extends Query<CycleView> {
  constructor(
    readonly fiscalYear: number,
    readonly at: CycleMoment = {},
  ) {
    super();
  }
}

@QueryHandler(GetCycleQuery)
export class GetCycleHandler implements IQueryHandler<GetCycleQuery> {
  constructor(
    private readonly queries: ReviewQueries,
    private readonly aggregates: AggregateService,
  ) {}

  async execute({ fiscalYear, at }: GetCycleQuery): Promise<CycleView> {
    const notFound = () => new DomainError('cycle.not_found', 'not_found', `No review cycle for fiscal year ${fiscalYear}`, { fiscalYear, ...at });
    if (at.version === undefined && at.asOf === undefined && at.knownAt === undefined) {
      const cycle = await this.queries.cycle(fiscalYear);
      if (!cycle) throw notFound();
      return view(fiscalYear, cycle.state, cycle.version, summarise(await this.queries.progress(fiscalYear)));
    }
    const options: ReadStreamOptions = {
      ...(at.version !== undefined ? { toRevision: at.version } : {}),
      ...(at.asOf !== undefined ? { occurredUntil: at.asOf } : {}),
      ...(at.knownAt !== undefined ? { recordedUntil: at.knownAt } : {}),
    };
    const loaded = await this.aggregates.load(CycleAggregate, cycleStreamId(fiscalYear), options);
    if (!loaded.state.exists || loaded.version === null) {
      // A moment before the cycle was opened is refused as such, not answered as "no cycle at all".
      if (!(await this.queries.cycle(fiscalYear))) throw notFound();
      throw new DomainError('cycle.not_yet_existing', 'not_found', `The FY${fiscalYear} cycle was not opened yet at that moment (その時点では未開始です)`, {
        fiscalYear,
        ...at,
      });
    }
    if (at.version !== undefined && loaded.version !== at.version) {
      throw new DomainError('cycle.version_not_found', 'not_found', `The FY${fiscalYear} cycle has no version ${at.version} (指定された版は存在しません)`, {
        fiscalYear,
        ...at,
        latestVersion: loaded.version,
      });
    }
    const progress = at.version === undefined ? summarise(await this.pastProgress(loaded.state, options)) : null;
    return view(fiscalYear, loaded.state, loaded.version, progress);
  }

  /** Every sheet of the cycle as of the same moment. */
  private async pastProgress(state: CycleState, options: ReadStreamOptions): Promise<ProgressRow[]> {
    const counts = new Map<string, ProgressRow>();
    for (const sheetId of Object.keys(state.sheets)) {
      const loaded = await this.aggregates.load(SheetAggregate, sheetStreamId(sheetId), options);
      if (!loaded.state.exists) continue;
      const sheet = withPublications(loaded.state, loaded.version, state.editions);
      const key = `${sheet.department}/${sheet.status}`;
      const row = counts.get(key) ?? { department: sheet.department, status: sheet.status, count: 0 };
      row.count++;
      counts.set(key, row);
    }
    return [...counts.values()];
  }
}

function view(fiscalYear: number, state: CycleState, version: number, progress: CycleView['progress']): CycleView {
  return {
    fiscalYear,
    fiscalYearLabel: fiscalYearLabel(fiscalYear),
    title: state.title,
    status: state.status,
    version,
    deadlines: { ...state.deadlines },
    sheetCount: Object.keys(state.sheets).length,
    editions: state.editions.map((e) => ({ edition: e.edition, publishedAt: e.publishedAt, sheetCount: e.sheets.length })),
    progress,
  };
}

function summarise(rows: ProgressRow[]): NonNullable<CycleView['progress']> {
  const byStatus: Record<string, number> = {};
  const byDepartment: Record<string, Record<string, number>> = {};
  for (const { department, status, count } of rows) {
    byStatus[status] = (byStatus[status] ?? 0) + count;
    (byDepartment[department] ??= {})[status] = count;
  }
  return { byStatus, byDepartment };
}
