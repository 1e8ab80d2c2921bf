import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';

/**
 * Follow-up is the `care` section: only agencies holding `care` on the case (its owner, or a
 * share including care) with a role holding `section:care` reach it. Person 5's case (Chiang
 * Rai's alone) carries the demo's running follow-up; person 0's is shared with the shelter and
 * person 1's with the NGO, neither with care; person 3's belongs to the hotline.
 */
export function followUpMatrix(c: TenancyContext): RouteMatrix {
  const running = () => c.caseOf[5]!;
  const sharedWithShelter = () => c.caseOf[0]!;
  const sharedWithNgo = () => c.caseOf[1]!;
  const hotlineOwn = () => c.caseOf[3]!;
  const followUpOf = async (caseId: string) => ok(c.socialworker.get(`/api/cases/${caseId}/follow-up`));
  const openVisit = async () => {
    const [active] = (await followUpOf(running())).followUps;
    return active.visits.find((visit: { status: string; sequence: number | null }) => visit.sequence !== null && visit.status !== 'done');
  };
  /** The NGO's own case with follow-up running, to aim visit ids of another case through it. */
  let ngoFollowUp: Promise<void> | null = null;
  const ngoOwnFollowUp = () => {
    ngoFollowUp ??= (async () => {
      const own = c.caseOf[4]!;
      const { followUps } = await ok(c.ngo.get(`/api/cases/${own}/follow-up`));
      if (!followUps.some((followUp: { status: string }) => followUp.status === 'active')) {
        expectStatus(await c.ngo.post(`/api/cases/${own}/follow-up`, { startOn: '2026-01-10' }), 201);
      }
    })();
    return ngoFollowUp;
  };
  const visit = { actualOn: '2026-01-10', mode: 'in_person', visitorName: 'Probe', situation: 'safe' };

  /** Refusals every follow-up route gives, for a request built per case. */
  async function refusedEverywhere(
    send: (client: TenancyContext['ngo'], caseId: string) => Promise<{ status: number; body: any; headers: Headers }>,
  ) {
    expectStatus(await send(c.ngo, running()), 404, 'not_found');
    expectStatus(await send(c.police, running()), 404, 'not_found');
    expectStatus(await send(c.shelter, running()), 404, 'not_found');
    expectStatus(await send(c.data, running()), 403, 'forbidden');
    expectStatus(await send(c.agencyadmin, running()), 403, 'forbidden');
    expectStatus(await send(c.shelter, sharedWithShelter()), 403, 'forbidden');
    expectStatus(await send(c.psychologist, sharedWithShelter()), 403, 'forbidden');
    expectStatus(await send(c.ngo, sharedWithNgo()), 403, 'forbidden');
    expectStatus(await send(c.hotline, hotlineOwn()), 403, 'forbidden');
  }

  /** A change refused to everyone else leaves the owner's follow-up as it was. */
  const unchangedAfter = async (probe: () => Promise<void>) => {
    const before = await followUpOf(running());
    await probe();
    expect(await followUpOf(running())).toEqual(before);
  };

  return {
    'GET /api/cases/:id/follow-up': {
      why: 'follow-up is the care section: agencies without care on the case get 403, others 404',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/follow-up` },
      probe: async () => {
        await refusedEverywhere((client, caseId) => client.get(`/api/cases/${caseId}/follow-up`));
        const own = await followUpOf(running());
        expect(own.followUps[0].visits.length).toBeGreaterThan(0);
      },
    },
    'GET /api/cases/:id/follow-up/preview': {
      why: 'previewing a schedule is planning care on the case: same reach as starting follow-up',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/follow-up/preview?startOn=2026-01-10` },
      probe: async () => {
        await refusedEverywhere((client, caseId) => client.get(`/api/cases/${caseId}/follow-up/preview?startOn=2026-01-10`));
        expectStatus(await c.psychologist.get(`/api/cases/${sharedWithShelter()}/follow-up/preview?startOn=2026-01-10`), 403, 'forbidden');
      },
    },
    'POST /api/cases/:id/follow-up': {
      why: 'only agencies holding care start follow-up; nothing is written for anyone else',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/follow-up`, body: { startOn: '2026-01-10' } },
      probe: () =>
        unchangedAfter(async () => {
          await refusedEverywhere((client, caseId) => client.post(`/api/cases/${caseId}/follow-up`, { startOn: '2026-01-10' }));
          const before = await followUpOf(sharedWithNgo());
          expectStatus(await c.ngo.post(`/api/cases/${sharedWithNgo()}/follow-up`, { startOn: '2026-01-10' }), 403, 'forbidden');
          expect(await followUpOf(sharedWithNgo())).toEqual(before);
        }),
    },
    'POST /api/cases/:id/follow-up/visits': {
      why: 'visits are recorded by agencies holding care; others cannot add to her follow-up',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/follow-up/visits`, body: visit },
      probe: () =>
        unchangedAfter(async () => {
          const planned = await openVisit();
          await refusedEverywhere((client, caseId) => client.post(`/api/cases/${caseId}/follow-up/visits`, visit));
          // A visit id of the running case does not reach through a case the caller follows up itself.
          await ngoOwnFollowUp();
          const through = expectStatus(
            await c.ngo.post(`/api/cases/${c.caseOf[4]}/follow-up/visits`, { ...visit, visitId: planned.id }),
            422,
            'invalid_reference',
          );
          expect(through.errors[0].path).toBe('visitId');
        }),
    },
    'PATCH /api/cases/:id/follow-up/visits/:visitId': {
      why: 'only agencies holding care move a planned visit; a visit id does not cross cases',
      anonymous: {
        path: `/api/cases/${UNKNOWN_ID}/follow-up/visits/${UNKNOWN_ID}`,
        body: { scheduledOn: '2026-01-10', reason: 'x', version: 1 },
      },
      probe: () =>
        unchangedAfter(async () => {
          const planned = await openVisit();
          const body = { scheduledOn: '2026-12-01', reason: 'Probe', version: planned.version };
          await refusedEverywhere((client, caseId) => client.patch(`/api/cases/${caseId}/follow-up/visits/${planned.id}`, body));
          await ngoOwnFollowUp();
          expectStatus(await c.ngo.patch(`/api/cases/${c.caseOf[4]}/follow-up/visits/${planned.id}`, body), 404, 'not_found');
        }),
    },
    'POST /api/cases/:id/follow-up/close': {
      why: 'only agencies holding care end follow-up, and only the owner closes the case with it',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/follow-up/close`, body: { reason: 'plan_completed' } },
      probe: () =>
        unchangedAfter(() =>
          refusedEverywhere((client, caseId) =>
            client.post(`/api/cases/${caseId}/follow-up/close`, { reason: 'plan_completed', closeCase: true }),
          ),
        ),
    },
    'POST /api/cases/:id/follow-up/reopen': {
      why: 'only agencies holding care reopen follow-up (and the owner the case); nothing changes for anyone else',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/follow-up/reopen`, body: { reason: 'again' } },
      probe: () =>
        unchangedAfter(() =>
          refusedEverywhere((client, caseId) => client.post(`/api/cases/${caseId}/follow-up/reopen`, { reason: 'again' })),
        ),
    },
    'GET /api/admin/follow-up-policies': {
      why: 'policy administration is for admin:forms only (policies a caseworker may use come with the case)',
      anonymous: { path: '/api/admin/follow-up-policies' },
      probe: async () => {
        for (const client of [c.socialworker, c.ngo, c.agencyadmin, c.data, c.hotline]) {
          expectStatus(await client.get('/api/admin/follow-up-policies'), 403, 'forbidden');
        }
        expect((await ok(c.admin.get('/api/admin/follow-up-policies'))).items.length).toBeGreaterThan(0);
      },
    },
    'POST /api/admin/follow-up-policies': {
      why: 'only admin:forms adds a policy; nothing is written for anyone else',
      anonymous: { path: '/api/admin/follow-up-policies', body: {} },
      probe: async () => {
        const before = await ok(c.admin.get('/api/admin/follow-up-policies'));
        const policy = {
          countryCode: 'TH',
          agencyId: c.agency.ngo,
          name: 'Probe',
          steps: [{ everyMonths: 1, times: 1 }],
          defaultMode: 'phone',
        };
        for (const client of [c.socialworker, c.ngo, c.agencyadmin, c.data]) {
          expectStatus(await client.post('/api/admin/follow-up-policies', policy), 403, 'forbidden');
        }
        expect(await ok(c.admin.get('/api/admin/follow-up-policies'))).toEqual(before);
      },
    },
    'PATCH /api/admin/follow-up-policies/:id': {
      why: 'only admin:forms edits a policy; it stays as it was for anyone else',
      anonymous: { path: `/api/admin/follow-up-policies/${UNKNOWN_ID}`, body: { version: 1 } },
      probe: async () => {
        const before = await ok(c.admin.get('/api/admin/follow-up-policies'));
        const target = before.items[0];
        for (const client of [c.socialworker, c.ngo, c.agencyadmin, c.data]) {
          expectStatus(
            await client.patch(`/api/admin/follow-up-policies/${target.id}`, { version: target.version, active: false }),
            403,
            'forbidden',
          );
        }
        expect(await ok(c.admin.get('/api/admin/follow-up-policies'))).toEqual(before);
      },
    },
  };
}
