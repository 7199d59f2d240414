import { CHOICE_LABELS, FUNDING_LABELS, FUNDING_PARTS, SHEET_LABELS as L, type PlanKpiEntry, type PolicyArea } from '@kensho/review';
import type { EditionSnapshot, PublishedSheet, StrategyArea } from '../edition/edition.types.js';
import { html, type SafeHtml } from './escape.js';
import { amountLabel, fiscalYearBoth, jstDate } from './format.js';
import type { KpiKind } from './kpi-shares.js';
import { areaHeading, CATEGORY_OPTIONS, DIRECTION_OPTIONS, EFFECTIVENESS_OPTIONS, fieldLabel, STRATEGY_REVISION_OPTIONS, UNKNOWN_NOTE } from './labels.js';
import { amountCell, choices, implementingBody, kpiValue, kpiWithPeriod, lines, richText } from './sheet-parts.js';

export const sheetAnchor = (sheet: PublishedSheet): string => `sheet-${sheet.id}`;

export interface SheetPageContext {
  snapshot: EditionSnapshot;
  share(kind: KpiKind, kpi: { name: string; kpiId?: string }): number;
}

/** 施策区分: the area's numerical goals and its measure tree, printed on every sheet of the area. */
function areaBlock(code: PolicyArea, ctx: SheetPageContext): SafeHtml {
  const area: StrategyArea | undefined = ctx.snapshot.strategy?.areas.find((a) => a.code === code);
  const goals = ctx.snapshot.numericalGoals.filter((g) => g.policyArea === code);
  const directions = area?.directions ?? [];
  return html`<table class="grid area">
  <colgroup><col class="c-label"><col><col class="c-value"><col class="c-value"></colgroup>
  <tr><th colspan="2" class="area-name">${areaHeading(code, ctx.snapshot.strategy)}</th><th>目標［対象年度］</th><th>実績［対象年度］</th></tr>
  ${goals.map(
    (g, i) =>
      html`<tr>${i === 0 ? html`<th rowspan="${goals.length}">数値目標</th>` : ''}<td>${g.measure}</td><td>${kpiWithPeriod(g.target, g.targetPeriod)}</td><td>${kpiWithPeriod(g.actual, g.actualPeriod)}</td></tr>`,
  )}
  ${
    directions.length
      ? html`<tr><th>分類</th><td colspan="3"><ul class="tree">${directions.map(
          (d) =>
            html`<li><span class="direction">${d.name}</span><ul>${d.measures.map(
              (m) => html`<li>${m.name}${m.subMeasures.length ? html`<ul>${m.subMeasures.map((s) => html`<li>${s}</li>`)}</ul>` : ''}</li>`,
            )}</ul></li>`,
        )}</ul></td></tr>`
      : ''
  }
</table>`;
}

function financeRows(sheet: PublishedSheet): SafeHtml {
  const { finance } = sheet.content;
  const parts = FUNDING_PARTS.map((part) => amountLabel(finance.funding[part]));
  return html`<tr><th>${L.finance}</th><td colspan="3"><table class="finance">
    <tr><th>${L.budget}</th><td class="num">${amountCell(amountLabel(finance.budget))}</td><th rowspan="2" class="funding-label">${L.funding.slice(0, 2)}<br>${L.funding.slice(2)}</th>${FUNDING_PARTS.map((p) => html`<th>［${FUNDING_LABELS[p]}］</th>`)}</tr>
    <tr><th>${L.settlement}</th><td class="num">${amountCell(amountLabel(finance.settlement))}</td>${parts.map((label) => html`<td class="num">${label ?? ''}</td>`)}</tr>
  </table></td></tr>`;
}

function laterYearHeader(kpis: PlanKpiEntry[], ctx: SheetPageContext): { header: string; perCell: boolean } {
  const years = [...new Set(kpis.map((k) => k.laterFiscalYear).filter((y): y is number => y !== null))];
  if (years.length === 1) return { header: `${fiscalYearBoth(years[0]!)}目標値`, perCell: false };
  const end = ctx.snapshot.strategy?.period.to;
  if (years.length === 0 && end) return { header: `${fiscalYearBoth(end)}目標値`, perCell: false };
  return { header: '後年度目標値', perCell: true };
}

const dashRow = (cells: number) => html`<tr>${Array.from({ length: cells }, () => html`<td class="empty">－</td>`)}</tr>`;

function kpiBlock(sheet: PublishedSheet, ctx: SheetPageContext): SafeHtml {
  const { strategyKpis, planKpis } = sheet.content;
  const fy = fiscalYearBoth(sheet.fiscalYear);
  const later = laterYearHeader(planKpis, ctx);
  const shareOf = (kind: KpiKind, kpi: { name: string; kpiId?: string }) => html`<span class="share">( /${ctx.share(kind, kpi)})</span>`;
  return html`<table class="kpi">
    <colgroup><col><col class="c-kpi"><col class="c-kpi"><col class="c-kpi"></colgroup>
    <tr><th class="kpi-title">${L.strategyKpis}</th><th colspan="2">目標［対象年度］</th><th>実績［対象年度］</th></tr>
    ${
      strategyKpis.length
        ? strategyKpis.map(
            (k) =>
              html`<tr><td>${k.name}${shareOf('strategy', k)}</td><td colspan="2">${kpiWithPeriod(k.target, k.targetPeriod)}</td><td>${kpiWithPeriod(k.actual, k.actualPeriod)}</td></tr>`,
          )
        : html`<tr><td class="empty">－</td><td colspan="2" class="empty">－</td><td class="empty">－</td></tr>`
    }
    <tr><th class="kpi-title">${L.planKpis}</th><th>${fy}目標値</th><th>${later.header}</th><th>${fy}実績</th></tr>
    ${
      planKpis.length
        ? planKpis.map(
            (k) =>
              html`<tr><td>${k.name}${shareOf('plan', k)}</td><td>${kpiValue(k.targetThisYear)}</td><td>${kpiValue(k.targetLaterYear)}${
                later.perCell && k.laterFiscalYear !== null ? html`<span class="period">［${fiscalYearBoth(k.laterFiscalYear)}］</span>` : ''
              }</td><td>${kpiValue(k.actualThisYear)}</td></tr>`,
          )
        : dashRow(4)
    }
  </table>`;
}

function evaluationBlock(sheet: PublishedSheet): SafeHtml {
  const e = sheet.evaluation;
  const p = e.provenance;
  const row = (title: string, reasonTitle: string, body: SafeHtml, reason: string | null) =>
    html`<tr><th>［${title}］</th><th>［${reasonTitle}］</th></tr><tr><td class="choice-cell">${body}</td><td>${reason ? lines(reason) : html`<span class="empty">－</span>`}</td></tr>`;
  return html`<table class="grid evaluation"><colgroup><col class="c-choice"><col></colgroup>
    ${row(CHOICE_LABELS.effectiveness, L.effectivenessReason, choices(EFFECTIVENESS_OPTIONS, e.effectiveness, p?.effectiveness), e.effectivenessReason)}
    ${row(CHOICE_LABELS.direction, L.directionReason, choices(DIRECTION_OPTIONS, e.direction, p?.direction), e.directionReason)}
    ${row(CHOICE_LABELS.strategyRevision, L.strategyRevisionReason, choices(STRATEGY_REVISION_OPTIONS, e.strategyRevision, p?.strategyRevision), e.strategyRevisionReason)}
  </table>`;
}

function committeeBlock(sheet: PublishedSheet): SafeHtml {
  const opinion = sheet.committeeOpinion;
  const response = sheet.cityResponse;
  return html`<table class="grid committee"><colgroup><col class="c-label"><col></colgroup>
    <tr><th>${L.committeeOpinion}</th><td>${
      opinion
        ? html`${lines(opinion.opinion)}${opinion.rating ? html`<span class="rating">評価：${opinion.rating}</span>` : ''}`
        : html`<span class="empty">意見なし</span>`
    }</td></tr>
    <tr><th>${L.cityResponse}</th><td>${response ? lines(response.response) : html`<span class="empty">－</span>`}</td></tr>
  </table>`;
}

function correctionsBlock(sheet: PublishedSheet, ctx: SheetPageContext): SafeHtml {
  const mine = ctx.snapshot.corrections.filter((c) => c.sheetId === sheet.id);
  if (mine.length === 0) return html``;
  return html`<section class="sheet-corrections" aria-label="訂正"><h3 class="band">訂正</h3><ul>${mine.map(
    (c) =>
      html`<li><span class="when">${jstDate(c.at)}訂正（第${c.edition}版で反映）</span>訂正箇所：${c.fields.map(fieldLabel).join('、')}<br>理由：${lines(c.reason)}</li>`,
  )}</ul></section>`;
}

/** One 事業評価シート, laid out as the city's printed sheet, on a page of its own. */
export function sheetPage(sheet: PublishedSheet, ctx: SheetPageContext): SafeHtml {
  const { content } = sheet;
  const category = choices(CATEGORY_OPTIONS, content.category, content.category === null ? 'unknown' : 'stated', 'inline');
  return html`<article class="sheet" id="${sheetAnchor(sheet)}" aria-labelledby="${sheetAnchor(sheet)}-name">
<p class="sheet-caption"><span>${L.title}　${fiscalYearBoth(sheet.fiscalYear)}</span><span>第${ctx.snapshot.edition}版</span></p>
<table class="grid head"><colgroup><col class="c-label"><col><col class="c-label"><col class="c-dept"><col class="c-no-label"><col class="c-no"></colgroup>
  <tr><th>${L.projectName}</th><td class="project-name" id="${sheetAnchor(sheet)}-name">${sheet.projectName}</td><th>${L.department}</th><td>${sheet.department}</td><th>${L.projectCode}</th><td class="project-code">${sheet.projectCode}</td></tr>
</table>
<h3 class="band">${L.policyAreas}</h3>
${sheet.policyAreas.map((code) => areaBlock(code, ctx))}
<h3 class="band">${L.contentSection}</h3>
<table class="grid content"><colgroup><col class="c-label"><col><col class="c-label"><col></colgroup>
  <tr><th>${L.category}</th><td>${category}</td><th>${L.implementingBody}</th><td>${implementingBody(content.implementingBody.city, content.implementingBody.other)}</td></tr>
  <tr><th>${L.summary}</th><td colspan="3">${richText(content.summary, UNKNOWN_NOTE)}</td></tr>
  ${financeRows(sheet)}
  <tr><th>${L.implementation}</th><td colspan="3">${richText(content.implementation)}</td></tr>
  <tr><th>${L.kpi}</th><td colspan="3" class="kpi-cell">${kpiBlock(sheet, ctx)}</td></tr>
  <tr><th>${L.effect}</th><td colspan="3">${richText(content.effect)}</td></tr>
</table>
<h3 class="band">${L.evaluationSection}</h3>
${evaluationBlock(sheet)}
<h3 class="band">${L.committeeSection}</h3>
${committeeBlock(sheet)}
${correctionsBlock(sheet, ctx)}
</article>`;
}
