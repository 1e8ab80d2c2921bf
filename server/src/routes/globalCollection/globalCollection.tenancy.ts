import { GLOBAL_COLLECTION_K, latestEndedYear } from '@seamless/contracts';
import { expect } from 'vitest';
import { expectStatus, type RouteMatrix, type TenancyContext } from '../../../test/tenancy.js';
import { DEMO_PEOPLE } from '../../seed/demoThailand.js';

/**
 * The k-anonymised export for global data collections: the data officer's alone (stats:read and
 * export:htcds). Every other role is refused whatever its agency, the system administrator
 * included; the file holds no case id, no name and no class smaller than k.
 */
export function globalCollectionMatrix(c: TenancyContext): RouteMatrix {
  const path = `/api/statistics/global-collection?year=${latestEndedYear()}`;
  const refused = () => [c.admin, c.socialworker, c.agencyadmin, c.ngo, c.shelter, c.psychologist, c.police, c.hotline];

  return {
    'GET /api/statistics/global-collection': {
      why: 'a k-anonymised file of the whole country for the data officer only; no other role, no ids, names or classes under k',
      anonymous: { path },
      probe: async () => {
        for (const client of refused()) expectStatus(await client.get(path), 403, 'forbidden');
        const file = await c.data.download(path);
        expect(file.status).toBe(200);
        const text = file.bytes.toString('utf8');
        for (const caseId of c.caseOf) expect(text).not.toContain(caseId);
        for (const person of DEMO_PEOPLE) {
          expect(text).not.toContain(person.familyName);
          expect(text).not.toContain(person.givenName);
        }
        const rows = text
          .replace(/^\uFEFF/, '')
          .split('\r\n\r\n')[0]!
          .split('\r\n')
          .slice(1);
        const sizes = new Map<string, number>();
        for (const row of rows) sizes.set(row, (sizes.get(row) ?? 0) + 1);
        for (const [row, size] of sizes) expect(size, row).toBeGreaterThanOrEqual(GLOBAL_COLLECTION_K);
      },
    },
  };
}
