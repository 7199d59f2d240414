import { completeContent } from '../testing/fixtures.js';
import { parseKpiValue } from '../values/kpi-value.js';
import { applyContentPatch, diffContent, emptySheetContent } from './sheet.content.js';

describe('applyContentPatch', () => {
  it('merges finance and funding field by field', () => {
    // given a sheet with budget and settlement, when only the 国・道 part is patched
    const before = completeContent();
    const after = applyContentPatch(before, { finance: { funding: { nationalPrefectural: 0 } } });
    // then the other amounts stay as they were
    expect(after.finance).toEqual({
      budget: 286,
      settlement: 177,
      funding: { nationalPrefectural: 0, municipalBonds: null, other: null, generalFund: 177 },
    });
  });

  it('replaces arrays and sets null explicitly, ignoring absent keys', () => {
    const before = completeContent();
    const after = applyContentPatch(before, { strategyKpis: [], summary: null });
    expect(after.strategyKpis).toEqual([]);
    expect(after.summary).toBeNull();
    expect(after.effect).toEqual(before.effect);
  });

  it('does not mutate the content it is given', () => {
    const before = completeContent();
    applyContentPatch(before, { finance: { budget: 1 }, category: 'new' });
    expect(before).toEqual(completeContent());
  });
});

describe('diffContent', () => {
  it('lists changed paths, finance down to each amount', () => {
    const before = completeContent();
    const after = applyContentPatch(before, {
      category: 'revised',
      finance: { settlement: 170, funding: { generalFund: 170 } },
    });
    expect(diffContent(before, after)).toEqual(['category', 'finance.settlement', 'finance.funding.generalFund']);
  });

  it('sees a change inside a KPI entry as a change of the KPI list', () => {
    const before = completeContent();
    const kpis = before.strategyKpis.map((k) => ({ ...k, actual: parseKpiValue('8人') }));
    expect(diffContent(before, applyContentPatch(before, { strategyKpis: kpis }))).toEqual(['strategyKpis']);
  });

  it('is empty when nothing changed', () => {
    expect(diffContent(emptySheetContent(), emptySheetContent())).toEqual([]);
  });
});
