import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const captured: { method: string | string[]; url: string }[] = [];
vi.mock('fastify', async (importOriginal) => {
  const original = (await importOriginal()) as { default: (...args: unknown[]) => any };
  const wrapped = Object.assign((...args: unknown[]) => {
    const app = original.default(...args);
    app.addHook('onRoute', (route: { method: string | string[]; url: string }) => captured.push({ method: route.method, url: route.url }));
    return app;
  }, original.default);
  return { ...original, default: wrapped };
});

import { startTestApp, type TestApp } from '../../test/harness.js';

let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('scratch', () => {
  it('explores', async () => {
    const c = t.client();
    const show = (label: string, r: any) => console.log(label, r.status, r.headers.get('content-type'), r.headers.get('x-request-id'), String(JSON.stringify(r.body)).slice(0, 300));
    show('badurl', await c.get('/api/cases/%E0%A4%A'));
    show('proto', await c.request('POST', '/api/auth/login', '{"__proto__":{"x":1},"username":"a","password":"b"}'));
    show('constructor', await c.request('POST', '/api/auth/login', '{"constructor":{"prototype":{"x":1}},"username":"a","password":"b"}'));
    show('empty', await c.request('POST', '/api/auth/login', '', { 'content-type': 'application/json' }));
    show('null', await c.request('POST', '/api/auth/login', 'null'));
    show('charset', await c.request('POST', '/api/auth/login', '{"username":"a","password":"b"}', { 'content-type': 'application/json; charset=utf-16' }));
    show('put', await c.request('PUT', '/api/cases', '{}'));
    show('big', await c.request('POST', '/api/auth/login', JSON.stringify({ username: 'x', password: 'y'.repeat(2_000_000) })));
    show('head404', await c.request('HEAD', '/api/nope'));
    show('unauth', await c.get('/api/cases'));
    show('reqid', await c.request('GET', '/api/nope', undefined, { 'x-request-id': 'my-request-0001' }));
    const a = await t.login('admin');
    show('disp nul', await a.post('/api/admin/groups', { agencyId: '00000000-0000-0000-0000-000000000000', name: 'ab' }));
    show('pagesize', await a.get('/api/admin/users?page=1&pageSize=2&pageSize=3'));
    show('users sort', await a.get('/api/admin/users?sort=password_hash'));
    show('users sort2', await a.get('/api/admin/users?sort=-passwordHash'));
    show('audit to', await a.get('/api/admin/audit?to=9999-12-31T23:59:59Z'));
    show('audit from neg', await a.get('/api/admin/audit?from=-000001-01-01T00:00:00Z'));
    show('case create', await (await t.login('th.socialworker')).post('/api/cases', { person: { givenName: 'X', gender: 'Feminine', birthDate: '0000-01-01' } }));
    show('case create2', await (await t.login('th.socialworker')).post('/api/cases', { person: { givenName: 'X', gender: 'Feminine', birthDate: '0001-01-01' } }));
  });
});
