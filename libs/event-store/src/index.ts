export * from './port.js';
export * from './errors.js';
export * from './hash-chain.js';
export * from './event-ids.js';
export * from './postgres/postgres-event-store.js';
export * from './postgres/schema.js';
