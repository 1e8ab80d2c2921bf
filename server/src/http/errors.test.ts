/**
 * Bad input never yields a 500 or a partial write (DESIGN.md §8: "Errors: JSON problem documents
 * with a stable type/code, never a stack trace").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type ApiResponse, startTestApp, type TestApp } from '../../test/harness.js';

const BODY_LIMIT = 2048;

let t: TestApp;
let admin: ApiClient;
let agencyadmin: ApiClient;
let chiangrai: string;
let ngo: string;

/** Every error body this file received, checked for stack traces at the end. */
const errorBodies: { label: string; text: string }[] = [];

const STACK_MARKERS = [/"stack"/i, /\bat [\w.<>]+ \(/, /\bat (file|node):/, /\.(ts|js|mjs):\d+:\d+/, /node_modules/, /\/src\//];

function expectNoStackTrace(label: string, text: string) {
  for (const marker of STACK_MARKERS) expect(marker.test(text), `${label}: ${marker} in ${text}`).toBe(false);
}

/** Asserts a complete RFC 9457 problem document whose requestId matches the x-request-id header. */
function expectProblemDocument(response: ApiResponse, status: number, code: string) {
  const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? null);
  errorBodies.push({ label: `${status} ${code}`, text });
  expect(response.status, text).toBe(status);
  expect(String(response.headers.get('content-type')), text).toContain('application/problem+json');
  const body = response.body as {
    type: string;
    title: string;
    status: number;
    code: string;
    requestId: string;
    detail?: string;
    errors?: { path: string; code: string; message: string }[];
  };
  expect(body.code, text).toBe(code);
  expect(body.type).toBe(`urn:seamless:problem:${code}`);
  expect(typeof body.title).toBe('string');
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.status).toBe(status);
  expect(typeof body.requestId).toBe('string');
  expect(body.requestId.length).toBeGreaterThanOrEqual(8);
  expect(response.headers.get('x-request-id')).toBe(body.requestId);
  expectNoStackTrace(`${status} ${code}`, text);
  return body;
}

const paths = (problem: { errors?: { path: string }[] }) => (problem.errors ?? []).map((e) => e.path);

/**
 * Runs several bad requests and summarises each as "status code paths", so one failing case does
 * not hide the others. Problem documents are still checked in full (and for stack traces).
 */
async function outcomesOf(requests: Record<string, Promise<ApiResponse>>): Promise<Record<string, string>> {
  const outcomes: Record<string, string> = {};
  for (const [label, pending] of Object.entries(requests)) {
    const response = await pending;
    const text = JSON.stringify(response.body ?? null);
    errorBodies.push({ label, text });
    if (String(response.headers.get('content-type')).includes('application/problem+json')) {
      expectProblemDocument(response, response.status, response.body.code);
    }
    const isProblem = String(response.headers.get('content-type')).includes('application/problem+json');
    outcomes[label] = isProblem
      ? [response.status, response.body?.code, paths(response.body ?? {}).join(',')].filter(Boolean).join(' ')
      : `${response.status} not a problem document (${response.headers.get('content-type')}): ${text.slice(0, 120)}`;
  }
  return outcomes;
}

async function ok<T = any>(response: Promise<ApiResponse<T>>): Promise<T> {
  const r = await response;
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
}

const agencyBody = (name: string, extra: Record<string, unknown> = {}) => ({
  countryCode: 'TH',
  name,
  organisationType: 'NGO',
  agencyFunction: 'ngo',
  ...extra,
});
const agencyCount = async () => (await ok(admin.get('/api/admin/agencies?pageSize=200'))).total as number;

beforeAll(async () => {
  t = await startTestApp({ BODY_LIMIT_BYTES: String(BODY_LIMIT) });
  [admin, agencyadmin] = await Promise.all([t.login('admin'), t.login('th.agencyadmin')]);
  const agencies = (await ok(admin.get('/api/admin/agencies?pageSize=200'))).items;
  chiangrai = agencies.find((a: any) => a.acronym === 'PSDHS Chiang Rai').id;
  ngo = agencies.find((a: any) => a.agencyFunction === 'ngo').id;
});

afterAll(async () => {
  await t?.close();
});

describe('request bodies', () => {
  it('answers malformed JSON with 400 malformed_json, signed in or not, and writes nothing', async () => {
    const before = await agencyCount();
    expectProblemDocument(await t.client().request('POST', '/api/auth/login', '{"username": "th.ngo",'), 400, 'malformed_json');
    expectProblemDocument(
      await admin.request('POST', '/api/admin/agencies', '{"countryCode": "TH", name: unquoted}'),
      400,
      'malformed_json',
    );
    expectProblemDocument(
      await admin.request('POST', '/api/admin/agencies', '', { 'content-type': 'application/json' }),
      400,
      'malformed_json',
    );
    // Prototype pollution attempts are refused by the JSON parser, not merged into objects.
    expectProblemDocument(
      await admin.request(
        'POST',
        '/api/admin/agencies',
        JSON.stringify(agencyBody('Proto Agency')).replace('{', '{"__proto__":{"admin":true},'),
      ),
      400,
      'malformed_json',
    );
    expect(await agencyCount()).toBe(before);
  });

  it(`answers a body over BODY_LIMIT_BYTES (${BODY_LIMIT}) with 413 payload_too_large and accepts one under it`, async () => {
    const before = await agencyCount();
    const tooLargeLogin = JSON.stringify({ username: 'th.ngo', password: 'x'.repeat(BODY_LIMIT) });
    expectProblemDocument(await t.client().request('POST', '/api/auth/login', tooLargeLogin), 413, 'payload_too_large');
    const tooLarge = JSON.stringify(agencyBody('Oversized Agency', { localName: 'ก'.repeat(BODY_LIMIT) }));
    expect(Buffer.byteLength(tooLarge)).toBeGreaterThan(BODY_LIMIT);
    expectProblemDocument(await admin.request('POST', '/api/admin/agencies', tooLarge), 413, 'payload_too_large');
    expect(await agencyCount()).toBe(before);

    // Just under the limit (JSON whitespace counts as body bytes) is served normally.
    const compact = JSON.stringify(agencyBody('Just Under Limit Agency'));
    const justUnder = `{${' '.repeat(BODY_LIMIT - 100 - compact.length)}${compact.slice(1)}`;
    expect(Buffer.byteLength(justUnder)).toBeGreaterThan(BODY_LIMIT / 2);
    expect(Buffer.byteLength(justUnder)).toBeLessThanOrEqual(BODY_LIMIT);
    expect((await admin.request('POST', '/api/admin/agencies', justUnder)).status).toBe(201);
    expect(await agencyCount()).toBe(before + 1);
  });

  it('never reads a text/plain body as JSON: 400 validation_failed, and no session from a "simple" cross-site request', async () => {
    const client = t.client();
    const credentials = JSON.stringify({ username: 'th.ngo', password: 'Seamless-demo-2026' });
    const problem = expectProblemDocument(
      await client.request('POST', '/api/auth/login', credentials, { 'content-type': 'text/plain' }),
      400,
      'validation_failed',
    );
    expect(paths(problem)).toEqual(['']);
    expect(client.cookies.has('sid')).toBe(false);
    const before = await agencyCount();
    expectProblemDocument(
      await admin.request('POST', '/api/admin/agencies', JSON.stringify(agencyBody('Plain Text Agency')), { 'content-type': 'text/plain' }),
      400,
      'validation_failed',
    );
    expect(await agencyCount()).toBe(before);
  });

  it('answers other media types with 415 unsupported_media_type', async () => {
    expectProblemDocument(
      await t
        .client()
        .request('POST', '/api/auth/login', '<login><username>th.ngo</username></login>', { 'content-type': 'application/xml' }),
      415,
      'unsupported_media_type',
    );
    expectProblemDocument(
      await admin.request('POST', '/api/admin/agencies', 'countryCode=TH&name=Form+Agency', {
        'content-type': 'application/x-www-form-urlencoded',
      }),
      415,
      'unsupported_media_type',
    );
  });

  it('refuses text that PostgreSQL cannot store (NUL characters) with 400 at the field, not 500', async () => {
    const before = await agencyCount();
    const outcomes = await outcomesOf({
      'login username': t.client().post('/api/auth/login', { username: 'th.ngo\u0000', password: 'whatever-it-is' }),
      'agency name': admin.post('/api/admin/agencies', agencyBody('NUL\u0000Agency')),
      'user displayName': admin.post('/api/admin/users', {
        username: 'nul.user',
        displayName: 'Nul\u0000User',
        agencyId: chiangrai,
        roleKeys: ['agency_admin'],
        password: 'Nul-User-Pass-2026!',
      }),
    });
    expect(outcomes).toEqual({
      'login username': '400 validation_failed username',
      'agency name': '400 validation_failed name',
      'user displayName': '400 validation_failed displayName',
    });
    expect(await agencyCount()).toBe(before);
    expect((await ok(admin.get('/api/admin/users?q=nul.user'))).total).toBe(0);
  });
});

describe('routes and query strings', () => {
  it('answers an unknown route or method with 404 route_not_found', async () => {
    const signedIn = expectProblemDocument(await admin.get('/api/no-such-thing'), 404, 'route_not_found');
    expect(signedIn.detail).toBe('No route GET /api/no-such-thing');
    expectProblemDocument(await admin.request('PUT', '/api/cases', '{}'), 404, 'route_not_found');
    expectProblemDocument(await admin.delete(`/api/cases/${chiangrai}`), 404, 'route_not_found');
    expectProblemDocument(await t.client().get('/no-such-page'), 404, 'route_not_found');
    // The query string is not echoed (it can carry names).
    const withQuery = expectProblemDocument(await admin.get('/api/no-such-thing?name=Aye%20Aye'), 404, 'route_not_found');
    expect(JSON.stringify(withQuery)).not.toContain('Aye');
    // Anonymous callers learn nothing about which /api routes exist: sign in first.
    expectProblemDocument(await t.client().get('/api/no-such-thing'), 401, 'unauthenticated');
  });

  it('answers a URL the router cannot parse (bad percent-encoding, overlong parameter) with a problem document', async () => {
    const outcomes = await outcomesOf({
      'bad percent-encoding': admin.get('/api/cases/%E0%A4%A'),
      'parameter over 100 characters': admin.get(`/api/cases/${'a'.repeat(120)}`),
    });
    expect(outcomes['bad percent-encoding']).toMatch(/^400 validation_failed$/);
    // Either refused by the router (no field known) or by the schema (params.id): 400 either way.
    expect(outcomes['parameter over 100 characters']).toMatch(/^400 validation_failed( params\.id)?$/);
    // For comparison: a short malformed id is already a proper problem document.
    expect(paths(expectProblemDocument(await admin.get('/api/cases/not-a-uuid'), 400, 'validation_failed'))).toEqual(['params.id']);
  });

  it('names a query parameter of the wrong type (400 at query.<name>)', async () => {
    expect(paths(expectProblemDocument(await admin.get('/api/cases?pageSize=abc'), 400, 'validation_failed'))).toEqual(['query.pageSize']);
    expect(paths(expectProblemDocument(await admin.get('/api/admin/users?pageSize=abc'), 400, 'validation_failed'))).toEqual([
      'query.pageSize',
    ]);
    expect(paths(expectProblemDocument(await admin.get('/api/admin/users?pageSize=201'), 400, 'validation_failed'))).toEqual([
      'query.pageSize',
    ]);
    expect(paths(expectProblemDocument(await admin.get('/api/admin/agencies?page=0'), 400, 'validation_failed'))).toEqual(['query.page']);
    expect(paths(expectProblemDocument(await admin.get('/api/admin/audit?actorUserId=nobody'), 400, 'validation_failed'))).toEqual([
      'query.actorUserId',
    ]);
    expect(paths(expectProblemDocument(await admin.get('/api/admin/agencies?bogus=1'), 400, 'validation_failed'))).toEqual(['query.bogus']);
  });

  it('names an unknown sort (400 at query.sort), also for columns that exist but are not sortable', async () => {
    const socialworker = await t.login('th.socialworker');
    expect(paths(expectProblemDocument(await socialworker.get('/api/cases?sort=bogus'), 400, 'validation_failed'))).toEqual(['query.sort']);
    expect(paths(expectProblemDocument(await admin.get('/api/admin/users?sort=passwordHash'), 400, 'validation_failed'))).toEqual([
      'query.sort',
    ]);
    expect(paths(expectProblemDocument(await admin.get('/api/admin/users?sort=-email'), 400, 'validation_failed'))).toEqual(['query.sort']);
    expect(paths(expectProblemDocument(await admin.get('/api/admin/agencies?sort=phone'), 400, 'validation_failed'))).toEqual([
      'query.sort',
    ]);
    expect((await ok(admin.get('/api/admin/users?sort=-username&pageSize=1'))).items[0].username).toBe('th.socialworker');
  });

  it('refuses search text and timestamps PostgreSQL cannot take with 400 at the parameter, not 500', async () => {
    const outcomes = await outcomesOf({
      'agencies q': admin.get('/api/admin/agencies?q=%00'),
      'users q': admin.get('/api/admin/users?q=a%00b'),
      'audit resourceId': admin.get('/api/admin/audit?resourceId=%00'),
      // Year 0 is a valid ISO 8601 string but no PostgreSQL timestamp.
      'audit from': admin.get('/api/admin/audit?from=0000-01-01T00:00:00Z'),
    });
    expect(outcomes).toEqual({
      'agencies q': '400 validation_failed query.q',
      'users q': '400 validation_failed query.q',
      'audit resourceId': '400 validation_failed query.resourceId',
      'audit from': '400 validation_failed query.from',
    });
  });
});

describe('problem documents', () => {
  it('carry type, title, status, code and requestId, with x-request-id equal to requestId', async () => {
    const anonymous = expectProblemDocument(await t.client().get('/api/cases'), 401, 'unauthenticated');
    expect(anonymous.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const forbidden = expectProblemDocument(await agencyadmin.get('/api/admin/audit/verify'), 403, 'forbidden');
    expect(forbidden.requestId).not.toBe(anonymous.requestId);
    expectProblemDocument(await admin.get('/api/admin/agencies/5d0f4a57-0000-4000-8000-000000000000'), 404, 'not_found');
  });

  it('keep a well-formed incoming x-request-id (for tracing) and replace a malformed one', async () => {
    const traced = await admin.request('GET', '/api/no-such-thing', undefined, { 'x-request-id': 'trace-0001-abcd' });
    expect(expectProblemDocument(traced, 404, 'route_not_found').requestId).toBe('trace-0001-abcd');
    const forged = await admin.request('GET', '/api/no-such-thing', undefined, { 'x-request-id': 'bad id with spaces <script>' });
    expect(expectProblemDocument(forged, 404, 'route_not_found').requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('no partial writes', () => {
  it('creating a user with a role key that does not exist leaves no user behind', async () => {
    const usersBefore = (await ok(admin.get('/api/admin/users?pageSize=200'))).total;
    const auditBefore = (await ok(admin.get('/api/admin/audit?action=user.create'))).total;
    for (const roleKeys of [['no_such_role'], ['case_manager', 'no_such_role']]) {
      const problem = expectProblemDocument(
        await admin.post('/api/admin/users', {
          username: 'half.written',
          displayName: 'Half Written',
          agencyId: chiangrai,
          roleKeys,
          password: 'Half-Written-Pass-2026!',
        }),
        422,
        'invalid_reference',
      );
      expect(paths(problem)).toEqual(['roleKeys']);
      expect(problem.detail).toContain('no_such_role');
    }
    expect((await ok(admin.get('/api/admin/users?q=half.written'))).total).toBe(0);
    expect((await ok(admin.get('/api/admin/users?pageSize=200'))).total).toBe(usersBefore);
    expect((await ok(admin.get('/api/admin/audit?action=user.create'))).total).toBe(auditBefore);
    expectProblemDocument(
      await t.client().post('/api/auth/login', { username: 'half.written', password: 'Half-Written-Pass-2026!' }),
      401,
      'invalid_credentials',
    );
  });

  it("creating a user with another agency's group leaves no user behind", async () => {
    const ngoGroup = await admin.post('/api/admin/groups', { agencyId: ngo, name: 'NGO field team' });
    expect(ngoGroup.status).toBe(201);
    const problem = expectProblemDocument(
      await agencyadmin.post('/api/admin/users', {
        username: 'cr.grouped',
        displayName: 'Grouped',
        agencyId: chiangrai,
        roleKeys: ['agency_admin'],
        groupIds: [ngoGroup.body.id],
        password: 'Grouped-User-Pass-2026!',
      }),
      422,
      'invalid_reference',
    );
    expect(paths(problem)).toEqual(['groupIds']);
    expect((await ok(admin.get('/api/admin/users?q=cr.grouped'))).total).toBe(0);
  });

  it('an account update that fails on its roles changes none of its other fields', async () => {
    const id = (await ok(admin.get('/api/admin/users?q=th.socialworker'))).items[0].id;
    const before = await ok(admin.get(`/api/admin/users/${id}`));
    const problem = expectProblemDocument(
      await admin.patch(`/api/admin/users/${id}`, {
        version: before.version,
        displayName: 'Renamed Halfway',
        locale: 'en',
        active: false,
        roleKeys: ['no_such_role'],
      }),
      422,
      'invalid_reference',
    );
    expect(paths(problem)).toEqual(['roleKeys']);
    expect(await ok(admin.get(`/api/admin/users/${id}`))).toEqual(before);
    // Not disabled either: the account still signs in.
    await t.login('th.socialworker');
  });

  it('an agency in a country the instance does not know is a 422 invalid_reference, not a 500', async () => {
    const before = await agencyCount();
    expectProblemDocument(
      await admin.post('/api/admin/agencies', agencyBody('Nowhere Agency', { countryCode: 'IS' })),
      422,
      'invalid_reference',
    );
    expect(await agencyCount()).toBe(before);
  });
});

describe('stack traces', () => {
  it('appear in no error body received by this file', () => {
    expect(errorBodies.length).toBeGreaterThan(30);
    for (const { label, text } of errorBodies) expectNoStackTrace(label, text);
  });
});
