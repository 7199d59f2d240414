import { conflict, forbidden, invalid } from '../errors.js';
import type { DecisionContext, DomainEvent } from '../types.js';
import { mayRecordHistory } from '../types.js';
import { DEPARTMENT_SLUG, type Department } from '../values/departments.js';

/**
 * The department master (所管課マスタ): one stream, kept by the planning division. A department's slug
 * is the stable ASCII part of its sheet ids, so it is given once, by a person, and never derived.
 */
export const DEPARTMENTS_STREAM = 'master-departments';

export interface RegisterDepartment {
  type: 'RegisterDepartment';
  name: string;
  slug: string;
}
export type DepartmentCommand = RegisterDepartment;

// Stored verbatim as the event type: part of the audit record, never rename.
export const DEPARTMENT_EVENT_TYPES = ['DepartmentRegistered'] as const;
export const DEPARTMENT_EVENT_SCHEMA_VERSION: Record<(typeof DEPARTMENT_EVENT_TYPES)[number], number> = { DepartmentRegistered: 1 };

export type DepartmentRegistered = DomainEvent<'DepartmentRegistered', { name: string; slug: string; registeredAt: string }>;
export type DepartmentEvent = DepartmentRegistered;

export interface DepartmentsState {
  /** In the order they were registered. */
  departments: Department[];
}

export const initialDepartmentsState: DepartmentsState = { departments: [] };

export function evolveDepartments(state: DepartmentsState, event: DepartmentEvent): DepartmentsState {
  switch (event.type) {
    case 'DepartmentRegistered':
      return { departments: [...state.departments, { name: event.data.name, slug: event.data.slug }] };
    default:
      return state;
  }
}

const NAME_MAX = 100;

export function decideDepartments(command: DepartmentCommand, state: DepartmentsState, ctx: DecisionContext): DepartmentEvent[] {
  if (ctx.actor.role !== 'planning' && !mayRecordHistory(ctx.actor)) {
    throw forbidden('department.forbidden', 'Only the planning division (企画課) keeps the department master', { role: ctx.actor.role });
  }
  const name = typeof command.name === 'string' ? command.name.trim() : '';
  const slug = command.slug;
  if (name.length === 0 || name.length > NAME_MAX) {
    throw invalid('department.invalid_name', `name must be 1-${NAME_MAX} characters (所管課名を入力してください)`, { field: 'name', value: command.name });
  }
  // A name that reads like a slug is almost always a slug typed in the wrong field.
  if (DEPARTMENT_SLUG.test(name)) {
    throw invalid('department.invalid_name', `name "${name}" looks like a slug (所管課名は日本語の正式名称で入力してください。例: 産業振興課)`, {
      field: 'name',
      value: name,
    });
  }
  if (typeof slug !== 'string' || !DEPARTMENT_SLUG.test(slug)) {
    throw invalid('department.invalid_slug', `slug must match ${DEPARTMENT_SLUG} (スラッグは英小文字で始まる2〜31文字の英小文字・数字です。例: sangyoshinko)`, {
      field: 'slug',
      value: slug,
    });
  }
  const sameName = state.departments.find((d) => d.name === name);
  const sameSlug = state.departments.find((d) => d.slug === slug);
  // Registering exactly what is there already changes nothing: the seed and retries rely on it.
  if (sameName && sameName === sameSlug) return [];
  if (sameName) {
    throw conflict('department.name_taken', `${name} is already registered with slug ${sameName.slug} (この所管課名は登録済みです)`, {
      name,
      slug: sameName.slug,
    });
  }
  if (sameSlug) {
    throw conflict('department.slug_taken', `slug ${slug} already belongs to ${sameSlug.name} (このスラッグは他の所管課が使用しています)`, {
      name: sameSlug.name,
      slug,
    });
  }
  return [{ type: 'DepartmentRegistered', data: { name, slug, registeredAt: ctx.now } }];
}

/**
 * The registered department of this exact name. A slug, or a name not in the master, is refused:
 * sheets and tokens carry names, and an unknown one would create sheets no department's list shows.
 */
export function requireDepartment(state: DepartmentsState, name: unknown, field = 'department'): Department {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  const known = state.departments.find((d) => d.name === trimmed);
  if (known) return known;
  const bySlug = state.departments.find((d) => d.slug === trimmed);
  if (bySlug) {
    throw invalid(
      'department.name_expected',
      `"${trimmed}" is the slug of ${bySlug.name}; give the department's name (所管課は名称で指定してください: ${bySlug.name})`,
      {
        field,
        value: trimmed,
        name: bySlug.name,
      },
    );
  }
  throw invalid('department.unknown', `"${trimmed}" is not a registered department (所管課マスタに登録されていない所管課です。企画課が先に登録してください)`, {
    field,
    value: trimmed,
  });
}
