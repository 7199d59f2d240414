export * from './config.js';
export * from './database.js';
export * from './embedded-postgres.js';
export * from './migrations.js';
export * from './canonical-json.js';
export * from './ids.js';
export * from './clock.js';
export * from './postgres-server.js';
