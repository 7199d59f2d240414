import type { Direction, Effectiveness, EvaluationProvenance, SheetStatus, StrategyRevision } from '@kensho/review';
import type { SheetFacts } from './facts.js';

/** The v_sheets columns the views read, as PostgreSQL returns them. */
export interface SheetFactsRow {
  sheet_id: string;
  fiscal_year: number;
  project_code: string;
  project_name: string;
  department: string;
  policy_areas: string[];
  status: SheetStatus;
  version: number;
  budget: number | null;
  settlement: number | null;
  funding_national_prefectural: number | null;
  funding_municipal_bonds: number | null;
  funding_other: number | null;
  funding_general: number | null;
  effectiveness: Effectiveness | null;
  direction: Direction | null;
  strategy_revision: StrategyRevision | null;
  choice_provenance: EvaluationProvenance | null;
  assigned_at: Date | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  committee_opinion_at: Date | null;
  published_at: Date | null;
}

export const SHEET_FACTS_SQL = `sheet_id, fiscal_year, project_code, project_name, department, policy_areas, status, version,
  budget, settlement, funding_national_prefectural, funding_municipal_bonds, funding_other, funding_general,
  effectiveness, direction, strategy_revision, choice_provenance,
  assigned_at, submitted_at, approved_at, committee_opinion_at, published_at`;

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export function toSheetFacts(row: SheetFactsRow): SheetFacts {
  return {
    sheetId: row.sheet_id,
    fiscalYear: row.fiscal_year,
    projectCode: row.project_code,
    projectName: row.project_name,
    department: row.department,
    policyAreas: row.policy_areas,
    status: row.status,
    version: row.version,
    budget: row.budget,
    settlement: row.settlement,
    funding: {
      nationalPrefectural: row.funding_national_prefectural,
      municipalBonds: row.funding_municipal_bonds,
      other: row.funding_other,
      generalFund: row.funding_general,
    },
    effectiveness: row.effectiveness,
    direction: row.direction,
    strategyRevision: row.strategy_revision,
    provenance: row.choice_provenance,
    assignedAt: iso(row.assigned_at),
    submittedAt: iso(row.submitted_at),
    approvedAt: iso(row.approved_at),
    committeeOpinionAt: iso(row.committee_opinion_at),
    publishedAt: iso(row.published_at),
  };
}
