export * from './projection.js';
export * from './projector.js';
export * from './schema.js';
