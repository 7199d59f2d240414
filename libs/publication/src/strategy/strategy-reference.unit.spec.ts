import type { Strategy } from '@kensho/review';
import { strategyInForce, toStrategyReference } from './strategy-reference.js';

const strategy = (name: string, from: number, to: number): Strategy => ({
  name,
  period: { from, to },
  policyAreas: [{ code: '1', name: '産業振興', basicDirections: [{ name: '「働くまち」', measures: [{ name: '企業誘致', subMeasures: ['創業支援'] }] }] }],
  strategyKpis: [{ id: 'sk-01', name: 'UIJターン', printedShares: [2], projects: ['1-01'] }],
});
const first = strategy('第1期', 2015, 2019);
const second = strategy('第2期', 2020, 2024);

describe('the strategy an edition prints', () => {
  it('keeps the area names and measure tree, not the KPI master', () => {
    expect(toStrategyReference(first)).toEqual({
      name: '第1期',
      period: { from: 2015, to: 2019 },
      areas: [{ code: '1', name: '産業振興', directions: [{ name: '「働くまち」', measures: [{ name: '企業誘致', subMeasures: ['創業支援'] }] }] }],
    });
  });

  it('is the year’s own, else the newest earlier one whose period covers the year, else none', () => {
    expect(strategyInForce(2017, second, [first])?.name).toBe('第2期');
    expect(strategyInForce(2017, null, [first])?.name).toBe('第1期');
    expect(strategyInForce(2021, null, [second, first])?.name).toBe('第2期');
    expect(strategyInForce(2021, null, [first])).toBeNull();
    expect(strategyInForce(2016, null, [])).toBeNull();
  });
});
