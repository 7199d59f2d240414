// Public surface of the pure review domain. Everything else in this folder is internal.
export type { Actor, DecisionContext, DomainEvent, Role } from './types.js';
export { mayRecordHistory, ROLES } from './types.js';
export type { DomainErrorKind } from './errors.js';
export { DomainError, isDomainError } from './errors.js';
export type { ValidationIssue } from './validation.js';

// values
export type { Amount } from './values/amount.js';
export { assertAmount, sumAmounts } from './values/amount.js';
export type { FiscalYearPeriod } from './values/fiscal-year.js';
export { eraLabel, fiscalYearLabel, isFiscalYear, isFiscalYearPeriod, parseJapanesePeriod, periodLabel } from './values/fiscal-year.js';
export type { KpiStatus, KpiValue } from './values/kpi-value.js';
export { emptyKpiValue, KPI_STATUSES, parseKpiCell, parseKpiValue, sameUnit } from './values/kpi-value.js';
export type { Achievement, AchievementOptions, AchievementReason } from './values/achievement.js';
export { achievement } from './values/achievement.js';
export type { RichText, RichTextBlock } from './values/rich-text.js';
export { isBlankRichText, richTextToPlain, toRichText } from './values/rich-text.js';
export type { Department } from './values/departments.js';
export { DEPARTMENT_SLUG, departmentName, DEPARTMENTS, departmentSlug, sameDepartment } from './values/departments.js';
export {
  assertProjectCode,
  cycleStreamId,
  departmentOf,
  fiscalYearOfStream,
  isProjectCode,
  parseSheetId,
  parseStreamId,
  PROJECT_CODE_FORM,
  sheetIdFor,
  sheetStreamId,
  type StreamName,
} from './values/ids.js';
export type { PolicyArea } from './values/policy-area.js';
export { isPolicyArea, POLICY_AREAS } from './values/policy-area.js';
export { isIsoDate } from './values/dates.js';
export { LIMITS } from './limits.js';

// sheet
export type {
  Category,
  Finance,
  FinancePatch,
  Funding,
  ImplementingBody,
  PlanKpiEntry,
  SheetContent,
  SheetContentPatch,
  StrategyKpiEntry,
} from './sheet/sheet.content.js';
export { applyContentPatch, CATEGORIES, diffContent, emptySheetContent, FUNDING_PARTS } from './sheet/sheet.content.js';
export type {
  ChoiceProvenance,
  DepartmentEvaluation,
  DepartmentEvaluationPatch,
  Direction,
  Effectiveness,
  EvaluationChoice,
  EvaluationProvenance,
  StrategyRevision,
} from './sheet/sheet.evaluation.js';
export {
  applyEvaluationPatch,
  CHOICE_PROVENANCES,
  DIRECTIONS,
  EFFECTIVENESS,
  emptyEvaluation,
  STRATEGY_REVISIONS,
} from './sheet/sheet.evaluation.js';
export type { SubmitRequiredField, SubmitWarning } from './sheet/sheet.submission.js';
export { assertFundingMatchesSettlement, missingForSubmit, SUBMIT_REQUIRED_FIELDS } from './sheet/sheet.submission.js';
export { carryForwardContent } from './sheet/sheet.carry-forward.js';
export type * from './sheet/sheet.commands.js';
export type * from './sheet/sheet.events.js';
export { SHEET_EVENT_SCHEMA_VERSION, SHEET_EVENT_TYPES } from './sheet/sheet.events.js';
export type { EditionPins, SheetState, SheetStatus } from './sheet/sheet.state.js';
export { evolveSheet, initialSheetState, SHEET_STATUSES, withPublications } from './sheet/sheet.state.js';
export { SHEET_COMMAND_TYPES } from './sheet/sheet.guards.js';
export { decideSheet } from './sheet/sheet.decide.js';

// cycle
export type * from './cycle/cycle.commands.js';
export type * from './cycle/cycle.events.js';
export type { CycleDeadlines, CycleEdition, CycleState, CycleStatus, PublishedSheetPin } from './cycle/cycle.state.js';
export { DEADLINE_ORDER, evolveCycle, initialCycleState } from './cycle/cycle.state.js';
export { CYCLE_EVENT_SCHEMA_VERSION, CYCLE_EVENT_TYPES } from './cycle/cycle.events.js';
export { decideCycle } from './cycle/cycle.decide.js';
export { BASIS_NOTES, CHOICE_LABELS, FUNDING_LABELS, OPTION_LABELS, SHEET_LABELS, STATUS_LABELS } from './sheet/sheet.labels.js';

// department master
export type { DepartmentCommand, DepartmentEvent, DepartmentRegistered, DepartmentsState, RegisterDepartment } from './department/department.js';
export {
  decideDepartments,
  DEPARTMENT_EVENT_SCHEMA_VERSION,
  DEPARTMENT_EVENT_TYPES,
  DEPARTMENTS_STREAM,
  evolveDepartments,
  initialDepartmentsState,
  requireDepartment,
} from './department/department.js';
