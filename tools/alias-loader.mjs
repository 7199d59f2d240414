// Resolves the monorepo's `@kensho/<lib>` barrels to their compiled output at run time.
// tsc keeps path aliases as written, and Node's ESM resolver knows nothing of tsconfig paths.
import { existsSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const distRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

export async function resolve(specifier, context, nextResolve) {
  const match = /^@kensho\/([a-z0-9-]+)$/.exec(specifier);
  if (match) {
    const target = join(distRoot, 'libs', match[1], 'src', 'index.js');
    if (existsSync(target)) return nextResolve(pathToFileURL(target).href, context);
  }
  return nextResolve(specifier, context);
}
