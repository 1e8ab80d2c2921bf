import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';

/**
 * Statistical reports are the statistics role's, like the figures they freeze: every other role
 * is refused whatever its agency; a data officer, who generates them, cannot approve or release.
 */
export function statisticReportsMatrix(c: TenancyContext): RouteMatrix {
  const withoutStats = () => [c.socialworker, c.agencyadmin, c.ngo, c.shelter, c.psychologist, c.police, c.hotline];
  let reportId: string | undefined;
  const report = async () => {
    reportId ??= expectStatus(await c.data.post('/api/statistics/reports', { template: 'national_annual', year: 2025 }), 201).id as string;
    return reportId;
  };
  const refusedToOthers = (method: 'get' | 'post', path: (id: string) => string, body?: unknown) => async () => {
    const id = await report();
    for (const client of withoutStats()) {
      expectStatus(method === 'get' ? await client.get(path(id)) : await client.post(path(id), body), 403, 'forbidden');
    }
  };
  return {
    'GET /api/statistics/reports': {
      why: 'reports are listed to the statistics role only',
      anonymous: { path: '/api/statistics/reports' },
      probe: async () => {
        await refusedToOthers('get', () => '/api/statistics/reports')();
        expect((await ok(c.data.get('/api/statistics/reports'))).items.map((item: { id: string }) => item.id)).toContain(await report());
      },
    },
    'POST /api/statistics/reports': {
      why: 'only the statistics role generates a report; nothing is created for anyone else',
      anonymous: { path: '/api/statistics/reports', body: {} },
      probe: async () => {
        const before = (await ok(c.data.get('/api/statistics/reports'))).items.length;
        await refusedToOthers('post', () => '/api/statistics/reports', { template: 'national_annual', year: 2024 })();
        expect((await ok(c.data.get('/api/statistics/reports'))).items.length).toBe(before);
      },
    },
    'GET /api/statistics/reports/:id': {
      why: 'a report is read by the statistics role only',
      anonymous: { path: `/api/statistics/reports/${UNKNOWN_ID}` },
      probe: refusedToOthers('get', (id) => `/api/statistics/reports/${id}`),
    },
    'GET /api/statistics/reports/:id/file': {
      why: 'a report file is downloaded by the statistics role only',
      anonymous: { path: `/api/statistics/reports/${UNKNOWN_ID}/file?format=pdf` },
      probe: refusedToOthers('get', (id) => `/api/statistics/reports/${id}/file?format=xlsx`),
    },
    'POST /api/statistics/reports/:id/approve': {
      why: 'only an approver other than the generator signs a report; the data officer and other roles cannot',
      anonymous: { path: `/api/statistics/reports/${UNKNOWN_ID}/approve`, body: {} },
      probe: async () => {
        const body = { signatoryName: 'Probe', signatoryPosition: 'Probe', version: 1 };
        await refusedToOthers('post', (id) => `/api/statistics/reports/${id}/approve`, body)();
        expectStatus(await c.data.post(`/api/statistics/reports/${await report()}/approve`, body), 403, 'forbidden');
        expect((await ok(c.data.get(`/api/statistics/reports/${await report()}`))).status).toBe('draft');
      },
    },
    'POST /api/statistics/reports/:id/release': {
      why: 'only an approver releases a report; the data officer and other roles cannot',
      anonymous: { path: `/api/statistics/reports/${UNKNOWN_ID}/release`, body: {} },
      probe: async () => {
        await refusedToOthers('post', (id) => `/api/statistics/reports/${id}/release`, { version: 1 })();
        expectStatus(await c.data.post(`/api/statistics/reports/${await report()}/release`, { version: 1 }), 403, 'forbidden');
      },
    },
  };
}
