import { DomainError } from '@kensho/review';
import { filterClauses, scopeToViewer } from './filter.js';

describe('scopeToViewer', () => {
  const sangyo = { id: 'u', role: 'department' as const, department: '産業振興課' };

  it('lets other roles filter freely, reading a slug as the department name', () => {
    expect(scopeToViewer({ department: 'kikaku', status: 'approved' }, { id: 'p', role: 'planning' })).toEqual({ department: '企画課', status: 'approved' });
    expect(scopeToViewer({}, { id: 'c', role: 'committee' })).toEqual({});
  });

  it('holds a department to its own figures, and refuses another one', () => {
    expect(scopeToViewer({}, sangyo)).toEqual({ department: '産業振興課' });
    expect(scopeToViewer({ department: 'sangyoshinko' }, sangyo)).toEqual({ department: '産業振興課' });
    expect(() => scopeToViewer({ department: '企画課' }, sangyo)).toThrow(DomainError);
  });
});

describe('filterClauses', () => {
  it('numbers its parameters after the ones before it', () => {
    expect(filterClauses({ department: '企画課', policyArea: 'プラス1' }, 1)).toEqual({
      sql: ' AND department = $2 AND $3 = ANY(policy_areas)',
      values: ['企画課', 'プラス1'],
    });
  });
});
