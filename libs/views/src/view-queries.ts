import { Injectable } from '@nestjs/common';
import { Clock, Database } from '@kensho/platform';
import { DomainError, fiscalYearLabel, type Actor, type CycleState, type NumericalGoal, type PlanKpiEntry, type StrategyKpiEntry } from '@kensho/review';
import { budgetExecution } from './budget/budget.js';
import { evaluationSummary } from './evaluations/evaluation-summary.js';
import type { SheetFacts } from './facts.js';
import { filterClauses, scopeToViewer } from './filter.js';
import type { RatingThresholds } from './kpis/judge.js';
import { kpiProgress, type KpiEntryRow } from './kpis/kpi-progress.js';
import { cycleProgress, jstDate } from './progress/progress.js';
import type { BudgetView, EvaluationsView, KpisView, ProgressView, ViewFilter, ViewHeader, YearOverYearView } from './view-types.js';
import { yearOverYear } from './year-over-year/year-over-year.js';
import { SHEET_FACTS_SQL, toSheetFacts, type SheetFactsRow } from './sheet-facts-row.js';

/**
 * Reads the v_ tables and shapes them. Filters are applied in SQL on the projected rows; the
 * totals are added up here, per request, because a filter (status, area) changes every total.
 */
@Injectable()
export class ViewQueries {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async progress(fiscalYear: number, filter: ViewFilter, viewer: Actor, today?: string): Promise<ProgressView> {
    const { header, cycle } = await this.header(fiscalYear, filter, viewer);
    const sheets = await this.sheets(fiscalYear, header.filter);
    const day = today ?? jstDate(this.clock.now().toISOString());
    return { ...header, title: cycle.title, cycleStatus: cycle.status, ...cycleProgress(sheets, cycle.deadlines, day) };
  }

  async budget(fiscalYear: number, filter: ViewFilter, viewer: Actor): Promise<BudgetView> {
    const { header } = await this.header(fiscalYear, filter, viewer);
    return { ...header, ...budgetExecution(await this.sheets(fiscalYear, header.filter)) };
  }

  async evaluations(fiscalYear: number, filter: ViewFilter, viewer: Actor): Promise<EvaluationsView> {
    const { header } = await this.header(fiscalYear, filter, viewer);
    return { ...header, ...evaluationSummary(await this.sheets(fiscalYear, header.filter)) };
  }

  async kpis(fiscalYear: number, filter: ViewFilter, viewer: Actor, thresholds: RatingThresholds): Promise<KpisView> {
    const { header } = await this.header(fiscalYear, filter, viewer);
    const entries = filterClauses(header.filter, 1);
    const rows = await this.db.query<KpiEntryRow>(
      `SELECT sheet_id AS "sheetId", kind, ordinal, fiscal_year AS "fiscalYear", project_code AS "projectCode", project_name AS "projectName",
              department, policy_areas AS "policyAreas", status, kpi_key AS "kpiKey", name, entry
       FROM v_kpi_entries WHERE fiscal_year = $1${entries.sql} ORDER BY project_code, department, kind, ordinal`,
      [fiscalYear, ...entries.values],
    );
    // Numerical goals belong to a policy area, not to a department or a sheet's status.
    const area = header.filter.policyArea;
    const goals = await this.db.query<{ goal: NumericalGoal }>(
      `SELECT goal FROM v_numerical_goals WHERE fiscal_year = $1${area === undefined ? '' : ' AND policy_area = $2'} ORDER BY ordinal`,
      area === undefined ? [fiscalYear] : [fiscalYear, area],
    );
    const progress = kpiProgress(
      {
        fiscalYear,
        goals: goals.rows.map((r) => r.goal),
        strategyRows: rows.rows.filter((r) => r.kind === 'strategy') as KpiEntryRow<StrategyKpiEntry>[],
        planRows: rows.rows.filter((r) => r.kind === 'plan') as KpiEntryRow<PlanKpiEntry>[],
      },
      thresholds,
    );
    return { ...header, thresholds, ...progress };
  }

  /** The project's sheets of every fiscal year up to `fiscalYear`. */
  async yearOverYear(fiscalYear: number, projectCode: string, filter: ViewFilter, viewer: Actor, thresholds: RatingThresholds): Promise<YearOverYearView> {
    const { header } = await this.header(fiscalYear, filter, viewer);
    const clauses = filterClauses(header.filter, 2);
    const result = await this.db.query<SheetFactsRow & { strategy_kpis: StrategyKpiEntry[]; plan_kpis: PlanKpiEntry[] }>(
      `SELECT ${SHEET_FACTS_SQL}, state->'content'->'strategyKpis' AS strategy_kpis, state->'content'->'planKpis' AS plan_kpis
       FROM v_sheets WHERE project_code = $1 AND fiscal_year <= $2${clauses.sql} ORDER BY fiscal_year, department`,
      [projectCode, fiscalYear, ...clauses.values],
    );
    if (result.rows.length === 0) await this.assertProjectExists(projectCode, fiscalYear);
    const sheets = result.rows.map((row) => ({ facts: toSheetFacts(row), strategyKpis: row.strategy_kpis, planKpis: row.plan_kpis }));
    return { ...header, ...yearOverYear(projectCode, sheets, thresholds) };
  }

  private async header(fiscalYear: number, filter: ViewFilter, viewer: Actor): Promise<{ header: ViewHeader; cycle: CycleState }> {
    const scoped = scopeToViewer(filter, viewer);
    const found = await this.db.query<{ state: CycleState }>('SELECT state FROM v_cycles WHERE fiscal_year = $1', [fiscalYear]);
    const cycle = found.rows[0]?.state;
    if (!cycle) throw new DomainError('cycle.not_found', 'not_found', `No review cycle for fiscal year ${fiscalYear}`, { fiscalYear });
    return { header: { fiscalYear, fiscalYearLabel: fiscalYearLabel(fiscalYear), filter: scoped }, cycle };
  }

  private async sheets(fiscalYear: number, filter: ViewFilter): Promise<SheetFacts[]> {
    const clauses = filterClauses(filter, 1);
    const result = await this.db.query<SheetFactsRow>(
      `SELECT ${SHEET_FACTS_SQL} FROM v_sheets WHERE fiscal_year = $1${clauses.sql} ORDER BY project_code, department`,
      [fiscalYear, ...clauses.values],
    );
    return result.rows.map(toSheetFacts);
  }

  private async assertProjectExists(projectCode: string, fiscalYear: number): Promise<void> {
    const found = await this.db.query('SELECT 1 FROM v_sheets WHERE project_code = $1 AND fiscal_year <= $2 LIMIT 1', [projectCode, fiscalYear]);
    if (found.rowCount === 0) {
      throw new DomainError('project.not_found', 'not_found', `No sheet of project ${projectCode} up to fiscal year ${fiscalYear}`, {
        projectCode,
        fiscalYear,
      });
    }
  }
}
