export type Role = 'department' | 'planning' | 'committee' | 'auditor' | 'admin' | 'system';

/** `department` is set for role 'department'; it may be the Japanese name (産業振興課) or its slug. */
export interface Actor {
  /** Unique and traceable: a token's id (the seed importer uses its own fixed ids). */
  id: string;
  /** The token holder's display name; shown, never matched as an identity. */
  name?: string;
  role: Role;
  department?: string;
  /**
   * Set only by the seed importer when it replays recorded history as the department or division
   * that acted. It may then state what the source lost (provenance 'inferred'/'unknown', source
   * gaps at submit), which no live user may.
   */
  importer?: boolean;
}

/** The seed importer, or an actor replaying recorded history through it. */
export const mayRecordHistory = (actor: Actor): boolean => actor.role === 'system' || actor.importer === true;

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
