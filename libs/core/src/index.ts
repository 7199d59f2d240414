export * from './core.module.js';
export * from './migrations.js';
export * from './http-schema.js';
export * from './projections.js';
