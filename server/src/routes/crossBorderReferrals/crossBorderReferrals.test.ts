import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addColleague,
  eventually,
  type FederationPair,
  identifiedCambodianCase,
  startFederationPair,
  thaiJourneyAgencies,
  thaiToday,
} from '../../../test/federationPair.js';
import { type ApiClient, expectProblem } from '../../../test/harness.js';

/**
 * Issue 12: a referral across the border between two running instances. Chiang Rai asks Cambodia
 * for family tracing without a repatriation; the ministry answers and reports; a withdrawn consent
 * ends the referral on both sides, and the Cambodian copy no longer says why or whom.
 */

let pair: FederationPair;
let thWorker: ApiClient;
let khWorker: ApiClient;
let agencies: { chiangrai: string; police: string };

beforeAll(async () => {
  pair = await startFederationPair();
  thWorker = await pair.thailand.app.login('th.socialworker');
  khWorker = await pair.cambodia.app.login('kh.socialworker');
  agencies = await thaiJourneyAgencies(pair.thailand.admin);
}, 120_000);

afterAll(async () => {
  await pair?.close();
});

/** An identified Cambodian woman in Chiang Rai with her consent to referral naming Cambodia (or what is given). */
async function womanWithReferralConsent(
  terms: { sections: string[]; countries: string[]; purpose?: string } = { sections: ['identity'], countries: ['KH'] },
) {
  const woman = await identifiedCambodianCase(thWorker, agencies, null);
  const consent = await thWorker.post(`/api/cases/${woman.caseId}/consents`, {
    purpose: 'referral',
    ...terms,
    givenBy: 'victim',
    givenOn: thaiToday(),
  });
  expect(consent.status, JSON.stringify(consent.body)).toBe(201);
  return { ...woman, consentId: consent.body.id as string };
}

const refer = (woman: { caseId: string; consentId: string }, overrides: Record<string, unknown> = {}) =>
  thWorker.post(`/api/cases/${woman.caseId}/cross-border-referrals`, {
    partnerId: pair.thailand.partnerId,
    consentId: woman.consentId,
    serviceArea: 'family_tracing_mediation',
    sections: ['identity'],
    urgency: 'urgent',
    reason: 'Trace her mother in Battambang before she decides whether to go home.',
    details: 'Her mother sold vegetables at Psar Nat market in 2023.',
    ...overrides,
  });

const statusOn = async (client: ApiClient, id: string) => {
  const response = await client.get(`/api/cross-border-referrals/${id}`);
  return response.status === 200 ? (response.body.status as string) : undefined;
};

const reaches = (client: ApiClient, id: string, status: string, what: string) =>
  eventually(async () => ((await statusOn(client, id)) === status ? true : undefined), what);

describe('a referral across the border', () => {
  it('Chiang Rai refers, Cambodia accepts and reports the outcome, and each step shows on both sides', async () => {
    const woman = await womanWithReferralConsent();
    const sent = await refer(woman);
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body).toMatchObject({ side: 'sending', status: 'sent', caseId: woman.caseId, actions: ['withdraw'] });
    const id = sent.body.id as string;

    const received = await eventually(async () => {
      const response = await khWorker.get(`/api/cross-border-referrals/${id}`);
      return response.status === 200 ? response.body : undefined;
    }, 'the referral in Cambodia');
    expect(received).toMatchObject({
      side: 'receiving',
      status: 'sent',
      caseId: null,
      sendingCaseReference: woman.reference,
      serviceArea: 'family_tracing_mediation',
      urgency: 'urgent',
      reason: 'Trace her mother in Battambang before she decides whether to go home.',
      actions: ['answer'],
    });
    expect(received.person.name).toBe(woman.person.nameAsWritten);
    const queue = (await khWorker.get('/api/cross-border-referrals?side=receiving')).body.items.map((item: { id: string }) => item.id);
    expect(queue).toContain(id);
    const notices = (await khWorker.get('/api/notifications')).body.items as { kind: string; subjectId: string }[];
    expect(notices.some((notice) => notice.kind === 'cross_border_referral_received' && notice.subjectId === id)).toBe(true);

    // Thailand cannot answer its own referral; Cambodia cannot report before accepting.
    expectProblem(await thWorker.post(`/api/cross-border-referrals/${id}/answer`, { decision: 'accept' }), 409, 'conflict');
    const early = { completedOn: thaiToday(), outcome: 'Mother found.' };
    expectProblem(await khWorker.post(`/api/cross-border-referrals/${id}/outcome`, early), 409, 'conflict');

    const accepted = await khWorker.post(`/api/cross-border-referrals/${id}/answer`, {
      decision: 'accept',
      note: 'DoSVY Battambang will visit.',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', actions: ['report_outcome'] });
    await reaches(thWorker, id, 'accepted', 'the acceptance in Thailand');
    expect((await thWorker.get(`/api/cross-border-referrals/${id}`)).body.answer).toMatchObject({
      decision: 'accept',
      note: 'DoSVY Battambang will visit.',
    });

    const reported = await khWorker.post(`/api/cross-border-referrals/${id}/outcome`, {
      completedOn: thaiToday(),
      outcome: 'Mother traced in Battambang; she is willing to receive her daughter.',
    });
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    expect(reported.body.actions).toEqual([]);
    await reaches(thWorker, id, 'completed', 'the outcome in Thailand');
    const inThailand = (await thWorker.get(`/api/cross-border-referrals/${id}`)).body;
    expect(inThailand.outcome.outcome).toBe('Mother traced in Battambang; she is willing to receive her daughter.');
    expect(inThailand.actions).toEqual([]);

    const timeline = (await thWorker.get(`/api/cases/${woman.caseId}/timeline`)).body.items as { kind: string; details: any }[];
    const steps = timeline.filter((event) => event.kind.startsWith('cross_border_referral.'));
    expect(steps.map((event) => [event.kind, event.details.status ?? null])).toEqual(
      expect.arrayContaining([
        ['cross_border_referral.sent', null],
        ['cross_border_referral.updated', 'accepted'],
        ['cross_border_referral.updated', 'completed'],
      ]),
    );
  }, 90_000);

  it('a decline needs a reason, and ends the referral on both sides', async () => {
    const woman = await womanWithReferralConsent();
    const sent = await refer(woman, { serviceArea: 'legal', sections: [] });
    expect(sent.status).toBe(400);
    const referred = await refer(woman, { serviceArea: 'legal' });
    expect(referred.status, JSON.stringify(referred.body)).toBe(201);
    const id = referred.body.id as string;
    await reaches(khWorker, id, 'sent', 'the referral in Cambodia');
    const bare = await khWorker.post(`/api/cross-border-referrals/${id}/answer`, { decision: 'decline' });
    expect(bare.status).toBe(400);
    expect(JSON.stringify(bare.body)).toContain('note');
    const declined = await khWorker.post(`/api/cross-border-referrals/${id}/answer`, {
      decision: 'decline',
      note: 'No legal aid provider covers her province.',
    });
    expect(declined.body.status).toBe('declined');
    await reaches(thWorker, id, 'declined', 'the decline in Thailand');
    // Declined, it may be sent again for the same service.
    expect((await refer(woman, { serviceArea: 'legal' })).status).toBe(201);
  }, 90_000);

  it('refuses what her consent does not cover, and a second open referral for the same service, sending nothing', async () => {
    const woman = await womanWithReferralConsent({ sections: ['identity'], countries: ['VN'] });
    const refusal = (response: Awaited<ReturnType<typeof refer>>) => expectProblem(response, 422, 'consent_required').errors?.[0]?.code;
    expect(refusal(await refer(woman))).toBe('country_not_covered');

    const repatriationOnly = await identifiedCambodianCase(thWorker, agencies);
    expect(refusal(await refer(repatriationOnly))).toBe('purpose_not_covered');

    const covered = await womanWithReferralConsent();
    expect(refusal(await refer(covered, { sections: ['identity', 'care'] }))).toBe('section_not_covered');
    expect((await refer(covered)).status).toBe(201);
    expectProblem(await refer(covered), 409, 'conflict');
    const listed = (await thWorker.get(`/api/cases/${covered.caseId}/cross-border-referrals`)).body.items;
    expect(listed).toHaveLength(1);
  }, 90_000);

  it('withdrawing her consent ends the referral on both sides; Cambodia keeps neither why nor whom', async () => {
    const woman = await womanWithReferralConsent();
    const referred = await refer(woman, { serviceArea: 'medical' });
    const id = referred.body.id as string;
    await reaches(khWorker, id, 'sent', 'the referral in Cambodia');
    const withdrawn = await thWorker.post(`/api/cases/${woman.caseId}/consents/${woman.consentId}/withdraw`, {
      reason: 'She no longer wants her family contacted.',
    });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(await statusOn(thWorker, id)).toBe('withdrawn');
    await reaches(khWorker, id, 'withdrawn', 'the withdrawal in Cambodia');
    const inCambodia = (await khWorker.get(`/api/cross-border-referrals/${id}`)).body;
    expect(inCambodia).toMatchObject({ consentWithdrawn: true, reason: null, details: null, person: null, actions: [] });
    expectProblem(await khWorker.post(`/api/cross-border-referrals/${id}/answer`, { decision: 'accept' }), 409, 'conflict');
  }, 90_000);

  it('keeps referrals from Thai users outside Chiang Rai or without cross-border work', async () => {
    const woman = await womanWithReferralConsent();
    const referred = await refer(woman, { serviceArea: 'psychosocial' });
    const id = referred.body.id as string;
    // A screener of Chiang Rai itself reads the case, but does no work across the border.
    const screener = await addColleague(pair.thailand.app, pair.thailand.admin, 'th.referral.screener', agencies.chiangrai, ['screener']);
    expectProblem(await screener.get(`/api/cross-border-referrals/${id}`), 403, 'forbidden');
    expectProblem(await screener.get('/api/cross-border-referrals'), 403, 'forbidden');
    expectProblem(await screener.get(`/api/cases/${woman.caseId}/cross-border-referrals`), 403, 'forbidden');
    const asScreener = await screener.post(`/api/cases/${woman.caseId}/cross-border-referrals`, {
      partnerId: pair.thailand.partnerId,
      consentId: woman.consentId,
      serviceArea: 'legal',
      sections: ['identity'],
      reason: 'Probe',
    });
    expectProblem(asScreener, 403, 'forbidden');
    // The police's own focal point cannot see Chiang Rai's case, nor its referrals.
    const focal = await addColleague(pair.thailand.app, pair.thailand.admin, 'th.referral.focal', agencies.police, [
      'repatriation_focal_point',
    ]);
    expectProblem(await focal.get(`/api/cross-border-referrals/${id}`), 404, 'not_found');
    expect((await focal.get('/api/cross-border-referrals')).body.items).toEqual([]);
    expect((await refer(woman, { serviceArea: 'psychosocial' })).status).toBe(409);
    const byFocal = await focal.post(`/api/cases/${woman.caseId}/cross-border-referrals`, {
      partnerId: pair.thailand.partnerId,
      consentId: woman.consentId,
      serviceArea: 'legal',
      sections: ['identity'],
      reason: 'Probe',
    });
    expectProblem(byFocal, 404, 'not_found');
    expect((await thWorker.get(`/api/cases/${woman.caseId}/cross-border-referrals`)).body.items).toHaveLength(1);
  }, 90_000);
});
