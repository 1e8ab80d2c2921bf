import { CASE_SECTIONS } from '@seamless/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type FederationPair, identifiedCambodianCase, startFederationPair, thaiToday } from '../../test/federationPair.js';
import { type ApiClient, expectProblem } from '../../test/harness.js';

/**
 * Issue 12, found by probing the demo: a case handed over to another agency left its repatriation
 * and referral abroad with the former owner. The former owner could still act on them and read
 * her identity there; the new owner could neither follow them nor, by withdrawing her consent,
 * stop them — Cambodia kept working on her data. The cross-border work now moves with the case.
 */

let pair: FederationPair;
let chiangRai: ApiClient;
let ngo: ApiClient;
let khWorker: ApiClient;
let agencies: { chiangrai: string; police: string; ngo: string };

beforeAll(async () => {
  pair = await startFederationPair();
  chiangRai = await pair.thailand.app.login('th.socialworker');
  ngo = await pair.thailand.app.login('th.ngo');
  khWorker = await pair.cambodia.app.login('kh.socialworker');
  const listed = (await pair.thailand.admin.get('/api/admin/agencies?pageSize=200')).body.items as {
    id: string;
    acronym: string | null;
    name: string;
  }[];
  const id = (match: (agency: { acronym: string | null; name: string }) => boolean) => listed.find(match)!.id;
  agencies = {
    chiangrai: id((agency) => agency.acronym === 'PSDHS Chiang Rai'),
    police: id((agency) => agency.acronym === 'ATPD'),
    ngo: id((agency) => agency.name.startsWith('Mekong Hope')),
  };
}, 120_000);

afterAll(async () => {
  await pair?.close();
});

function ok(response: { status: number; body: any }, status = 200) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return response.body;
}

const consentTo = async (caseId: string, terms: Record<string, unknown>) =>
  ok(
    await chiangRai.post(`/api/cases/${caseId}/consents`, {
      agencyIds: [],
      countries: [],
      givenBy: 'victim',
      givenOn: thaiToday(),
      ...terms,
    }),
    201,
  ).id as string;

describe('a case handed over while a repatriation and a referral abroad are under way', () => {
  it('moves them to the new owner, who alone follows them and stops them by withdrawing her consent', async () => {
    const woman = await identifiedCambodianCase(chiangRai, agencies);
    const referralConsent = await consentTo(woman.caseId, { purpose: 'referral', sections: ['identity'], countries: ['KH'] });
    const repatriation = ok(
      await chiangRai.post(`/api/cases/${woman.caseId}/repatriations`, {
        partnerId: pair.thailand.partnerId,
        consentId: woman.consentId,
        sections: ['identity'],
        reason: 'She asks to go home to her mother in Battambang.',
      }),
      201,
    ).id as string;
    const referral = ok(
      await chiangRai.post(`/api/cases/${woman.caseId}/cross-border-referrals`, {
        partnerId: pair.thailand.partnerId,
        consentId: referralConsent,
        serviceArea: 'family_tracing_mediation',
        sections: ['identity'],
        urgency: 'routine',
        reason: 'Trace her mother in Battambang.',
      }),
      201,
    ).id as string;
    await eventually(
      async () => ((await khWorker.get(`/api/repatriations/${repatriation}`)).status === 200 ? true : undefined),
      'repatriation in Cambodia',
    );
    await eventually(
      async () => ((await khWorker.get(`/api/cross-border-referrals/${referral}`)).status === 200 ? true : undefined),
      'referral in Cambodia',
    );

    // Chiang Rai hands the case to the NGO and keeps nothing of it.
    const transferConsent = await consentTo(woman.caseId, { purpose: 'referral', sections: [...CASE_SECTIONS] });
    const offer = ok(
      await chiangRai.post(`/api/cases/${woman.caseId}/transfers`, {
        toAgencyId: agencies.ngo,
        consentId: transferConsent,
        sections: [],
        reason: 'She moved to the NGO’s province.',
      }),
      201,
    );
    ok(await ngo.post(`/api/referrals/${offer.id}/accept`));

    expect(ok(await ngo.get(`/api/cases/${woman.caseId}/repatriations`)).items.map((item: { id: string }) => item.id)).toEqual([
      repatriation,
    ]);
    expect(ok(await ngo.get(`/api/cases/${woman.caseId}/cross-border-referrals`)).items.map((item: { id: string }) => item.id)).toEqual([
      referral,
    ]);
    expect(ok(await ngo.get(`/api/repatriations/${repatriation}`)).actions).toContain('withdraw');
    // The former owner no longer reads who she is there, nor acts for her.
    expect([403, 404]).toContain((await chiangRai.get(`/api/repatriations/${repatriation}`)).status);
    expect([403, 404]).toContain((await chiangRai.get(`/api/cross-border-referrals/${referral}`)).status);
    expect([403, 404]).toContain((await chiangRai.post(`/api/repatriations/${repatriation}/withdraw`, { reason: 'x' })).status);
    expect([403, 404]).toContain((await chiangRai.post(`/api/cross-border-referrals/${referral}/withdraw`, { reason: 'x' })).status);

    // She withdraws both consents with the NGO: Cambodia stops, and no longer shows who she is.
    for (const consentId of [woman.consentId, referralConsent]) {
      ok(await ngo.post(`/api/cases/${woman.caseId}/consents/${consentId}/withdraw`, { reason: 'She changed her mind.' }));
    }
    const ended = await eventually(async () => {
      const response = await khWorker.get(`/api/repatriations/${repatriation}`);
      return response.body?.consent?.withdrawn ? response.body : undefined;
    }, 'the withdrawal in Cambodia');
    expect(ended).toMatchObject({ actions: [], person: null, identification: null, attachments: [] });
    expect(JSON.stringify(ended)).not.toContain('Srey Leak');
    expectProblem(
      await khWorker.post(`/api/repatriations/${repatriation}/verification`, {
        outcome: 'confirmed',
        method: 'Family book.',
        verifiedOn: thaiToday(),
      }),
      409,
      'conflict',
    );
    expect((await khWorker.get(`/api/repatriations/${repatriation}/files/0`)).status).toBe(404);
    const referralEnded = await eventually(async () => {
      const response = await khWorker.get(`/api/cross-border-referrals/${referral}`);
      return response.body?.consentWithdrawn ? response.body : undefined;
    }, 'the referral ended in Cambodia');
    expect(referralEnded).toMatchObject({ actions: [], person: null, reason: null });
  });
});
