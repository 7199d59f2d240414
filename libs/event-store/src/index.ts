export * from './port.js';
export * from './errors.js';
export * from './hash-chain.js';
export * from './event-ids.js';
export * from './postgres/postgres-event-store.js';
export * from './postgres/schema.js';
export type { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.js';
export { connectEventStoreDb } from './eventstoredb/connect.js';
export type { EsdbClient, EsdbSubscription } from './eventstoredb/client-boundary.js';
