import { emptySheetContent, emptyEvaluation, initialSheetState, parseKpiValue, type SheetState } from '../../domain/index.js';
import { toSheetView } from '../../read-models/sheet-view.js';
import { assessQuality } from './assess-quality.js';

function sheet(code: string, department: string, patch: Partial<SheetState['content']>, evaluation: Partial<SheetState['evaluation']> = {}) {
  const state: SheetState = {
    ...initialSheetState,
    exists: true,
    id: `2016.${code}.x`,
    fiscalYear: 2016,
    projectCode: code,
    projectName: `事業 ${code}`,
    department,
    status: 'approved',
    content: {
      ...emptySheetContent(),
      category: 'continuing',
      implementingBody: { city: true, other: null },
      summary: [{ kind: 'paragraph', text: '概要' }],
      finance: { budget: 100, settlement: 100, funding: { nationalPrefectural: null, municipalBonds: null, other: null, generalFund: 100 } },
      ...patch,
    },
    evaluation: { ...emptyEvaluation(), ...evaluation },
  };
  return toSheetView(state, 4);
}

const kpi = (kpiId: string, actual: string, printedShare: number | null) => ({
  kpiId,
  name: `KPI ${kpiId}`,
  target: parseKpiValue('5件'),
  targetPeriod: null,
  actual: parseKpiValue(actual),
  actualPeriod: null,
  printedShare,
});

describe('assessQuality', () => {
  it('flags an overrun, a missing budget and a breakdown that does not add up, naming values', () => {
    const report = assessQuality(2016, [
      sheet('2-02', '子育て支援室', {
        finance: { budget: 25592, settlement: 44511, funding: { nationalPrefectural: null, municipalBonds: null, other: null, generalFund: 44511 } },
      }),
      sheet('1-08', '産業振興課', {
        finance: { budget: null, settlement: 100, funding: { nationalPrefectural: 60, municipalBonds: null, other: null, generalFund: 30 } },
      }),
    ]);
    expect(report.sheets[0]!.findings).toEqual([
      expect.objectContaining({ kind: 'settlement_exceeds_budget', field: 'finance.settlement', values: { budget: 25592, settlement: 44511 } }),
    ]);
    expect(report.sheets[1]!.findings.map((f) => f.kind)).toEqual(['missing_budget', 'funding_mismatch']);
    expect(report.sheets[1]!.findings[1]!.values).toMatchObject({ settlement: 100, fundingTotal: 90 });
    expect(report.countsByKind).toEqual({ settlement_exceeds_budget: 1, missing_budget: 1, funding_mismatch: 1 });
  });

  it('compares a printed ( /n) with the projects that feed the KPI, and flags non-numeric actuals', () => {
    const report = assessQuality(2016, [
      sheet('3-01', '総務課', { strategyKpis: [kpi('sk-13', '2,530万トン', 3)] }),
      sheet('3-02', '港湾政策課', { strategyKpis: [kpi('sk-13', '調査中', 3)] }),
    ]);
    const second = report.sheets[1]!.findings;
    expect(second).toContainEqual(
      expect.objectContaining({
        kind: 'kpi_actual_not_numeric',
        field: 'strategyKpis[0].actual',
        values: { kpi: 'KPI sk-13', text: '調査中', status: 'in_progress' },
      }),
    );
    expect(second).toContainEqual(
      expect.objectContaining({ kind: 'kpi_share_mismatch', values: { kpi: 'KPI sk-13', printed: 3, projects: 2, sheets: 2, projectCodes: ['3-01', '3-02'] } }),
    );
    expect(report.sheets[0]!.findings.map((f) => f.kind)).toEqual(['kpi_share_mismatch']);
  });

  it('lists inferred and unknown choices, an unknown 区分 and a missing 事業概要', () => {
    const [result] = assessQuality(2016, [
      sheet(
        '1-01',
        '企画課',
        { category: null, summary: null },
        {
          effectiveness: null,
          direction: 'improve',
          strategyRevision: 'not_needed',
          provenance: { effectiveness: 'unknown', direction: 'inferred', strategyRevision: 'stated' },
        },
      ),
    ]).sheets;
    expect(result!.findings.map((f) => `${f.kind} ${f.field}`)).toEqual([
      'missing_summary summary',
      'choice_unknown evaluation.effectiveness',
      'choice_inferred evaluation.direction',
      'choice_unknown category',
    ]);
  });
});
