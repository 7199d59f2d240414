import { eraLabel, fiscalYearLabel, parseJapanesePeriod, periodLabel } from './fiscal-year.js';

describe('era labels', () => {
  it.each([
    [2016, '平成28年度'],
    [2015, '平成27年度'],
    [1989, '平成元年度'],
    [2019, '平成31年度/令和元年度'],
    [2020, '令和2年度'],
    [1988, '昭和63年度'],
  ])('FY%d is %s', (fy, label) => {
    expect(eraLabel(fy)).toBe(label);
  });

  it('shows the western year with the era alongside', () => {
    expect(fiscalYearLabel(2016)).toBe('2016年度（平成28年度）');
    expect(fiscalYearLabel(2019)).toBe('2019年度（平成31年度/令和元年度）');
  });

  it('refuses something that is not a fiscal year', () => {
    expect(() => eraLabel(2016.5)).toThrow(expect.objectContaining({ code: 'value.invalid_fiscal_year' }));
  });
});

describe('parseJapanesePeriod', () => {
  it.each([
    ['平成27~31年度', { from: 2015, to: 2019 }],
    ['平成27〜31年度', { from: 2015, to: 2019 }],
    ['平成27～31年度', { from: 2015, to: 2019 }],
    ['平成28年度', { from: 2016, to: 2016 }],
    ['[平成27~28年度]', { from: 2015, to: 2016 }],
    ['平成32年度', { from: 2020, to: 2020 }], // 1-13 counts on past the era change
    ['令和元年度', { from: 2019, to: 2019 }],
    ['平成30年度~令和2年度', { from: 2018, to: 2020 }],
    ['平成２８年度', { from: 2016, to: 2016 }],
    ['2015~2019年度', { from: 2015, to: 2019 }],
  ])('reads %s', (text, period) => {
    expect(parseJapanesePeriod(text)).toEqual(period);
  });

  it.each(['', '-', '平成31~27年度', '平成年度', '来年度', '昭和70年度'])('returns null for %p instead of guessing', (text) => {
    expect(parseJapanesePeriod(text)).toBeNull();
  });

  it('prints a period back in the source style', () => {
    expect(periodLabel({ from: 2015, to: 2019 })).toBe('平成27~31年度');
    expect(periodLabel({ from: 2016, to: 2016 })).toBe('平成28年度');
    expect(periodLabel({ from: 2018, to: 2020 })).toBe('平成30年度~令和2年度');
  });
});
