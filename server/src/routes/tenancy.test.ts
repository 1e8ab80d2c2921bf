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
    console.log(JSON.stringify(captured));
    console.log(t.app.printRoutes({ commonPrefix: false, includeHooks: false }));
    const c = t.client();
    for (const body of ['{"username":"a\\u0000b","password":"x"}']) {
      const r = await c.request('POST', '/api/auth/login', body);
      console.log('nul login', r.status, JSON.stringify(r.body));
    }
    const r2 = await c.request('POST', '/api/auth/login', 'username=x', { 'content-type': 'text/plain' });
    console.log('text', r2.status, JSON.stringify(r2.body));
    const r3 = await c.request('POST', '/api/auth/login', '<x/>', { 'content-type': 'application/xml' });
    console.log('xml', r3.status, JSON.stringify(r3.body));
    const a = await t.login('admin');
    for (const q of ['from=2024-01-01T00:00:00%2B99:99', 'from=2024-01-01T00:00:00%2B23:59', 'resourceId=%00', 'from=0000-01-01T00:00:00Z']) {
      const r = await a.get('/api/admin/audit?' + q);
      console.log(q, r.status, JSON.stringify(r.body).slice(0, 300));
    }
    const r4 = await a.get('/api/admin/agencies?q=%00');
    console.log('q nul', r4.status, JSON.stringify(r4.body).slice(0, 300));
    const r5 = await a.get('/api/cases?pageSize=abc');
    console.log('pageSize', r5.status, JSON.stringify(r5.body).slice(0, 500));
    const r6 = await a.get('/api/cases?sort=bogus');
    console.log('sort', r6.status, JSON.stringify(r6.body).slice(0, 500));
    const r7 = await a.post('/api/admin/agencies', { countryCode: 'TH', name: 'X', organisationType: 'NGO', agencyFunction: 'ngo', bogus: 1 });
    console.log('unknown', r7.status, JSON.stringify(r7.body).slice(0, 500));
    const r8 = await a.post('/api/admin/agencies', { countryCode: 'ZZ', name: 'Xyz', organisationType: 'NGO', agencyFunction: 'ngo' });
    console.log('fk', r8.status, JSON.stringify(r8.body).slice(0, 500));
  });
});
