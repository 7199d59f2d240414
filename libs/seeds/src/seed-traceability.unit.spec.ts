import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadSeedSet } from './load-seeds.js';
import { seedDirFor } from './seed-paths.js';

/** Every seed sheet must be traceable to its own block of the source document (issue #3). */
const seeds = loadSeedSet(seedDirFor(2016));
const sourceFile = resolve(seedDirFor(2016), '..', '..', '..', 'shared', 'source', 'muroran-fy2016-evaluation-sheets.txt');
const sourcePresent = existsSync(sourceFile);

describe('FY2016 seeds', () => {
  it('hold 27 sheets, one per (project, department), in source order with disjoint line ranges', () => {
    expect(seeds.sheets).toHaveLength(27);
    expect(new Set(seeds.sheets.map((s) => `${s.projectCode}/${s.department}`)).size).toBe(27);
    seeds.sheets.forEach((sheet, index) => {
      expect(sheet.source.block).toBe(index + 1);
      expect(sheet.source.firstLine).toBeLessThanOrEqual(sheet.source.lastLine);
      if (index > 0) expect(sheet.source.firstLine).toBeGreaterThan(seeds.sheets[index - 1]!.source.lastLine);
    });
  });

  it('tie every strategy KPI of every sheet to the master, through recorded normalisations only', () => {
    const names = new Set(seeds.strategy.strategyKpis.map((k) => k.name));
    const normalised = new Map(seeds.strategy.normalisations.map((n) => [n.original, n.normalised]));
    for (const sheet of seeds.sheets) {
      for (const kpi of sheet.strategyKpis) expect(names).toContain(normalised.get(kpi.name) ?? kpi.name);
    }
  });
});

(sourcePresent ? describe : describe.skip)(`FY2016 seeds against the source (${sourceFile})`, () => {
  const lines = sourcePresent ? readFileSync(sourceFile, 'utf8').split('\n') : [];
  const blockOf = (first: number, last: number) => lines.slice(first - 1, last).join('\n');
  const printed = (amount: number) => [amount.toLocaleString('en-US'), String(amount)];

  it.each(seeds.sheets.map((s) => [`${s.projectCode} ${s.department}`, s] as const))(
    '%s: code, name, department, budget and settlement appear in its own block',
    (_label, sheet) => {
      const block = blockOf(sheet.source.firstLine, sheet.source.lastLine);
      expect(block.split('\n')[0]).toMatch(/事業名/);
      expect(block).toContain(sheet.projectCode);
      expect(block).toContain(sheet.projectName);
      expect(block).toContain(sheet.department);
      for (const amount of [sheet.finance.budget, sheet.finance.settlement]) {
        if (amount === null) continue;
        expect(printed(amount).some((text) => block.includes(text))).toBe(true);
      }
    },
  );

  it('cover every sheet block of the source', () => {
    const starts = lines.flatMap((line, i) => (/事業名/.test(line) && /所管課/.test(line) ? [i + 1] : []));
    expect(seeds.sheets.map((s) => s.source.firstLine)).toEqual(starts);
  });
});

if (!sourcePresent) {
  // Said plainly, so a green run without ../shared is not mistaken for a traced one.
  console.warn(`[seeds] ${sourceFile} is not present: the source-traceability checks were skipped`);
}
