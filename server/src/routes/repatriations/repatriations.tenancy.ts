import { randomUUID } from 'node:crypto';
import { PACKET_VERSION } from '@seamless/contracts';
import { expect } from 'vitest';
import { expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { isoDay } from '../../commands/openCase.js';
import { generateInstanceKeys, InstanceIdentity } from '../../federation/instanceIdentity.js';
import { sealPacket } from '../../federation/packets.js';
import { DEMO_PEOPLE } from '../../seed/demoThailand.js';

/** The demo's repatriation-ready case: an identified Cambodian victim owned by Chiang Rai. */
const READY = DEMO_PEOPLE.findIndex((person) => person.familyName === 'Chan' && person.citizenship === 'KH');

export type RepatriationFixture = { partnerId: string; outgoingId: string; incomingId: string; partner: InstanceIdentity };

let fixture: Promise<RepatriationFixture> | null = null;

/**
 * A partner instance that exists only as keys (its endpoint answers nothing), registered with the
 * NGO as its receiving agency; Chiang Rai asks it to take the demo's Cambodian victim home, and
 * the partner's own request for a Thai national lands in the NGO's queue.
 */
export function repatriationFixture(c: TenancyContext): Promise<RepatriationFixture> {
  fixture ??= (async () => {
    const partner = await InstanceIdentity.fromKeys(await generateInstanceKeys(), {
      country: 'KH',
      name: 'Probe Cambodia',
      url: 'http://127.0.0.1:9',
    });
    const document = partner.document('http://127.0.0.1:9');
    const registered = await c.admin.post('/api/admin/federation/partners', {
      document,
      confirmedFingerprint: document.fingerprint,
      receivingAgencyId: c.agency.ngo,
    });
    const partnerId = expectStatus(registered, 201).id as string;
    const caseId = c.caseOf[READY]!;
    const consents = (await ok(c.socialworker.get(`/api/cases/${caseId}/consents`))).items as { id: string; purpose: string }[];
    const consentId = consents.find((consent) => consent.purpose === 'repatriation')!.id;
    const request = await c.socialworker.post(`/api/cases/${caseId}/repatriations`, {
      partnerId,
      consentId,
      sections: ['identity'],
      reason: 'Probe',
    });
    const outgoingId = expectStatus(request, 201).id as string;

    const here = await ok(c.t.client().get('/api/federation/identity'));
    const incomingId = randomUUID();
    const now = new Date();
    const packet = await sealPacket(partner, here, {
      id: randomUUID(),
      kind: 'repatriation_request',
      version: PACKET_VERSION,
      from: partner.instanceId,
      to: here.instanceId,
      issuedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 86_400_000).toISOString(),
      thread: incomingId,
      sequence: 1,
      consent: {
        id: randomUUID(),
        purpose: 'repatriation',
        sections: ['identity'],
        countries: ['TH'],
        givenBy: 'victim',
        givenOn: isoDay(now),
        expiresOn: null,
      },
      body: {
        sendingCaseReference: 'KH-PROBE-1',
        sections: ['identity'],
        person: {
          givenName: 'Probe',
          familyName: 'Returnee',
          gender: 'Feminine',
          citizenship: ['TH'],
          aliases: [],
          languages: [],
          documents: [],
          contacts: [],
        },
        identification: null,
        reason: 'Probe',
        proposedDate: null,
      },
    });
    expect((await ok(c.t.client().post('/api/federation/inbox', { packet }))).outcome).toBe('applied');
    return { partnerId, outgoingId, incomingId, partner };
  })();
  return fixture;
}

/**
 * Repatriations: the agency that sent one and the agency receiving for the partner are the only
 * readers, each of its own side; roles without `repatriation:manage` are refused outright, and a
 * step on another agency's repatriation changes nothing.
 */
export function repatriationsMatrix(c: TenancyContext): RouteMatrix {
  const withoutRepatriation = () => [c.police, c.data, c.psychologist, c.agencyadmin, c.hotline, c.shelter];
  const statusOf = async (client: typeof c.ngo, id: string) => (await ok(client.get(`/api/repatriations/${id}`))).status;

  /** A step: the other side's agency gets 404, roles without the work 403, and both records stay as they were. */
  const step = (path: string, body: unknown) => async () => {
    const { outgoingId, incomingId } = await repatriationFixture(c);
    expectStatus(await c.socialworker.post(`/api/repatriations/${incomingId}/${path}`, body), 404, 'not_found');
    expectStatus(await c.ngo.post(`/api/repatriations/${outgoingId}/${path}`, body), 404, 'not_found');
    for (const client of withoutRepatriation()) {
      expectStatus(await client.post(`/api/repatriations/${incomingId}/${path}`, body), 403, 'forbidden');
    }
    expect(await statusOf(c.ngo, incomingId)).toBe('requested');
    expect(await statusOf(c.socialworker, outgoingId)).toBe('requested');
  };
  const today = isoDay(new Date());

  return {
    'GET /api/repatriations': {
      why: 'each agency lists only the repatriations it holds; roles without repatriation work get 403',
      anonymous: { path: '/api/repatriations' },
      probe: async () => {
        const { outgoingId, incomingId } = await repatriationFixture(c);
        const sent = (await ok(c.socialworker.get('/api/repatriations'))).items.map((item: { id: string }) => item.id);
        expect(sent).toContain(outgoingId);
        expect(sent).not.toContain(incomingId);
        const queue = (await ok(c.ngo.get('/api/repatriations?side=receiving'))).items.map((item: { id: string }) => item.id);
        expect(queue).toEqual([incomingId]);
        for (const client of withoutRepatriation()) expectStatus(await client.get('/api/repatriations'), 403, 'forbidden');
      },
    },
    'GET /api/repatriations/:id': {
      why: 'one side’s record is read by its agency only: the other agency gets 404, others 403',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}` },
      probe: async () => {
        const { outgoingId, incomingId } = await repatriationFixture(c);
        expect((await ok(c.ngo.get(`/api/repatriations/${incomingId}`))).person.name).toContain('Probe');
        expectStatus(await c.ngo.get(`/api/repatriations/${outgoingId}`), 404, 'not_found');
        expectStatus(await c.socialworker.get(`/api/repatriations/${incomingId}`), 404, 'not_found');
        for (const client of withoutRepatriation()) expectStatus(await client.get(`/api/repatriations/${outgoingId}`), 403, 'forbidden');
      },
    },
    'GET /api/repatriations/:id/files/:index': {
      why: 'a file sent with a request is read on its side only, by a role opening its section',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/files/0` },
      probe: async () => {
        const { outgoingId, incomingId } = await repatriationFixture(c);
        expectStatus(await c.ngo.get(`/api/repatriations/${outgoingId}/files/0`), 404, 'not_found');
        expectStatus(await c.socialworker.get(`/api/repatriations/${incomingId}/files/0`), 404, 'not_found');
        expectStatus(await c.ngo.get(`/api/repatriations/${incomingId}/files/0`), 404, 'not_found');
        for (const client of withoutRepatriation())
          expectStatus(await client.get(`/api/repatriations/${incomingId}/files/0`), 403, 'forbidden');
      },
    },
    'GET /api/cases/:id/repatriations': {
      why: 'the case’s repatriations for its owner; an agency that cannot see the case gets 404, no repatriation role 403',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/repatriations` },
      probe: async () => {
        const { outgoingId } = await repatriationFixture(c);
        const caseId = c.caseOf[READY]!;
        expect((await ok(c.socialworker.get(`/api/cases/${caseId}/repatriations`))).items.map((item: { id: string }) => item.id)).toEqual([
          outgoingId,
        ]);
        expectStatus(await c.ngo.get(`/api/cases/${caseId}/repatriations`), 404, 'not_found');
        expectStatus(await c.police.get(`/api/cases/${caseId}/repatriations`), 404, 'not_found');
      },
    },
    'POST /api/cases/:id/repatriations': {
      why: 'only the owner of the case asks, with repatriation work; others get 404 (case not visible) or 403, nothing sent',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/repatriations`, body: {} },
      probe: async () => {
        const { partnerId } = await repatriationFixture(c);
        const caseId = c.caseOf[READY]!;
        const body = { partnerId, consentId: UNKNOWN_ID, sections: ['identity'], reason: 'Probe' };
        expectStatus(await c.ngo.post(`/api/cases/${caseId}/repatriations`, body), 404, 'not_found');
        expectStatus(await c.shelter.post(`/api/cases/${c.caseOf[0]}/repatriations`, body), 403, 'forbidden');
        expectStatus(await c.police.post(`/api/cases/${c.caseOf[2]}/repatriations`, body), 403, 'forbidden');
        expect((await ok(c.socialworker.get(`/api/cases/${caseId}/repatriations`))).items).toHaveLength(1);
      },
    },
    'POST /api/repatriations/:id/verification': {
      why: 'the receiving agency verifies its own incoming repatriation only',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/verification`, body: {} },
      probe: step('verification', { outcome: 'confirmed', method: 'Probe', verifiedOn: today }),
    },
    'POST /api/repatriations/:id/family-assessment': {
      why: 'the receiving agency assesses the family of its own incoming repatriation only',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/family-assessment`, body: {} },
      probe: step('family-assessment', { outcome: 'safe_to_return', familyTraced: true, assessedOn: today, summary: 'Probe' }),
    },
    'POST /api/repatriations/:id/decision': {
      why: 'the receiving agency decides on its own incoming repatriation only',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/decision`, body: {} },
      probe: step('decision', { decision: 'accept', reason: 'Probe' }),
    },
    'POST /api/repatriations/:id/handover-plan': {
      why: 'the receiving agency plans the handover of its own repatriation only',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/handover-plan`, body: {} },
      probe: step('handover-plan', { date: today, channel: 'border_liaison', handoverPoint: 'Probe' }),
    },
    'POST /api/repatriations/:id/handover-signature': {
      why: 'each side signs only its own repatriation record',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/handover-signature`, body: {} },
      probe: step('handover-signature', {
        officerName: 'Probe',
        signedAt: new Date().toISOString(),
        place: 'Probe',
        belongings: '',
        documents: '',
      }),
    },
    'POST /api/repatriations/:id/withdraw': {
      why: 'only the sending agency withdraws its own request',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/withdraw`, body: {} },
      probe: step('withdraw', { reason: 'Probe' }),
    },
    'POST /api/repatriations/:id/meetings': {
      why: 'a bilateral meeting is scheduled on a repatriation by the agency holding it on this side only',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/meetings`, body: {} },
      probe: step('meetings', { scheduledFor: new Date().toISOString(), mode: 'video', where: 'Probe', agenda: 'Probe' }),
    },
    'POST /api/repatriations/:id/meetings/:meetingId/minutes': {
      why: 'what was agreed is recorded on its own side’s repatriation only',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/meetings/${UNKNOWN_ID}/minutes`, body: {} },
      probe: step(`meetings/${UNKNOWN_ID}/minutes`, { agreed: 'Probe' }),
    },
    'POST /api/repatriations/:id/meetings/:meetingId/notes': {
      why: 'own notes of a meeting are written on its own side’s repatriation only, and never sent',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/meetings/${UNKNOWN_ID}/notes`, body: {} },
      probe: step(`meetings/${UNKNOWN_ID}/notes`, { notes: 'Probe' }),
    },
    'POST /api/repatriations/:id/open-case': {
      why: 'only the receiving agency opens a case from its own repatriation, after the handover',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/open-case`, body: {} },
      probe: step('open-case', { reverified: false }),
    },
    'POST /api/repatriations/:id/follow-up-reports': {
      why: 'only the receiving agency reports back on its own repatriation, with consent',
      anonymous: { path: `/api/repatriations/${UNKNOWN_ID}/follow-up-reports`, body: {} },
      probe: step('follow-up-reports', { consentId: UNKNOWN_ID, visitedOn: today, outlook: 'reintegrating', summary: 'Probe' }),
    },
  };
}
