import { generateLog } from '../lib/generator.js';
import { checkFirstYear } from '../lib/generator-check.js';
import { serveTasks } from '../lib/ipc.js';
import { writeYears } from '../lib/log-file.js';
import { log } from '../lib/stats.js';

/**
 * Builds every `of`-th fiscal year of the log (from the `part`-th): years are independent once
 * planned, so two processes write the log in about half the time on two cores. Part 0 also
 * replays a sample of the first year through the domain's deciders.
 */
serveTasks({
  async generate({
    dir,
    seed,
    totalEvents,
    appendable,
    part,
    of,
  }: {
    dir: string;
    seed: number;
    totalEvents: number;
    appendable: number;
    part: number;
    of: number;
  }) {
    const firstYear = 2016;
    let checked = 0;
    if (part === 0) {
      checked = checkFirstYear(generateLog({ seed, totalEvents, firstYear }), { everyNthSheet: 10 });
      log(`  generator check: ${checked.toLocaleString('en')} events of FY${firstYear} replayed through the deciders, all identical`);
    }
    const years = await writeYears(dir, { seed, totalEvents, appendable, firstYear, includeYear: (fy) => (fy - firstYear) % of === part });
    return { years, checked };
  },
});
