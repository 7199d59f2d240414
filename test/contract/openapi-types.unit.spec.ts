import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { openApiDocument } from '../../apps/api/src/openapi-document.js';

// The generated types are committed (a client builds without the service); this keeps them true.
describe('@kensho/api-contract', () => {
  it('is what openapi-typescript generates from the document the app builds now (else: npm run openapi:types)', async () => {
    const document = await openApiDocument();
    const generated = COMMENT_HEADER + astToString(await openapiTS(document as never));
    const committed = readFileSync(new URL('../../libs/api-contract/src/openapi.ts', import.meta.url), 'utf8');
    expect(committed).toBe(generated);
  }, 60_000);
});
