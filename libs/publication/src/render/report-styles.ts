const cssString = (text: string): string => `"${text.replace(/["\\]/g, '\\$&').replace(/[\r\n]/g, ' ')}"`;

/**
 * Screen: sheets as paper on a grey desk. Print: A4 portrait, every sheet from a new page, grey
 * header cells kept (print-color-adjust), page numbers in the margin boxes.
 */
export function reportStyles(runningHeader: string): string {
  return `
:root { --ink: #1a1a1a; --muted: #555; --rule: #444; --head: #e8ecf1; --band: #2d4a6b; --note: #8a4b00; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #d9dde2; color: var(--ink);
  font-family: "IPAexGothic", "Noto Sans CJK JP", "Hiragino Kaku Gothic ProN", "Yu Gothic", Meiryo, sans-serif;
  font-size: 14px; line-height: 1.55; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
a { color: #1d4f91; }
.front, .sheet { background: #fff; width: min(210mm, 100%); margin: 16px auto; padding: 14mm 12mm; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
.front { padding-bottom: 10mm; }
h1, h2, h3 { font-family: "IPAexMincho", "Noto Serif CJK JP", "Hiragino Mincho ProN", "Yu Mincho", serif; font-weight: bold; }
.cover { border-bottom: 3px double var(--rule); padding-bottom: 8mm; margin-bottom: 8mm; text-align: center; }
.cover-kicker { margin: 0 0 4mm; font-size: 1.05em; letter-spacing: .08em; }
.cover h1 { margin: 0; font-size: 2.1em; letter-spacing: .2em; }
.cover-year { display: block; font-size: .55em; letter-spacing: .05em; margin-top: 2mm; }
.cover-title { margin: 3mm 0 6mm; color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content max-content; justify-content: center; gap: 1mm 6mm; margin: 0 auto 5mm; text-align: left; }
.facts dt { font-weight: bold; } .facts dd { margin: 0; }
.downloads { font-size: .9em; }
h2 { font-size: 1.3em; border-left: 6px solid var(--band); padding-left: 3mm; margin: 8mm 0 3mm; }
.toc-area { font-size: 1.02em; margin: 5mm 0 1.5mm; }
table { border-collapse: collapse; width: 100%; }
.toc th, .toc td, .grid th, .grid td, .kpi th, .kpi td, .finance th, .finance td { border: 1px solid var(--rule); padding: 1.2mm 1.8mm; vertical-align: top; text-align: left; }
.toc th, .grid th, .kpi th, .finance th { background: var(--head); font-weight: bold; }
.toc .c-no { width: 3.5em; } .toc .c-dept { width: 7.5em; } .toc .c-eval { width: 8.5em; } .toc .c-dir { width: 7em; } .toc .c-op { width: 5.5em; }
.legend { font-size: .85em; color: var(--muted); margin-top: 4mm; }
.repeat { color: var(--muted); font-size: .85em; }
.note-mark { color: var(--note); }
.corrections th { white-space: nowrap; }
.center { text-align: center !important; } .nowrap { white-space: nowrap; }
.project-code { white-space: nowrap; font-variant-numeric: tabular-nums; }
.empty { color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* one sheet */
.sheet { font-size: 12.5px; line-height: 1.45; }
.sheet-caption { display: flex; justify-content: space-between; margin: 0 0 2mm; font-size: .95em; color: var(--muted); }
.band { margin: 2.5mm 0 0; padding: .6mm 2mm; background: var(--band); color: #fff; font-size: 1em; letter-spacing: .1em; }
.grid { margin-top: -1px; }
.grid .c-label { width: 6.2em; } .head .c-dept { width: 8em; } .head .c-no-label { width: 2.6em; } .head .c-no { width: 3.6em; }
.head td.project-name { font-size: 1.2em; font-weight: bold; }
.area .c-value { width: 24%; }
.area-name { font-size: 1.02em; }
.period { display: inline-block; margin-left: .3em; color: var(--muted); font-size: .88em; }
.tree, .tree ul { margin: 0; padding-left: 1.1em; } .tree { padding-left: .2em; list-style: none; }
.tree > li > .direction { font-weight: bold; }
.tree ul { list-style: "・"; }
.choices { list-style: none; margin: 0; padding: 0; }
.choices.inline li { display: inline-block; margin-right: 1.1em; }
.mark { display: inline-block; width: 1.25em; font-size: 1.05em; }
.option.chosen { font-weight: bold; }
.basis { display: inline-block; margin-left: .4em; padding: 0 .35em; border: 1px solid var(--note); color: var(--note); font-size: .78em; font-weight: normal; border-radius: 2px; }
.basis-note { margin: .5mm 0 0; color: var(--note); font-size: .85em; }
.sheet p { margin: 0 0 1mm; } .sheet p:last-child { margin-bottom: 0; }
.bullets { margin: 0; padding-left: 0; list-style: none; } .bullets li::before { content: "・"; }
.finance { width: 100%; } .finance td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.finance .funding-label { width: 3em; text-align: center; }
.kpi-cell { padding: 0 !important; }
.kpi { border-style: hidden; } .kpi .c-kpi { width: 21%; }
.kpi .kpi-title { font-weight: bold; }
.share { margin-left: .2em; color: var(--muted); white-space: nowrap; }
.evaluation .c-choice { width: 46%; }
.choice-cell { white-space: normal; }
.rating { display: inline-block; margin-left: 1em; padding: 0 .5em; border: 1px solid var(--rule); }
.sheet-corrections ul { margin: 1mm 0 0; padding-left: 1.2em; }
.sheet-corrections .when { font-weight: bold; margin-right: .8em; }
@media (max-width: 700px) {
  .front, .sheet { margin: 0; padding: 5mm 4mm; box-shadow: none; }
  body { background: #fff; }
}
@page { size: A4 portrait; margin: 11mm 10mm 12mm;
  @top-right { content: ${cssString(runningHeader)}; font-size: 7.5pt; color: #555; }
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 7.5pt; color: #555; } }
@media print {
  body { background: #fff; font-size: 9pt; }
  .front, .sheet { width: auto; margin: 0; padding: 0; box-shadow: none; }
  /* Compact enough that each seeded FY2016 sheet fits one A4 page, as the city's own sheets do. */
  .sheet { break-before: page; page-break-before: always; font-size: 7.2pt; line-height: 1.25; }
  .sheet .grid th, .sheet .grid td, .sheet .kpi th, .sheet .kpi td, .sheet .finance th, .sheet .finance td { padding: .45mm 1.2mm; }
  .band { margin-top: 1.2mm; padding: .2mm 1.5mm; }
  .sheet-caption { margin-bottom: 1mm; }
  .tree { columns: 2; column-gap: 4mm; }
  .tree > li { break-inside: avoid; }
  .period { font-size: .85em; }
  .basis { font-size: .8em; padding: 0 .2em; }
  .head td.project-name { font-size: 1.15em; }
  .sheet table, .sheet tr { break-inside: avoid; }
  .no-print { display: none; }
  a { color: inherit; text-decoration: none; }
  .toc tr { break-inside: avoid; }
}
`;
}
