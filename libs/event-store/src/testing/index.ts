// The event store's testing entry (`@kensho/event-store/testing`): for specs only. The build leaves
// `testing/` folders out, so production code that imported it would not compile.
export { MemoryEventStore } from './memory-event-store.js';
