#!/usr/bin/env node
// The `kensho` command: runs the compiled CLI, compiling first only when a source is newer than
// the last build, so a warm call costs a Node start and nothing else.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from '../tools/build.mjs';

const status = ensureBuilt();
if (status !== 0) process.exit(status);
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(root, 'dist', 'apps', 'cli', 'src', 'main.js')).href);
