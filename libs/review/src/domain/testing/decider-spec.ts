import { DomainError } from '../errors.js';
import type { Actor, DecisionContext, DomainEvent } from '../types.js';

/** Test-only: given(events).when(command, actor).then(events) / .thenThrows(code). Not exported from the barrel. */
export interface Decider<C, E extends DomainEvent, S> {
  decide(command: C, state: S, ctx: DecisionContext): E[];
  evolve(state: S, event: E): S;
  initialState: S;
}

export const DEFAULT_NOW = '2017-06-01T09:00:00+09:00';

export function deciderSpec<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(events: E[]) {
      const state = events.reduce((s, e) => decider.evolve(s, e), decider.initialState);
      return {
        state,
        when(command: C, actor: Actor, now: string = DEFAULT_NOW) {
          const run = (): E[] => decider.decide(command, state, { actor, now });
          return {
            events: run,
            then(expected: E[]): void {
              expect(run()).toEqual(expected);
            },
            thenThrows(code: string, details?: Record<string, unknown>): DomainError {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(DomainError);
              const error = caught as DomainError;
              expect(error.code).toBe(code);
              if (details) expect(error.details).toMatchObject(details);
              return error;
            },
          };
        },
      };
    },
  };
}
