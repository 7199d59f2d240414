import type { EventStoreDbEventStore } from './eventstoredb-event-store.js';

/**
 * The EventStoreDB adapter, loaded only when it is configured: its gRPC client is ~50 modules that
 * every CLI call and every PostgreSQL-only start would otherwise load for nothing.
 */
export async function connectEventStoreDb(connectionString: string): Promise<EventStoreDbEventStore> {
  const { EventStoreDbEventStore: Store } = await import('./eventstoredb-event-store.js');
  return Store.fromConnectionString(connectionString);
}
