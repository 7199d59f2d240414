import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { WALKTHROUGH_BODIES } from './walkthrough.typecheck.js';

/** Every `-d '…'` body of a curl command in the README, in order. */
function readmeBodies(): unknown[] {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  return [...readme.matchAll(/curl [^\n]*(?:\\\n[^\n]*)*?-d '([^']*)'/g)].map((match) => JSON.parse(match[1]!.replace(/\n\s*/g, '')));
}

describe('README walk-through', () => {
  it('sends exactly the bodies that walkthrough.typecheck.ts compiles against the generated contract', () => {
    expect(readmeBodies()).toEqual(WALKTHROUGH_BODIES);
  });
});
