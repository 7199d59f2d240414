export * from './projection.js';
export * from './projector.js';
export * from './schema.js';
export * from './checksum.js';
export * from './rebuild.js';
export * from './batch.js';
