import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from '../../../test/harness.js';
import { CHIANGRAI_ONLY, expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { isoDay } from '../../commands/openCase.js';
import { REINTEGRATION_INSTRUMENT } from '../../seed/reintegrationInstrument.js';

/**
 * Assessments are the case's `care` section, like the care plan; instruments are configuration
 * every signed-in user reads and only form administrators change.
 */
export function assessmentsMatrix(c: TenancyContext): RouteMatrix {
  const chiangraiOnly = () => CHIANGRAI_ONLY.map((i) => c.caseOf[i]!);
  /** Person 0's case: Chiang Rai's, with the demo assessments, shared with the shelter without `care`. */
  const assessed = () => c.caseOf[0]!;
  const sharedBare = () => c.caseOf[1]!;
  const instruments = async () => (await ok(c.admin.get('/api/assessment-instruments'))).items;
  const assessmentsOf = async (caseId: string) => (await ok(c.socialworker.get(`/api/cases/${caseId}/assessments`))).items;

  const refusedEverywhere = async (send: (client: ApiClient, caseId: string) => Promise<ApiResponse>) => {
    for (const id of chiangraiOnly()) expectStatus(await send(c.ngo, id), 404, 'not_found');
    expectStatus(await send(c.police, assessed()), 404, 'not_found');
    expectStatus(await send(c.shelter, assessed()), 403, 'forbidden');
    expectStatus(await send(c.psychologist, assessed()), 403, 'forbidden');
    expectStatus(await send(c.ngo, sharedBare()), 403, 'forbidden');
    expectStatus(await send(c.data, assessed()), 403, 'forbidden');
  };

  return {
    'GET /api/assessment-instruments': {
      why: 'instruments are configuration shared by every agency: labels and scales, nobody’s record',
      anonymous: { path: '/api/assessment-instruments' },
      probe: async () => {
        const items = (await ok(c.ngo.get('/api/assessment-instruments'))).items;
        expect(items.length).toBeGreaterThan(0);
        for (const item of items) {
          expect(Object.keys(item).sort()).toEqual([
            'active',
            'createdAt',
            'domains',
            'id',
            'key',
            'name',
            'scaleLabels',
            'scaleMax',
            'scaleMin',
            'version',
          ]);
        }
      },
    },
    'POST /api/admin/assessment-instruments': {
      why: 'instrument versions are made by form administrators only; the list is unchanged after refusals',
      anonymous: { path: '/api/admin/assessment-instruments', body: REINTEGRATION_INSTRUMENT },
      probe: async () => {
        const before = await instruments();
        for (const client of [c.socialworker, c.agencyadmin, c.ngo, c.data, c.shelter])
          expectStatus(await client.post('/api/admin/assessment-instruments', REINTEGRATION_INSTRUMENT), 403, 'forbidden');
        expect(await instruments()).toEqual(before);
      },
    },
    'PATCH /api/admin/assessment-instruments/:id': {
      why: 'retiring an instrument version is for form administrators only',
      anonymous: { path: `/api/admin/assessment-instruments/${UNKNOWN_ID}`, body: { active: false } },
      probe: async () => {
        const before = await instruments();
        for (const client of [c.socialworker, c.agencyadmin, c.ngo, c.data])
          expectStatus(await client.patch(`/api/admin/assessment-instruments/${before[0].id}`, { active: false }), 403, 'forbidden');
        expectStatus(await c.admin.patch(`/api/admin/assessment-instruments/${UNKNOWN_ID}`, { active: false }), 404, 'not_found');
        expect(await instruments()).toEqual(before);
      },
    },
    'GET /api/cases/:id/assessments': {
      why: 'assessments open to agencies holding care (or a specialist section, for its domains) on the case and roles with that section',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/assessments` },
      probe: async () => {
        await refusedEverywhere((client, id) => client.get(`/api/cases/${id}/assessments`));
        expect((await assessmentsOf(assessed())).length).toBe(3);
      },
    },
    'POST /api/cases/:id/assessments': {
      why: 'only agencies holding the sections of the domains scored (care, or a specialist one) record assessments; nothing is written for anyone else',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/assessments`, body: {} },
      probe: async () => {
        const before = await assessmentsOf(assessed());
        const body = { instrumentId: (await instruments())[0].id, assessedOn: isoDay(new Date()), assessorName: 'Planted', scores: {} };
        await refusedEverywhere((client, id) => client.post(`/api/cases/${id}/assessments`, body));
        expect(await assessmentsOf(assessed())).toEqual(before);
      },
    },
    'GET /api/cases/:id/assessments/trend': {
      why: 'the trend is the assessments again, under the same care rule',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/assessments/trend` },
      probe: async () => {
        await refusedEverywhere((client, id) => client.get(`/api/cases/${id}/assessments/trend`));
        expect((await ok(c.socialworker.get(`/api/cases/${assessed()}/assessments/trend`))).points).toHaveLength(3);
      },
    },
  };
}
