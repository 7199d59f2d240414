import { facts } from '../testing/fixtures.js';
import { budgetExecution, budgetFigures } from './budget.js';

const overrun = facts({
  sheetId: '2016.2-02.kosodateshien',
  projectCode: '2-02',
  department: '子育て支援室',
  policyAreas: ['2'],
  budget: 25592,
  settlement: 44511,
  funding: { nationalPrefectural: null, municipalBonds: null, other: null, generalFund: 44511 },
});
const empty = facts({
  sheetId: '2016.1-08.sangyoshinko',
  projectCode: '1-08',
  policyAreas: ['1', 'プラス1'],
  budget: null,
  settlement: null,
  funding: { nationalPrefectural: null, municipalBonds: null, other: null, generalFund: null },
});
const withGrant = facts({
  projectCode: '1-02',
  sheetId: '2016.1-02.sangyoshinko',
  budget: 6249,
  settlement: 6221,
  funding: { nationalPrefectural: 2500, municipalBonds: null, other: null, generalFund: 3721 },
});

describe('budgetFigures', () => {
  it('adds up what is there and counts what is missing: an empty cell is not zero', () => {
    expect(budgetFigures([facts(), empty])).toMatchObject({ sheetCount: 2, budget: 10695, settlement: 5444, missingBudget: 1, missingSettlement: 1 });
    expect(budgetFigures([empty])).toMatchObject({ budget: null, settlement: null, executionRate: null, fundingTotal: null });
  });

  it('computes the execution rate over sheets with both figures, and flags overruns', () => {
    const figures = budgetFigures([facts(), overrun, empty]);
    expect(figures.executionRate).toBeCloseTo((5444 + 44511) / (10695 + 25592), 10);
    expect(figures.overBudget).toBe(1);
  });

  it('totals each funding source, null where no sheet has it', () => {
    expect(budgetFigures([facts(), withGrant]).funding).toEqual({ nationalPrefectural: 2500, municipalBonds: null, other: null, generalFund: 5444 + 3721 });
    expect(budgetFigures([facts(), withGrant]).fundingTotal).toBe(2500 + 5444 + 3721);
  });
});

describe('budgetExecution', () => {
  it('totals per department, per policy area (a sheet in two areas counts in both) and for the year', () => {
    const execution = budgetExecution([facts(), overrun, empty, withGrant]);
    expect(execution.total).toMatchObject({ sheetCount: 4, budget: 10695 + 25592 + 6249 });
    expect(execution.byDepartment.map((d) => [d.department, d.sheetCount, d.budget])).toEqual([
      ['子育て支援室', 1, 25592],
      ['産業振興課', 3, 10695 + 6249],
    ]);
    expect(execution.byPolicyArea.map((a) => [a.policyArea, a.sheetCount])).toEqual([
      ['1', 3],
      ['2', 1],
      ['プラス1', 1],
    ]);
    expect(execution.sheets.find((s) => s.projectCode === '2-02')).toMatchObject({ overBudget: 1, budget: 25592, settlement: 44511 });
  });
});
