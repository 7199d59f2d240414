import { facts } from '../testing/fixtures.js';
import { evaluationSummary } from './evaluation-summary.js';

describe('evaluationSummary', () => {
  const sheets = [
    facts({ policyAreas: ['1', 'プラス1'], direction: 'expand' }),
    facts({ sheetId: 'b', direction: 'improve', provenance: { effectiveness: 'stated', direction: 'inferred', strategyRevision: 'stated' } }),
    facts({
      sheetId: 'c',
      policyAreas: ['3'],
      effectiveness: null,
      direction: null,
      provenance: { effectiveness: 'unknown', direction: 'unknown', strategyRevision: 'stated' },
    }),
  ];

  it('counts every option of the three choices, with unknown for sheets without a value', () => {
    const { total } = evaluationSummary(sheets);
    expect(total.sheetCount).toBe(3);
    expect(total.direction).toEqual({ expand: 1, improve: 1, continue: 0, discontinue: 0, complete: 0, unknown: 1 });
    expect(total.effectiveness).toEqual({ effective: 2, not_effective: 0, unknown: 1 });
    expect(total.strategyRevision).toEqual({ needed: 0, not_needed: 3, unknown: 0 });
    expect(total.inferred.direction).toEqual({ expand: 0, improve: 1, continue: 0, discontinue: 0, complete: 0 });
  });

  it('counts per policy area in the strategy’s order; a sheet in two areas counts in both', () => {
    const { byPolicyArea } = evaluationSummary(sheets);
    expect(byPolicyArea.map((a) => [a.policyArea, a.sheetCount, a.direction.expand])).toEqual([
      ['1', 2, 1],
      ['3', 1, 0],
      ['プラス1', 1, 1],
    ]);
  });
});
