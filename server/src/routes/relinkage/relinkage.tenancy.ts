import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';

type Listed = { id: string; records: { cases: unknown[]; names: string[]; identityShown: boolean }[] };

/**
 * The re-linkage queue: a pair is listed only to an agency owning a case of one of its records and
 * only when both records' identities are open to the caller (as the possible-matches panel would name them), and only
 * roles that decide merges and read identity reach it; runs are for person administrators.
 * (relinkage.test.ts plants cross-agency duplicates and checks what each side sees.)
 */
export function relinkageMatrix(c: TenancyContext): RouteMatrix {
  return {
    'GET /api/persons/relinkage-candidates': {
      why: 'pairs are listed to the agencies owning either record, and only when both records are open to the caller',
      anonymous: { path: '/api/persons/relinkage-candidates' },
      probe: async () => {
        for (const client of [c.socialworker, c.ngo]) {
          const items = (await ok(client.get('/api/persons/relinkage-candidates?pageSize=200'))).items as Listed[];
          for (const item of items) {
            expect(item.records.some((record) => record.cases.length > 0)).toBe(true);
            for (const record of item.records) expect(record.identityShown).toBe(true);
          }
        }
        for (const client of [c.psychologist, c.data])
          expectStatus(await client.get('/api/persons/relinkage-candidates'), 403, 'forbidden');
      },
    },
    'POST /api/persons/relinkage-candidates/:id/decision': {
      why: 'only an owner of either record decides, with identity access; others find no such pair',
      anonymous: { path: `/api/persons/relinkage-candidates/${UNKNOWN_ID}/decision`, body: { decision: 'not_same_person' } },
      probe: async () => {
        const path = `/api/persons/relinkage-candidates/${UNKNOWN_ID}/decision`;
        expectStatus(await c.socialworker.post(path, { decision: 'not_same_person' }), 404, 'not_found');
        for (const client of [c.psychologist, c.data])
          expectStatus(await client.post(path, { decision: 'not_same_person' }), 403, 'forbidden');
      },
    },
    'GET /api/admin/relinkage/runs': {
      why: 'run counts are for person administrators only, and hold no person',
      anonymous: { path: '/api/admin/relinkage/runs' },
      probe: async () => {
        await ok(c.admin.get('/api/admin/relinkage/runs'));
        for (const client of [c.socialworker, c.agencyadmin, c.ngo, c.data]) {
          expectStatus(await client.get('/api/admin/relinkage/runs'), 403, 'forbidden');
        }
      },
    },
    'POST /api/admin/relinkage/runs': {
      why: 'only a person administrator starts a run; the run only queues pairs, never merges',
      anonymous: { path: '/api/admin/relinkage/runs', body: {} },
      probe: async () => {
        for (const client of [c.socialworker, c.agencyadmin, c.ngo, c.data]) {
          expectStatus(await client.post('/api/admin/relinkage/runs', {}), 403, 'forbidden');
        }
      },
    },
  };
}
