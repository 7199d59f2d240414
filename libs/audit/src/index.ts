export * from './describe-changes.js';
export * from './schema.js';
export * from './audit.projection.js';
export * from './audit-queries.js';
export * from './audit-export.js';
export * from './verify-integrity.js';
export * from './replay-check.js';
export * from './audit.module.js';
