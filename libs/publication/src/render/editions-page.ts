import type { EditionCorrection } from '../edition/edition.types.js';
import { html, raw } from './escape.js';
import { fiscalYearBoth, jstDate, jstDateTime } from './format.js';
import { fieldLabel } from './labels.js';
import { reportStyles } from './report-styles.js';
import { editionPath } from './paths.js';
import { lines } from './sheet-parts.js';

export interface EditionSummary {
  edition: number;
  publishedAt: string;
  sheetCount: number;
  /** Corrections this edition was the first to carry. */
  corrections: EditionCorrection[];
}

/** 公表履歴: every edition of a fiscal year, newest first, each with the corrections it brought. */
export function renderEditionsPage(fiscalYear: number, title: string, editions: EditionSummary[]): string {
  const fy = fiscalYearBoth(fiscalYear);
  const newestFirst = [...editions].sort((a, b) => b.edition - a.edition);
  const latest = newestFirst[0]?.edition;
  return html`<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fy} 事業評価シート 公表履歴</title>
<style>${raw(reportStyles(`${fy} 事業評価シート 公表履歴`))}</style>
</head>
<body>
<div class="front">
<header class="cover"><p class="cover-kicker">${title}</p><h1>公表履歴<span class="cover-year">${fy} 事業評価シート</span></h1></header>
<p>公表した版はすべて、公表した時点の内容のまま閲覧できます。訂正は新しい版として公表し、以前の版は変更しません。</p>
<table class="grid editions"><thead><tr><th>版</th><th>公表日時</th><th>掲載</th><th>この版で反映した訂正</th><th>資料</th></tr></thead><tbody>
${newestFirst.map((e) => {
  const base = editionPath(fiscalYear, e.edition);
  return html`<tr id="edition-${e.edition}"><td class="nowrap">第${e.edition}版${e.edition === latest ? raw('<br><span class="basis">最新</span>') : ''}</td><td class="nowrap">${jstDateTime(e.publishedAt)}</td><td class="nowrap">${e.sheetCount}シート</td><td>${
    e.corrections.length
      ? html`<ul class="bullets">${e.corrections.map(
          (c) =>
            html`<li>${c.projectCode} ${c.projectName}（${c.department}）：${c.fields.map(fieldLabel).join('、')}（${jstDate(c.at)}訂正）<br>理由：${lines(c.reason)}</li>`,
        )}</ul>`
      : html`<span class="empty">${e.edition === 1 ? '初版' : 'なし'}</span>`
  }</td><td class="nowrap"><a href="${base}">報告書</a><br><a href="${base}/sheets.csv">事業CSV</a>・<a href="${base}/sheets.json">JSON</a><br><a href="${base}/kpis.csv">KPI CSV</a>・<a href="${base}/kpis.json">JSON</a></td></tr>`;
})}
</tbody></table>
</div>
</body>
</html>
`.value;
}
