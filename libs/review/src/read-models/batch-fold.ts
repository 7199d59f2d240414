import type { RecordedEvent } from '@kensho/event-store';
import type { BatchStates } from '@kensho/projections';
import type { AggregateDefinition } from '../application/aggregates.js';
import { upcast } from '../application/event-registry.js';

/**
 * Folds one event into a batch's states with the aggregate's own evolve. Events before a stream's
 * first real one leave no row, as they leave no aggregate. Returns the state after the event.
 */
export function foldEvent<S extends { exists: boolean }>(
  states: BatchStates<S>,
  aggregate: Pick<AggregateDefinition<S, unknown>, 'initialState' | 'evolve'>,
  key: string,
  event: RecordedEvent,
): S {
  const state = aggregate.evolve(states.get(key) ?? aggregate.initialState, upcast(event));
  if (state.exists) states.set(key, state, event);
  return state;
}
