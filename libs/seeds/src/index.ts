export * from './seed-schema.js';
export * from './load-seeds.js';
export * from './seed-content.js';
export * from './seed-plan.js';
export * from './seed-runner.js';
export * from './seeds.module.js';
export * from './seed-paths.js';
