import { parseKpiValue } from '@kensho/review';
import { DEFAULT_THRESHOLDS, judgeKpi, ratingOf } from './judge.js';

const kpi = (target: string, actual: string, more: Partial<Parameters<typeof judgeKpi>[0]> = {}) => ({
  target: parseKpiValue(target),
  actual: parseKpiValue(actual),
  targetPeriod: { from: 2019, to: 2019 },
  actualPeriod: { from: 2016, to: 2016 },
  lowerIsBetter: false,
  fiscalYear: 2016,
  ...more,
});
const fiveYears = { targetPeriod: { from: 2015, to: 2019 }, actualPeriod: { from: 2015, to: 2016 } };

describe('ratingOf', () => {
  it.each([
    [1.2, 'on_track'],
    [1, 'on_track'],
    [0.99, 'roughly_on_track'],
    [0.8, 'roughly_on_track'],
    [0.79, 'needs_improvement'],
    [null, 'not_measurable'],
  ] as const)('rates %s as %s with the default thresholds (1.0 / 0.8)', (rate, rating) => {
    expect(ratingOf(rate, DEFAULT_THRESHOLDS)).toBe(rating);
  });

  it('follows configured thresholds', () => {
    expect(ratingOf(0.95, { onTrack: 0.9, roughly: 0.7 })).toBe('on_track');
    expect(ratingOf(0.75, { onTrack: 0.9, roughly: 0.7 })).toBe('roughly_on_track');
  });
});

describe('judgeKpi', () => {
  it('rates a cumulative target by its pro-rated share, and knows when the whole target is reached (7件 of 5件)', () => {
    const judgement = judgeKpi(kpi('5件', '7件', fiveYears), DEFAULT_THRESHOLDS);
    expect(judgement).toMatchObject({ rate: 1.4, proRatedExpectation: 2, proRatedRate: 3.5, basis: 'pro_rated', rating: 'on_track', pastTarget: true });
  });

  it('is on track by year 2 of 5 with less than the whole target (23件 of 30件)', () => {
    expect(judgeKpi(kpi('30件', '23件', fiveYears), DEFAULT_THRESHOLDS)).toMatchObject({ rating: 'on_track', pastTarget: false });
  });

  it('never calls a lower-is-better cumulative ceiling reached while its period runs (社会減 1,045人 of 1,750人)', () => {
    const judgement = judgeKpi(kpi('1,750人', '1,045人', { ...fiveYears, lowerIsBetter: true }), DEFAULT_THRESHOLDS);
    expect(judgement).toMatchObject({ proRatedExpectation: 700, rating: 'needs_improvement', pastTarget: false });
    expect(judgement.proRatedRate).toBeCloseTo(700 / 1045, 10);
  });

  it('calls a lower-is-better level target reached once the figure is below it', () => {
    expect(judgeKpi(kpi('32%', '28%', { lowerIsBetter: true }), DEFAULT_THRESHOLDS)).toMatchObject({ rating: 'on_track', pastTarget: true, basis: 'target' });
  });

  it('rates a single-year target against the target itself (1,286,720人 of 1,400,000人)', () => {
    const judgement = judgeKpi(kpi('1,400,000人', '1,286,720人'), DEFAULT_THRESHOLDS);
    expect(judgement).toMatchObject({ basis: 'target', proRatedRate: null, rating: 'roughly_on_track', pastTarget: false });
  });

  it('marks a judgement resting on an approximate figure (約110人)', () => {
    expect(judgeKpi(kpi('400人', '約110人', fiveYears), DEFAULT_THRESHOLDS)).toMatchObject({ approximate: true, rating: 'needs_improvement' });
  });

  it.each([
    ['35%', 'アンケート未実施', 'actual_not_numeric'],
    ['実施', '構想策定', 'target_not_numeric'],
    ['2,530万トン', '19,940,000トン', 'unit_mismatch'],
    ['0件', '3件', 'zero_divisor'],
  ])('is not measurable for %s against %s (%s)', (target, actual, reason) => {
    expect(judgeKpi(kpi(target, actual), DEFAULT_THRESHOLDS)).toMatchObject({ rate: null, rating: 'not_measurable', pastTarget: false, reason });
  });
});
