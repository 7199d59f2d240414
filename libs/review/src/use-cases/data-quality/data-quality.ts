import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError } from '../../domain/index.js';
import { ReviewQueries } from '../../read-models/review-queries.js';
import { assessQuality, type QualityReport } from './assess-quality.js';

export class GetDataQualityQuery extends Query<QualityReport> {
  constructor(readonly fiscalYear: number) {
    super();
  }
}

@QueryHandler(GetDataQualityQuery)
export class GetDataQualityHandler implements IQueryHandler<GetDataQualityQuery> {
  constructor(private readonly queries: ReviewQueries) {}

  async execute({ fiscalYear }: GetDataQualityQuery): Promise<QualityReport> {
    if (!(await this.queries.cycle(fiscalYear))) {
      throw new DomainError('cycle.not_found', 'not_found', `No review cycle for fiscal year ${fiscalYear}`, { fiscalYear });
    }
    return assessQuality(fiscalYear, await this.queries.sheets({ fiscalYear }));
  }
}
