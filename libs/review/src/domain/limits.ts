import type { RichText } from './values/rich-text.js';
import type { Issues } from './validation.js';

/**
 * Every text a sheet or a cycle keeps has a limit in characters (UTF-16 code units, as JavaScript
 * counts them) and every list a limit in items: sized for a one-page 事業評価シート, with room to
 * spare over the real FY2016 sheets (longest rich text block 325 characters, at most 6 blocks).
 * The table in docs/api-limits.md lists them; keep both in step.
 */
export const LIMITS = {
  /** 事業概要 / 実施内容 / 事業効果: all paragraphs and list items of one field together. */
  richTextChars: 4_000,
  richTextBlocks: 200,
  richTextListItems: 200,
  kpiRows: 50,
  kpiId: 100,
  kpiName: 200,
  kpiValue: 200,
  implementingBodyOther: 200,
  evaluationReason: 5_000,
  returnComment: 5_000,
  approvalComment: 5_000,
  committeeOpinion: 10_000,
  committeeRating: 50,
  cityResponse: 10_000,
  correctionReason: 5_000,
  projectName: 300,
  department: 100,
  cycleTitle: 300,
  numericalGoals: 200,
  numericalGoalId: 50,
  numericalGoalMeasure: 500,
  numericalGoalValue: 200,
  numericalGoalNote: 2_000,
  /** 総合戦略: its name, area names, basic directions, measures and sub-measures. */
  strategyText: 500,
  /** Areas, directions per area, measures per direction, sub-measures per measure, printed shares per KPI. */
  strategyListItems: 50,
  strategyKpis: 500,
  strategyKpiProjects: 200,
} as const;

/** Adds an issue when a string is longer than `max`; other types are another check's business. */
export function checkMaxLength(issues: Issues, field: string, value: unknown, max: number): void {
  if (typeof value === 'string' && value.length > max) {
    issues.add(field, 'value.too_long', `must be at most ${max} characters, got ${value.length} (文字数が上限を超えています)`);
  }
}

export function checkMaxItems(issues: Issues, field: string, value: unknown, max: number): void {
  if (Array.isArray(value) && value.length > max) {
    issues.add(field, 'value.too_many_items', `must have at most ${max} items, got ${value.length} (項目数が上限を超えています)`);
  }
}

/** A rich text field: total characters, blocks, and items of each list. */
export function checkRichTextLimits(issues: Issues, field: string, text: RichText): void {
  checkMaxItems(issues, field, text, LIMITS.richTextBlocks);
  let chars = 0;
  text.forEach((block, i) => {
    if (block.kind === 'paragraph') chars += block.text.length;
    else {
      checkMaxItems(issues, `${field}[${i}].items`, block.items, LIMITS.richTextListItems);
      for (const item of block.items) chars += item.length;
    }
  });
  if (chars > LIMITS.richTextChars) {
    issues.add(field, 'value.too_long', `must be at most ${LIMITS.richTextChars} characters in all, got ${chars} (文字数が上限を超えています)`);
  }
}
