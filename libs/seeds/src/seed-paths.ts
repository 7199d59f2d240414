import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: found from this file whether it runs from libs/ (tests) or dist/ (built). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'seeds')) || !existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the seeds/ directory above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  return dir;
}

export function seedDirFor(fiscalYear: number): string {
  return resolve(repoRoot(), 'seeds', `fy${fiscalYear}`);
}
