import { completeContent } from '../testing/fixtures.js';
import { parseKpiValue } from '../values/kpi-value.js';
import { carryForwardContent } from './sheet.carry-forward.js';
import { emptySheetContent } from './sheet.content.js';

describe('carryForwardContent', () => {
  const previous = {
    ...completeContent(),
    category: 'new' as const,
    implementingBody: { city: true, other: '室蘭工業大学' },
    planKpis: [
      {
        name: '新規就業者数',
        targetThisYear: parseKpiValue('10人'),
        targetLaterYear: parseKpiValue('40人'),
        laterFiscalYear: 2020,
        actualThisYear: parseKpiValue('0人'),
        lowerIsBetter: false,
      },
    ],
  };

  it('keeps what the project is and measures, and a 新規 project becomes 継続', () => {
    const next = carryForwardContent(previous);
    expect(next.category).toBe('continuing');
    expect(next.implementingBody).toEqual({ city: true, other: '室蘭工業大学' });
    expect(next.summary).toEqual(previous.summary);
    expect(next.strategyKpis).toEqual([
      {
        name: 'UIJターン促進による新規就業者数',
        target: parseKpiValue('50人'),
        targetPeriod: { from: 2015, to: 2019 },
        actual: { text: '', status: 'empty' },
        actualPeriod: null,
      },
    ]);
    expect(next.planKpis).toEqual([
      {
        name: '新規就業者数',
        targetThisYear: parseKpiValue('10人'),
        targetLaterYear: parseKpiValue('40人'),
        laterFiscalYear: 2020,
        actualThisYear: { text: '', status: 'empty' },
        lowerIsBetter: false,
      },
    ]);
  });

  it("clears the year's facts: money, what was done, its effect", () => {
    const next = carryForwardContent(previous);
    expect(next.finance).toEqual(emptySheetContent().finance);
    expect(next.implementation).toBeNull();
    expect(next.effect).toBeNull();
  });

  it('leaves the category empty when the previous sheet had none', () => {
    expect(carryForwardContent({ ...previous, category: null }).category).toBeNull();
  });

  it('shares no structure with the previous content', () => {
    const next = carryForwardContent(previous);
    next.strategyKpis[0]!.target.text = 'changed';
    expect(previous.strategyKpis[0]!.target.text).toBe('50人');
  });
});
