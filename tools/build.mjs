// Compiles apps and libs to dist/ and makes the libs' barrels resolvable as `@kensho/<lib>` from
// the compiled code, so Node runs it with no loader hook. Then builds the staff web app into
// dist/web (see buildWeb). (Node 20 runs `register()` hooks on a
// separate thread: every import then waits on a message, which cost ~0.3 s per CLI call.)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const stampFile = join(root, 'dist', '.build-stamp');

/** Runs tsc; returns its exit status (its diagnostics go to the terminal). */
export function build() {
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) return result.status ?? 1;
  linkLibs();
  const web = buildWeb();
  if (web !== 0) return web;
  writeFileSync(stampFile, `${new Date().toISOString()}\n`);
  return 0;
}

/** The staff web app (tools/build-web.mjs): after the API, whose OpenAPI document it is typed against. */
export function buildWeb() {
  return spawnSync(process.execPath, [join(root, 'tools', 'build-web.mjs')], { stdio: 'inherit', cwd: root }).status ?? 1;
}

/** dist/node_modules/@kensho/<lib>: a package whose only module re-exports the compiled barrel. */
export function linkLibs() {
  const scope = join(root, 'dist', 'node_modules', '@kensho');
  rmSync(scope, { recursive: true, force: true });
  for (const lib of readdirSync(join(root, 'libs'))) {
    if (!existsSync(join(root, 'dist', 'libs', lib, 'src', 'index.js'))) continue;
    const dir = join(scope, lib);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `@kensho/${lib}`, private: true, type: 'module', exports: './index.js' }, null, 2)}\n`);
    writeFileSync(join(dir, 'index.js'), `export * from '../../../libs/${lib}/src/index.js';\n`);
  }
}

const SOURCES = ['apps', 'libs'];
const CONFIG = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json', 'apps/web/tsconfig.json', 'apps/web/vite.config.mjs', 'apps/web/index.html'];
// The web app's own sources count too; its generated types do not (the build writes them).
const SOURCE_FILE = /\.(ts|tsx|css)$/;
const NOT_SOURCE = /(\.spec\.ts|\.d\.ts)$/;

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** True when a compiled source or the compiler's configuration is newer than the last build. */
export function isStale(base = root) {
  const built = mtime(join(base, 'dist', '.build-stamp'));
  if (CONFIG.some((file) => mtime(join(base, file)) > built)) return true;
  const stack = SOURCES.map((dir) => join(base, dir)).filter((dir) => existsSync(dir));
  while (stack.length > 0) {
    const dir = stack.pop();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(path);
      else if (SOURCE_FILE.test(entry.name) && !NOT_SOURCE.test(entry.name) && mtime(path) > built) return true;
    }
  }
  return false;
}

/** Builds when stale, saying so on stderr; returns the build's status (0 when nothing was needed). */
export function ensureBuilt(who = 'kensho') {
  if (!isStale()) return 0;
  process.stderr.write(`${who}: sources changed since the last build; compiling…\n`);
  const status = build();
  if (status !== 0) process.stderr.write(`${who}: the build failed (see above)\n`);
  return status;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(build());
