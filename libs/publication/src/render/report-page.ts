import { POLICY_AREAS, type PolicyArea } from '@kensho/review';
import type { EditionSnapshot, PublishedSheet } from '../edition/edition.types.js';
import { html, raw, type SafeHtml } from './escape.js';
import { fiscalYearBoth, isoDayLabel, jstDate, jstDateTime } from './format.js';
import { kpiShares } from './kpi-shares.js';
import { areaHeading, DIRECTION_SHORT, EFFECTIVENESS_SHORT, fieldLabel, INFERRED_NOTE, UNKNOWN_NOTE } from './labels.js';
import { reportStyles } from './report-styles.js';
import { editionPath, editionsPath } from './paths.js';
import { lines } from './sheet-parts.js';
import { sheetAnchor, sheetPage } from './sheet-page.js';

function choiceSummary<T extends string>(value: T | null, provenance: string | undefined, short: Record<T, string>): SafeHtml {
  if (value === null || provenance === 'unknown') return html`<span class="empty">記載なし</span>`;
  return html`${short[value]}${provenance === 'inferred' ? raw('<span class="note-mark" title="記載理由から判断">※</span>') : ''}`;
}

function tocRow(sheet: PublishedSheet, repeated: boolean): SafeHtml {
  const e = sheet.evaluation;
  return html`<tr><td class="project-code">${sheet.projectCode}</td><td><a href="#${sheetAnchor(sheet)}">${sheet.projectName}</a>${
    repeated ? raw('<span class="repeat">（再掲）</span>') : ''
  }</td><td>${sheet.department}</td><td>${choiceSummary(e.effectiveness, e.provenance?.effectiveness, EFFECTIVENESS_SHORT)}</td><td>${choiceSummary(
    e.direction,
    e.provenance?.direction,
    DIRECTION_SHORT,
  )}</td><td class="center">${sheet.committeeOpinion ? '有' : '－'}</td></tr>`;
}

function contents(snapshot: EditionSnapshot): SafeHtml {
  const seen = new Set<string>();
  const groups = POLICY_AREAS.map((code) => ({ code, sheets: snapshot.sheets.filter((s) => s.policyAreas.includes(code)) })).filter((g) => g.sheets.length);
  return html`<section class="contents" aria-labelledby="contents-title"><h2 id="contents-title">目次（施策区分別）</h2>
${groups.map(
  (group) => html`<h3 class="toc-area">${areaHeading(group.code, snapshot.strategy)}</h3>
<table class="toc"><colgroup><col class="c-no"><col><col class="c-dept"><col class="c-eval"><col class="c-dir"><col class="c-op"></colgroup>
<thead><tr><th>No</th><th>事業名</th><th>所管課</th><th>事業の評価</th><th>今後の方針</th><th>推進会議意見</th></tr></thead>
<tbody>${group.sheets.map((sheet) => {
    const repeated = seen.has(sheet.id);
    seen.add(sheet.id);
    return tocRow(sheet, repeated);
  })}</tbody></table>`,
)}
<p class="legend">凡例：■ 選択された項目　□ 選択されていない項目　※ ${INFERRED_NOTE}（原資料の選択印が失われているため、記載された理由から判断したもの）　「${UNKNOWN_NOTE}」 原資料の選択印が失われ、理由からも判断できないもの。（再掲）複数の施策区分に属する事業。</p>
</section>`;
}

function committeeByArea(snapshot: EditionSnapshot): SafeHtml {
  const rows = snapshot.committeeMeetings.flatMap((meeting) =>
    (Object.entries(meeting.opinionsByPolicyArea) as Array<[PolicyArea, string]>).map(([code, opinion]) => ({ date: meeting.date, code, opinion })),
  );
  if (rows.length === 0) return html``;
  return html`<section class="committee-areas" aria-labelledby="committee-title"><h2 id="committee-title">総合戦略推進会議の意見（施策区分別）</h2>
<table class="grid"><thead><tr><th>開催日</th><th>施策区分</th><th>意見</th></tr></thead><tbody>${rows.map(
    (r) => html`<tr><td class="nowrap">${isoDayLabel(r.date)}</td><td>${areaHeading(r.code, snapshot.strategy)}</td><td>${lines(r.opinion)}</td></tr>`,
  )}</tbody></table></section>`;
}

export function correctionsTable(snapshot: EditionSnapshot): SafeHtml {
  if (snapshot.corrections.length === 0) return html`<p>この版までに訂正はありません。</p>`;
  return html`<table class="grid corrections"><thead><tr><th>反映した版</th><th>訂正日</th><th>No</th><th>事業名（所管課）</th><th>訂正箇所</th><th>訂正理由</th></tr></thead><tbody>${snapshot.corrections.map(
    (c) =>
      html`<tr><td class="center">第${c.edition}版</td><td class="nowrap">${jstDate(c.at)}</td><td class="project-code">${c.projectCode}</td><td><a href="#sheet-${c.sheetId}">${c.projectName}</a>（${c.department}）</td><td>${c.fields
        .map(fieldLabel)
        .join('、')}</td><td>${lines(c.reason)}</td></tr>`,
  )}</tbody></table>`;
}

function cover(snapshot: EditionSnapshot): SafeHtml {
  const fy = fiscalYearBoth(snapshot.fiscalYear);
  const base = editionPath(snapshot.fiscalYear, snapshot.edition);
  const strategyName = snapshot.strategy?.name ?? 'まち・ひと・しごと創生総合戦略';
  return html`<header class="cover">
<p class="cover-kicker">${strategyName}</p>
<h1>事業評価シート<span class="cover-year">${fy}</span></h1>
<p class="cover-title">${snapshot.title}</p>
<dl class="facts">
  <dt>版</dt><dd>第${snapshot.edition}版</dd>
  <dt>公表日時</dt><dd>${jstDateTime(snapshot.publishedAt)}</dd>
  <dt>掲載事業</dt><dd>${snapshot.sheets.length}シート</dd>
  <dt>訂正</dt><dd>${snapshot.corrections.length ? `${snapshot.corrections.length}件（訂正一覧を参照）` : 'なし'}</dd>
</dl>
<p class="downloads no-print">オープンデータ：事業一覧 <a href="${base}/sheets.csv">CSV</a>・<a href="${base}/sheets.json">JSON</a>　重要業績指標(KPI) <a href="${base}/kpis.csv">CSV</a>・<a href="${base}/kpis.json">JSON</a>　｜　<a href="${editionsPath(snapshot.fiscalYear)}">公表履歴（すべての版）</a></p>
</header>`;
}

/** The whole edition as one printable HTML document: cover, contents, corrections, then one page per sheet. */
export function renderReportHtml(snapshot: EditionSnapshot): string {
  const share = kpiShares(snapshot.sheets);
  const fy = fiscalYearBoth(snapshot.fiscalYear);
  const title = `${fy} 事業評価シート 第${snapshot.edition}版`;
  const body = html`<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}${snapshot.strategy ? `｜${snapshot.strategy.name}` : ''}</title>
<style>${raw(reportStyles(`${fy} 事業評価シート 第${snapshot.edition}版`))}</style>
</head>
<body>
<div class="front">
${cover(snapshot)}
${contents(snapshot)}
${committeeByArea(snapshot)}
<section class="corrections-list" aria-labelledby="corrections-title"><h2 id="corrections-title">訂正一覧</h2>${correctionsTable(snapshot)}</section>
</div>
<main>
${snapshot.sheets.map((sheet) => sheetPage(sheet, { snapshot, share }))}
</main>
</body>
</html>
`;
  return body.value;
}
