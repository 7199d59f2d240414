import type { Actor } from '../types.js';
import { decideDepartments, evolveDepartments, initialDepartmentsState, requireDepartment, type DepartmentsState } from './department.js';

const planning: Actor = { id: 'p', role: 'planning' };
const ctx = (actor: Actor = planning) => ({ actor, now: '2017-04-01T00:00:00.000Z' });
const register = (name: string, slug: string, state: DepartmentsState = initialDepartmentsState, actor?: Actor) =>
  decideDepartments({ type: 'RegisterDepartment', name, slug }, state, ctx(actor));
const withSangyo = evolveDepartments(initialDepartmentsState, register('産業振興課', 'sangyoshinko')[0]!);

describe('department master', () => {
  it('registers a department with its name and the slug the planning division gives', () => {
    expect(register(' 環境課 ', 'kankyo')).toEqual([
      { type: 'DepartmentRegistered', data: { name: '環境課', slug: 'kankyo', registeredAt: '2017-04-01T00:00:00.000Z' } },
    ]);
    expect(withSangyo.departments).toEqual([{ name: '産業振興課', slug: 'sangyoshinko' }]);
  });

  it('is kept by the planning division (and the seed importer) only', () => {
    for (const role of ['department', 'committee', 'auditor', 'admin'] as const) {
      expect(() => register('環境課', 'kankyo', initialDepartmentsState, { id: 'x', role, department: '産業振興課' })).toThrow(
        expect.objectContaining({ code: 'department.forbidden' }),
      );
    }
    expect(register('環境課', 'kankyo', initialDepartmentsState, { id: 'seed', role: 'system' })).toHaveLength(1);
  });

  it('keeps names and slugs unique; the same registration again changes nothing', () => {
    expect(register('産業振興課', 'sangyoshinko', withSangyo)).toEqual([]);
    expect(() => register('産業振興課', 'sangyo', withSangyo)).toThrow(expect.objectContaining({ code: 'department.name_taken' }));
    expect(() => register('環境課', 'sangyoshinko', withSangyo)).toThrow(expect.objectContaining({ code: 'department.slug_taken' }));
  });

  it('refuses bad slugs and a slug typed as the name', () => {
    for (const slug of ['K', 'kankyo-ka', '1kankyo', 'k', 'a'.repeat(32)]) {
      expect(() => register('環境課', slug)).toThrow(expect.objectContaining({ code: 'department.invalid_slug' }));
    }
    expect(() => register('kankyo', 'kankyo')).toThrow(expect.objectContaining({ code: 'department.invalid_name' }));
    expect(() => register('  ', 'kankyo')).toThrow(expect.objectContaining({ code: 'department.invalid_name' }));
  });

  it('resolves a registered name; a slug or an unknown name is refused', () => {
    expect(requireDepartment(withSangyo, '産業振興課')).toEqual({ name: '産業振興課', slug: 'sangyoshinko' });
    expect(() => requireDepartment(withSangyo, 'sangyoshinko')).toThrow(expect.objectContaining({ code: 'department.name_expected' }));
    expect(() => requireDepartment(withSangyo, '環境課')).toThrow(expect.objectContaining({ code: 'department.unknown' }));
  });
});
