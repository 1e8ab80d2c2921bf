import { expect } from 'vitest';
import { CHIANGRAI_ONLY, expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { isoDay } from '../../commands/openCase.js';

/**
 * Referrals and handovers: only the owner agency refers or offers a case; a referral is seen by
 * its two parties (and the case's owner) only, answered only by the receiver and withdrawn only
 * by the sender; a pending referral opens nothing of the case.
 */
export function referralsMatrix(c: TenancyContext): RouteMatrix {
  /** A Chiang Rai-only case (person 5's): its referral to the NGO waits, so the NGO still sees nothing of it. */
  const referredCase = () => c.caseOf[CHIANGRAI_ONLY[1]!]!;
  const sharedWithShelter = () => c.caseOf[0]!;
  const sharedWithNgo = () => c.caseOf[1]!;

  let sent: Promise<{ consentId: string; referralId: string }> | null = null;
  /** One pending referral of the Chiang Rai case to the NGO, sent by its owner. */
  const pendingReferral = () => {
    sent ??= (async () => {
      const consent = await c.socialworker.post(`/api/cases/${referredCase()}/consents`, {
        purpose: 'referral',
        sections: ['care'],
        givenBy: 'victim',
        givenOn: isoDay(new Date()),
      });
      const consentId = expectStatus(consent, 201).id as string;
      const referral = await c.socialworker.post(`/api/cases/${referredCase()}/referrals`, referralBody(consentId));
      return { consentId, referralId: expectStatus(referral, 201).id as string };
    })();
    return sent;
  };
  const referralBody = (consentId: string) => ({
    toAgencyId: c.agency.ngo,
    serviceArea: 'psychosocial',
    consentId,
    sections: ['care'],
    reason: 'Counselling',
  });
  const referralsOf = async (caseId: string) => (await ok(c.socialworker.get(`/api/cases/${caseId}/referrals`))).items;
  const stillPending = async () => {
    const { referralId } = await pendingReferral();
    const referral = (await referralsOf(referredCase())).find((item: { id: string }) => item.id === referralId);
    expect(referral).toMatchObject({ status: 'pending' });
    expectStatus(await c.ngo.get(`/api/cases/${referredCase()}`), 404, 'not_found');
  };

  /** Creating on a case: owner only; a partner 403, an outsider 404, roles without case work 403/404; nothing written. */
  const ownerOnly = (suffix: string, body: (consentId: string) => unknown) => async () => {
    const { consentId } = await pendingReferral();
    const before = await referralsOf(referredCase());
    const payload = body(consentId);
    expectStatus(await c.ngo.post(`/api/cases/${referredCase()}/${suffix}`, payload), 404, 'not_found');
    expectStatus(await c.police.post(`/api/cases/${referredCase()}/${suffix}`, payload), 404, 'not_found');
    expectStatus(await c.ngo.post(`/api/cases/${sharedWithNgo()}/${suffix}`, payload), 403, 'forbidden');
    expectStatus(await c.shelter.post(`/api/cases/${sharedWithShelter()}/${suffix}`, payload), 403, 'forbidden');
    expectStatus(await c.psychologist.post(`/api/cases/${sharedWithShelter()}/${suffix}`, payload), 403, 'forbidden');
    for (const client of [c.data, c.hotline, c.agencyadmin]) {
      expect([403, 404]).toContain((await client.post(`/api/cases/${referredCase()}/${suffix}`, payload)).status);
    }
    expect(await referralsOf(referredCase())).toEqual(before);
  };

  /** A step on a referral: outsiders 404, roles without case work 403, the wrong party 403; the referral still waits. */
  const partiesOnly = (step: string, body: unknown, wrongParty: 'receiver' | 'sender') => async () => {
    const { referralId } = await pendingReferral();
    const path = `/api/referrals/${referralId}/${step}`;
    for (const client of [c.police, c.shelter]) expectStatus(await client.post(path, body), 404, 'not_found');
    for (const client of [c.data, c.hotline, c.psychologist, c.agencyadmin]) expectStatus(await client.post(path, body), 403, 'forbidden');
    expectStatus(await (wrongParty === 'receiver' ? c.ngo : c.socialworker).post(path, body), 403, 'forbidden');
    expectStatus(await c.ngo.post(`/api/referrals/${UNKNOWN_ID}/${step}`, body), 404, 'not_found');
    await stillPending();
  };

  return {
    'GET /api/cases/:id/referrals': {
      why: "a case's referrals are read through the case: outsiders 404, roles without case access 403, partners only their own",
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/referrals` },
      probe: async () => {
        const { referralId } = await pendingReferral();
        for (const id of CHIANGRAI_ONLY.map((i) => c.caseOf[i]!))
          expectStatus(await c.ngo.get(`/api/cases/${id}/referrals`), 404, 'not_found');
        expectStatus(await c.police.get(`/api/cases/${referredCase()}/referrals`), 404, 'not_found');
        expectStatus(await c.data.get(`/api/cases/${referredCase()}/referrals`), 403, 'forbidden');
        expectStatus(await c.agencyadmin.get(`/api/cases/${referredCase()}/referrals`), 403, 'forbidden');
        const seenByShelter = (await ok(c.shelter.get(`/api/cases/${sharedWithShelter()}/referrals`))).items;
        expect(seenByShelter.map((item: { id: string }) => item.id)).not.toContain(referralId);
        expect((await referralsOf(referredCase())).map((item: { id: string }) => item.id)).toContain(referralId);
      },
    },
    'POST /api/cases/:id/referrals': {
      why: 'only the owner agency refers a case; nobody else writes a referral of it',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/referrals`, body: {} },
      probe: ownerOnly('referrals', referralBody),
    },
    'POST /api/cases/:id/transfers': {
      why: 'only the owner agency offers a case to a new owner; nobody else writes an offer',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/transfers`, body: {} },
      probe: ownerOnly('transfers', (consentId) => ({ toAgencyId: c.agency.police, consentId, sections: [], reason: 'Handover' })),
    },
    'POST /api/cases/:id/external-referrals': {
      why: 'only the owner agency records referrals with organisations outside the platform',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/external-referrals`, body: {} },
      probe: ownerOnly('external-referrals', () => ({
        direction: 'incoming',
        organisation: 'Outside foundation',
        referredOn: isoDay(new Date()),
        reason: 'Probe',
      })),
    },
    'GET /api/referrals': {
      why: "the inbox lists the caller's agency's referrals only (row-level security); roles without case work get 403",
      anonymous: { path: '/api/referrals' },
      probe: async () => {
        const { referralId } = await pendingReferral();
        for (const client of [c.police, c.shelter]) {
          for (const box of ['incoming', 'outgoing']) {
            const items = (await ok(client.get(`/api/referrals?box=${box}`))).items;
            expect(items.map((item: { id: string }) => item.id)).not.toContain(referralId);
          }
        }
        for (const client of [c.data, c.hotline, c.psychologist, c.agencyadmin])
          expectStatus(await client.get('/api/referrals'), 403, 'forbidden');
        const incoming = (await ok(c.ngo.get('/api/referrals?box=incoming'))).items.find((item: { id: string }) => item.id === referralId);
        expect(incoming).toMatchObject({ details: null });
        expect(incoming.pseudonym).toMatch(/^P-/);
      },
    },
    'POST /api/referrals/:id/accept': {
      why: 'only the receiving agency accepts; the sender cannot open the case for it, outsiders do not find it',
      anonymous: { path: `/api/referrals/${UNKNOWN_ID}/accept` },
      probe: partiesOnly('accept', undefined, 'sender'),
    },
    'POST /api/referrals/:id/decline': {
      why: 'only the receiving agency declines',
      anonymous: { path: `/api/referrals/${UNKNOWN_ID}/decline`, body: { reason: 'anonymous' } },
      probe: partiesOnly('decline', { reason: 'Probe' }, 'sender'),
    },
    'POST /api/referrals/:id/withdraw': {
      why: 'only the sending agency withdraws a referral that waits',
      anonymous: { path: `/api/referrals/${UNKNOWN_ID}/withdraw` },
      probe: partiesOnly('withdraw', undefined, 'receiver'),
    },
    'POST /api/referrals/:id/complete': {
      why: 'only the receiver marks an accepted referral delivered; a pending one cannot be, by anyone',
      anonymous: { path: `/api/referrals/${UNKNOWN_ID}/complete`, body: {} },
      probe: partiesOnly('complete', {}, 'receiver'),
    },
    'POST /api/referrals/:id/close': {
      why: 'only the receiver closes an accepted referral; a pending one cannot be, by anyone',
      anonymous: { path: `/api/referrals/${UNKNOWN_ID}/close`, body: { outcome: 'anonymous' } },
      probe: partiesOnly('close', { outcome: 'Probe' }, 'receiver'),
    },
  };
}
