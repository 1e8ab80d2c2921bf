/**
 * The HTTP edges of the app (issue 10 §3): the central auth and CSRF check holds whatever the URL
 * encoding, hostile bodies and addresses are refused fast with problem documents, the security
 * headers are sent, rate limits tell clients apart, and a 500 is traceable without personal data.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, type ApiResponse, startTestApp, type TestApp } from '../../test/harness.js';
import { buildApp } from '../app.js';
import { bootstrapDatabase } from '../bootstrap.js';
import { loadConfig } from '../config.js';
import { generateKeyRingFile, KeyRing } from '../crypto/keyRing.js';
import { openDatabase } from '../db/client.js';
import { openTestCase } from '../routes/caseRecord/testSupport.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './jsonBody.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
}, 60_000);

afterAll(async () => {
  await t?.close();
});

function expectProblem(response: ApiResponse, status: number, code: string) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body.code).toBe(code);
}

describe('the auth and CSRF check runs on the matched route, not the raw URL', () => {
  it('refuses percent-encoded API paths to anonymous callers', async () => {
    const anonymous = t.client();
    expectProblem(await anonymous.get('/%61pi/admin/permissions'), 401, 'unauthenticated');
    expectProblem(await anonymous.get('/%61pi/auth/me'), 401, 'unauthenticated');
    expectProblem(await anonymous.get('/api/%61dmin/permissions'), 401, 'unauthenticated');
    expectProblem(await anonymous.get('/%2561pi/auth/me'), 404, 'route_not_found');
    expectProblem(await anonymous.get('/%61pi/no-such-route'), 401, 'unauthenticated');
    expectProblem(await (await t.login('th.ngo')).get('/%61pi/no-such-route'), 404, 'route_not_found');
  });

  it('checks the origin of a percent-encoded state change', async () => {
    const ngo = await t.login('th.ngo');
    const response = await ngo.request('POST', '/%61pi/auth/logout', {}, { origin: 'https://evil.example' });
    expectProblem(response, 403, 'csrf_failed');
    expect((await ngo.get('/api/auth/me')).status).toBe(200);
  });

  it('marks encoded API answers as not cacheable', async () => {
    const response = await t.client().get('/%61pi/auth/me');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});

describe('hostile bodies and addresses', () => {
  const deeplyNested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

  it('finds the nesting depth by a scan that ignores brackets inside strings', () => {
    expect(nestsDeeperThan(deeplyNested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(deeplyNested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(JSON.stringify({ a: '[[[[[[\\"[[[[' }), 2)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify([{ a: ['\\'] }]), 2)).toBe(true);
  });

  it('refuses 10,000 levels of nesting with a 400 in milliseconds, also eight at once', async () => {
    const body = `{"username":${deeplyNested(10_000)},"password":"x"}`;
    const started = performance.now();
    const single = await t.client().post('/api/auth/login', body);
    expect(performance.now() - started).toBeLessThan(500);
    expectProblem(single, 400, 'malformed_json');

    const health = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const before = performance.now();
      await t.client().get('/healthz');
      return performance.now() - before;
    })();
    const parallel = await Promise.all(Array.from({ length: 8 }, () => t.client().post('/api/auth/login', body)));
    for (const response of parallel) expectProblem(response, 400, 'malformed_json');
    expect(await health).toBeLessThan(500);
  });

  it('still reads ordinary JSON and still refuses prototype poisoning', async () => {
    const login = await t.client().post('/api/auth/login', { username: 'th.ngo', password: 'Seamless-demo-2026' });
    expect(login.status).toBe(200);
    const poisoned = await t.client().post('/api/auth/login', '{"username":"a","password":"b","__proto__":{"x":1}}');
    expectProblem(poisoned, 400, 'malformed_json');
  });

  it('answers a 1 MB query string with a 431 problem document', async () => {
    const response = await fetch(`${t.baseUrl}/api/cases?q=${'a'.repeat(1_048_576)}`);
    expect(response.status).toBe(431);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { code: string }).code).toBe('payload_too_large');
  });
});

describe('uploaded PDFs with active content', () => {
  it('refuses JavaScript and launch actions with 422 unsafe_file naming the field, and stores nothing', async () => {
    const socialworker = await t.login('th.socialworker');
    const kase = await openTestCase(socialworker);
    const url = `/api/cases/${kase.id}/attachments`;
    const pdf = (objects: string) => ({
      name: 'statement.pdf',
      type: 'application/pdf',
      bytes: Buffer.from(`%PDF-1.7\n1 0 obj\n<< /Type /Catalog ${objects} >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`),
    });
    for (const objects of [
      '/OpenAction << /S /JavaScript /JS (app.alert(1)) >>',
      '/AA << /O << /S /Launch /F (cmd.exe) >> >>',
      '/X /J#61vaScript',
    ]) {
      const refused = await socialworker.upload(url, pdf(objects), { section: 'general' });
      expectProblem(refused, 422, 'unsafe_file');
      expect(refused.body.errors.map((error: { path: string }) => error.path)).toEqual(['file']);
    }
    expect((await socialworker.get(url)).body.items).toEqual([]);
    expect((await socialworker.upload(url, pdf(''), { section: 'general' })).status).toBe(201);
  });
});

describe('security headers', () => {
  it('sends a CSP without unsafe-inline that forbids framing, and no HSTS over plain HTTP', async () => {
    for (const response of [await t.client().get('/healthz'), await t.client().get('/api/auth/me')]) {
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).toContain("default-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).not.toContain('unsafe-inline');
      expect(policy).not.toContain('unsafe-eval');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });
});

describe('behind a TLS proxy, with a small rate limit', () => {
  let proxied: TestApp;
  let webDist: string;
  const LIMIT = 20;

  beforeAll(async () => {
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'seamless-web-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(
      path.join(webDist, 'index.html'),
      '<!doctype html><title>Seamless</title><meta property="csp-nonce" nonce="SEAMLESS_CSP_NONCE"><link rel="stylesheet" href="/assets/app.css" nonce="SEAMLESS_CSP_NONCE">',
    );
    fs.writeFileSync(path.join(webDist, 'assets', 'app-1234.js'), 'export {};');
    proxied = await startTestApp({
      COOKIE_SECURE: 'true',
      TRUST_PROXY: 'true',
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      WEB_DIST: webDist,
    });
  }, 60_000);

  afterAll(async () => {
    await proxied?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  const from = (address: string) => ({ 'x-forwarded-for': address, 'x-forwarded-proto': 'https' });

  async function signIn(username: string, address: string): Promise<ApiClient> {
    const client = proxied.client();
    const response = await client.post('/api/auth/login', { username, password: 'Seamless-demo-2026' }, from(address));
    expect(response.status).toBe(200);
    return client;
  }

  async function statuses(client: ApiClient, count: number, address: string) {
    const seen: number[] = [];
    for (let i = 0; i < count; i++) seen.push((await client.request('GET', '/api/auth/me', undefined, from(address))).status);
    return seen;
  }

  it('sends HSTS when cookies are secure', async () => {
    const response = await proxied.client().get('/healthz');
    expect(response.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
  });

  it('serves the page shell with a fresh style nonce named in its CSP, also when asked for index.html', async () => {
    const nonces: string[] = [];
    for (const page of ['/', '/cases/new', '/index.html']) {
      const response = await fetch(`${proxied.baseUrl}${page}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      const policy = response.headers.get('content-security-policy') ?? '';
      const nonce = /style-src 'self' 'nonce-([A-Za-z0-9+/=]{24})'/.exec(policy)?.[1];
      expect(nonce, policy).toBeDefined();
      expect(policy).not.toContain('unsafe-inline');
      const html = await response.text();
      expect(html).not.toContain('SEAMLESS_CSP_NONCE');
      expect(html.match(/nonce="([^"]+)"/g)).toEqual([`nonce="${nonce}"`, `nonce="${nonce}"`]);
      nonces.push(nonce!);
    }
    expect(new Set(nonces).size).toBe(3);
  });

  it('does not count static files', async () => {
    for (let i = 0; i < LIMIT + 5; i++) {
      const response = await fetch(`${proxied.baseUrl}/assets/app-1234.js`, { headers: from('10.0.0.9') });
      expect(response.status).toBe(200);
    }
    expect((await proxied.client().request('GET', '/api/auth/me', undefined, from('10.0.0.9'))).status).toBe(401);
  });

  it('counts anonymous callers per forwarded address and signed-in users per session', async () => {
    const ngo = await signIn('th.ngo', '10.0.0.1');
    const police = await signIn('th.police', '10.0.0.1');

    const ngoStatuses = await statuses(ngo, LIMIT + 2, '10.0.0.1');
    expect(ngoStatuses.slice(0, LIMIT).every((status) => status === 200)).toBe(true);
    expect(ngoStatuses.at(-1)).toBe(429);
    // Same office address, own session: an unspent budget.
    expect((await statuses(police, 1, '10.0.0.1'))[0]).toBe(200);

    const anonymous = proxied.client();
    const anonymousStatuses = await statuses(anonymous, LIMIT + 2, '10.0.0.2');
    expect(anonymousStatuses.at(-1)).toBe(429);
    const limited = await anonymous.request('GET', '/api/auth/me', undefined, from('10.0.0.2'));
    expectProblem(limited, 429, 'too_many_requests');
    // The web client waits this long before it asks again by itself (web/src/api/retryPolicy.ts).
    const wait = Number(limited.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    // Another client behind the same proxy is told apart by its forwarded address.
    expect((await statuses(proxied.client(), 1, '10.0.0.3'))[0]).toBe(401);
  });
});

describe('a 500 is traceable by request id, without personal data', () => {
  it('logs the error class, stack frames and SQLSTATE, not the message or DETAIL', async () => {
    const lines: Record<string, unknown>[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, callback) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        callback();
      },
    });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seamless-test-'));
    const database = await openDatabase({});
    const keyRing = new KeyRing(generateKeyRingFile('test1'));
    await bootstrapDatabase(database, keyRing, { seedDemo: false, demoPassword: 'unused-password', instanceCountry: 'TH' });
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'error', WEB_DIST: '/nonexistent-web-dist' });
    const app = await buildApp({ config, database, keyRing, logStream });
    class DatabaseFailure extends Error {
      code = 'XX000';
      table = 'persons';
      detail = 'Key (given_name)=(Somchai) is broken.';
    }
    app.get('/api/test/failure', { config: { stages: 'public' } }, async () => {
      throw new Error('Failed query: select … params: Somchai,1990-01-01', {
        cause: new DatabaseFailure('row for Somchai Jaidee could not be read'),
      });
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = app.server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${address.port}/api/test/failure`);
      const body = (await response.json()) as { code: string; requestId: string };
      expect(response.status).toBe(500);
      expect(body.code).toBe('internal_error');

      const logged = lines.find((line) => line.msg === 'unhandled error');
      expect(logged, JSON.stringify(lines)).toBeDefined();
      expect(logged!.reqId).toBe(body.requestId);
      expect(logged!.errorClass).toBe('Error');
      expect(logged!.causes).toEqual(['DatabaseFailure']);
      expect(logged!.pgCode).toBe('XX000');
      expect(logged!.table).toBe('persons');
      expect((logged!.stack as string[]).length).toBeGreaterThan(0);
      expect((logged!.stack as string[])[0]).toMatch(/^at /);
      expect(JSON.stringify(lines)).not.toMatch(/Somchai|Jaidee|1990/);
    } finally {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
