import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from '../../../test/harness.js';
import { CHIANGRAI_ONLY, expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { isoDay } from '../../commands/openCase.js';

/**
 * The care plan is the case's `care` section: another agency does not learn the case exists,
 * an agency it was shared with without `care` and a role without `section:care` are refused,
 * and nothing they send changes the plan.
 */
export function carePlansMatrix(c: TenancyContext): RouteMatrix {
  const chiangraiOnly = () => CHIANGRAI_ONLY.map((i) => c.caseOf[i]!);
  /** Person 0's case: Chiang Rai's, with the demo care plan, shared with the shelter without `care`. */
  const planned = () => c.caseOf[0]!;
  /** Person 1's case: shared with the NGO without sections. */
  const sharedBare = () => c.caseOf[1]!;
  const planOf = async (caseId: string) => ok(c.socialworker.get(`/api/cases/${caseId}/care-plan`));
  const revision = { basedOnVersion: 2, victimGoals: 'Planted goals', goals: [] };
  const service = { deliveredOn: isoDay(new Date()), providerName: 'Planted', serviceArea: 'medical', description: 'Planted' };

  const refusedEverywhere = async (send: (client: ApiClient, caseId: string) => Promise<ApiResponse>) => {
    for (const id of chiangraiOnly()) expectStatus(await send(c.ngo, id), 404, 'not_found');
    expectStatus(await send(c.police, planned()), 404, 'not_found');
    expectStatus(await send(c.shelter, planned()), 403, 'forbidden');
    expectStatus(await send(c.psychologist, planned()), 403, 'forbidden');
    expectStatus(await send(c.ngo, sharedBare()), 403, 'forbidden');
    expectStatus(await send(c.data, planned()), 403, 'forbidden');
    expectStatus(await send(c.agencyadmin, planned()), 403, 'forbidden');
  };

  return {
    'GET /api/cases/:id/care-plan': {
      why: 'the care plan opens to agencies holding care (or a specialist section, for its goals) on the case and roles with that section; others 404 (no case) or 403',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/care-plan` },
      probe: async () => {
        await refusedEverywhere((client, id) => client.get(`/api/cases/${id}/care-plan`));
        const plan = await planOf(planned());
        expect(plan.current.version).toBe(2);
      },
    },
    'POST /api/cases/:id/care-plan': {
      why: 'only agencies holding care on the case revise the plan; nothing is written for anyone else',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/care-plan`, body: revision },
      probe: async () => {
        const before = await planOf(planned());
        await refusedEverywhere((client, id) => client.post(`/api/cases/${id}/care-plan`, revision));
        expect(await planOf(planned())).toEqual(before);
      },
    },
    'PATCH /api/cases/:id/care-plan/actions/:actionId': {
      why: 'progress on a care action is recorded only by agencies holding its goal’s section; the action is unchanged after the probes',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/care-plan/actions/${UNKNOWN_ID}`, body: { status: 'done' } },
      probe: async () => {
        const before = await planOf(planned());
        const actionId = before.current.goals[1].actions[1].id as string;
        await refusedEverywhere((client, id) => client.patch(`/api/cases/${id}/care-plan/actions/${actionId}`, { status: 'cancelled' }));
        // An action id does not reach through a case the caller does own.
        expectStatus(
          await c.ngo.patch(`/api/cases/${c.caseOf[4]}/care-plan/actions/${actionId}`, { status: 'cancelled' }),
          404,
          'not_found',
        );
        expect(await planOf(planned())).toEqual(before);
      },
    },
    'POST /api/cases/:id/care-services': {
      why: 'services are recorded only by agencies holding the section of their area on the case',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/care-services`, body: service },
      probe: async () => {
        const before = await planOf(planned());
        await refusedEverywhere((client, id) => client.post(`/api/cases/${id}/care-services`, service));
        expect((await planOf(planned())).services).toEqual(before.services);
      },
    },
  };
}
