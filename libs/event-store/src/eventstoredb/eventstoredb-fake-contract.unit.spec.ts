import { randomUUID } from 'node:crypto';
import { eventStoreContract } from '../contract/event-store.contract.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { FakeEsdbClient } from './testing/fake-esdb-client.js';

/*
 * The contract against the adapter over the in-memory fake client. This is not a run against
 * EventStoreDB (see eventstoredb-event-store.int.spec.ts for that): it checks the adapter's own
 * logic (duplicates, retries, chain, paging past '$' records) wherever no server is available.
 */
eventStoreContract('EventStoreDB adapter over a fake client (no server)', async () => {
  const client = new FakeEsdbClient();
  // The server's own bookkeeping is interleaved with Kensho's events in $all.
  const stats = setInterval(() => client.write('$stats-127.0.0.1:2113', { id: randomUUID(), type: '$statsCollected', data: {}, metadata: undefined }), 1);
  const store = new EventStoreDbEventStore(client);
  return {
    store,
    dispose: async () => {
      clearInterval(stats);
      await store.close();
    },
  };
});
