import { randomUUID } from 'node:crypto';
import { PACKET_VERSION } from '@seamless/contracts';
import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { isoDay } from '../../commands/openCase.js';
import { sealPacket } from '../../federation/packets.js';
import { DEMO_PEOPLE } from '../../seed/demoThailand.js';
import { repatriationFixture } from '../repatriations/repatriations.tenancy.js';

/** The demo's identified Cambodian victim owned by Chiang Rai. */
const REFERRED = DEMO_PEOPLE.findIndex((person) => person.familyName === 'Chan' && person.citizenship === 'KH');

type ReferralFixture = { outgoingId: string; incomingId: string };
let fixture: Promise<ReferralFixture> | null = null;

/**
 * On the repatriation probe's partner (keys only, the NGO receiving for it): Chiang Rai refers the
 * demo's Cambodian victim to it for family tracing on a referral consent naming Cambodia, and the
 * partner's own referral of a Thai national lands in the NGO's queue.
 */
function referralFixture(c: TenancyContext): Promise<ReferralFixture> {
  fixture ??= (async () => {
    const { partnerId, partner } = await repatriationFixture(c);
    const caseId = c.caseOf[REFERRED]!;
    const today = isoDay(new Date());
    const consent = await c.socialworker.post(`/api/cases/${caseId}/consents`, {
      purpose: 'referral',
      sections: ['identity'],
      countries: ['KH'],
      givenBy: 'victim',
      givenOn: today,
    });
    const sent = await c.socialworker.post(`/api/cases/${caseId}/cross-border-referrals`, {
      partnerId,
      consentId: expectStatus(consent, 201).id,
      serviceArea: 'family_tracing_mediation',
      sections: ['identity'],
      reason: 'Probe',
    });
    const outgoingId = expectStatus(sent, 201).id as string;

    const here = await ok(c.t.client().get('/api/federation/identity'));
    const incomingId = randomUUID();
    const now = new Date();
    const packet = await sealPacket(partner, here, {
      id: randomUUID(),
      kind: 'referral',
      version: PACKET_VERSION,
      from: partner.instanceId,
      to: here.instanceId,
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
      thread: incomingId,
      sequence: 1,
      consent: {
        id: randomUUID(),
        purpose: 'referral',
        sections: ['identity'],
        countries: ['TH'],
        givenBy: 'victim',
        givenOn: today,
        expiresOn: null,
      },
      body: {
        sendingCaseReference: 'KH-PROBE-2',
        serviceArea: 'legal',
        urgency: 'routine',
        sections: ['identity'],
        person: {
          givenName: 'Probe',
          familyName: 'Referred',
          gender: 'Feminine',
          citizenship: ['TH'],
          aliases: [],
          languages: [],
          documents: [],
          contacts: [],
        },
        reason: 'Probe',
        details: null,
      },
    });
    expect((await ok(c.t.client().post('/api/federation/inbox', { packet }))).outcome).toBe('applied');
    return { outgoingId, incomingId };
  })();
  return fixture;
}

/**
 * Referrals across a border: the agency that sent one and the agency receiving for the partner
 * are the only readers, each of its own side; roles without `repatriation:manage` are refused
 * outright, and a step on another agency's referral changes nothing.
 */
export function crossBorderReferralsMatrix(c: TenancyContext): RouteMatrix {
  const withoutCrossBorderWork = () => [c.police, c.data, c.psychologist, c.agencyadmin, c.hotline, c.shelter];
  const statusOf = async (client: typeof c.ngo, id: string) => (await ok(client.get(`/api/cross-border-referrals/${id}`))).status;

  /** A step: the other side's agency gets 404, roles without the work 403, and both records stay as they were. */
  const step = (path: string, body: unknown) => async () => {
    const { outgoingId, incomingId } = await referralFixture(c);
    expectStatus(await c.socialworker.post(`/api/cross-border-referrals/${incomingId}/${path}`, body), 404, 'not_found');
    expectStatus(await c.ngo.post(`/api/cross-border-referrals/${outgoingId}/${path}`, body), 404, 'not_found');
    for (const client of withoutCrossBorderWork()) {
      expectStatus(await client.post(`/api/cross-border-referrals/${incomingId}/${path}`, body), 403, 'forbidden');
    }
    expect(await statusOf(c.ngo, incomingId)).toBe('sent');
    expect(await statusOf(c.socialworker, outgoingId)).toBe('sent');
  };

  return {
    'GET /api/cross-border-referrals': {
      why: 'each agency lists only the referrals across the border it holds; roles without that work get 403',
      anonymous: { path: '/api/cross-border-referrals' },
      probe: async () => {
        const { outgoingId, incomingId } = await referralFixture(c);
        const ids = async (client: typeof c.ngo, query = '') =>
          (await ok(client.get(`/api/cross-border-referrals${query}`))).items.map((item: { id: string }) => item.id);
        const sent = await ids(c.socialworker);
        expect(sent).toContain(outgoingId);
        expect(sent).not.toContain(incomingId);
        expect(await ids(c.ngo, '?side=receiving')).toEqual([incomingId]);
        for (const client of withoutCrossBorderWork()) expectStatus(await client.get('/api/cross-border-referrals'), 403, 'forbidden');
      },
    },
    'GET /api/cross-border-referrals/:id': {
      why: 'one side’s record is read by its agency only: the other agency gets 404, others 403',
      anonymous: { path: `/api/cross-border-referrals/${UNKNOWN_ID}` },
      probe: async () => {
        const { outgoingId, incomingId } = await referralFixture(c);
        expect((await ok(c.ngo.get(`/api/cross-border-referrals/${incomingId}`))).person.name).toContain('Probe');
        expectStatus(await c.ngo.get(`/api/cross-border-referrals/${outgoingId}`), 404, 'not_found');
        expectStatus(await c.socialworker.get(`/api/cross-border-referrals/${incomingId}`), 404, 'not_found');
        for (const client of withoutCrossBorderWork())
          expectStatus(await client.get(`/api/cross-border-referrals/${outgoingId}`), 403, 'forbidden');
      },
    },
    'GET /api/cases/:id/cross-border-referrals': {
      why: 'the case’s referrals abroad for its owner; an agency that cannot see the case gets 404',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/cross-border-referrals` },
      probe: async () => {
        const { outgoingId } = await referralFixture(c);
        const caseId = c.caseOf[REFERRED]!;
        const listed = (await ok(c.socialworker.get(`/api/cases/${caseId}/cross-border-referrals`))).items;
        expect(listed.map((item: { id: string }) => item.id)).toEqual([outgoingId]);
        expectStatus(await c.ngo.get(`/api/cases/${caseId}/cross-border-referrals`), 404, 'not_found');
        expectStatus(await c.police.get(`/api/cases/${caseId}/cross-border-referrals`), 404, 'not_found');
      },
    },
    'POST /api/cases/:id/cross-border-referrals': {
      why: 'only the owner of the case refers it abroad, with cross-border work; others get 404 (case not visible) or 403, nothing sent',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/cross-border-referrals`, body: {} },
      probe: async () => {
        const { partnerId } = await repatriationFixture(c);
        await referralFixture(c);
        const caseId = c.caseOf[REFERRED]!;
        const body = { partnerId, consentId: UNKNOWN_ID, serviceArea: 'legal', sections: ['identity'], reason: 'Probe' };
        expectStatus(await c.ngo.post(`/api/cases/${caseId}/cross-border-referrals`, body), 404, 'not_found');
        expectStatus(await c.shelter.post(`/api/cases/${c.caseOf[0]}/cross-border-referrals`, body), 403, 'forbidden');
        expectStatus(await c.police.post(`/api/cases/${c.caseOf[2]}/cross-border-referrals`, body), 403, 'forbidden');
        expect((await ok(c.socialworker.get(`/api/cases/${caseId}/cross-border-referrals`))).items).toHaveLength(1);
      },
    },
    'POST /api/cross-border-referrals/:id/answer': {
      why: 'the receiving agency answers its own incoming referral only',
      anonymous: { path: `/api/cross-border-referrals/${UNKNOWN_ID}/answer`, body: {} },
      probe: step('answer', { decision: 'accept' }),
    },
    'POST /api/cross-border-referrals/:id/outcome': {
      why: 'the receiving agency reports the outcome of its own referral only',
      anonymous: { path: `/api/cross-border-referrals/${UNKNOWN_ID}/outcome`, body: {} },
      probe: step('outcome', { completedOn: isoDay(new Date()), outcome: 'Probe' }),
    },
    'POST /api/cross-border-referrals/:id/withdraw': {
      why: 'only the sending agency withdraws its own referral',
      anonymous: { path: `/api/cross-border-referrals/${UNKNOWN_ID}/withdraw`, body: {} },
      probe: step('withdraw', { reason: 'Probe' }),
    },
  };
}
