import { amountLabel, formatNumber, isoDayLabel, jstDate, jstDateTime, periodBoth } from './format.js';

describe('formatting for the report', () => {
  it('groups thousands and keeps empty amounts empty', () => {
    expect(formatNumber(44511)).toBe('44,511');
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
    expect(formatNumber(-1750)).toBe('-1,750');
    expect(amountLabel(6249)).toBe('6,249千円');
    expect(amountLabel(0)).toBe('0千円');
    expect(amountLabel(null)).toBeNull();
  });

  it('writes western fiscal years with the era alongside', () => {
    expect(periodBoth({ from: 2016, to: 2016 })).toBe('2016年度（平成28年度）');
    expect(periodBoth({ from: 2015, to: 2019 })).toBe('2015～2019年度（平成27～31年度）');
    expect(periodBoth({ from: 2018, to: 2020 })).toBe('2018～2020年度（平成30年度～令和2年度）');
  });

  it('shows times in Japan time', () => {
    expect(jstDateTime('2017-10-01T15:05:00.000Z')).toBe('2017年10月2日 0時05分');
    expect(jstDate('2017-10-01T14:59:00.000Z')).toBe('2017年10月1日');
    expect(isoDayLabel('2017-08-30')).toBe('2017年8月30日');
  });
});
