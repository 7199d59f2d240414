import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';

// Both are CommonJS packages whose ESM default export is their module object, not the class.
const require = createRequire(import.meta.url);
const Ajv: typeof AjvClass = require('ajv').Ajv;
const addFormats: (ajv: AjvClass) => AjvClass = require('ajv-formats').default;

type Json = Record<string, any>;

export interface ContractResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text?: string;
  body?: unknown;
}

/** Headers the API promises somewhere; a response carrying one must have it documented. */
const DOCUMENTED_HEADERS = ['etag', 'location', 'retry-after'];
const JSON_MEDIA = /^application\/(?:[\w.+-]+\+)?json$/;

/**
 * Checks real responses against the OpenAPI document the app serves: the operation, the status,
 * the media type, the JSON body against its schema and the promised headers. Every message names
 * the operation and the schema path, so a drifted document says where it drifted.
 */
export class ContractValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, discriminator: false });
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly routes: Array<{ template: string; pattern: RegExp; params: number }>;
  private readonly document: Json;

  constructor(document: Json) {
    this.document = toJsonSchema(structuredClone(document));
    addFormats(this.ajv);
    this.ajv.addSchema({ components: this.document.components ?? {} }, 'kensho:openapi');
    this.routes = Object.keys(this.document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
      }))
      // A literal segment wins over a parameter: /public/{fy}/editions before /public/{fy}/{file}.
      .sort((a, b) => a.params - b.params);
  }

  check(method: string, url: string, res: ContractResponse): string[] {
    const path = new URL(url, 'http://kensho.test').pathname;
    const route = this.routes.find((r) => r.pattern.test(path));
    const verb = method.toLowerCase();
    const operation: Json | undefined = route ? this.document.paths[route.template][verb] : undefined;
    // The contract is the API's: the documentation itself and the staff web app's files (index.html
    // for its client-side paths, hashed assets) are served beside it, not described by it.
    if (path.startsWith('/docs') || !/^\/(api|public|health)(\/|$)/.test(path)) return [];
    if (!route || !operation) {
      // Unknown routes answer 404 route.not_found by design; nothing to hold them to.
      return res.status === 404 ? [] : [`${method.toUpperCase()} ${path}: no operation in the OpenAPI document`];
    }
    const name = `${method.toUpperCase()} ${route.template} (${operation.operationId}) → ${res.status}`;
    const response: Json | undefined =
      operation.responses[String(res.status)] ?? operation.responses[`${String(res.status)[0]}XX`] ?? operation.responses.default;
    if (!response) return [`${name}: status ${res.status} is not documented`];
    const problems: string[] = [];
    for (const header of DOCUMENTED_HEADERS) {
      if (res.headers[header] === undefined) continue;
      const documented = Object.keys(response.headers ?? {}).some((h) => h.toLowerCase() === header);
      if (!documented) problems.push(`${name}: header ${header} is sent but not documented`);
    }
    const contentType = String(res.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    const empty = !res.text && (res.body === undefined || res.body === null || (typeof res.body === 'object' && Object.keys(res.body as object).length === 0));
    if (empty || res.status === 204 || res.status === 304) return problems;
    const content: Json | undefined = response.content;
    if (!content || !content[contentType]) {
      problems.push(`${name}: media type ${contentType || '(none)'} is not documented (documented: ${Object.keys(content ?? {}).join(', ') || 'none'})`);
      return problems;
    }
    const schema = content[contentType].schema;
    if (!schema) return [...problems, `${name} ${contentType}: no schema`];
    if (!JSON_MEDIA.test(contentType)) {
      if (schema.type !== 'string') problems.push(`${name} ${contentType}: a text body needs a string schema`);
      return problems;
    }
    const key = `${verb} ${route.template} ${res.status} ${contentType}`;
    const validate = this.validators.get(key) ?? this.ajv.compile(rebase(schema));
    this.validators.set(key, validate);
    const body = res.text ? safeParse(res.text) : res.body;
    if (!validate(body)) {
      for (const error of validate.errors ?? []) {
        problems.push(
          `${name} ${contentType}: body${error.instancePath} ${error.message} (schema ${error.schemaPath}${error.params ? ` ${JSON.stringify(error.params)}` : ''})`,
        );
      }
    }
    return problems;
  }
}

function safeParse(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return text;
  }
}

/** References into the document's components resolve against the schema registered as `openapi`. */
function rebase(node: unknown): any {
  if (Array.isArray(node)) return node.map(rebase);
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] = key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? `kensho:openapi${value}` : rebase(value);
  }
  return out;
}

/** OpenAPI 3.0 → JSON Schema where they differ for validation: `nullable`. */
function toJsonSchema(node: any): any {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  for (const key of Object.keys(node)) node[key] = toJsonSchema(node[key]);
  if (node.nullable === true) {
    delete node.nullable;
    if (typeof node.type === 'string' && !node.allOf && !node.oneOf && !node.anyOf && !node.$ref) {
      node.type = [node.type, 'null'];
      if (Array.isArray(node.enum)) node.enum = [...node.enum, null];
      return node;
    }
    const { type: _type, ...rest } = node;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return node;
}
