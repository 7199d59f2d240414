import {
  cycleStreamId,
  decideCycle,
  decideDepartments,
  evolveDepartments,
  initialDepartmentsState,
  type DepartmentCommand,
  type DepartmentEvent,
  type DepartmentsState,
  decideSheet,
  evolveCycle,
  evolveSheet,
  initialCycleState,
  initialSheetState,
  sheetStreamId,
  type CycleCommand,
  type CycleState,
  type DecisionContext,
  type DomainEvent,
  type SheetCommand,
  type SheetState,
} from '../domain/index.js';

/** A decider the generic command service can drive: pure functions plus how to name streams. */
export interface AggregateDefinition<S, C> {
  name: string;
  initialState: S;
  decide(command: C, state: S, context: DecisionContext): DomainEvent[];
  evolve(state: S, event: DomainEvent): S;
}

export const SheetAggregate: AggregateDefinition<SheetState, SheetCommand> = {
  name: 'sheet',
  initialState: initialSheetState,
  decide: (command, state, context) => decideSheet(command, state, context),
  evolve: (state, event) => evolveSheet(state, event as Parameters<typeof evolveSheet>[1]),
};

export const CycleAggregate: AggregateDefinition<CycleState, CycleCommand> = {
  name: 'cycle',
  initialState: initialCycleState,
  decide: (command, state, context) => decideCycle(command, state, context),
  evolve: (state, event) => evolveCycle(state, event as Parameters<typeof evolveCycle>[1]),
};

export const DepartmentsAggregate: AggregateDefinition<DepartmentsState, DepartmentCommand> = {
  name: 'departments',
  initialState: initialDepartmentsState,
  decide: (command, state, context) => decideDepartments(command, state, context),
  evolve: (state, event) => evolveDepartments(state, event as DepartmentEvent),
};

export { cycleStreamId, sheetStreamId };
