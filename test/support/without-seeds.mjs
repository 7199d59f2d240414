// Preload (node --import) that makes the seeds/ directory unreadable to the process: every fs call on a
// path under it fails with ENOENT, as if the directory were absent. A rebuild run under it proves the
// read side takes nothing from seed files.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve, sep } from 'node:path';

const seeds = resolve(process.cwd(), 'seeds');
const hidden = (path) => {
  if (typeof path !== 'string' && !(path instanceof URL)) return false;
  const full = resolve(path instanceof URL ? path.pathname : path);
  return full === seeds || full.startsWith(seeds + sep);
};
const absent = (path) => Object.assign(new Error(`ENOENT: no such file or directory (hidden seeds) '${path}'`), { code: 'ENOENT' });

for (const name of ['readFileSync', 'readdirSync', 'statSync', 'lstatSync', 'openSync', 'opendirSync', 'accessSync', 'realpathSync']) {
  const original = fs[name];
  fs[name] = function (path, ...rest) {
    if (hidden(path)) throw absent(path);
    return original.call(this, path, ...rest);
  };
}
const existsSync = fs.existsSync;
fs.existsSync = (path) => (hidden(path) ? false : existsSync(path));
for (const name of ['readFile', 'readdir', 'stat', 'lstat', 'open', 'access']) {
  const original = fs.promises[name];
  fs.promises[name] = function (path, ...rest) {
    if (hidden(path)) return Promise.reject(absent(path));
    return original.call(this, path, ...rest);
  };
}
syncBuiltinESMExports();
