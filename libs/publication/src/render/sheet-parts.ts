import type { ChoiceProvenance, FiscalYearPeriod, KpiValue, RichText } from '@kensho/review';
import { html, raw, type SafeHtml } from './escape.js';
import { periodBoth } from './format.js';
import { INFERRED_NOTE, UNKNOWN_NOTE } from './labels.js';

/** A paragraph's own line breaks are kept; nothing in the text is ever markup. */
export function lines(text: string): SafeHtml {
  return html`${text.split(/\r\n|\r|\n/).map((line, i) => (i === 0 ? html`${line}` : html`<br>${line}`))}`;
}

export function richText(value: RichText | null, empty = '－'): SafeHtml {
  if (!value || value.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`${value.map((block) =>
    block.kind === 'paragraph' ? html`<p>${lines(block.text)}</p>` : html`<ul class="bullets">${block.items.map((item) => html`<li>${lines(item)}</li>`)}</ul>`,
  )}`;
}

/** ■ for the chosen option, □ for the others; the hidden word keeps the choice for screen readers. */
function option(label: string, chosen: boolean, note: string | null = null): SafeHtml {
  return html`<li class="${chosen ? 'option chosen' : 'option'}"><span class="mark" aria-hidden="true">${chosen ? '■' : '□'}</span>${label}${
    chosen ? raw('<span class="sr-only">（選択）</span>') : ''
  }${note ? html`<span class="basis">${note}</span>` : ''}</li>`;
}

/**
 * A choice block as printed: every option listed, the chosen one marked. A choice read from the
 * written reason is marked with a note; one the source lost stays unmarked, with a note.
 */
export function choices<T extends string>(
  options: ReadonlyArray<[T, string]>,
  value: T | null,
  provenance: ChoiceProvenance = 'stated',
  layout: 'stacked' | 'inline' = 'stacked',
): SafeHtml {
  const unknown = value === null || provenance === 'unknown';
  const items = options.map(([key, label]) =>
    option(label, !unknown && key === value, !unknown && key === value && provenance === 'inferred' ? INFERRED_NOTE : null),
  );
  return html`<ul class="choices ${layout}">${items}</ul>${unknown ? html`<p class="basis-note">※${UNKNOWN_NOTE}</p>` : ''}`;
}

/** 事業主体: 室蘭市 and/or その他(named body). */
export function implementingBody(city: boolean | null, other: string | null): SafeHtml {
  return html`<ul class="choices inline">${option('室蘭市', city === true)}${option(`その他（${other ?? '　　'}）`, other !== null)}</ul>${
    city === null ? html`<p class="basis-note">※室蘭市：${UNKNOWN_NOTE}</p>` : ''
  }`;
}

export function kpiValue(value: KpiValue): SafeHtml {
  if (value.status === 'empty') return html`<span class="empty">－</span>`;
  return html`<span class="kpi-value">${value.text}</span>`;
}

export function kpiWithPeriod(value: KpiValue, period: FiscalYearPeriod | null): SafeHtml {
  if (value.status === 'empty' && !period) return html`<span class="empty">－</span>`;
  return html`${kpiValue(value)}${period ? html`<span class="period">［${periodBoth(period)}］</span>` : ''}`;
}

/** A cell for an amount in 千円; an empty cell says so rather than pretending to be zero. */
export function amountCell(label: string | null): SafeHtml {
  return label === null ? html`<span class="empty">記載なし</span>` : html`${label}`;
}
