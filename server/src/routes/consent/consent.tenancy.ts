import { expect } from 'vitest';
import { CHIANGRAI_ONLY, expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { isoDay } from '../../commands/openCase.js';
import { asSystem } from '../../db/actorContext.js';
import { breakGlassGrants } from '../../db/schema/index.js';

/**
 * Consent, sharing and break-the-glass: only the owner agency records consent and decides who
 * else sees the case; a shared agency reads consents but changes nothing; emergency access is a
 * role's, never an agency's.
 */
export function consentMatrix(c: TenancyContext): RouteMatrix {
  const chiangraiOnly = () => CHIANGRAI_ONLY.map((i) => c.caseOf[i]!);
  /** Person 0's case: Chiang Rai's, shared with the shelter (identity, shelter). Person 1's: shared with the NGO. */
  const sharedWithShelter = () => c.caseOf[0]!;
  const sharedWithNgo = () => c.caseOf[1]!;
  const consentBody = { purpose: 'services', sections: ['identity'], givenBy: 'victim', givenOn: isoDay(new Date()) };

  let recorded: Promise<string> | null = null;
  /** One consent on person 0's case, recorded by its owner, for the probes that target a real consent. */
  const existingConsent = () => {
    recorded ??= c.socialworker
      .post(`/api/cases/${sharedWithShelter()}/consents`, consentBody)
      .then((response) => expectStatus(response, 201).id as string);
    return recorded;
  };
  const consentsOf = async (caseId: string) => (await ok(c.socialworker.get(`/api/cases/${caseId}/consents`))).items;
  const sharesOf = async (caseId: string) => (await ok(c.socialworker.get(`/api/cases/${caseId}/shares`))).items;

  return {
    'GET /api/cases/:id/consents': {
      why: 'consents are read by the owner, and by a receiving agency only where they name it or back its access; others get 404, roles without case access 403',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/consents` },
      probe: async () => {
        const consentId = await existingConsent();
        for (const id of chiangraiOnly()) expectStatus(await c.ngo.get(`/api/cases/${id}/consents`), 404, 'not_found');
        expectStatus(await c.police.get(`/api/cases/${sharedWithShelter()}/consents`), 404, 'not_found');
        expectStatus(await c.data.get(`/api/cases/${sharedWithShelter()}/consents`), 403, 'forbidden');
        expectStatus(await c.agencyadmin.get(`/api/cases/${sharedWithShelter()}/consents`), 403, 'forbidden');
        // A receiving agency reads the consents naming it or backing its access, not the owner's others.
        const seenByShelter = (await ok(c.shelter.get(`/api/cases/${sharedWithShelter()}/consents`))).items;
        expect(seenByShelter.map((consent: { id: string }) => consent.id)).not.toContain(consentId);
        const naming = expectStatus(
          await c.socialworker.post(`/api/cases/${sharedWithShelter()}/consents`, { ...consentBody, agencyIds: [c.agency.shelter] }),
          201,
        ).id as string;
        const seenAgain = (await ok(c.shelter.get(`/api/cases/${sharedWithShelter()}/consents`))).items;
        expect(seenAgain.map((consent: { id: string }) => consent.id)).toContain(naming);
        const seenByNgo = (await ok(c.ngo.get(`/api/cases/${sharedWithNgo()}/consents`))).items;
        expect(seenByNgo.map((consent: { id: string }) => consent.id)).not.toContain(consentId);
      },
    },
    'POST /api/cases/:id/consents': {
      why: "only the owner agency records the person's consent; nothing is written for anyone else",
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/consents`, body: consentBody },
      probe: async () => {
        const before = await consentsOf(sharedWithNgo());
        expectStatus(await c.ngo.post(`/api/cases/${sharedWithNgo()}/consents`, consentBody), 403, 'forbidden');
        expectStatus(await c.shelter.post(`/api/cases/${sharedWithShelter()}/consents`, consentBody), 403, 'forbidden');
        for (const id of chiangraiOnly()) expectStatus(await c.ngo.post(`/api/cases/${id}/consents`, consentBody), 404, 'not_found');
        expectStatus(await c.police.post(`/api/cases/${sharedWithNgo()}/consents`, consentBody), 404, 'not_found');
        expectStatus(await c.data.post(`/api/cases/${sharedWithNgo()}/consents`, consentBody), 403, 'forbidden');
        expectStatus(await c.agencyadmin.post(`/api/cases/${sharedWithNgo()}/consents`, consentBody), 403, 'forbidden');
        expect(await consentsOf(sharedWithNgo())).toEqual(before);
      },
    },
    'POST /api/cases/:id/consents/:consentId/withdraw': {
      why: 'only the owner agency withdraws consent; a shared or unrelated agency leaves it in force',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/consents/${UNKNOWN_ID}/withdraw`, body: { reason: 'anonymous' } },
      probe: async () => {
        const consentId = await existingConsent();
        const path = `/api/cases/${sharedWithShelter()}/consents/${consentId}/withdraw`;
        expectStatus(await c.shelter.post(path, { reason: 'not ours' }), 403, 'forbidden');
        expectStatus(await c.psychologist.post(path, { reason: 'not ours' }), 403, 'forbidden');
        expectStatus(await c.ngo.post(path, { reason: 'not ours' }), 404, 'not_found');
        expectStatus(await c.police.post(path, { reason: 'not ours' }), 404, 'not_found');
        expectStatus(await c.data.post(path, { reason: 'not ours' }), 403, 'forbidden');
        // The consent id of one case does not reach through another case the caller owns.
        expectStatus(
          await c.ngo.post(`/api/cases/${c.caseOf[4]}/consents/${consentId}/withdraw`, { reason: 'not ours' }),
          404,
          'not_found',
        );
        const consent = (await consentsOf(sharedWithShelter())).find((item: { id: string }) => item.id === consentId);
        expect(consent).toMatchObject({ withdrawnAt: null, active: true });
      },
    },
    'GET /api/cases/:id/shares': {
      why: 'who else sees a case is the owner agency’s to know; a shared agency gets 403, others 404',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/shares` },
      probe: async () => {
        expectStatus(await c.shelter.get(`/api/cases/${sharedWithShelter()}/shares`), 403, 'forbidden');
        expectStatus(await c.ngo.get(`/api/cases/${sharedWithNgo()}/shares`), 403, 'forbidden');
        for (const id of chiangraiOnly()) expectStatus(await c.ngo.get(`/api/cases/${id}/shares`), 404, 'not_found');
        expectStatus(await c.data.get(`/api/cases/${sharedWithShelter()}/shares`), 403, 'forbidden');
        const shares = await sharesOf(sharedWithShelter());
        expect(shares).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ agencyId: c.agency.shelter, sections: ['identity', 'shelter'], revokedAt: null }),
          ]),
        );
      },
    },
    'POST /api/cases/:id/shares': {
      why: 'only the owner agency shares a case; a partner cannot pass it on, and nothing opens',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/shares`, body: { agencyId: UNKNOWN_ID, consentId: UNKNOWN_ID } },
      probe: async () => {
        const consentId = await existingConsent();
        const before = await sharesOf(sharedWithShelter());
        const toPolice = { agencyId: c.agency.police, consentId, sections: ['identity'] };
        expectStatus(await c.shelter.post(`/api/cases/${sharedWithShelter()}/shares`, toPolice), 403, 'forbidden');
        expectStatus(await c.ngo.post(`/api/cases/${sharedWithShelter()}/shares`, toPolice), 404, 'not_found');
        expectStatus(await c.ngo.post(`/api/cases/${sharedWithNgo()}/shares`, toPolice), 403, 'forbidden');
        expectStatus(await c.agencyadmin.post(`/api/cases/${sharedWithShelter()}/shares`, toPolice), 403, 'forbidden');
        expectStatus(await c.data.post(`/api/cases/${sharedWithShelter()}/shares`, toPolice), 403, 'forbidden');
        expect(await sharesOf(sharedWithShelter())).toEqual(before);
        expectStatus(await c.police.get(`/api/cases/${sharedWithShelter()}`), 404, 'not_found');
      },
    },
    'DELETE /api/cases/:id/shares/:agencyId': {
      why: 'only the owner agency takes a case back; the partner keeps its access against anyone else',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/shares/${UNKNOWN_ID}` },
      probe: async () => {
        const path = `/api/cases/${sharedWithShelter()}/shares/${c.agency.shelter}`;
        expectStatus(await c.shelter.delete(path), 403, 'forbidden');
        expectStatus(await c.psychologist.delete(path), 403, 'forbidden');
        expectStatus(await c.ngo.delete(path), 404, 'not_found');
        expectStatus(await c.ngo.delete(`/api/cases/${sharedWithNgo()}/shares/${c.agency.ngo}`), 403, 'forbidden');
        expectStatus(await c.agencyadmin.delete(path), 403, 'forbidden');
        expectStatus(await c.data.delete(path), 403, 'forbidden');
        expect((await ok(c.shelter.get(`/api/cases/${sharedWithShelter()}`))).involvement).toBe('shared');
        expect((await ok(c.ngo.get(`/api/cases/${sharedWithNgo()}`))).involvement).toBe('shared');
      },
    },
    'POST /api/cases/:id/break-glass': {
      why: 'emergency access crosses agencies by design, so the role decides: without case:break_glass 403, an unknown case 404, and no grant is written',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/break-glass`, body: { reason: 'anonymous emergency' } },
      probe: async () => {
        const target = chiangraiOnly()[0]!;
        const body = { reason: 'Probing emergency access.' };
        const before = await ok(c.admin.get('/api/admin/break-glass?pageSize=200'));
        for (const client of [c.psychologist, c.shelter, c.police, c.hotline, c.data, c.agencyadmin, c.admin]) {
          expectStatus(await client.post(`/api/cases/${target}/break-glass`, body), 403, 'forbidden');
        }
        expectStatus(await c.ngo.post(`/api/cases/${UNKNOWN_ID}/break-glass`, body), 404, 'not_found');
        expect(await ok(c.admin.get('/api/admin/break-glass?pageSize=200'))).toEqual(before);
        expectStatus(await c.police.get(`/api/cases/${target}`), 404, 'not_found');
        expectStatus(await c.hotline.get(`/api/cases/${target}`), 404, 'not_found');
      },
    },
    'GET /api/admin/break-glass': {
      why: "agency admins see their own agency's emergency accesses and any on their agency's cases, system admins all; caseworkers none",
      anonymous: { path: '/api/admin/break-glass' },
      probe: async () => {
        const chiangraiOwned = [...chiangraiOnly(), c.caseOf[1]!];
        const ngoOwned = c.caseOf[4]!;
        // Grants that ran out long ago: listed, but they open nothing for the later probes.
        const expired = (username: string, agencyId: string, caseId: string) => ({
          caseId,
          userId: c.userIds[username]!,
          agencyId,
          reason: `Tenancy probe of ${username} on ${caseId === ngoOwned ? 'an NGO case' : 'a Chiang Rai case'}`,
          grantedAt: new Date(Date.now() - 6 * 3_600_000),
          expiresAt: new Date(Date.now() - 2 * 3_600_000),
        });
        await asSystem(c.t.database.db, (tx) =>
          tx
            .insert(breakGlassGrants)
            .values([
              expired('th.socialworker', c.agency.chiangrai, chiangraiOnly()[1]!),
              expired('th.ngo', c.agency.ngo, chiangraiOnly()[1]!),
              expired('th.ngo', c.agency.ngo, ngoOwned),
            ]),
        );
        const own = await ok(c.agencyadmin.get('/api/admin/break-glass?pageSize=200'));
        for (const grant of own.items) expect(grant.username === 'th.socialworker' || chiangraiOwned.includes(grant.caseId)).toBe(true);
        const reasons = own.items.map((grant: { reason: string }) => grant.reason);
        expect(reasons).toEqual(
          expect.arrayContaining(['Tenancy probe of th.socialworker on a Chiang Rai case', 'Tenancy probe of th.ngo on a Chiang Rai case']),
        );
        expect(reasons).not.toContain('Tenancy probe of th.ngo on an NGO case');
        expect(own.total).toBe(own.items.length);
        const all = await ok(c.admin.get('/api/admin/break-glass?pageSize=200'));
        expect(all.items.map((grant: { username: string }) => grant.username)).toEqual(
          expect.arrayContaining(['th.socialworker', 'th.ngo']),
        );
        for (const client of [c.socialworker, c.ngo, c.shelter, c.data])
          expectStatus(await client.get('/api/admin/break-glass'), 403, 'forbidden');
      },
    },
  };
}
