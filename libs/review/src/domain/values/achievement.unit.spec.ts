import { achievement } from './achievement.js';
import { parseKpiValue as kpi } from './kpi-value.js';

describe('achievement', () => {
  it('is actual / target when both are numbers in the same unit', () => {
    expect(achievement(kpi('10人'), kpi('5人'))).toEqual({ rate: 0.5 });
  });

  it('inverts for a lower-is-better measure (社会減の抑制)', () => {
    expect(achievement(kpi('100人'), kpi('125人'), { lowerIsBetter: true })).toEqual({ rate: 0.8 });
  });

  it('gives no rate when the units differ', () => {
    expect(achievement(kpi('2,530万トン'), kpi('1994トン'))).toEqual({ rate: null, reason: 'unit_mismatch' });
  });

  it('gives no rate when either side is not a number', () => {
    expect(achievement(kpi('1日1往復'), kpi('1日1往復'))).toEqual({ rate: null, reason: 'target_not_numeric' });
    expect(achievement(kpi('32%'), kpi('アンケート未実施'))).toEqual({ rate: null, reason: 'actual_not_numeric' });
    expect(achievement(kpi('-'), kpi('5人'))).toEqual({ rate: null, reason: 'target_not_numeric' });
  });

  it('gives no rate against a zero target rather than dividing by zero', () => {
    expect(achievement(kpi('0件'), kpi('3件'))).toEqual({ rate: null, reason: 'zero_divisor' });
  });

  it('pro-rates a cumulative multi-year target to year k of n', () => {
    // UIJターン促進による新規就業者数: 50人 over 平成27~31 (n = 5); FY2016 is year k = 2 → expect 20人
    const result = achievement(kpi('50人'), kpi('8人'), {
      targetPeriod: { from: 2015, to: 2019 },
      actualPeriod: { from: 2015, to: 2016 },
      fiscalYear: 2016,
    });
    expect(result.rate).toBeCloseTo(0.16);
    expect(result.proRatedExpectation).toBe(20);
    expect(result.proRatedRate).toBeCloseTo(0.4);
  });

  it('takes the evaluated year from the actual period when none is given', () => {
    const result = achievement(kpi('400人'), kpi('約110人'), {
      targetPeriod: { from: 2015, to: 2019 },
      actualPeriod: { from: 2015, to: 2016 },
    });
    expect(result.proRatedExpectation).toBe(160);
    expect(result.proRatedRate).toBeCloseTo(110 / 160);
  });

  it('pro-rates a lower-is-better cumulative target the inverted way', () => {
    // 社会減 at most 1,750人 over 5 years; 1,045人 after 2 years against an expected 700人
    const result = achievement(kpi('1,750人'), kpi('1,045人'), {
      lowerIsBetter: true,
      targetPeriod: { from: 2015, to: 2019 },
      fiscalYear: 2016,
    });
    expect(result.rate).toBeCloseTo(1750 / 1045);
    expect(result.proRatedExpectation).toBe(700);
    expect(result.proRatedRate).toBeCloseTo(700 / 1045);
  });

  it('does not pro-rate a single-year target', () => {
    expect(achievement(kpi('58%'), kpi('42.8%'), { targetPeriod: { from: 2019, to: 2019 }, fiscalYear: 2016 })).toEqual({
      rate: 42.8 / 58,
    });
  });
});
