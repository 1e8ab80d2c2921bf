import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext } from '../../../test/tenancy.js';
import { DEMO_PEOPLE } from '../../seed/demoThailand.js';

/**
 * Statistics: the country's figures are the statistics role's (stats:read), as counts only. Every
 * other role, caseworkers and agency administrators included, is refused whatever its agency;
 * what the data officer gets carries no case id and no name.
 */
export function statisticsMatrix(c: TenancyContext): RouteMatrix {
  const withoutStats = () => [c.socialworker, c.agencyadmin, c.ngo, c.shelter, c.psychologist, c.police, c.hotline];
  const figures = `/api/statistics/figures?statistic=victims_identified&from=2020-01-01&to=2030-12-31&by=agency,sex`;
  const agencyFigures = (agencyId: string) =>
    `/api/statistics/figures?statistic=victims_identified&from=2020-01-01&to=2030-12-31&by=sex&agencyId=${agencyId}`;
  const cellCases = (more: string) => `/api/statistics/figures/cases?statistic=cases_opened&from=2020-01-01&to=2030-12-31${more}`;
  const carriesNothingPersonal = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const caseId of c.caseOf) expect(text).not.toContain(caseId);
    for (const person of DEMO_PEOPLE) expect(text).not.toContain(person.familyName);
  };

  return {
    'GET /api/statistics/definitions': {
      why: 'the definitions of figures are the statistics role’s; other roles get 403',
      anonymous: { path: '/api/statistics/definitions' },
      probe: async () => {
        for (const client of withoutStats()) expectStatus(await client.get('/api/statistics/definitions'), 403, 'forbidden');
        expect((await ok(c.data.get('/api/statistics/definitions'))).items.length).toBeGreaterThan(0);
      },
    },
    'GET /api/statistics/figures': {
      why: 'counts across agencies only for stats:read, per agency too; no other role reaches them, and no ids or names leave',
      anonymous: { path: '/api/statistics/figures?statistic=victims_identified&from=2020-01-01&to=2020-12-31' },
      probe: async () => {
        for (const client of withoutStats()) {
          expectStatus(await client.get(figures), 403, 'forbidden');
          expectStatus(await client.get(agencyFigures(c.agency.ngo)), 403, 'forbidden');
        }
        const national = await ok(c.data.get(figures));
        carriesNothingPersonal(national);
        const agencyKeys = new Set(national.cells.map((cell: { keys: string[] }) => cell.keys[0]));
        for (const key of agencyKeys) expect(Object.values(c.agency)).toContain(key);
        carriesNothingPersonal(await ok(c.data.get(agencyFigures(c.agency.ngo))));
      },
    },
    'GET /api/statistics/figures/cases': {
      why: 'the cases behind a cell only for a reader of figures who also lists cases, and only the cases her agency may list',
      anonymous: { path: cellCases('') },
      probe: async () => {
        // Caseworkers lack stats:read, the data officer lacks case:read: neither reaches a case this way.
        for (const client of [...withoutStats(), c.data]) expectStatus(await client.get(cellCases('')), 403, 'forbidden');
        const listed = (await ok(c.socialworker.get('/api/cases?pageSize=200'))).items.map((item: { id: string }) => item.id);
        const behind = await ok(c.officehead.get(`${cellCases('')}&pageSize=200`));
        expect(behind.total).toBeGreaterThan(0);
        for (const item of behind.items) expect(listed).toContain(item.case.id);
        // Another agency's own cases stay out, even filtered to that agency.
        const policeOnly = await ok(c.officehead.get(cellCases(`&agencyId=${c.agency.police}`)));
        for (const item of policeOnly.items) expect(listed).toContain(item.case.id);
        for (const index of [2, 6]) expect(JSON.stringify(policeOnly)).not.toContain(c.caseOf[index]!);
      },
    },
  };
}
