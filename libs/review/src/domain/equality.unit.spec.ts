import { cloneJson, jsonEqual } from './equality.js';

describe('cloneJson', () => {
  const sample = {
    text: '室蘭市',
    amount: 3920,
    nothing: null,
    gone: undefined,
    list: [1, undefined, { kind: 'paragraph', text: 'x', dropped: undefined }],
    nested: { deep: { deeper: ['a', 'b'] } },
  };

  it('copies exactly what a JSON round trip would keep', () => {
    expect(cloneJson(sample)).toEqual(JSON.parse(JSON.stringify(sample)));
    expect(Object.keys(cloneJson(sample))).not.toContain('gone');
  });

  it('shares nothing with the original', () => {
    const copy = cloneJson(sample);
    copy.nested.deep.deeper.push('c');
    (copy.list[2] as { text: string }).text = 'changed';
    expect(sample.nested.deep.deeper).toEqual(['a', 'b']);
    expect((sample.list[2] as { text: string }).text).toBe('x');
    expect(jsonEqual(cloneJson(sample), JSON.parse(JSON.stringify(sample)))).toBe(true);
  });

  it('passes primitives and undefined through', () => {
    expect(cloneJson(undefined)).toBeUndefined();
    expect(cloneJson('a')).toBe('a');
    expect(cloneJson(null)).toBeNull();
  });
});
