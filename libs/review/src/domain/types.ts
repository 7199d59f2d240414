export type Role = 'department' | 'planning' | 'committee' | 'auditor' | 'admin' | 'system';

/** `department` is set for role 'department'; it may be the Japanese name (産業振興課) or its slug. */
export interface Actor {
  id: string;
  role: Role;
  department?: string;
}

/** `now` is business time (ISO-8601), injected so that seeds can replay history. */
export interface DecisionContext {
  actor: Actor;
  now: string;
}

export interface DomainEvent<T extends string = string, D = unknown> {
  type: T;
  data: D;
}

export const ROLES: readonly Role[] = ['department', 'planning', 'committee', 'auditor', 'admin', 'system'];
