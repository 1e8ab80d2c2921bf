/**
 * Property-based fuzzing of every operation in the app's own OpenAPI document (issue 10, Proof):
 * requests shaped by each operation's schemas, and requests that break them, sent over HTTP as a
 * system administrator and as a case manager. No answer may be a 5xx, and every 4xx must be a
 * problem document. FUZZ_RUNS sets the requests per operation (default 200); FUZZ_SEED replays a run.
 *
 * Operations that end the caller's session (logout, password, sessions, second factor) and the
 * sign-in operations run last: the fuzzer signs in again after losing its session, and failed
 * sign-ins from one address eventually slow that address down.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../test/harness.js';

type JsonSchema = {
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
};
type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema };
type Operation = {
  method: string;
  path: string;
  parameters: Parameter[];
  jsonBody?: JsonSchema;
};
type FuzzRequest = {
  actor: 'admin' | 'caseManager';
  path: string;
  query: [string, string][];
  body?: { kind: 'json'; text: string } | { kind: 'multipart'; fields: [string, string][]; file?: Uint8Array };
};
type Finding = { operation: string; status: number; detail: string; request: string };

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** Requests in flight at once: the server overlaps parsing, hashing and responses while the database works. */
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 4);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** Fuzz only the operations whose "METHOD /path" matches, to replay a finding. */
const ONLY = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : undefined;
const SESSION_ENDING = /^(POST \/api\/auth\/(logout|password|second-factor\/\w+)|DELETE \/api\/auth\/sessions\/\{id\})$/;
const SIGN_IN = /^POST \/api\/auth\/login/;
/** Operations that take a multipart file instead of JSON (not described in the OpenAPI document). */
const UPLOADS = /\/(attachments|imports\/htcds)$/;

let t: TestApp;
const clients: Record<FuzzRequest['actor'], ApiClient> = {} as never;
const ACCOUNTS: Record<FuzzRequest['actor'], string> = { admin: 'admin', caseManager: 'th.socialworker' };
/** Ids that exist, by the collection they name, so that requests reach past "not found". */
const knownIds = { cases: [] as string[], agencies: [] as string[], users: [] as string[], roles: [] as string[], all: [] as string[] };

beforeAll(async () => {
  t = await startTestApp();
  clients.admin = await t.login('admin');
  clients.caseManager = await t.login('th.socialworker');
  const cases = await clients.caseManager.get('/api/cases?pageSize=20');
  const agencies = await clients.admin.get('/api/admin/agencies');
  const roles = await clients.admin.get('/api/admin/roles');
  const me = await clients.caseManager.get('/api/auth/me');
  const users = await clients.admin.get('/api/admin/users');
  const ownIds = new Set([me.body?.user?.id, me.body?.id]);
  knownIds.cases = (cases.body.items ?? []).map((item: { id: string }) => item.id);
  knownIds.agencies = (agencies.body.items ?? []).map((item: { id: string }) => item.id);
  // Not the roles and accounts the fuzzer signs in with: disabling them would end the run.
  knownIds.roles = (roles.body.items ?? roles.body ?? [])
    .filter((role: { key: string }) => !['system_admin', 'case_manager'].includes(role.key))
    .map((role: { id: string }) => role.id);
  knownIds.users = (users.body.items ?? [])
    .filter((user: { username: string; id: string }) => !Object.values(ACCOUNTS).includes(user.username) && !ownIds.has(user.id))
    .map((user: { id: string }) => user.id);
  knownIds.all = [...knownIds.cases, ...knownIds.agencies, ...knownIds.roles, ...knownIds.users];
  for (const [kind, ids] of Object.entries(knownIds)) expect(ids.length, kind).toBeGreaterThan(0);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

// --- Values ------------------------------------------------------------------------------------

/** Text that trips parsers and databases: controls, bidi overrides, zero-width, astral, SQL and path syntax. */
const nastyText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\u202eevil\u202c',
    '\u200b\u200b',
    '\u0000',
    '\u0007bell',
    "'; drop table cases; --",
    '../../etc/passwd',
    '%00',
    '😀'.repeat(50),
    'a'.repeat(5000),
    '-1',
    '1e309',
    'NaN',
    'null',
    'true',
    '2020-02-30',
    '1800-01-01',
    '9999-12-31',
    '0000-00-00',
    'ZZ',
    '00000000-0000-0000-0000-000000000000',
    '{"$gt":""}',
  ),
);

const dateText = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom('2020-02-30', '1800-01-01', '9999-12-31', '2021-13-01', '0001-01-01', '2024-02-29'),
);

/** The ids a path parameter most likely names: `/api/cases/{id}` a case, `/api/admin/users/{id}` a user. */
function idsFor(path: string, param: string): string[] {
  if (param !== 'id') return param === 'agencyId' ? knownIds.agencies : knownIds.all;
  if (path.startsWith('/api/cases/')) return knownIds.cases;
  if (path.startsWith('/api/admin/agencies/')) return knownIds.agencies;
  if (path.startsWith('/api/admin/users/')) return knownIds.users;
  if (path.startsWith('/api/admin/roles/')) return knownIds.roles;
  return knownIds.all;
}

function bounded(schema: JsonSchema, fallbackMax: number) {
  const min = schema.minimum ?? (typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined);
  const max = schema.maximum ?? (typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - 1 : undefined);
  return { min: min ?? -fallbackMax, max: max ?? fallbackMax };
}

/** Values that fit a JSON schema (as the zod type provider writes it), mostly. */
function fitting(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const inner = fittingNonNull(schema, depth);
  return schema.nullable ? fc.oneof({ weight: 4, arbitrary: inner }, fc.constant(null)) : inner;
}

function fittingNonNull(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((alternative) => fitting(alternative, depth)));
  if (schema.allOf?.length) return fitting(Object.assign({}, ...schema.allOf), depth);
  const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (type.length > 1) return fc.oneof(...type.map((one) => fitting({ ...schema, type: one }, depth)));
  switch (type[0]) {
    case 'string':
      return stringOf(schema);
    case 'integer': {
      const { min, max } = bounded(schema, 1_000_000);
      return fc.integer({ min: Math.max(min, -2_147_483_648), max: Math.min(max, 2_147_483_647) });
    }
    case 'number': {
      const { min, max } = bounded(schema, 1e9);
      return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(schema.items ? fitting(schema.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 3, 3)),
      });
    case 'object':
      return objectOf(schema, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function stringOf(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === 'uuid') return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...knownIds.all) }, fc.uuid());
  if (schema.format === 'email') return fc.emailAddress();
  if (schema.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  const pattern = schema.pattern?.replace(/[()]/g, '');
  if (pattern === '^\\d{4}-\\d{2}-\\d{2}$') return dateText;
  if (pattern === '^[A-Z]{2}$')
    return fc.oneof({ weight: 4, arbitrary: fc.constantFrom('TH', 'MM', 'KH', 'LA', 'VN', 'CN') }, fc.stringMatching(/^[A-Z]{2}$/));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 1000));
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ minLength, maxLength }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }) },
    { weight: 1, arbitrary: nastyText.filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? 5000)) },
  );
}

function objectOf(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (depth > 5 || !schema.properties) return fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
  const required = schema.required ?? [];
  const shape = Object.fromEntries(Object.entries(schema.properties).map(([key, property]) => [key, fitting(property, depth + 1)]));
  return fc.record(shape, { requiredKeys: required.filter((key) => key in shape) });
}

/** Breaks a valid value in one of the ways clients do: wrong types, missing or extra fields, junk. */
function brokenValueOf(schema: JsonSchema): fc.Arbitrary<unknown> {
  const valid = fitting(schema);
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.tuple(valid, fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 })).map(([value, key, junk]) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return junk;
      const keys = Object.keys(value);
      const target = keys.length ? keys[Math.abs(hash(key)) % keys.length]! : key;
      return { ...value, [target]: junk };
    }),
    fc.tuple(valid, fc.string({ maxLength: 12 })).map(([value, key]) => {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
      const copy = { ...(value as Record<string, unknown>) };
      const keys = Object.keys(copy);
      if (keys.length) delete copy[keys[Math.abs(hash(key)) % keys.length]!];
      return copy;
    }),
    fc
      .tuple(valid, fc.string({ minLength: 1, maxLength: 12 }), nastyText)
      .map(([value, key, junk]) => (value && typeof value === 'object' && !Array.isArray(value) ? { ...value, [key]: junk } : value)),
  );
}

function hash(text: string) {
  let h = 0;
  for (const c of text) h = (h * 31 + c.codePointAt(0)!) | 0;
  return h;
}

// --- Requests ----------------------------------------------------------------------------------

function queryValue(value: unknown): string[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap(queryValue);
  return [typeof value === 'string' ? value : JSON.stringify(value)];
}

function requestsFor(operation: Operation): fc.Arbitrary<FuzzRequest> {
  return fc.oneof({ weight: 3, arbitrary: requestsFittingSchema(operation) }, { weight: 2, arbitrary: requestsBreakingSchema(operation) });
}

const actors = fc.constantFrom('admin' as const, 'caseManager' as const);

function pathWith(operation: Operation, values: unknown[]) {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  return pathParams.reduce((url, p, i) => url.replace(`{${p.name}}`, encodeURIComponent(String(values[i] ?? ''))), operation.path);
}

function queryWith(operation: Operation, values: unknown[]): [string, string][] {
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  return queryParams.flatMap((p, i) => queryValue(values[i]).map((v): [string, string] => [p.name, v]));
}

const json = (value: fc.Arbitrary<unknown>) => value.map((v) => ({ kind: 'json' as const, text: JSON.stringify(v) ?? 'null' }));

/** Requests a careful client would send: ids that exist, parameters and bodies as the schema says. */
function requestsFittingSchema(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(
      ...pathParams.map((p) =>
        p.schema.format === 'uuid'
          ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...idsFor(operation.path, p.name)) }, fc.uuid())
          : fitting(p.schema),
      ),
    )
    .map((values) => pathWith(operation, values));
  const query = fc
    .tuple(...queryParams.map((p) => (p.required ? fitting(p.schema) : fc.option(fitting(p.schema), { nil: undefined, freq: 1 }))))
    .map((values) => queryWith(operation, values));
  const body: fc.Arbitrary<FuzzRequest['body']> = operation.jsonBody
    ? json(fitting(operation.jsonBody))
    : operation.method === 'POST' && UPLOADS.test(operation.path)
      ? fc.option(uploads, { nil: undefined, freq: 3 })
      : fc.constant(undefined);
  return fc.record({ actor: actors, path, query, body });
}

const MINIMAL_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

/** Files an upload form would send: a small PDF, a sheet of HTCDS-like columns with fuzzed cells. */
const uploads = fc
  .record({
    description: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
    file: fc.oneof(
      fc.constant(new Uint8Array(Buffer.from(MINIMAL_PDF))),
      fc
        .array(fc.tuple(fc.string({ maxLength: 12 }), dateText, fc.constantFrom('TH', 'MM', 'KH', 'ZZ', '')), { maxLength: 5 })
        .map((rows) =>
          Buffer.from(
            ['cse_Id,prs_DateOfBirth,prs_Citizenship', ...rows.map((row) => row.map((cell) => JSON.stringify(cell)).join(','))].join('\n'),
          ),
        )
        .map((bytes) => new Uint8Array(bytes)),
    ),
  })
  .map(({ description, file }) => ({
    kind: 'multipart' as const,
    fields: description === undefined ? [] : ([['description', description]] as [string, string][]),
    file,
  }));

/** Requests that break the schema: junk in parameters, broken or foreign bodies, unknown fields. */
function requestsBreakingSchema(operation: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const path = fc
    .tuple(
      ...pathParams.map((p) =>
        fc.oneof(
          { weight: 2, arbitrary: p.schema.format === 'uuid' ? fc.constantFrom(...idsFor(operation.path, p.name)) : fitting(p.schema) },
          { weight: 1, arbitrary: nastyText },
        ),
      ),
      fc.constantFrom('plain', 'plain', 'encoded', 'trailing slash', 'double slash'),
    )
    .map((values) => {
      const spelling = values[pathParams.length];
      const url = pathWith(operation, values);
      // The same route spelled as a router reads it but a prefix check would not (how the auth check was once skipped).
      if (spelling === 'encoded') return url.replace(/^\/api\//, '/%61pi/');
      if (spelling === 'trailing slash') return `${url}/`;
      if (spelling === 'double slash') return url.replace(/^\/api\//, '//api/');
      return url;
    });
  const query = fc
    .tuple(
      ...queryParams.map((p) =>
        fc.option(fc.oneof({ weight: 2, arbitrary: fitting(p.schema) }, { weight: 1, arbitrary: nastyText }), { nil: undefined }),
      ),
      fc.option(fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), nastyText), { nil: undefined, freq: 2 }),
    )
    .map((values) => {
      const pairs = queryWith(operation, values);
      const extra = values[queryParams.length] as [string, string] | undefined;
      return extra ? [...pairs, extra] : pairs;
    });
  const rawJson = fc.oneof(nastyText, fc.constantFrom('{', '[1,2', '{"a":1}}', '\u0000', '"\\ud800"', '{"a":"\\u0000"}')).map((text) => ({
    kind: 'json' as const,
    text,
  }));
  const multipart = fc
    .record({
      fields: fc.array(fc.tuple(fc.constantFrom('kind', 'description', 'title', 'note', 'x'), nastyText), { maxLength: 3 }),
      file: fc.option(
        fc.oneof(
          fc.uint8Array({ maxLength: 512 }),
          fc.uint8Array({ maxLength: 256 }).map((tail) => new Uint8Array([...Buffer.from('%PDF-1.4\n'), ...tail])),
          fc.uint8Array({ maxLength: 256 }).map((tail) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...tail])),
          fc.uint8Array({ maxLength: 256 }).map((tail) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail])),
          nastyText.map((text) => new Uint8Array(Buffer.from(`a,b,c\n${text},1,2\n`))),
        ),
        { nil: undefined },
      ),
    })
    .map(({ fields, file }) => ({ kind: 'multipart' as const, fields, file }));
  const hasBody = operation.method !== 'GET';
  const body: fc.Arbitrary<FuzzRequest['body']> = operation.jsonBody
    ? fc.oneof(
        { weight: 4, arbitrary: json(brokenValueOf(operation.jsonBody)) },
        { weight: 1, arbitrary: rawJson },
        { weight: 1, arbitrary: multipart },
      )
    : hasBody
      ? fc.oneof(fc.constant(undefined), json(fc.jsonValue({ maxDepth: 2 })), { weight: 3, arbitrary: multipart })
      : fc.constant(undefined);
  return fc.record({ actor: actors, path, query, body });
}

async function send(operation: Operation, request: FuzzRequest) {
  const client = clients[request.actor];
  const search = new URLSearchParams(request.query).toString();
  const url = `${t.baseUrl}${request.path}${search ? `?${search}` : ''}`;
  const csrf = client.cookies.get('csrf_token');
  const headers: Record<string, string> = {
    origin: t.baseUrl,
    cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    ...(csrf ? { 'x-csrf-token': csrf } : {}),
  };
  let body: string | FormData | undefined;
  if (request.body?.kind === 'json') {
    headers['content-type'] = 'application/json';
    body = request.body.text;
  } else if (request.body?.kind === 'multipart') {
    const form = new FormData();
    for (const [name, value] of request.body.fields) form.append(name, value);
    if (request.body.file) form.append('file', new Blob([request.body.file]), 'upload.bin');
    body = form;
  }
  const response = await fetch(url, { method: operation.method, headers, body });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text };
}

async function signInAgain(actor: FuzzRequest['actor']) {
  const me = await clients[actor].get('/api/auth/me');
  if (me.status === 200) return;
  const fresh = t.client();
  const login = await fresh.post('/api/auth/login', { username: ACCOUNTS[actor], password: 'Seamless-demo-2026' });
  if (login.status === 200) clients[actor] = fresh;
}

function operationsOf(document: { paths: Record<string, Record<string, any>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, spec] of Object.entries(methods)) {
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: spec.parameters ?? [],
        jsonBody: spec.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  const name = (operation: Operation) => `${operation.method} ${operation.path}`;
  const rank = (operation: Operation) => (SIGN_IN.test(name(operation)) ? 2 : SESSION_ENDING.test(name(operation)) ? 1 : 0);
  return operations.sort((a, b) => rank(a) - rank(b));
}

it(
  `answers ${RUNS} generated requests per operation without a 5xx, every 4xx a problem document`,
  async () => {
    const document = (await clients.admin.get('/api/openapi.json')).body;
    const operations = operationsOf(document).filter((operation) => !ONLY || ONLY.test(`${operation.method} ${operation.path}`));
    expect(operations.length).toBeGreaterThan(ONLY ? 0 : 80);
    const findings: Finding[] = [];
    const summary: string[] = [];
    for (const operation of operations) {
      const name = `${operation.method} ${operation.path}`;
      const requests = fc.sample(requestsFor(operation), { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) });
      const statuses = new Map<number, number>();
      const check = async (request: FuzzRequest) => {
        const response = await send(operation, request).catch((error: Error) => ({
          status: 0,
          contentType: '',
          text: `no answer: ${error.message}`,
        }));
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const isProblem = response.contentType.includes('application/problem+json');
        if (response.status === 0 || response.status >= 500 || (response.status >= 400 && !isProblem)) {
          findings.push({
            operation: name,
            status: response.status,
            detail: response.text.slice(0, 300),
            request: JSON.stringify(request).slice(0, 600),
          });
        }
        if (response.status === 401) await signInAgain(request.actor);
      };
      for (let start = 0; start < requests.length; start += CONCURRENCY) {
        await Promise.all(requests.slice(start, start + CONCURRENCY).map(check));
      }
      expect(requests.length).toBe(RUNS);
      summary.push(`${name}: ${[...statuses].map(([status, n]) => `${status}×${n}`).join(' ')}`);
    }
    console.info(`fuzzed ${operations.length} operations, ${RUNS} requests each:\n${summary.join('\n')}`);
    expect(findings.slice(0, 20), `${findings.length} bad answers`).toEqual([]);
  },
  30 * 60_000,
);
