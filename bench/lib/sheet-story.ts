import {
  applyContentPatch,
  carryForwardContent,
  diffContent,
  emptySheetContent,
  parseKpiValue,
  type DepartmentEvaluationPatch,
  type PolicyArea,
  type RichText,
  type SheetContent,
  type SheetContentPatch,
} from '@kensho/review';
import type { Prng } from './prng.js';
import type { ProjectTemplate } from './templates.js';

/** Who acts, as the API would put it into the metadata. */
export interface BenchActor {
  id: string;
  role: 'department' | 'planning' | 'committee';
  department: string | null;
}

/** One decided event of a sheet's year, before the stream position and the metadata are known. */
export interface StoryEvent {
  type: string;
  data: Record<string, unknown>;
  actor: BenchActor;
  /** Milliseconds since the epoch: business time. */
  at: number;
}

export interface SheetSpec {
  sheetId: string;
  fiscalYear: number;
  projectCode: string;
  projectName: string;
  department: string;
  departmentSlug: string;
  policyAreas: PolicyArea[];
  template: ProjectTemplate;
  /** Last year's sheet of the same project and department, whose static data is carried forward. */
  previous: { sheetId: string; content: SheetContent } | null;
}

const DAY = 86_400_000;
const RATINGS = ['A', 'B', 'C', null] as const;

/**
 * A sheet's year as its people write it: assigned (last year's static data carried forward), filled
 * in and revised many times in small steps, evaluated, submitted, sometimes returned and reworked,
 * approved, given the committee's opinion and the city's response (publication is recorded on the cycle).
 */
export function sheetStory(spec: SheetSpec, rng: Prng): { events: StoryEvent[]; content: SheetContent } {
  const fy = spec.fiscalYear;
  const start = Date.UTC(fy + 1, 3, 1, 0, 30);
  const staff: BenchActor = { id: `${spec.departmentSlug}-staff${rng.int(1, 4)}`, role: 'department', department: spec.department };
  const planner: BenchActor = { id: `kikaku-planner${rng.int(1, 3)}`, role: 'planning', department: null };
  const committee: BenchActor = { id: `committee-member${rng.int(1, 8)}`, role: 'committee', department: null };
  const events: StoryEvent[] = [];
  let clock = start + rng.int(0, 5) * DAY + rng.int(0, 600) * 60_000;
  /** Advances business time, then builds the data (which may quote that time). */
  const push = (type: string, data: (now: string) => Record<string, unknown>, actor: BenchActor, stepMinutes: number) => {
    clock += stepMinutes * 60_000;
    events.push({ type, data: data(new Date(clock).toISOString()), actor, at: clock });
  };

  let content = spec.previous ? carryForwardContent(spec.previous.content) : emptySheetContent();
  push(
    'SheetAssigned',
    (now) => ({
      sheetId: spec.sheetId,
      fiscalYear: fy,
      projectCode: spec.projectCode,
      projectName: spec.projectName,
      department: spec.department,
      policyAreas: [...spec.policyAreas],
      carriedFrom: spec.previous?.sheetId ?? null,
      content,
      assignedAt: now,
    }),
    planner,
    1,
  );

  const figures = new Figures(spec, rng);
  const revise = (patch: SheetContentPatch, fields?: string[]) => {
    const next = fields ? sharedApply(content, patch) : applyContentPatch(content, patch);
    push('SheetContentRevised', () => ({ changes: patch, fields: fields ?? diffContent(content, next) }), staff, rng.int(20, 2400));
    content = next;
  };
  revise(figures.firstFill(content));
  const drafts = rng.int(30, 110);
  for (let i = 0; i < drafts; i++) {
    const [patch, fields] = figures.smallRevision(content, i);
    revise(patch, fields);
  }
  const evaluation: DepartmentEvaluationPatch = {
    effectiveness: rng.chance(0.8) ? 'effective' : 'not_effective',
    effectivenessReason: spec.template.reasons.effectiveness,
    direction: rng.pick(['expand', 'improve', 'continue', 'continue', 'complete'] as const),
    directionReason: spec.template.reasons.direction,
    strategyRevision: rng.chance(0.9) ? 'not_needed' : 'needed',
    strategyRevisionReason: spec.template.reasons.strategyRevision,
  };
  push('DepartmentEvaluationRecorded', () => ({ evaluation }), staff, rng.int(30, 600));
  if (rng.chance(0.4)) {
    push(
      'DepartmentEvaluationRecorded',
      () => ({ evaluation: { directionReason: `${spec.template.reasons.direction}（課内協議により修正）` } }),
      staff,
      rng.int(30, 600),
    );
  }
  const submitted = (now: string) => ({
    submittedAt: now,
    warnings: content.finance.budget !== null && content.finance.settlement! > content.finance.budget ? ['settlement_exceeds_budget'] : [],
    acknowledgedGaps: [],
  });
  push('SheetSubmitted', submitted, staff, rng.int(30, 600));

  let returns = rng.chance(0.35) ? (rng.chance(0.15) ? 2 : 1) : 0;
  for (let round = 1; returns > 0; returns--, round++) {
    clock += rng.int(3, 15) * DAY;
    const comment = `事業効果の記載について、KPIとの関係を具体的に記載してください（第${round}回）。`;
    push('SheetReturned', (now) => ({ comment, returnedAt: now }), planner, 1);
    const fixes = rng.int(5, 30);
    for (let i = 0; i < fixes; i++) {
      const [patch, fields] = figures.smallRevision(content, drafts + round * 100 + i);
      revise(patch, fields);
    }
    if (rng.chance(0.5)) {
      const effectivenessReason = `${spec.template.reasons.effectiveness}（差戻しを受け追記・第${round}回）`;
      push('DepartmentEvaluationRecorded', () => ({ evaluation: { effectivenessReason } }), staff, 60);
    }
    push('SheetSubmitted', submitted, staff, rng.int(30, 600));
  }

  clock = Math.max(clock, start + 100 * DAY) + rng.int(0, 20) * DAY;
  const approval = rng.chance(0.3) ? '内容を確認しました。' : null;
  push('SheetApproved', (now) => ({ comment: approval, approvedAt: now }), planner, 1);
  clock = Math.max(clock, start + 150 * DAY) + rng.int(0, 15) * DAY;
  const opinion = committeeOpinion(rng);
  const rating = rng.pick(RATINGS);
  push('CommitteeOpinionRecorded', (now) => ({ opinion, rating, recordedAt: now }), committee, 1);
  if (rng.chance(0.85)) {
    push(
      'CityResponseRecorded',
      (now) => ({ response: '委員会の意見を踏まえ、次年度の事業内容を検討する。', recordedAt: now }),
      planner,
      rng.int(1, 20) * 1440,
    );
  }
  return { events, content };
}

/**
 * applyContentPatch without its defensive deep copy: the generator never mutates content, so the
 * new content may share the unchanged parts with the old (the patches here carry no undefined).
 */
function sharedApply(content: SheetContent, patch: SheetContentPatch): SheetContent {
  const { finance, ...rest } = patch;
  const next = { ...content, ...rest } as SheetContent;
  if (finance) {
    const { funding, ...amounts } = finance;
    next.finance = { ...content.finance, ...amounts, funding: { ...content.finance.funding, ...funding } };
  }
  return next;
}

function committeeOpinion(rng: Prng): string {
  return rng.pick([
    '成果指標の達成に向けて着実に取り組まれている。',
    '事業効果の検証方法について、より客観的な指標の設定を検討されたい。',
    '他の事業との連携により、さらなる効果が期待される。',
    'KPIの実績が目標を下回っており、事業手法の見直しを検討されたい。',
  ]);
}

/** Amounts and texts that change in small, plausible steps; the funding always adds up to the settlement. */
class Figures {
  private readonly budget: number;
  private readonly national: number | null;
  private progress = 0;

  constructor(
    private readonly spec: SheetSpec,
    private readonly rng: Prng,
  ) {
    this.budget = Math.max(50, Math.round(spec.template.budget * (0.7 + rng.next() * 0.6)));
    this.national = rng.chance(0.5) ? Math.round(this.budget * rng.next() * 0.4) : null;
  }

  firstFill(content: SheetContent): SheetContentPatch {
    const settlement = this.settlement(content, 0);
    return {
      ...(content.category === null ? { category: this.spec.previous ? 'continuing' : 'new' } : {}),
      implementingBody: { city: true, other: this.rng.chance(0.2) ? '室蘭商工会議所' : null },
      ...(content.summary === null ? { summary: this.spec.template.summary } : {}),
      finance: {
        budget: this.budget,
        settlement,
        funding: { nationalPrefectural: this.national, municipalBonds: null, other: null, generalFund: settlement - (this.national ?? 0) },
      },
      implementation: this.spec.template.implementation,
      effect: this.spec.template.effect,
      strategyKpis: this.strategyKpis(content),
      planKpis: this.planKpis(content),
    };
  }

  /** One small edit, with the field paths it changes (what diffContent would report). */
  smallRevision(content: SheetContent, step: number): [SheetContentPatch, string[]] {
    const kind = this.rng.int(0, 9);
    if (kind <= 3) {
      const settlement = this.settlement(content, step);
      return [{ finance: { settlement, funding: { generalFund: settlement - (this.national ?? 0) } } }, ['finance.settlement', 'finance.funding.generalFund']];
    }
    if (kind <= 6) return [{ effect: this.text(this.spec.template.effect, step) }, ['effect']];
    if (kind === 7) return [{ implementation: this.text(this.spec.template.implementation, step) }, ['implementation']];
    if (content.planKpis.length > 0 && kind === 8) return [{ planKpis: this.planKpis(content) }, ['planKpis']];
    if (content.strategyKpis.length > 0) return [{ strategyKpis: this.strategyKpis(content) }, ['strategyKpis']];
    return [{ effect: this.text(this.spec.template.effect, step) }, ['effect']];
  }

  /** Between 45% and 115% of the budget, never equal to the current value. */
  private settlement(content: SheetContent, step: number): number {
    let value = Math.round(this.budget * (0.45 + this.rng.next() * 0.7)) + (step % 7);
    if (value === content.finance.settlement) value += 1;
    return value;
  }

  private text(base: RichText, step: number): RichText {
    const month = 4 + (step % 3);
    return [...base, { kind: 'paragraph', text: `${month}月末時点の実績を反映した（第${step + 1}稿、相談件数${3 + step * 2}件）。` }];
  }

  private strategyKpis(content: SheetContent) {
    this.progress += 1;
    const kpis =
      content.strategyKpis.length > 0
        ? content.strategyKpis
        : this.spec.template.strategyKpis.map((k) => ({ ...k, actual: parseKpiValue('-'), actualPeriod: null }));
    return kpis.map((k) => ({
      ...k,
      actual: parseKpiValue(`${this.progress * 3 + 1}${k.target.unit ?? '件'}`),
      actualPeriod: { from: 2015, to: this.spec.fiscalYear },
    }));
  }

  private planKpis(content: SheetContent) {
    this.progress += 1;
    const kpis =
      content.planKpis.length > 0
        ? content.planKpis
        : this.spec.template.planKpis.map((k) => ({ ...k, laterFiscalYear: this.spec.fiscalYear + 3, actualThisYear: parseKpiValue('-') }));
    return kpis.map((k) => ({ ...k, actualThisYear: parseKpiValue(`${this.progress * 2 + 1}${k.targetThisYear.unit ?? '件'}`) }));
  }
}
