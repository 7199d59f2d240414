import { changeLine, describeChanges, formatValue } from './describe-changes.js';

describe('describeChanges', () => {
  it('names each changed figure with thousands separators', () => {
    const before = { finance: { budget: 3920, settlement: 2988, funding: { generalFund: 483 } } };
    const after = { finance: { budget: 4100, settlement: 2988, funding: { generalFund: 483 } } };
    expect(describeChanges(before, after).map(changeLine)).toEqual(['finance.budget: 3,920 → 4,100']);
  });

  it('shows empty as a dash and never reports unchanged fields', () => {
    expect(describeChanges({ status: 'draft', submittedAt: null }, { status: 'submitted', submittedAt: '2017-06-20T07:00:00.000Z' }).map(changeLine)).toEqual([
      'status: draft → submitted',
      'submittedAt: — → 2017-06-20T07:00:00.000Z',
    ]);
    expect(describeChanges({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it('shows KPI values as printed and rich text as plain text', () => {
    const kpi = (text: string) => ({ text, status: 'numeric', number: 1 });
    const before = { strategyKpis: [{ name: 'X', actual: kpi('') }], summary: null };
    const after = {
      strategyKpis: [{ name: 'X', actual: kpi('約110人') }],
      summary: [
        { kind: 'paragraph', text: '概要' },
        { kind: 'list', items: ['一', '二'] },
      ],
    };
    expect(describeChanges(before, after).map(changeLine)).toEqual(['strategyKpis[0].actual: — → 約110人', 'summary: — → 概要 ・一 ・二']);
  });

  it('reports added and removed array items by index', () => {
    expect(describeChanges({ planKpis: [] }, { planKpis: [{ name: '受講者数' }] }).map(changeLine)).toEqual(['planKpis[0].name: — → 受講者数']);
  });

  it('truncates long text', () => {
    expect(formatValue('あ'.repeat(500))).toHaveLength(120);
  });
});
