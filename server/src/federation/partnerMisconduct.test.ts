import { randomUUID } from 'node:crypto';
import type { PacketKind } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  type FederationPair,
  handMadePacket,
  identifiedCambodianCase,
  startFederationPair,
  thaiJourneyAgencies,
  thaiToday,
} from '../../test/federationPair.js';
import type { ApiClient } from '../../test/harness.js';
import { asSystem } from '../db/actorContext.js';
import { federationInbox } from '../db/schema/index.js';
import { type InstanceIdentity, loadInstanceIdentity } from './instanceIdentity.js';

/**
 * Issue 12, found by probing the demo as a trusted partner gone wrong: Cambodia's own keys sign
 * packets that try to reach threads that are not Cambodia's to move. Each is answered with a
 * refusal and changes nothing in Thailand; and a consent withdrawn while Cambodia is suspended
 * still reaches it once trust returns.
 */
let pair: FederationPair;
let thWorker: ApiClient;
let khWorker: ApiClient;
let cambodia: InstanceIdentity;
let agencies: { chiangrai: string; police: string };

beforeAll(async () => {
  pair = await startFederationPair();
  thWorker = await pair.thailand.app.login('th.socialworker');
  khWorker = await pair.cambodia.app.login('kh.socialworker');
  cambodia = await loadInstanceIdentity({ dataDir: pair.cambodia.app.config.dataDir, country: 'KH' });
  agencies = await thaiJourneyAgencies(pair.thailand.admin);
}, 120_000);

afterAll(async () => {
  await pair?.close();
});

/** A packet Cambodia signs and seals for Thailand by hand, and Thailand's answer to it. */
async function fromCambodia(kind: PacketKind, thread: string, sequence: number, consent: unknown, body: Record<string, unknown>) {
  const id = randomUUID();
  const packet = await handMadePacket(cambodia, pair.thailand.document, { id, kind, thread, sequence, consent, body });
  const answer = await pair.thailand.app.client().post('/api/federation/inbox', { packet });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  const [kept] = await asSystem(pair.thailand.app.database.db, (tx) =>
    tx.select({ refusal: federationInbox.refusal }).from(federationInbox).where(eq(federationInbox.packetId, id)),
  );
  return { outcome: answer.body.outcome as string, refusal: kept?.refusal ?? null };
}

async function referralSent() {
  const woman = await identifiedCambodianCase(thWorker, agencies, null);
  const consent = await thWorker.post(`/api/cases/${woman.caseId}/consents`, {
    purpose: 'referral',
    sections: ['identity'],
    countries: ['KH'],
    givenBy: 'victim',
    givenOn: thaiToday(),
  });
  expect(consent.status, JSON.stringify(consent.body)).toBe(201);
  const sent = await thWorker.post(`/api/cases/${woman.caseId}/cross-border-referrals`, {
    partnerId: pair.thailand.partnerId,
    consentId: consent.body.id,
    serviceArea: 'family_tracing_mediation',
    sections: ['identity'],
    urgency: 'routine',
    reason: 'Trace her mother in Battambang.',
  });
  expect(sent.status, JSON.stringify(sent.body)).toBe(201);
  return { caseId: woman.caseId, consentId: consent.body.id as string, referralId: sent.body.id as string };
}

const referralConsentOf = (id: string) => ({
  id,
  purpose: 'referral',
  sections: ['identity'],
  countries: ['TH'],
  givenBy: 'victim',
  givenOn: thaiToday(),
  expiresOn: null,
});

describe('a trusted partner’s packets that are not its to send', () => {
  it('cannot withdraw a consent Thailand holds, on a referral Thailand sent', async () => {
    const { referralId, consentId } = await referralSent();
    const forged = await fromCambodia('consent_withdrawal', referralId, 1, referralConsentOf(consentId), {
      withdrawnAt: new Date().toISOString(),
    });
    expect(forged).toEqual({ outcome: 'refused', refusal: 'out_of_step' });
    expect((await thWorker.get(`/api/cross-border-referrals/${referralId}`)).body).toMatchObject({
      status: 'sent',
      consentWithdrawn: false,
    });
  });

  it('cannot open a referral under the id of a repatriation, nor carry text no one types', async () => {
    const woman = await identifiedCambodianCase(thWorker, agencies);
    const repatriation = await thWorker.post(`/api/cases/${woman.caseId}/repatriations`, {
      partnerId: pair.thailand.partnerId,
      consentId: woman.consentId,
      sections: ['identity'],
      reason: 'She asks to go home.',
    });
    expect(repatriation.status).toBe(201);
    const body = {
      sendingCaseReference: 'KH-2026-COLLIDE',
      serviceArea: 'family_tracing_mediation',
      urgency: 'routine',
      sections: ['identity'],
      person: null,
      reason: 'Trace her brother in Mae Sot.',
      details: null,
    };
    const collide = await fromCambodia('referral', repatriation.body.id, 1, referralConsentOf(randomUUID()), body);
    expect(collide).toEqual({ outcome: 'refused', refusal: 'unknown_thread' });
    expect((await thWorker.get(`/api/cross-border-referrals/${repatriation.body.id}`)).status).toBe(404);

    const nul = await fromCambodia('referral', randomUUID(), 1, referralConsentOf(randomUUID()), {
      ...body,
      sendingCaseReference: 'KH-\u0000-1',
    });
    expect(nul).toEqual({ outcome: 'refused', refusal: 'invalid_content' });
    const override = await fromCambodia('referral', randomUUID(), 1, referralConsentOf(randomUUID()), {
      ...body,
      reason: 'Trace \u202eher',
    });
    expect(override).toEqual({ outcome: 'refused', refusal: 'invalid_content' });
    const fine = await fromCambodia('referral', randomUUID(), 1, referralConsentOf(randomUUID()), body);
    expect(fine).toEqual({ outcome: 'applied', refusal: null });
  });
});

describe('a consent withdrawn while the partner is suspended', () => {
  it('waits in the outbox and reaches the partner once it is trusted again', async () => {
    const { caseId, consentId, referralId } = await referralSent();
    await eventually(
      async () => ((await khWorker.get(`/api/cross-border-referrals/${referralId}`)).status === 200 ? true : undefined),
      'referral in Cambodia',
    );
    const status = (value: string) =>
      pair.thailand.admin.post(`/api/admin/federation/partners/${pair.thailand.partnerId}/status`, {
        status: value,
        reason: 'Audit of the link.',
      });
    expect((await status('suspended')).status).toBe(200);
    const withdrawn = await thWorker.post(`/api/cases/${caseId}/consents/${consentId}/withdraw`, { reason: 'She changed her mind.' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    const waiting = (await pair.thailand.admin.get('/api/admin/federation/deliveries?direction=outgoing&status=pending&pageSize=50')).body
      .items;
    expect(waiting.map((item: { kind: string; threadId: string }) => [item.kind, item.threadId])).toContainEqual([
      'consent_withdrawal',
      referralId,
    ]);

    expect((await status('active')).status).toBe(200);
    // The packet's retries backed off while the partner was suspended: on a busy machine the next is a while away.
    const ended = await eventually(
      async () => {
        const response = await khWorker.get(`/api/cross-border-referrals/${referralId}`);
        return response.body?.consentWithdrawn ? response.body : undefined;
      },
      'the withdrawal in Cambodia',
      45_000,
    );
    expect(ended).toMatchObject({ person: null, reason: null, actions: [] });
  }, 120_000);
});
