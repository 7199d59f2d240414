import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AggregateService } from '../../application/aggregate-service.js';
import { SheetAggregate, sheetStreamId } from '../../application/aggregates.js';
import { withCyclePublications } from '../../application/publications.js';
import { DomainError, type Actor } from '../../domain/index.js';
import { ReviewQueries } from '../../read-models/review-queries.js';
import { toSheetView, type SheetView } from '../../read-models/sheet-view.js';
import type { StreamIntegrity } from '../../application/integrity.js';
import { assertMayRead } from '../viewer.js';

/** Time travel: at a version, as of a business time, or as the system knew it at a recorded time. */
export interface SheetMoment {
  version?: number;
  asOf?: string;
  knownAt?: string;
}

export type VerifiedSheetView = SheetView & { integrity: StreamIntegrity };

export class GetSheetQuery extends Query<VerifiedSheetView> {
  constructor(
    readonly sheetId: string,
    readonly viewer: Actor,
    /** Time travel: the sheet at a version (stream revision) or as of a business time. */
    readonly at: SheetMoment = {},
  ) {
    super();
  }
}

@QueryHandler(GetSheetQuery)
export class GetSheetHandler implements IQueryHandler<GetSheetQuery> {
  constructor(
    private readonly queries: ReviewQueries,
    private readonly aggregates: AggregateService,
  ) {}

  async execute({ sheetId, viewer, at }: GetSheetQuery): Promise<VerifiedSheetView> {
    const travelling = at.version !== undefined || at.asOf !== undefined || at.knownAt !== undefined;
    // Every read verifies the stream, so a tampered history is never served as if nothing happened.
    const found = travelling ? await this.travel(sheetId, at, viewer) : await this.current(sheetId);
    if (!found) throw new DomainError('sheet.not_found', 'not_found', `No sheet ${sheetId}`, { sheetId, ...at });
    assertMayRead(viewer, found.department);
    return found;
  }

  private async current(sheetId: string): Promise<VerifiedSheetView | null> {
    const [view, integrity] = await Promise.all([this.queries.sheet(sheetId), this.aggregates.integrity(sheetStreamId(sheetId))]);
    return view ? { ...view, integrity } : null;
  }

  /**
   * Past states are folded from the stream itself: the events are the record. A moment the stream
   * has not reached, or one before it began, is refused rather than answered with another state.
   */
  private async travel(sheetId: string, at: SheetMoment, viewer: Actor): Promise<VerifiedSheetView | null> {
    const loaded = await this.aggregates.load(SheetAggregate, sheetStreamId(sheetId), {
      ...(at.version !== undefined ? { toRevision: at.version } : {}),
      ...(at.asOf !== undefined ? { occurredUntil: at.asOf } : {}),
      ...(at.knownAt !== undefined ? { recordedUntil: at.knownAt } : {}),
    });
    const reached = loaded.state.exists && loaded.version !== null && (at.version === undefined || loaded.version === at.version);
    if (reached) {
      const moment = { ...(at.asOf !== undefined ? { occurredUntil: at.asOf } : {}), ...(at.knownAt !== undefined ? { recordedUntil: at.knownAt } : {}) };
      const state = await withCyclePublications(this.aggregates, loaded.state, loaded.version!, moment);
      return { ...toSheetView(state, loaded.version!), integrity: loaded.integrity };
    }
    const now = await this.queries.sheet(sheetId);
    if (!now) return null;
    assertMayRead(viewer, now.department);
    if (!loaded.state.exists) {
      throw new DomainError('sheet.not_yet_existing', 'not_found', `Sheet ${sheetId} did not exist yet at that moment (その時点ではシートが存在しません)`, {
        sheetId,
        ...at,
      });
    }
    throw new DomainError('sheet.version_not_found', 'not_found', `Sheet ${sheetId} has no version ${at.version} (指定された版は存在しません)`, {
      sheetId,
      ...at,
      latestVersion: loaded.version,
    });
  }
}
