// The only door from the web app into the libraries: the review domain's pure modules (labels,
// value formatting, types), never a barrel that would pull Nest or pg into the browser
// (.dependency-cruiser.cjs: web-reaches-only-the-pure-domain).
export { BASIS_NOTES, CHOICE_LABELS, FUNDING_LABELS, OPTION_LABELS, SHEET_LABELS, STATUS_LABELS } from '../../../libs/review/src/domain/sheet/sheet.labels.js';
export { periodLabel } from '../../../libs/review/src/domain/values/fiscal-year.js';
export type { SheetContent, Funding, StrategyKpiEntry, PlanKpiEntry } from '../../../libs/review/src/domain/sheet/sheet.content.js';
export type { ChoiceProvenance, DepartmentEvaluation } from '../../../libs/review/src/domain/sheet/sheet.evaluation.js';
export type { SheetState, SheetStatus } from '../../../libs/review/src/domain/sheet/sheet.state.js';
export type { SubmitRequiredField } from '../../../libs/review/src/domain/sheet/sheet.submission.js';
export type { KpiValue } from '../../../libs/review/src/domain/values/kpi-value.js';
export type { RichText } from '../../../libs/review/src/domain/values/rich-text.js';
