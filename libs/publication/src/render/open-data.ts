import { FUNDING_PARTS, POLICY_AREAS, richTextToPlain, type ChoiceProvenance, type Funding, type KpiValue } from '@kensho/review';
import type { EditionSnapshot, PublishedSheet } from '../edition/edition.types.js';
import { fiscalYearEra } from './format.js';
import { kpiShares, type KpiKind } from './kpi-shares.js';
import { areaNumber, basisLabel, CATEGORY_OPTIONS, DIRECTION_OPTIONS, EFFECTIVENESS_OPTIONS, KPI_STATUS_LABEL, STRATEGY_REVISION_OPTIONS } from './labels.js';

/**
 * Machine-readable tables (総務省「統計表における機械判読可能なデータの表記方法の統一ルール」):
 * one value per cell, one header row, units in the headers, western years with the era year in
 * its own column, numbers as numbers. CSV and JSON are both rendered from these definitions.
 */
export type CellValue = string | number | null;

export interface Column<R> {
  key: string;
  header: string;
  type: 'text' | 'number';
  value(row: R): CellValue;
}

export interface OpenDataTable<R = unknown> {
  name: 'sheets' | 'kpis';
  title: string;
  columns: Column<R>[];
  rows: R[];
}

const text = <R>(key: string, header: string, value: (row: R) => string | null | undefined): Column<R> => ({
  key,
  header,
  type: 'text',
  value: (row) => value(row) ?? null,
});
const num = <R>(key: string, header: string, value: (row: R) => number | null | undefined): Column<R> => ({
  key,
  header,
  type: 'number',
  value: (row) => value(row) ?? null,
});
const flag = (value: boolean | null | undefined): number | null => (value === null || value === undefined ? null : value ? 1 : 0);

const labelOf = <T extends string>(options: ReadonlyArray<[T, string]>, value: T | null, provenance: ChoiceProvenance): string | null =>
  value === null || provenance === 'unknown' ? null : (options.find(([k]) => k === value)?.[1] ?? null);

interface SheetRow {
  edition: number;
  sheet: PublishedSheet;
}

const identity = <R extends { edition: number; sheet: PublishedSheet }>(): Column<R>[] => [
  num('edition', '版', (r) => r.edition),
  num('fiscalYear', '年度（西暦）', (r) => r.sheet.fiscalYear),
  text('fiscalYearJapanese', '年度（和暦）', (r) => fiscalYearEra(r.sheet.fiscalYear)),
  text('sheetId', 'シートID', (r) => r.sheet.id),
  text('projectCode', '事業番号', (r) => r.sheet.projectCode),
  text('projectName', '事業名', (r) => r.sheet.projectName),
  text('department', '所管課', (r) => r.sheet.department),
];

const FUNDING_HEADERS: Record<keyof Funding, string> = {
  nationalPrefectural: '財源内訳 国・道（千円）',
  municipalBonds: '財源内訳 地方債（千円）',
  other: '財源内訳 その他（千円）',
  generalFund: '財源内訳 一般財源（千円）',
};

function choiceColumns(
  key: 'effectiveness' | 'direction' | 'strategyRevision',
  header: string,
  reasonHeader: string,
  options: ReadonlyArray<[string, string]>,
): Column<SheetRow>[] {
  const provenance = (r: SheetRow) => r.sheet.evaluation.provenance?.[key] ?? 'stated';
  return [
    text(key, header, (r) => labelOf(options, r.sheet.evaluation[key], provenance(r))),
    text(`${key}Basis`, `${header}の根拠`, (r) => basisLabel(provenance(r), r.sheet.evaluation[key] !== null)),
    text(`${key}Reason`, reasonHeader, (r) => r.sheet.evaluation[`${key}Reason`]),
  ];
}

const SHEET_COLUMNS: Column<SheetRow>[] = [
  ...identity<SheetRow>(),
  ...POLICY_AREAS.map((code) =>
    num<SheetRow>(`policyArea${code === 'プラス1' ? 'Plus1' : code}`, `施策区分 ${areaNumber(code)}（該当=1、非該当=0）`, (r) =>
      flag(r.sheet.policyAreas.includes(code)),
    ),
  ),
  text('category', '区分', (r) => labelOf(CATEGORY_OPTIONS, r.sheet.content.category, 'stated')),
  text('categoryBasis', '区分の根拠', (r) => basisLabel('stated', r.sheet.content.category !== null)),
  num('implementingBodyCity', '事業主体 室蘭市（該当=1、非該当=0）', (r) => flag(r.sheet.content.implementingBody.city)),
  text('implementingBodyCityBasis', '事業主体 室蘭市の根拠', (r) => basisLabel('stated', r.sheet.content.implementingBody.city !== null)),
  text('implementingBodyOther', '事業主体 その他（名称）', (r) => r.sheet.content.implementingBody.other),
  text('summary', '事業概要', (r) => richTextToPlain(r.sheet.content.summary) || null),
  num('budget', '予算（千円）', (r) => r.sheet.content.finance.budget),
  num('settlement', '決算（千円）', (r) => r.sheet.content.finance.settlement),
  ...FUNDING_PARTS.map((part) =>
    num<SheetRow>(`funding${part[0]!.toUpperCase()}${part.slice(1)}`, FUNDING_HEADERS[part], (r) => r.sheet.content.finance.funding[part]),
  ),
  text('implementation', '実施内容', (r) => richTextToPlain(r.sheet.content.implementation) || null),
  text('effect', '事業効果', (r) => richTextToPlain(r.sheet.content.effect) || null),
  ...choiceColumns('effectiveness', '事業の評価', '事業の評価に対する意見・理由', EFFECTIVENESS_OPTIONS),
  ...choiceColumns('direction', '今後の方針', '今後の方針に対する理由', DIRECTION_OPTIONS),
  ...choiceColumns('strategyRevision', '総合戦略見直しの必要性', '総合戦略の見直しの必要性に対する理由', STRATEGY_REVISION_OPTIONS),
  text('committeeOpinion', '総合戦略推進会議の意見', (r) => r.sheet.committeeOpinion?.opinion),
  text('committeeRating', '総合戦略推進会議の評価', (r) => r.sheet.committeeOpinion?.rating),
  text('cityResponse', '市の対応', (r) => r.sheet.cityResponse?.response),
  num('corrections', '訂正（件）', (r) => r.sheet.corrections.length),
  num('recordVersion', '記録の版（シートの改訂番号）', (r) => r.sheet.version),
  text('recordHash', '記録のハッシュ値（SHA-256）', (r) => r.sheet.headHash),
];

interface KpiRow {
  edition: number;
  sheet: PublishedSheet;
  kind: KpiKind;
  index: number;
  kpiId: string | null;
  name: string;
  projects: number;
  valueType: '目標' | '実績';
  from: number | null;
  to: number | null;
  value: KpiValue;
  lowerIsBetter: boolean;
}

const KPI_COLUMNS: Column<KpiRow>[] = [
  ...identity<KpiRow>(),
  text('kpiType', '指標の種類', (r) => (r.kind === 'strategy' ? '総合戦略における重要業績指標' : '実施計画における重要業績指標')),
  num('kpiNo', 'シート内の指標番号', (r) => r.index),
  text('strategyKpiId', '総合戦略KPIの識別子', (r) => r.kpiId),
  text('kpiName', '指標名', (r) => r.name),
  num('projects', 'この指標を持つ事業数（事業）', (r) => r.projects),
  text('valueType', '値の種類（目標／実績）', (r) => r.valueType),
  num('periodFrom', '対象期間 開始年度（西暦）', (r) => r.from),
  text('periodFromJapanese', '対象期間 開始年度（和暦）', (r) => (r.from === null ? null : fiscalYearEra(r.from))),
  num('periodTo', '対象期間 終了年度（西暦）', (r) => r.to),
  text('periodToJapanese', '対象期間 終了年度（和暦）', (r) => (r.to === null ? null : fiscalYearEra(r.to))),
  text('valueText', '記載された値', (r) => (r.value.status === 'empty' ? null : r.value.text)),
  num('value', '数値', (r) => r.value.number),
  text('unit', '数値の単位', (r) => r.value.unit),
  num('approximate', '概数（該当=1、非該当=0）', (r) => (r.value.status === 'numeric' ? flag(r.value.approximate ?? false) : null)),
  text('valueStatus', '値の状態', (r) => KPI_STATUS_LABEL[r.value.status]),
  num('lowerIsBetter', '低いほど良い指標（該当=1、非該当=0）', (r) => flag(r.lowerIsBetter)),
];

function kpiRows(snapshot: EditionSnapshot): KpiRow[] {
  const share = kpiShares(snapshot.sheets);
  const rows: KpiRow[] = [];
  for (const sheet of snapshot.sheets) {
    const base = { edition: snapshot.edition, sheet };
    const fy = sheet.fiscalYear;
    sheet.content.strategyKpis.forEach((k, i) => {
      const common = {
        ...base,
        kind: 'strategy' as const,
        index: i + 1,
        kpiId: k.kpiId ?? null,
        name: k.name,
        projects: share('strategy', k),
        lowerIsBetter: k.lowerIsBetter ?? false,
      };
      rows.push({ ...common, valueType: '目標', from: k.targetPeriod?.from ?? null, to: k.targetPeriod?.to ?? null, value: k.target });
      rows.push({ ...common, valueType: '実績', from: k.actualPeriod?.from ?? null, to: k.actualPeriod?.to ?? null, value: k.actual });
    });
    sheet.content.planKpis.forEach((k, i) => {
      const common = {
        ...base,
        kind: 'plan' as const,
        index: i + 1,
        kpiId: null,
        name: k.name,
        projects: share('plan', k),
        lowerIsBetter: k.lowerIsBetter ?? false,
      };
      rows.push({ ...common, valueType: '目標', from: fy, to: fy, value: k.targetThisYear });
      rows.push({ ...common, valueType: '目標', from: k.laterFiscalYear, to: k.laterFiscalYear, value: k.targetLaterYear });
      rows.push({ ...common, valueType: '実績', from: fy, to: fy, value: k.actualThisYear });
    });
  }
  return rows;
}

export function sheetsTable(snapshot: EditionSnapshot): OpenDataTable<SheetRow> {
  return {
    name: 'sheets',
    title: '事業評価シート一覧',
    columns: SHEET_COLUMNS,
    rows: snapshot.sheets.map((sheet) => ({ edition: snapshot.edition, sheet })),
  };
}

export function kpisTable(snapshot: EditionSnapshot): OpenDataTable<KpiRow> {
  return { name: 'kpis', title: '重要業績指標（KPI）一覧', columns: KPI_COLUMNS, rows: kpiRows(snapshot) };
}
