import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';

/**
 * Reported figures and their reconciliation are the statistics role's, like the figures they are
 * compared with: every other role is refused whatever its agency, and nothing is kept for it.
 */
export function statisticSubmissionsMatrix(c: TenancyContext): RouteMatrix {
  const withoutStats = () => [c.socialworker, c.agencyadmin, c.ngo, c.shelter, c.psychologist, c.police, c.hotline];
  const figure = () => ({
    sourceAgencyId: c.agency.chiangrai,
    statistic: 'victims_identified',
    from: '2025-01-01',
    to: '2025-12-31',
    source: 'Tenancy probe',
    total: 7,
  });
  let submissionId: string | undefined;
  const submission = async () => {
    submissionId ??= expectStatus(await c.data.post('/api/statistics/submissions', figure()), 201).id as string;
    return submissionId;
  };
  const count = async () => (await ok(c.data.get('/api/statistics/submissions'))).items.length as number;
  const query = () => `sourceAgencyId=${c.agency.chiangrai}&statistic=victims_identified&from=2025-01-01&to=2025-12-31&source=probe`;
  return {
    'GET /api/statistics/submissions': {
      why: 'reported figures are listed to the statistics role only',
      anonymous: { path: '/api/statistics/submissions' },
      probe: async () => {
        const id = await submission();
        for (const client of withoutStats()) expectStatus(await client.get('/api/statistics/submissions'), 403, 'forbidden');
        expect((await ok(c.data.get('/api/statistics/submissions'))).items.map((item: { id: string }) => item.id)).toContain(id);
      },
    },
    'POST /api/statistics/submissions': {
      why: 'only the statistics role enters reported figures; nothing is kept for anyone else',
      anonymous: { path: '/api/statistics/submissions', body: {} },
      probe: async () => {
        await submission();
        const before = await count();
        for (const client of withoutStats()) expectStatus(await client.post('/api/statistics/submissions', figure()), 403, 'forbidden');
        expect(await count()).toBe(before);
      },
    },
    'POST /api/statistics/submissions/workbook': {
      why: 'only the statistics role uploads reported figures; the file is not read for anyone else',
      anonymous: {
        path: `/api/statistics/submissions/workbook?sourceAgencyId=${UNKNOWN_ID}&statistic=victims_identified&from=2025-01-01&to=2025-12-31&source=probe`,
        body: {},
      },
      probe: async () => {
        await submission();
        const before = await count();
        const file = { name: 'figures.csv', type: 'text/csv', bytes: new TextEncoder().encode('count\n7\n') };
        for (const client of withoutStats())
          expectStatus(await client.upload(`/api/statistics/submissions/workbook?${query()}`, file), 403, 'forbidden');
        expectStatus(await c.data.upload(`/api/statistics/submissions/workbook?${query()}`, file), 201);
        expect(await count()).toBe(before + 1);
      },
    },
    'GET /api/statistics/submissions/template': {
      why: 'the template lists the country’s breakdown values (agencies, provinces): the statistics role’s only',
      anonymous: { path: '/api/statistics/submissions/template?statistic=victims_identified&from=2025-01-01&to=2025-12-31' },
      probe: async () => {
        const path = '/api/statistics/submissions/template?statistic=victims_identified&from=2025-01-01&to=2025-12-31&by=province';
        for (const client of withoutStats()) expectStatus(await client.get(path), 403, 'forbidden');
        expect((await c.data.download(path)).status).toBe(200);
      },
    },
    'GET /api/statistics/submissions/:id/reconciliation': {
      why: 'a reconciliation shows computed counts of an agency: the statistics role’s only, suppressed as any figure',
      anonymous: { path: `/api/statistics/submissions/${UNKNOWN_ID}/reconciliation` },
      probe: async () => {
        const id = await submission();
        for (const client of withoutStats())
          expectStatus(await client.get(`/api/statistics/submissions/${id}/reconciliation`), 403, 'forbidden');
        expectStatus(await c.data.get(`/api/statistics/submissions/${UNKNOWN_ID}/reconciliation`), 404, 'not_found');
      },
    },
    'GET /api/statistics/submissions/:id/records': {
      why: 'the records behind a reported line only for a reader of figures who also lists cases, and only the cases her agency may list',
      anonymous: { path: `/api/statistics/submissions/${UNKNOWN_ID}/records` },
      probe: async () => {
        const decade = { ...figure(), statistic: 'cases_opened', from: '2020-01-01', to: '2029-12-31' };
        const ofChiangrai = expectStatus(await c.data.post('/api/statistics/submissions', decade), 201).id as string;
        const ofPolice = expectStatus(await c.data.post('/api/statistics/submissions', { ...decade, sourceAgencyId: c.agency.police }), 201)
          .id as string;
        for (const client of [...withoutStats(), c.data])
          expectStatus(await client.get(`/api/statistics/submissions/${ofChiangrai}/records`), 403, 'forbidden');
        const listed = (await ok(c.socialworker.get('/api/cases?pageSize=200'))).items.map((item: { id: string }) => item.id);
        const own = await ok(c.officehead.get(`/api/statistics/submissions/${ofChiangrai}/records`));
        expect(own.records.length).toBeGreaterThan(0);
        for (const record of own.records) expect(listed).toContain(record.case.id);
        // The police's own cases stay the police's, though the line is the police's.
        const police = await ok(c.officehead.get(`/api/statistics/submissions/${ofPolice}/records`));
        for (const record of police.records) expect(listed).toContain(record.case.id);
        for (const index of [2, 6]) expect(JSON.stringify(police)).not.toContain(c.caseOf[index]!);
        expectStatus(await c.officehead.get(`/api/statistics/submissions/${UNKNOWN_ID}/records`), 404, 'not_found');
      },
    },
  };
}
