import { expect } from 'vitest';
import { CHIANGRAI_ONLY, expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';

/** Changing a case, its person and its victim context: only the owner agency, only with the version read. */
export function caseRecordMatrix(c: TenancyContext): RouteMatrix {
  const chiangraiOnly = () => CHIANGRAI_ONLY.map((i) => c.caseOf[i]!);
  return {
    'PATCH /api/cases/:id': {
      why: 'only the owner agency changes a case; shared agencies and other roles are refused and nothing changes',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}`, body: { version: 1, urgency: 'urgent' } },
      probe: async () => {
        const id = c.caseOf[0]!;
        const before = await ok(c.socialworker.get(`/api/cases/${id}`));
        for (const other of chiangraiOnly())
          expectStatus(await c.ngo.patch(`/api/cases/${other}`, { version: 1, urgency: 'emergency' }), 404, 'not_found');
        // Shared with the shelter: visible, but not theirs to change.
        expectStatus(await c.shelter.patch(`/api/cases/${id}`, { version: before.version, urgency: 'emergency' }), 403, 'forbidden');
        expectStatus(await c.agencyadmin.patch(`/api/cases/${id}`, { version: before.version, urgency: 'emergency' }), 403, 'forbidden');
        expectStatus(await c.data.patch(`/api/cases/${id}`, { version: before.version, urgency: 'emergency' }), 403, 'forbidden');
        expect((await ok(c.socialworker.get(`/api/cases/${id}`))).urgency).toBe(before.urgency);
        // An owner of another agency cannot be planted either.
        const planted = expectStatus(
          await c.socialworker.patch(`/api/cases/${id}`, { version: before.version, ownerUserId: c.userIds['th.ngo'] }),
          422,
          'invalid_reference',
        );
        expect(planted.errors[0].path).toBe('ownerUserId');
      },
    },
    'PATCH /api/cases/:id/person': {
      why: 'only the owner agency, with the identity section, edits who the person is',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/person`, body: {} },
      probe: async () => {
        const id = c.caseOf[0]!;
        const before = await ok(c.socialworker.get(`/api/cases/${id}`));
        const body = { version: before.person.version, givenName: 'Hijacked', gender: 'Feminine' };
        expectStatus(await c.shelter.patch(`/api/cases/${id}/person`, body), 403, 'forbidden');
        expectStatus(await c.psychologist.patch(`/api/cases/${id}/person`, body), 403, 'forbidden');
        expectStatus(await c.ngo.patch(`/api/cases/${id}/person`, body), 404, 'not_found');
        expectStatus(await c.police.patch(`/api/cases/${id}/person`, body), 404, 'not_found');
        expect((await ok(c.socialworker.get(`/api/cases/${id}`))).sections.identity.givenName).toBe(before.sections.identity.givenName);
      },
    },
    'PUT /api/cases/:id/victim-context': {
      why: 'only the owner agency records how the person was exploited',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/victim-context`, body: { version: 0 } },
      probe: async () => {
        const id = c.caseOf[0]!;
        const before = await ok(c.socialworker.get(`/api/cases/${id}`));
        const body = { version: before.victimContext?.version ?? 0, exploitationTypes: ['OrganRemoval'] };
        expectStatus(await c.shelter.put(`/api/cases/${id}/victim-context`, body), 403, 'forbidden');
        expectStatus(await c.ngo.put(`/api/cases/${id}/victim-context`, body), 404, 'not_found');
        expectStatus(await c.hotline.put(`/api/cases/${id}/victim-context`, body), 404, 'not_found');
        expect((await ok(c.socialworker.get(`/api/cases/${id}`))).victimContext).toEqual(before.victimContext);
      },
    },
  };
}
