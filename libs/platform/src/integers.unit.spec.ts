import { INTEGER_RANGES, INT4_MAX, parseCanonicalInteger } from './integers.js';

describe('parseCanonicalInteger', () => {
  const any = { min: 0, max: Number.MAX_SAFE_INTEGER };

  it('reads canonical decimal integers', () => {
    expect(parseCanonicalInteger('0', any)).toBe(0);
    expect(parseCanonicalInteger('7', any)).toBe(7);
    expect(parseCanonicalInteger('2016', INTEGER_RANGES.fiscalYear)).toBe(2016);
    expect(parseCanonicalInteger(String(Number.MAX_SAFE_INTEGER), any)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(['2042.0', '02042', '1e3', '0x10', ' 7', '7 ', '+7', '-1', '', '1_000', '１２', 'abc', '0.5', 'Infinity', 'NaN', '00'])(
    'refuses the non-canonical %p',
    (raw) => {
      expect(parseCanonicalInteger(raw, any)).toBeNull();
    },
  );

  it('refuses what is not one string (a repeated query parameter, a number, nothing)', () => {
    expect(parseCanonicalInteger(['1', '2'], any)).toBeNull();
    expect(parseCanonicalInteger(7, any)).toBeNull();
    expect(parseCanonicalInteger(undefined, any)).toBeNull();
  });

  it('keeps to the range, and to what the column and a JS number can hold', () => {
    expect(parseCanonicalInteger('1988', INTEGER_RANGES.fiscalYear)).toBeNull();
    expect(parseCanonicalInteger('2201', INTEGER_RANGES.fiscalYear)).toBeNull();
    expect(parseCanonicalInteger(String(INT4_MAX), INTEGER_RANGES.version)).toBe(INT4_MAX);
    expect(parseCanonicalInteger(String(INT4_MAX + 1), INTEGER_RANGES.version)).toBeNull();
    expect(parseCanonicalInteger('0', INTEGER_RANGES.position)).toBeNull();
    expect(parseCanonicalInteger('9007199254740992', any)).toBeNull();
    expect(parseCanonicalInteger('9'.repeat(400), any)).toBeNull();
  });
});
