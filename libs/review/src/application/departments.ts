import type { EventStore } from '@kensho/event-store';
import { DEPARTMENTS_STREAM, evolveDepartments, initialDepartmentsState, type DepartmentEvent, type DepartmentsState } from '../domain/index.js';
import { upcast } from './event-registry.js';

/** The department master folded from its stream, for callers outside the command bus (token issuing). */
export async function loadDepartments(store: EventStore): Promise<DepartmentsState> {
  let state = initialDepartmentsState;
  for (const event of await store.readStream(DEPARTMENTS_STREAM)) state = evolveDepartments(state, upcast(event) as DepartmentEvent);
  return state;
}

/** True for a department registered under exactly this name (not its slug). */
export async function isRegisteredDepartment(store: EventStore, name: string): Promise<boolean> {
  return (await loadDepartments(store)).departments.some((d) => d.name === name);
}
