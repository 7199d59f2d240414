import { eventStoreContract } from '../contract/event-store.contract.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { EsdbWireServer } from './testing/esdb-wire-server.js';

/*
 * The contract with the real @eventstore/db-client over HTTP/2 against the test kit's gRPC
 * stand-in for EventStoreDB (loopback only). It shows what the in-memory fake cannot: calls left
 * open, flow control, the connection's stream limit, two clients racing.
 */
eventStoreContract('EventStoreDB adapter, real client over gRPC (wire test server)', async () => {
  const server = await EsdbWireServer.start();
  // The server's own bookkeeping of several KB is interleaved with Kensho's events in $all.
  const stats = setInterval(() => server.write('$stats-127.0.0.1:2113', { type: '$statsCollected', data: { blob: 'x'.repeat(4096) } }), 5);
  const store = EventStoreDbEventStore.fromConnectionString(server.connectionString);
  return {
    store,
    dispose: async () => {
      clearInterval(stats);
      await store.close();
      await server.stop();
    },
  };
});
