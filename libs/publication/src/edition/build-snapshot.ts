import type { CycleState, SheetState } from '@kensho/review';
import type { EditionCorrection, EditionSnapshot, PublishedSheet, StrategyReference } from './edition.types.js';

export interface PinnedSheet {
  state: SheetState;
  version: number;
  headHash: string;
  /** Where the sheet was assigned in the global log: the source document's order within a project. */
  assignedPosition: number;
}

export interface SnapshotInput {
  edition: number;
  publishedAt: string;
  cycle: CycleState;
  strategy: StrategyReference | null;
  sheets: PinnedSheet[];
  previous: EditionSnapshot | null;
}

export function toPublishedSheet({ state, version, headHash }: PinnedSheet): PublishedSheet {
  return {
    id: state.id,
    fiscalYear: state.fiscalYear,
    projectCode: state.projectCode,
    projectName: state.projectName,
    department: state.department,
    policyAreas: [...state.policyAreas],
    content: state.content,
    evaluation: state.evaluation,
    committeeOpinion: state.committeeOpinion,
    cityResponse: state.cityResponse,
    corrections: state.corrections.map((c) => ({ ...c, fields: [...c.fields] })),
    version,
    headHash,
  };
}

/**
 * Corrections already carried by the previous edition keep the edition that first showed them;
 * the rest are new in this one.
 */
function correctionsOf(sheets: PublishedSheet[], edition: number, previous: EditionSnapshot | null): EditionCorrection[] {
  const all: EditionCorrection[] = [];
  for (const sheet of sheets) {
    const before = previous?.corrections.filter((c) => c.sheetId === sheet.id) ?? [];
    sheet.corrections.forEach((correction, index) => {
      all.push({
        sheetId: sheet.id,
        projectCode: sheet.projectCode,
        projectName: sheet.projectName,
        department: sheet.department,
        reason: correction.reason,
        at: correction.at,
        fields: [...correction.fields],
        edition: before[index]?.edition ?? edition,
      });
    });
  }
  return all.sort((a, b) => a.at.localeCompare(b.at) || a.sheetId.localeCompare(b.sheetId));
}

/** '1-02' < '1-15' < '4-01', and '10-01' after '9-01' should a strategy ever number that far. */
export function compareProjectCodes(a: string, b: string): number {
  const [x, y] = [a.split('-').map(Number), b.split('-').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

/** Edition N as citizens will see it, from each pinned sheet's state at exactly its pinned version. */
export function buildEditionSnapshot(input: SnapshotInput): EditionSnapshot {
  const ordered = [...input.sheets].sort((a, b) => compareProjectCodes(a.state.projectCode, b.state.projectCode) || a.assignedPosition - b.assignedPosition);
  const sheets = ordered.map(toPublishedSheet);
  return {
    fiscalYear: input.cycle.fiscalYear,
    edition: input.edition,
    publishedAt: input.publishedAt,
    title: input.cycle.title,
    strategy: input.strategy,
    committeeMeetings: input.cycle.committeeMeetings.map((m) => ({ date: m.date, opinionsByPolicyArea: { ...m.opinionsByPolicyArea } })),
    numericalGoals: (input.cycle.numericalGoals ?? []).map((g) => ({ ...g })),
    sheets,
    corrections: correctionsOf(sheets, input.edition, input.previous),
  };
}
