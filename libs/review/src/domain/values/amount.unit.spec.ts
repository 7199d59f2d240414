import { DomainError } from '../errors.js';
import { assertAmount, sumAmounts } from './amount.js';

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('amounts in thousand yen', () => {
  it('accepts an integer and accepts null as an empty cell', () => {
    expect(codeOf(() => assertAmount(177))).toBeUndefined();
    expect(codeOf(() => assertAmount(0))).toBeUndefined();
    expect(codeOf(() => assertAmount(null))).toBeUndefined();
  });

  it('refuses a negative amount as value.negative_amount (validation)', () => {
    let caught: unknown;
    try {
      assertAmount(-1, 'finance.budget');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'value.negative_amount', kind: 'validation', details: { field: 'finance.budget', value: -1 } });
  });

  it('refuses fractions and non-numbers', () => {
    expect(codeOf(() => assertAmount(1.5))).toBe('value.invalid_amount');
    expect(codeOf(() => assertAmount('177'))).toBe('value.invalid_amount');
  });

  it('sums stated amounts and keeps "nothing stated" distinct from zero', () => {
    expect(sumAmounts([2500, null, null, 3721])).toBe(6221);
    expect(sumAmounts([0, null])).toBe(0);
    expect(sumAmounts([null, null])).toBeNull();
  });
});
