import { percent, optionLabel, STATUS_LABEL } from '../labels.js';
import type { YearOverYearView } from '../view-types.js';
import type { YearColumn } from '../year-over-year/year-over-year.js';
import { toCsv, type CsvColumn } from './csv.js';

interface ItemRow {
  item: string;
  value: (year: YearColumn) => string | number | null | undefined;
}

const ITEMS: ItemRow[] = [
  { item: 'シートID', value: (y) => y.sheetId },
  { item: '状態', value: (y) => STATUS_LABEL[y.status as keyof typeof STATUS_LABEL] ?? y.status },
  { item: '予算（千円）', value: (y) => y.budget },
  { item: '決算（千円）', value: (y) => y.settlement },
  { item: '執行率（%）', value: (y) => percent(y.executionRate) },
  { item: '予算の前年度差（千円）', value: (y) => y.budgetChange },
  { item: '決算の前年度差（千円）', value: (y) => y.settlementChange },
  { item: '財源内訳 国・道（千円）', value: (y) => y.funding.nationalPrefectural },
  { item: '財源内訳 地方債（千円）', value: (y) => y.funding.municipalBonds },
  { item: '財源内訳 その他（千円）', value: (y) => y.funding.other },
  { item: '財源内訳 一般財源（千円）', value: (y) => y.funding.generalFund },
  { item: '事業の評価', value: (y) => (y.effectiveness ? optionLabel(y.effectiveness) : null) },
  { item: '今後の方針', value: (y) => (y.direction ? optionLabel(y.direction) : null) },
  { item: '総合戦略見直しの必要性', value: (y) => (y.strategyRevision ? optionLabel(y.strategyRevision) : null) },
];

/** KPI rows by name, in the order they first appear, so a KPI lines up across the years. */
function kpiItems(years: YearColumn[]): ItemRow[] {
  const strategy = [...new Set(years.flatMap((y) => y.strategyKpis.map((k) => k.name)))];
  const plan = [...new Set(years.flatMap((y) => y.planKpis.map((k) => k.name)))];
  const find = <T extends { name: string }>(list: T[], name: string) => list.find((k) => k.name === name);
  return [
    ...strategy.flatMap((name): ItemRow[] => [
      { item: `総合戦略KPI 目標値: ${name}`, value: (y) => find(y.strategyKpis, name)?.target.text },
      { item: `総合戦略KPI 実績値: ${name}`, value: (y) => find(y.strategyKpis, name)?.actual.text },
      { item: `総合戦略KPI 達成率（%）: ${name}`, value: (y) => percent(find(y.strategyKpis, name)?.judgement.rate) },
    ]),
    ...plan.flatMap((name): ItemRow[] => [
      { item: `実施計画KPI 当該年度目標値: ${name}`, value: (y) => find(y.planKpis, name)?.targetThisYear.text },
      { item: `実施計画KPI 実績値: ${name}`, value: (y) => find(y.planKpis, name)?.actualThisYear.text },
      { item: `実施計画KPI 達成率（%）: ${name}`, value: (y) => percent(find(y.planKpis, name)?.judgement.rate) },
    ]),
  ];
}

/** Side by side: one row per item, one column per year (and department, for a split project). */
export function yearOverYearCsv(view: YearOverYearView): string {
  const columns: CsvColumn<ItemRow>[] = [
    { header: '項目', value: (r) => r.item },
    ...view.years.map((year): CsvColumn<ItemRow> => ({ header: `${year.fiscalYearLabel} ${year.department}`, value: (r) => r.value(year) })),
  ];
  return toCsv(columns, [...ITEMS, ...kpiItems(view.years)]);
}
