import type { Projection } from '@kensho/projections';
import { auditProjection } from '@kensho/audit';
import { publicationProjection } from '@kensho/publication';
import { reviewProjection } from '@kensho/review';
import { kpiViewsProjection, sheetViewsProjection } from '@kensho/views';

/** Every read model the projector keeps up to date, in the API and in the CLI alike. */
export const ALL_PROJECTIONS: Projection[] = [reviewProjection, auditProjection, publicationProjection, sheetViewsProjection, kpiViewsProjection];
