import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { DEMO_PEOPLE } from '../../seed/demoThailand.js';

/**
 * The regional report and a release's sharing are the statistics role's, like the reports they
 * combine: every other role is refused whatever its agency; what the data officer gets carries
 * counts only, no case id and no name.
 */
export function regionalStatisticsMatrix(c: TenancyContext): RouteMatrix {
  const withoutStats = () => [c.socialworker, c.agencyadmin, c.ngo, c.shelter, c.psychologist, c.police, c.hotline];
  const regional = '/api/statistics/regional?template=national_annual&year=2025';
  let reportId: string | undefined;
  const report = async () => {
    reportId ??= expectStatus(await c.data.post('/api/statistics/reports', { template: 'commit_annual', year: 2025 }), 201).id as string;
    return reportId;
  };
  return {
    'GET /api/statistics/regional': {
      why: 'countries’ released aggregates, for the statistics role only; nothing about a case or person',
      anonymous: { path: regional },
      probe: async () => {
        for (const client of withoutStats()) expectStatus(await client.get(regional), 403, 'forbidden');
        const text = JSON.stringify(await ok(c.data.get(regional)));
        for (const caseId of c.caseOf) expect(text).not.toContain(caseId);
        for (const person of DEMO_PEOPLE) expect(text).not.toContain(person.familyName);
      },
    },
    'GET /api/statistics/regional.xlsx': {
      why: 'the regional report as a workbook, for the statistics role only',
      anonymous: { path: regional.replace('regional?', 'regional.xlsx?') },
      probe: async () => {
        const path = regional.replace('regional?', 'regional.xlsx?');
        for (const client of withoutStats()) expectStatus(await client.get(path), 403, 'forbidden');
        expect((await c.data.download(path)).status).toBe(200);
      },
    },
    'GET /api/statistics/reports/:id/sharing': {
      why: 'where a report stands with partners is read by the statistics role of its country only',
      anonymous: { path: `/api/statistics/reports/${UNKNOWN_ID}/sharing` },
      probe: async () => {
        const id = await report();
        for (const client of withoutStats()) expectStatus(await client.get(`/api/statistics/reports/${id}/sharing`), 403, 'forbidden');
        expect(await ok(c.data.get(`/api/statistics/reports/${id}/sharing`))).toEqual({ items: [] });
        expectStatus(await c.data.get(`/api/statistics/reports/${UNKNOWN_ID}/sharing`), 404, 'not_found');
      },
    },
  };
}
