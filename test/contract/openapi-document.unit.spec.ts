import { beforeAll, describe, expect, it } from '@jest/globals';
import { openApiDocument } from '../../apps/api/src/openapi-document.js';
import { ContractValidator } from '../support/contract.js';

type Json = Record<string, any>;
let document: Json;
const operations = () =>
  Object.entries(document.paths as Json).flatMap(([path, item]) => Object.entries(item as Json).map(([method, op]) => ({ path, method, op: op as Json })));

beforeAll(async () => {
  document = (await openApiDocument()) as Json;
}, 60_000);

describe('the OpenAPI document', () => {
  it('names the bearer scheme an opaque token, and public routes declare no security', () => {
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer', bearerFormat: 'opaque token' });
    for (const { path, op } of operations().filter((o) => o.path.startsWith('/public') || o.path === '/health'))
      expect([path, op.security]).toEqual([path, []]);
  });

  it('gives every operation a success body or no-content answer, Problem errors and its roles', () => {
    for (const { path, method, op } of operations()) {
      const name = `${method} ${path}`;
      const success = Object.entries(op.responses as Json).filter(([status]) => status.startsWith('2'));
      expect([name, success.length > 0]).toEqual([name, true]);
      for (const [status, response] of success) if (status !== '204') expect([name, Object.keys(response.content ?? {}).length > 0]).toEqual([name, true]);
      const errors = Object.entries(op.responses as Json).filter(([status]) => /^[45]/.test(status));
      expect([name, errors.length > 0]).toEqual([name, true]);
      for (const [, response] of errors) expect(response.content['application/problem+json'].schema).toEqual({ $ref: '#/components/schemas/Problem' });
      if (op.security.length > 0) expect([name, op.description]).toEqual([name, expect.stringContaining('Roles: ')]);
    }
  });

  it('types no parameter or property as a bare object, and every numeric parameter as an integer', () => {
    const bare: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Json;
      if (schema.type === 'object' && !schema.properties && !schema.additionalProperties && !schema.allOf) bare.push(at);
      for (const [key, value] of Object.entries(schema)) walk(value, `${at}/${key}`);
    };
    walk(document, '#');
    expect(bare).toEqual([]);
    for (const { path, method, op } of operations()) {
      for (const p of op.parameters ?? [])
        if (['fy', 'edition', 'version', 'minPosition', 'from', 'to', 'cursor', 'limit', 'fiscalYear'].includes(p.name))
          expect([method, path, p.name, p.schema.type]).toEqual([method, path, p.name, 'integer']);
    }
  });
});

describe('the response validator of the e2e suite', () => {
  it('names the operation and the schema path of a response the document does not describe', () => {
    const validator = new ContractValidator(document);
    const json = { 'content-type': 'application/json; charset=utf-8' };
    const ok = { id: 's', version: 1, position: 3, events: [], duplicate: false };
    expect(validator.check('post', '/api/v1/sheets/s/submit', { status: 200, headers: json, text: JSON.stringify(ok) })).toEqual([]);
    expect(validator.check('post', '/api/v1/sheets/s/submit', { status: 200, headers: json, text: JSON.stringify({ ...ok, version: '1' }) })).toEqual([
      expect.stringMatching(/^POST \/api\/v1\/sheets\/\{id\}\/submit \(Sheets_submit\) → 200 application\/json: body\/version must be integer.*schema/),
    ]);
    expect(validator.check('post', '/api/v1/sheets/s/submit', { status: 418, headers: json, text: '{}' })).toEqual([
      expect.stringContaining('status 418 is not documented'),
    ]);
    expect(validator.check('post', '/api/v1/sheets/s/submit', { status: 200, headers: { 'content-type': 'text/plain' }, text: 'x' })).toEqual([
      expect.stringContaining('media type text/plain is not documented'),
    ]);
    expect(validator.check('post', '/api/v1/sheets/s/submit', { status: 200, headers: { ...json, location: '/x' }, text: JSON.stringify(ok) })).toEqual([
      expect.stringContaining('header location is sent but not documented'),
    ]);
  });
});
