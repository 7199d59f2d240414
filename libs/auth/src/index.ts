export * from './roles.js';
export * from './schema.js';
export * from './token-service.js';
