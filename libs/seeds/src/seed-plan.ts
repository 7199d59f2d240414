import type { Command } from '@nestjs/cqrs';
import { uuidV5 } from '@kensho/platform';
import {
  AssignSheetCommand,
  cycleCommand,
  departmentsCommand,
  sheetCommand,
  parseJapanesePeriod,
  parseKpiValue,
  sheetIdFor,
  toStrategy,
  type Actor,
  type CommandMeta,
  type NumericalGoal,
  type PolicyArea,
} from '@kensho/review';
import type { SeedSet } from './load-seeds.js';
import { contentPatchOf, evaluationPatchOf, sourceGapsOf } from './seed-content.js';

export interface SeedStep {
  /** Stable forever: the command id is derived from it, which makes a second run append nothing. */
  key: string;
  occurredAt: string;
  command: Command<unknown>;
}

const PLANNING: Actor = { id: 'seed:企画課', role: 'planning', importer: true };
const departmentActor = (department: string): Actor => ({ id: `seed:${department}`, role: 'department', department, importer: true });

/** strategy.json's 数値目標 as the domain records them: texts parsed, printed texts kept. */
function numericalGoalsOf(seeds: SeedSet): NumericalGoal[] {
  return seeds.strategy.policyAreas.flatMap((area) =>
    area.numericalGoals.map((goal) => ({
      id: goal.id,
      policyArea: area.code as PolicyArea,
      measure: goal.measure,
      target: parseKpiValue(goal.target),
      targetPeriod: parseJapanesePeriod(goal.targetPeriod),
      actual: parseKpiValue(goal.actual),
      actualPeriod: goal.actualPeriod ? parseJapanesePeriod(goal.actualPeriod) : null,
      lowerIsBetter: goal.lowerIsBetter,
      note: goal.note ?? null,
    })),
  );
}

/** JST wall-clock time in 2017 → ISO instant. */
const jst = (month: number, day: number, hour: number, minute = 0) => new Date(Date.UTC(2017, month - 1, day, hour - 9, minute)).toISOString();

/**
 * The FY2016 review as it plausibly happened in 2017 (the source gives no dates): the planning
 * division opens the cycle in April, records the strategy master and its numerical goals and assigns the sheets,
 * each department fills in, evaluates and submits its own sheets in May and June, and the planning
 * division approves them in July.
 * It stops at approved: the source holds no committee opinion, and none may be invented.
 */
export function planSeed(seeds: SeedSet): SeedStep[] {
  const fy = seeds.fiscalYear;
  const steps: SeedStep[] = [];
  const meta = (key: string, actor: Actor, occurredAt: string): CommandMeta => {
    const commandId = uuidV5(`seed/fy${fy}/${key}`);
    return { commandId, correlationId: uuidV5(`seed/fy${fy}`), causationId: commandId, actor, occurredAt };
  };
  const add = (key: string, actor: Actor, occurredAt: string, build: (m: CommandMeta) => Command<unknown>) =>
    steps.push({ key, occurredAt, command: build(meta(key, actor, occurredAt)) });

  // Assignment only takes departments of the master: the planning division registers them first.
  seeds.departments.forEach((d, index) =>
    add(`department/${d.slug}`, PLANNING, jst(4, 10, 8, index), (m) => departmentsCommand({ type: 'RegisterDepartment', name: d.name, slug: d.slug }, m)),
  );
  add('open-cycle', PLANNING, jst(4, 10, 9), (m) =>
    cycleCommand(
      fy,
      {
        type: 'OpenCycle',
        fiscalYear: fy,
        title: `平成${fy - 1988}年度 ${seeds.strategy.name} 効果検証`,
        deadlines: { departmentSubmission: `${fy + 1}-06-30`, planningReview: `${fy + 1}-07-31` },
      },
      m,
    ),
  );
  // What the year's report prints around the sheets: in the log, so publication never reads these files.
  add('strategy', PLANNING, jst(4, 10, 9, 15), (m) => cycleCommand(fy, { type: 'RecordStrategy', strategy: toStrategy(seeds.strategy) }, m));
  // The goals' actuals are known when the year is reviewed: recorded on its cycle right after it opens.
  add('numerical-goals', PLANNING, jst(4, 10, 9, 30), (m) => cycleCommand(fy, { type: 'RecordNumericalGoals', goals: numericalGoalsOf(seeds) }, m));

  const departments = [...new Set(seeds.sheets.map((s) => s.department))];
  const master = new Map(seeds.departments.map((d) => [d.name, { name: d.name, slug: d.slug }]));
  seeds.sheets.forEach((sheet, index) => {
    const id = sheetIdFor(fy, sheet.projectCode, master.get(sheet.department)!);
    const actor = departmentActor(sheet.department);
    const d = departments.indexOf(sheet.department);
    const nth = seeds.sheets.filter((s, i) => i < index && s.department === sheet.department).length;
    const content = contentPatchOf(sheet, seeds.strategy);
    const evaluation = evaluationPatchOf(sheet);

    add(
      `assign/${id}`,
      PLANNING,
      jst(4, 12, 10, index * 2),
      (m) =>
        new AssignSheetCommand(
          { fiscalYear: fy, projectCode: sheet.projectCode, projectName: sheet.projectName, department: sheet.department, policyAreas: sheet.policyAreas },
          m,
        ),
    );
    add(`revise/${id}`, actor, jst(5, 8 + d * 2, 10 + (nth % 6), (nth * 17) % 60), (m) =>
      sheetCommand(id, { type: 'ReviseSheetContent', changes: content }, m),
    );
    add(`evaluate/${id}`, actor, jst(6, 1 + d * 2, 10 + (nth % 6), (nth * 17) % 60), (m) =>
      sheetCommand(id, { type: 'RecordDepartmentEvaluation', evaluation }, m),
    );
    add(`submit/${id}`, actor, jst(6, 20 + d, 16, nth * 5), (m) =>
      sheetCommand(id, { type: 'SubmitSheet', acknowledgedGaps: sourceGapsOf(content, evaluation) }, m),
    );
    add(`approve/${id}`, PLANNING, jst(7, 10 + Math.floor(index / 5), 10 + (index % 5)), (m) => sheetCommand(id, { type: 'ApproveSheet', comment: null }, m));
  });
  // Replayed in the order it happened.
  return steps.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));
}
