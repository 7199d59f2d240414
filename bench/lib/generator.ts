import { createHash } from 'node:crypto';
import { GENESIS_HASH, eventHash, eventIdFor, type EventMetadata, type NewEvent } from '@kensho/event-store';
import { uuidV5 } from '@kensho/platform';
import {
  DEPARTMENTS,
  cycleStreamId,
  eraLabel,
  parseKpiValue,
  sheetIdFor,
  sheetStreamId,
  type Department,
  type PolicyArea,
  type SheetContent,
} from '@kensho/review';
import { Prng } from './prng.js';
import { sheetStory, type BenchActor, type SheetSpec, type StoryEvent } from './sheet-story.js';
import { loadTemplates, type ProjectTemplate } from './templates.js';

/** Appended in one call: events of one stream, after its current last revision (-1: a new stream). */
export interface GeneratedBatch {
  streamId: string;
  after: number;
  events: NewEvent[];
  /** The hash-chain value the store computes for each event: for the ceiling's raw rows and for publication pins. */
  hashes: string[];
}

/** Batches of distinct streams that may be appended concurrently; waves are appended one after another. */
export type Wave = GeneratedBatch[];

/** A wave and the fiscal year it belongs to (each year's streams are its own: sheets and cycle alike). */
export interface YearWave {
  fiscalYear: number;
  /** How many events of the log come before this wave. */
  offset: number;
  batches: Wave;
}

export interface LogOptions {
  seed: number;
  totalEvents: number;
  firstYear?: number;
  /** Build only these years' events (the others are still planned, for their successors and the count). */
  includeYear?: (fiscalYear: number) => boolean;
}

// Muroran's own departments, then more of a larger city's (their slugs are derived, as for any new name).
const MORE_DEPARTMENTS = [
  '商工労働課',
  '環境政策課',
  '地域福祉課',
  '高齢福祉課',
  '保険年金課',
  '市民協働推進課',
  '文化振興課',
  'スポーツ振興課',
  '教育総務課',
  '学校教育課',
  '生涯学習課',
  '土木課',
  '道路維持課',
  '住宅課',
  '上下水道総務課',
  '防災対策課',
  '情報政策課',
  '財政課',
  '市民課',
  '国際交流課',
  '交通政策課',
  '水産振興課',
  '移住定住推進室',
  '障害福祉課',
  '保健予防課',
  '公園緑地課',
  '男女共同参画課',
  '林務課',
  '消費生活課',
  '港湾振興課',
  '地域医療課',
];
const AREAS: Array<{ area: PolicyArea; digit: number; projects: number }> = [
  { area: '1', digit: 1, projects: 190 },
  { area: '2', digit: 2, projects: 160 },
  { area: '3', digit: 3, projects: 130 },
  { area: 'プラス1', digit: 4, projects: 40 },
];
const LOCALITIES = ['中央', '東', '西', '港北', '白鳥台', '本輪西', '母恋', '輪西', '中島', '高砂'];

interface Project {
  code: string;
  name: string;
  policyAreas: PolicyArea[];
  departments: string[];
  template: ProjectTemplate;
}

class Stream {
  revision = -1;
  hash = GENESIS_HASH;
  constructor(readonly id: string) {}
}

/**
 * The seeded log: FY2016 onwards, ~560 sheets a year over 40 departments, each revised dozens of
 * times, until exactly `totalEvents` events (the last year is left in progress). Every event is
 * what the domain's deciders would decide (bench/lib/generator-check.ts proves it on a sample).
 */
export function* generateLog(options: LogOptions): Generator<YearWave> {
  const rng = new Prng(options.seed);
  const projects = planProjects(rng, loadTemplates());
  let remaining = options.totalEvents;
  let previousContents = new Map<string, { sheetId: string; content: SheetContent }>();
  const planner: BenchActor = { id: 'kikaku-planner1', role: 'planning', department: null };

  for (let fy = options.firstYear ?? 2016; remaining > 0; fy++) {
    let command = 0;
    const batch = (stream: Stream, story: StoryEvent[]): GeneratedBatch => {
      const events: NewEvent[] = [];
      const hashes: string[] = [];
      const after = stream.revision;
      for (const e of story) {
        // Per year, so that any process can build any year alone and get the same ids.
        const commandId = uuidV5(`kensho-bench/${options.seed}/${fy}/${command++}`);
        const metadata: EventMetadata = {
          actorId: e.actor.id,
          role: e.actor.role,
          department: e.actor.department,
          commandId,
          correlationId: commandId,
          causationId: commandId,
          occurredAt: new Date(e.at).toISOString(),
          schemaVersion: 1,
        };
        const revision = ++stream.revision;
        stream.hash = eventHash(stream.hash, { streamId: stream.id, revision, type: e.type, data: e.data, metadata });
        events.push({ id: eventIdFor(commandId, stream.id, 0), type: e.type, data: e.data, metadata });
        hashes.push(stream.hash);
      }
      return { streamId: stream.id, after, events, hashes };
    };
    /** Yields a wave, cut so that the log ends at exactly totalEvents; false once the log is complete. */
    function* emit(wave: Wave): Generator<YearWave, boolean> {
      const offset = options.totalEvents - remaining;
      const kept: Wave = [];
      for (const b of wave) {
        if (remaining <= 0 || b.events.length === 0) continue;
        const n = Math.min(remaining, b.events.length);
        kept.push(n === b.events.length ? b : { ...b, events: b.events.slice(0, n), hashes: b.hashes.slice(0, n) });
        remaining -= n;
      }
      if (kept.length) yield { fiscalYear: fy, offset, batches: kept };
      return remaining > 0;
    }

    const start = Date.UTC(fy + 1, 3, 1);
    const cycleEvent = (type: string, data: Record<string, unknown>, at: number): StoryEvent => ({ type, data, actor: planner, at });
    const specs: SheetSpec[] = projects.flatMap((p) =>
      p.departments.map((department) => ({
        sheetId: sheetIdFor(fy, p.code, benchDepartment(department)),
        fiscalYear: fy,
        projectCode: p.code,
        projectName: p.name,
        department,
        departmentSlug: benchDepartment(department).slug,
        policyAreas: p.policyAreas,
        template: p.template,
        previous: previousContents.get(`${p.code}/${department}`) ?? null,
      })),
    );
    const stories = specs.map((s) => sheetStory(s, rng));
    previousContents = new Map(specs.map((s, i) => [`${s.projectCode}/${s.department}`, { sheetId: s.sheetId, content: stories[i]!.content }]));
    if (!(options.includeYear?.(fy) ?? true)) {
      remaining -= Math.min(remaining, 4 + specs.length + stories.reduce((n, story) => n + story.events.length + 1, 0));
      continue;
    }

    const cycle = new Stream(cycleStreamId(fy));
    const opened = cycleEvent(
      'CycleOpened',
      {
        fiscalYear: fy,
        title: `${eraLabel(fy)} 効果検証`,
        deadlines: { departmentSubmission: `${fy + 1}-06-30`, planningReview: `${fy + 1}-07-31`, committee: `${fy + 1}-09-30`, publication: `${fy + 1}-10-31` },
        openedAt: new Date(start).toISOString(),
      },
      start,
    );
    if (!(yield* emit([batch(cycle, [opened, cycleEvent('NumericalGoalsRecorded', { goals: numericalGoals(fy) }, start + 3_600_000)])]))) return;
    const added = specs.map((s, i) =>
      cycleEvent('SheetAddedToCycle', { sheetId: s.sheetId, projectCode: s.projectCode, department: s.department }, start + 7_200_000 + i * 1000),
    );
    if (!(yield* emit([batch(cycle, added)]))) return;

    // A sheet's whole year is one batch: the log is loaded in batches, as an import would append it.
    const streams = specs.map((s) => new Stream(sheetStreamId(s.sheetId)));
    const publishedAt = start + 213 * 86_400_000;
    // Publication is one CyclePublished on the cycle (below); sheet streams are not written by it.
    if (!(yield* emit(stories.map((story, i) => batch(streams[i]!, story.events))))) return;
    const meeting = cycleEvent(
      'CommitteeMeetingRecorded',
      {
        date: `${fy + 1}-08-25`,
        opinionsByPolicyArea: {
          '1': '雇用の創出に向けた取組を評価する。',
          '2': '子育て支援策の周知を強化されたい。',
          '3': '交流人口の拡大に一定の成果が見られる。',
          プラス1: '広域連携の効果を検証されたい。',
        },
      },
      start + 146 * 86_400_000,
    );
    const pins = specs
      .map((s, i) => ({ sheetId: s.sheetId, version: streams[i]!.revision, headHash: streams[i]!.hash }))
      .sort((a, b) => a.sheetId.localeCompare(b.sheetId));
    const published = cycleEvent(
      'CyclePublished',
      { edition: 1, publishedAt: new Date(publishedAt + 60_000).toISOString(), sheets: pins },
      publishedAt + 60_000,
    );
    if (!(yield* emit([batch(cycle, [meeting, published])]))) return;
  }
}

/**
 * A bench department as its master would hold it: Muroran's own slugs, and for the others the
 * 'd' + 10 hex of SHA-256(name) the domain once derived, so the generated log keeps its shape.
 */
function benchDepartment(name: string): Department {
  return DEPARTMENTS.find((d) => d.name === name) ?? { name, slug: `d${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 10)}` };
}

/** Every year's projects: codes per policy area, one department each, some shared by two (like 1-15). */
function planProjects(rng: Prng, templates: ProjectTemplate[]): Project[] {
  const departments = [...DEPARTMENTS.map((d) => d.name), ...MORE_DEPARTMENTS];
  const projects: Project[] = [];
  for (const { area, digit, projects: count } of AREAS) {
    const own = templates.filter((t) => t.policyAreas.includes(area));
    for (let n = 1; n <= count; n++) {
      const template = own[(n - 1) % own.length]!;
      const first = rng.pick(departments);
      const second = rng.chance(0.12) ? rng.pick(departments.filter((d) => d !== first)) : null;
      projects.push({
        code: `${digit}-${String(n).padStart(2, '0')}`,
        name: n <= own.length ? template.projectName : `${template.projectName}（${rng.pick(LOCALITIES)}地区）`,
        policyAreas: template.policyAreas.includes(area) ? template.policyAreas : [area],
        departments: second ? [first, second] : [first],
        template,
      });
    }
  }
  return projects;
}

function numericalGoals(fy: number) {
  const goal = (id: string, policyArea: PolicyArea, measure: string, target: string, actual: string, lowerIsBetter = false) => ({
    id,
    policyArea,
    measure,
    target: parseKpiValue(target),
    targetPeriod: { from: 2015, to: 2019 },
    actual: parseKpiValue(actual),
    actualPeriod: { from: 2015, to: Math.min(fy, 2019) },
    lowerIsBetter,
    note: lowerIsBetter ? '社会減の抑制: 小さいほど良い' : null,
  });
  return [
    goal('1-g1', '1', '新規雇用者数', '1,750人', `${400 + (fy - 2015) * 180}人`),
    goal('2-g1', '2', '合計特殊出生率', '1.45', `${(1.3 + (fy % 5) * 0.02).toFixed(2)}`),
    goal('3-g1', '3', '観光入込客数', '170万人', `${150 + (fy % 7) * 3}万人`),
    goal('3-g2', '3', '社会減', '300人', `${500 - (fy - 2015) * 10}人`, true),
    goal('4-g1', 'プラス1', '広域連携事業数', '10件', `${Math.min(10, fy - 2014)}件`),
  ];
}
