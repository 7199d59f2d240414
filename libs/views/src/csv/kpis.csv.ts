import { fiscalYearLabel, periodLabel, type FiscalYearPeriod, type KpiValue } from '@kensho/review';
import type { KpiJudgement } from '../kpis/judge.js';
import { percent, RATING_LABEL, reasonLabel, yesNo } from '../labels.js';
import type { KpisView } from '../view-types.js';
import { toCsv, type CsvColumn } from './csv.js';

interface KpiRow {
  kind: '数値目標' | '総合戦略KPI' | '総合戦略KPI（事業別）' | '実施計画KPI';
  policyArea?: string;
  name: string;
  projectCode?: string;
  projectName?: string;
  department?: string;
  target: KpiValue | null;
  targetPeriod: string | null;
  actual: KpiValue | null;
  actualPeriod: string | null;
  laterTarget?: KpiValue;
  laterYear?: string | null;
  lowerIsBetter: boolean;
  judgement: KpiJudgement;
  projectCount?: number;
}

const label = (period: FiscalYearPeriod | null) => (period ? periodLabel(period) : null);

const COLUMNS: CsvColumn<KpiRow>[] = [
  { header: '種別', value: (r) => r.kind },
  { header: '施策区分', value: (r) => r.policyArea },
  { header: '指標', value: (r) => r.name },
  { header: '事業コード', value: (r) => r.projectCode },
  { header: '事業名', value: (r) => r.projectName },
  { header: '所管課', value: (r) => r.department },
  { header: '目標値', value: (r) => r.target?.text },
  { header: '目標年度', value: (r) => r.targetPeriod },
  { header: '実績値', value: (r) => r.actual?.text },
  { header: '実績年度', value: (r) => r.actualPeriod },
  { header: '後年度目標値', value: (r) => r.laterTarget?.text },
  { header: '後年度', value: (r) => r.laterYear },
  { header: '少ないほど良い', value: (r) => yesNo(r.lowerIsBetter) },
  { header: '達成率（%）', value: (r) => percent(r.judgement.rate) },
  { header: '按分目標値', value: (r) => r.judgement.proRatedExpectation },
  { header: '按分達成率（%）', value: (r) => percent(r.judgement.proRatedRate) },
  { header: '評価', value: (r) => RATING_LABEL[r.judgement.rating] },
  { header: '目標到達', value: (r) => yesNo(r.judgement.pastTarget) },
  { header: '概数を含む', value: (r) => yesNo(r.judgement.approximate) },
  { header: '評価できない理由', value: (r) => reasonLabel(r.judgement.reason) },
  { header: '事業数（件）', value: (r) => r.projectCount },
];

/** Goals, strategy KPIs (each followed by the sheets feeding it) and plan KPIs in one table, told apart by 種別. */
export function kpisCsv(view: KpisView): string {
  const rows: KpiRow[] = [
    ...view.numericalGoals.map(
      (g): KpiRow => ({
        kind: '数値目標',
        policyArea: g.policyArea,
        name: g.measure,
        target: g.target,
        targetPeriod: g.targetPeriodLabel,
        actual: g.actual,
        actualPeriod: g.actualPeriodLabel,
        lowerIsBetter: g.lowerIsBetter,
        judgement: g.judgement,
      }),
    ),
    ...view.strategyKpis.flatMap((k): KpiRow[] => [
      {
        kind: '総合戦略KPI',
        name: k.name,
        target: k.target,
        targetPeriod: label(k.targetPeriod),
        actual: k.actual,
        actualPeriod: label(k.actualPeriod),
        lowerIsBetter: k.lowerIsBetter,
        judgement: k.judgement,
        projectCount: k.projectCount,
      },
      ...k.projects.map(
        (p): KpiRow => ({
          kind: '総合戦略KPI（事業別）',
          name: k.name,
          projectCode: p.projectCode,
          projectName: p.projectName,
          department: p.department,
          target: p.target,
          targetPeriod: label(p.targetPeriod),
          actual: p.actual,
          actualPeriod: label(p.actualPeriod),
          lowerIsBetter: k.lowerIsBetter,
          judgement: p.judgement,
        }),
      ),
    ]),
    ...view.planKpis.map(
      (k): KpiRow => ({
        kind: '実施計画KPI',
        name: k.name,
        projectCode: k.projectCode,
        projectName: k.projectName,
        department: k.department,
        target: k.targetThisYear,
        targetPeriod: fiscalYearLabel(view.fiscalYear),
        actual: k.actualThisYear,
        actualPeriod: fiscalYearLabel(view.fiscalYear),
        laterTarget: k.targetLaterYear,
        laterYear: k.laterFiscalYear === null ? null : fiscalYearLabel(k.laterFiscalYear),
        lowerIsBetter: k.lowerIsBetter,
        judgement: k.judgement,
      }),
    ),
  ];
  return toCsv(COLUMNS, rows);
}
