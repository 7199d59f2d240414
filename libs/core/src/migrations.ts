import { AUDIT_MIGRATIONS } from '@kensho/audit';
import { AUTH_MIGRATIONS } from '@kensho/auth';
import { EVENT_STORE_MIGRATIONS } from '@kensho/event-store';
import type { Migration } from '@kensho/platform';
import { PROJECTION_ENGINE_MIGRATIONS } from '@kensho/projections';
import { PUBLICATION_MIGRATIONS } from '@kensho/publication';
import { INTEGRITY_MIGRATIONS, REVIEW_READ_MODEL_MIGRATIONS } from '@kensho/review';
import { VIEW_MIGRATIONS } from '@kensho/views';
import { HTTP_MIGRATIONS } from './http-schema.js';

/** Every schema change of the service, applied on boot by the API and the CLI. */
export const ALL_MIGRATIONS: Migration[] = [
  ...EVENT_STORE_MIGRATIONS,
  ...AUTH_MIGRATIONS,
  ...PROJECTION_ENGINE_MIGRATIONS,
  ...REVIEW_READ_MODEL_MIGRATIONS,
  ...HTTP_MIGRATIONS,
  ...PUBLICATION_MIGRATIONS,
  ...AUDIT_MIGRATIONS,
  ...VIEW_MIGRATIONS,
  ...INTEGRITY_MIGRATIONS,
];
