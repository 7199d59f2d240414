import type { EvaluationChoice } from '@kensho/review';
import { CHOICE_OPTIONS, CHOICES, type ChoiceSummary } from '../evaluations/evaluation-summary.js';
import { CHOICE_LABEL, optionLabel } from '../labels.js';
import type { EvaluationsView } from '../view-types.js';
import { toCsv, type CsvColumn } from './csv.js';

interface OptionRow {
  area: string;
  choice: EvaluationChoice;
  option: string;
  count: number;
  inferred: number | null;
  sheetCount: number;
}

const COLUMNS: CsvColumn<OptionRow>[] = [
  { header: '施策区分', value: (r) => r.area },
  { header: '項目', value: (r) => CHOICE_LABEL[r.choice] },
  { header: '選択肢', value: (r) => optionLabel(r.option) },
  { header: 'シート数（件）', value: (r) => r.count },
  { header: 'うち記載理由から判断（件）', value: (r) => r.inferred },
  { header: '対象シート数（件）', value: (r) => r.sheetCount },
];

function rowsOf(area: string, summary: ChoiceSummary): OptionRow[] {
  return CHOICES.flatMap((choice) =>
    [...CHOICE_OPTIONS[choice], 'unknown'].map((option) => ({
      area,
      choice,
      option,
      count: summary[choice][option] ?? 0,
      inferred: option === 'unknown' ? null : (summary.inferred[choice][option] ?? 0),
      sheetCount: summary.sheetCount,
    })),
  );
}

/** One row per policy area, choice and option; 全体 counts every sheet once. */
export function evaluationsCsv(view: EvaluationsView): string {
  return toCsv(COLUMNS, [...view.byPolicyArea.flatMap((a) => rowsOf(a.policyArea, a)), ...rowsOf('全体', view.total)]);
}
