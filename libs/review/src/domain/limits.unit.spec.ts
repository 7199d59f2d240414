import { DomainError } from './errors.js';
import { LIMITS } from './limits.js';
import { normalizeContentPatch } from './sheet/sheet.content-validation.js';
import { normalizeEvaluationPatch } from './sheet/sheet.evaluation-validation.js';
import type { Actor } from './types.js';

const refusal = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('text limits, in the domain (the API, the CLI and the seed all pass here)', () => {
  it('a rich text field holds at most 4,000 characters in all', () => {
    expect(() => normalizeContentPatch({ summary: [{ kind: 'paragraph', text: 'あ'.repeat(LIMITS.richTextChars) }] })).not.toThrow();
    const error = refusal(() =>
      normalizeContentPatch({
        effect: [
          { kind: 'paragraph', text: 'あ'.repeat(3_000) },
          { kind: 'list', items: ['い'.repeat(1_001)] },
        ],
      }),
    );
    expect(error).toMatchObject({ code: 'value.too_long', kind: 'validation', details: { field: 'effect' } });
    expect(refusal(() => normalizeContentPatch({ summary: 'x'.repeat(1_000_000) })).details).toMatchObject({ field: 'summary' });
  });

  it('a rich text field holds at most 200 blocks, and a list at most 200 items', () => {
    const blocks = Array.from({ length: LIMITS.richTextBlocks + 1 }, () => ({ kind: 'paragraph', text: 'a' }));
    expect(refusal(() => normalizeContentPatch({ implementation: blocks }))).toMatchObject({
      code: 'value.too_many_items',
      details: { field: 'implementation' },
    });
    const items = Array.from({ length: 100_000 }, () => 'a');
    expect(refusal(() => normalizeContentPatch({ implementation: [{ kind: 'list', items }] }))).toMatchObject({
      code: 'value.too_many_items',
      details: { field: 'implementation[0].items' },
    });
  });

  it('KPI names and printed values, KPI rows and the other body have limits', () => {
    const kpi = {
      name: 'n'.repeat(LIMITS.kpiName + 1),
      target: { text: '50件', status: 'qualitative' },
      targetPeriod: null,
      actual: { text: 'x'.repeat(201), status: 'qualitative' },
      actualPeriod: null,
    };
    const error = refusal(() => normalizeContentPatch({ strategyKpis: [kpi], implementingBody: { city: true, other: 'o'.repeat(201) } }));
    expect((error.details!.issues as Array<{ field: string }>).map((i) => i.field)).toEqual([
      'implementingBody.other',
      'strategyKpis[0].name',
      'strategyKpis[0].actual.text',
    ]);
    const rows = Array.from({ length: LIMITS.kpiRows + 1 }, () => ({ ...kpi, name: 'n', actual: kpi.target }));
    expect(refusal(() => normalizeContentPatch({ planKpis: [], strategyKpis: rows }))).toMatchObject({
      code: 'value.too_many_items',
      details: { field: 'strategyKpis' },
    });
  });

  it('evaluation reasons have a limit', () => {
    const actor: Actor = { id: 'u', role: 'department', department: '産業振興課' };
    expect(refusal(() => normalizeEvaluationPatch({ directionReason: 'r'.repeat(LIMITS.evaluationReason + 1) }, actor))).toMatchObject({
      code: 'value.too_long',
      details: { field: 'evaluation.directionReason' },
    });
  });
});
