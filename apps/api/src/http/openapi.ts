import { applyDecorators, type INestApplication } from '@nestjs/common';
import {
  ApiExtension,
  ApiProperty,
  ApiSchema,
  ApiPropertyOptional,
  ApiResponse,
  DocumentBuilder,
  SwaggerModule,
  getSchemaPath,
  type ApiResponseOptions,
  type OpenAPIObject,
} from '@nestjs/swagger';
type HeadersObject = NonNullable<OpenAPIObject['components']>['headers'] & {};
import { ROLES, type TokenRole } from '@kensho/auth';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

@ApiSchema({ name: 'FieldProblem' })
class FieldProblemDto {
  @ApiProperty({ example: 'finance.budget' }) field!: string;
  @ApiProperty({ type: [String] }) problems!: string[];
}

@ApiSchema({ name: 'Problem' })
/** The one error body of every operation (RFC 9457 with Kensho's stable `code`); see problem.ts. */
export class ProblemDto {
  @ApiProperty({ example: 'urn:kensho:problem:sheet.incomplete' }) type!: string;
  @ApiProperty({ example: 'Lifecycle rule violated' }) title!: string;
  @ApiProperty({ type: 'integer', minimum: 400, maximum: 599, example: 422 }) status!: number;
  @ApiProperty({ description: 'Stable error code; docs/api.md lists them', example: 'sheet.incomplete' }) code!: string;
  @ApiProperty({ description: 'What went wrong, for a person (may carry Japanese)' }) detail!: string;
  @ApiPropertyOptional({ description: 'The request path' }) instance?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Every invalid field (request.validation)' }) errors?: FieldProblemDto[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Domain facts about the error (domain errors)' }) details?: Record<
    string,
    unknown
  >;
}

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: a field, parameter or header breaks a rule (`request.validation`, `request.unstorable_text`, …)',
  401: 'No token, or an unknown or revoked one (`auth.missing_token`, `auth.invalid_token`)',
  403: 'The token’s role may not do this, or a department acts on another department’s sheet',
  404: 'No such resource, or not at the requested version or moment',
  409: 'Conflict with the current state (a concurrent writer, a duplicate, a position nobody was given: `read.position_ahead`)',
  412: 'If-Match named a version that is no longer current (`sheet.version_conflict`); ETag carries the current one',
  413: 'Request body too large (`request.too_large`)',
  415: 'The body is not application/json (`request.unsupported_media_type`)',
  422: 'A lifecycle or business rule refuses the change, or an Idempotency-Key reused for another request',
  428: 'If-Match is required on this write (`request.if_match_required`)',
  500: 'An unexpected failure on the service’s side (`internal`), logged there; bad input never gets it',
  503: 'The database is unreachable for the moment (`service.database_unavailable`), or the views have not caught up with `minPosition` in time (`projection.lagging`); retry after Retry-After',
};

const PROBLEM_HEADERS: Record<number, HeadersObject> = {
  503: { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } } },
  412: { ETag: { description: 'The current version, e.g. "7"', schema: { type: 'string' } } },
};

const problemResponse = (status: number): ApiResponseOptions & { description: string } => ({
  description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
  content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: getSchemaPath(ProblemDto) } } },
  headers: PROBLEM_HEADERS[status],
});

/**
 * The problem+json statuses an operation answers beyond those the document adds by itself
 * (400 everywhere; 401/403 from security and roles; 409/503 with minPosition; 413/415 with a body).
 */
export const ApiProblems = (...statuses: number[]) => applyDecorators(...statuses.map((status) => ApiResponse({ status, ...problemResponse(status) })));

/** Which roles may call the operation: an `x-roles` extension, turned into a sentence of its description. */
export const ApiRoles = (roles: readonly TokenRole[]) => ApiExtension('x-roles', [...roles]);

export const ETAG_HEADER = {
  ETag: { description: 'The sheet’s version as an entity tag, e.g. "3"; send it back as If-Match', schema: { type: 'string', example: '"3"' } },
};
export const INTEGRITY_HEADER = {
  'Kensho-Integrity': {
    description: 'intact when the whole stream verified against its hash chain on this read; broken otherwise (the body says where)',
    schema: { type: 'string', enum: ['intact', 'broken'] },
  },
};
export const LOCATION_HEADER = { Location: { description: 'Where the created resource is read', schema: { type: 'string' } } };

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** The OpenAPI document of the app: decorators give each operation; this adds what every operation shares. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kensho (検証)')
      .setDescription(
        'Annual effect review of a municipal regional-revitalization strategy: sheets, review, committee, publication. ' +
          'Errors are application/problem+json with a stable `code` (schema Problem). Every write answers with its `position` in the global log; ' +
          'reads take `minPosition` to wait until the views include it.',
      )
      .setVersion('1')
      .addServer('/', 'This service')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'opaque token',
        description: 'An opaque token issued by `kensho tokens issue` or POST /api/v1/admin/tokens',
      })
      .build(),
    { extraModels: [ProblemDto], operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` },
  );
  typeNullableReferences(document.components?.schemas);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item) as Array<[string, Record<string, any>]>) {
      if (typeof operation !== 'object' || !operation?.responses) continue;
      complete(path, method, operation);
    }
  }
  return document;
}

function complete(path: string, method: string, op: Record<string, any>): void {
  const secured = Array.isArray(op.security) && op.security.length > 0;
  const add = (status: number) => {
    op.responses[status] ??= problemResponse(status);
  };
  const parameters: Array<{ name: string; in: string }> = (op.parameters ??= []);
  add(400);
  // Every operation reads or writes the database, so each may find it away; and none is immune to a bug.
  add(500);
  add(503);
  if (secured) {
    add(401);
    const roles: TokenRole[] = op['x-roles'] ?? [...ROLES];
    op['x-roles'] = roles;
    if (roles.length < ROLES.length) add(403);
    const sentence = roles.length === ROLES.length ? 'Roles: any signed-in role.' : `Roles: ${roles.join(', ')}.`;
    op.description = op.description ? `${op.description}\n\n${sentence}` : sentence;
  } else {
    // Public: says so, rather than leaving security undeclared.
    op.security = [];
    op.description = op.description ? `${op.description}\n\nPublic: no token.` : 'Public: no token.';
  }
  if (parameters.some((p) => p.name === 'minPosition' && p.in === 'query')) {
    add(409);
    add(503);
  }
  if (op.requestBody) {
    add(413);
    add(415);
  }
  if (secured && WRITE_METHODS.has(method)) {
    add(422);
    if (!parameters.some((p) => p.name === 'Idempotency-Key')) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: 'A retried write with the same key (per token) gets the same answer and appends nothing; 1-200 visible ASCII characters',
        schema: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[\\x21-\\x7e]+$' },
      } as never);
    }
  }
  if (parameters.length === 0) delete op.parameters;
  op.summary ??= `${method.toUpperCase()} ${path}`;
}

/** OpenAPI 3.0 wants a `type` beside `nullable`; Nest leaves it off a nullable reference to a class. */
function typeNullableReferences(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  for (const value of Object.values(node)) typeNullableReferences(value);
  const schema = node as Record<string, unknown>;
  if (schema.nullable === true && schema.type === undefined && Array.isArray(schema.allOf)) schema.type = 'object';
}
