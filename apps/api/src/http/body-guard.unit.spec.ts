import { findBodyViolation, MAX_JSON_DEPTH } from './body-guard.js';

describe('findBodyViolation', () => {
  it('passes ordinary bodies, Japanese text and surrogate pairs included', () => {
    expect(
      findBodyViolation({ summary: '市内での創業を支援する。𠮷野家', strategyKpis: [{ name: 'KPI', target: '50件' }], n: 1, ok: true, none: null }),
    ).toBeNull();
    expect(findBodyViolation(undefined)).toBeNull();
    expect(findBodyViolation('plain')).toBeNull();
  });

  it('names a NUL or a lone surrogate in a value, by its path', () => {
    expect(findBodyViolation({ strategyKpis: [{ name: 'a\u0000b' }] })).toMatchObject({ code: 'request.unstorable_text', field: 'strategyKpis[0].name' });
    expect(findBodyViolation({ summary: 'x\uD800' })).toMatchObject({ code: 'request.unstorable_text', field: 'summary' });
    expect(findBodyViolation({ summary: '\uDC00x' })).toMatchObject({ code: 'request.unstorable_text', field: 'summary' });
    expect(findBodyViolation(['\u0000'])).toMatchObject({ code: 'request.unstorable_text', field: '[0]' });
  });

  it('checks keys too, and spells the bad character so the answer stays printable', () => {
    const violation = findBodyViolation({ finance: { 'bud\u0000get': 1 } });
    expect(violation).toMatchObject({ code: 'request.unstorable_text', field: 'finance.bud\\u0000get' });
    expect(violation!.detail).not.toContain('\u0000');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s at any depth', (key) => {
    expect(findBodyViolation(JSON.parse(`{"finance":{"${key}":{"x":1}}}`))).toMatchObject({ code: 'request.forbidden_key', field: `finance.${key}` });
  });

  it('refuses nesting past the bound without overflowing the stack, however deep', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(findBodyViolation(deep)).toMatchObject({ code: 'request.too_deep' });
    let ok: unknown = 1;
    for (let i = 0; i < MAX_JSON_DEPTH; i++) ok = { a: ok };
    expect(findBodyViolation(ok)).toBeNull();
    expect(findBodyViolation({ a: ok })).toMatchObject({ code: 'request.too_deep' });
  });
});
