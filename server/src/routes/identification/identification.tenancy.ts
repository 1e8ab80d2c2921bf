import { expect } from 'vitest';
import type { ApiClient } from '../../../test/harness.js';
import { CHIANGRAI_ONLY, expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { isoDay } from '../../commands/openCase.js';

const ACCOUNT = 'Tenancy probe: the account the person gave at the MDT interview.';

/**
 * Identification: every involved agency reads the one interview (the account only with the
 * identity section); only the owner (or a referral agency) records; other agencies get 404.
 */
export function identificationMatrix(c: TenancyContext): RouteMatrix {
  const chiangraiOnly = () => CHIANGRAI_ONLY.map((i) => c.caseOf[i]!);
  const record = (client: ApiClient, caseId: string) => ok(client.get(`/api/cases/${caseId}/identification`));
  const interviewBody = () => ({
    // Today: after the demo case's opening, whenever the demo was seeded.
    conductedOn: isoDay(new Date()),
    participantAgencyIds: [],
    stepsCompleted: ['pre_screening'],
    indicators: { act: ['recruitment'], means: ['deception'], purpose: ['forced_labour'] },
    account: ACCOUNT,
    status: 'draft',
  });

  /**
   * A case only Chiang Rai sees (not person 0's, which the shelter shares) that is open (demo cases
   * may be seeded closed), with an interview and an interpreter request.
   */
  let fixture: { caseId: string; interviewId: string; requestId: string } | undefined;
  const openChiangRaiCase = async () => {
    if (fixture) return fixture;
    for (const caseId of CHIANGRAI_ONLY.filter((i) => i !== 0).map((i) => c.caseOf[i]!)) {
      const detail = await ok(c.socialworker.get(`/api/cases/${caseId}`));
      if (['Closed', 'ClosedReferred'].includes(detail.status)) continue;
      const interview = expectStatus(await c.socialworker.post(`/api/cases/${caseId}/interviews`, interviewBody()), 201);
      const request = expectStatus(
        await c.socialworker.post(`/api/cases/${caseId}/interviews/${interview.id}/interpreter-requests`, { language: 'my' }),
        201,
      );
      fixture = { caseId, interviewId: interview.id, requestId: request.id };
      return fixture;
    }
    throw new Error('no open Chiang Rai demo case');
  };

  /** Roles that may see the case but not record identification, and agencies that do not see it at all. */
  const refusedEverywhere = async (call: (client: ApiClient, caseId: string) => Promise<{ status: number; body: any }>) => {
    const { caseId } = await openChiangRaiCase();
    const expectRefusal = async (who: string, client: ApiClient, id: string, status: number, code: string) => {
      const response = await call(client, id);
      expect({ who, status: response.status, code: response.body?.code }).toEqual({ who, status, code });
    };
    for (const [who, other] of [
      ['ngo', c.ngo],
      ['police', c.police],
      ['hotline', c.hotline],
      ['shelter', c.shelter],
    ] as const) {
      await expectRefusal(who, other, caseId, 404, 'not_found');
    }
    await expectRefusal('data', c.data, caseId, 403, 'forbidden');
    await expectRefusal('agencyadmin', c.agencyadmin, caseId, 403, 'forbidden');
    // Person 0's case is shared with the shelter (identity, shelter) and person 1's with the NGO: they read, they do not record.
    await expectRefusal('shelter (shared)', c.shelter, c.caseOf[0]!, 403, 'forbidden');
    await expectRefusal('psychologist (shared)', c.psychologist, c.caseOf[0]!, 403, 'forbidden');
    await expectRefusal('ngo (shared)', c.ngo, c.caseOf[1]!, 403, 'forbidden');
  };

  return {
    'GET /api/cases/:id/identification': {
      why: 'every agency involved reads the one interview; the account only with the identity section; others get 404',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/identification` },
      probe: async () => {
        const { caseId } = await openChiangRaiCase();
        for (const id of chiangraiOnly()) {
          expectStatus(await c.ngo.get(`/api/cases/${id}/identification`), 404, 'not_found');
          expectStatus(await c.police.get(`/api/cases/${id}/identification`), 404, 'not_found');
        }
        expectStatus(await c.shelter.get(`/api/cases/${c.caseOf[1]}/identification`), 404, 'not_found');
        expectStatus(await c.data.get(`/api/cases/${caseId}/identification`), 403, 'forbidden');
        expectStatus(await c.agencyadmin.get(`/api/cases/${caseId}/identification`), 403, 'forbidden');
        expect((await record(c.socialworker, caseId)).interviews[0].account).toBe(ACCOUNT);
        // A bare share shows the record without identity-level content.
        const shared = await record(c.ngo, c.caseOf[1]!);
        for (const interview of shared.interviews) expect(interview).not.toHaveProperty('account');
        const psych = await record(c.psychologist, c.caseOf[0]!);
        for (const interview of psych.interviews) expect(interview).not.toHaveProperty('account');
      },
    },
    'POST /api/cases/:id/prescreenings': {
      why: 'only the agency working on the case records a pre-screening; nothing is written when refused',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/prescreenings`, body: { answers: { confined: 'yes' } } },
      probe: async () => {
        const { caseId } = await openChiangRaiCase();
        const before = await record(c.socialworker, caseId);
        const sharedBefore = await record(c.socialworker, c.caseOf[0]!);
        await refusedEverywhere((client, id) => client.post(`/api/cases/${id}/prescreenings`, { answers: { confined: 'yes' } }));
        expect(await record(c.socialworker, caseId)).toEqual(before);
        expect(await record(c.socialworker, c.caseOf[0]!)).toEqual(sharedBefore);
      },
    },
    'POST /api/cases/:id/interviews': {
      why: 'only the agency working on the case records the interview; others are refused and nothing is written',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/interviews`, body: interviewBody() },
      probe: async () => {
        const { caseId } = await openChiangRaiCase();
        const before = await record(c.socialworker, caseId);
        const sharedBefore = await record(c.socialworker, c.caseOf[0]!);
        await refusedEverywhere((client, id) => client.post(`/api/cases/${id}/interviews`, interviewBody()));
        expect(await record(c.socialworker, caseId)).toEqual(before);
        expect(await record(c.socialworker, c.caseOf[0]!)).toEqual(sharedBefore);
      },
    },
    'PATCH /api/cases/:id/interviews/:interviewId': {
      why: 'an interview is changed only through a case the caller works on; another case’s interview id answers 404',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/interviews/${UNKNOWN_ID}`, body: { version: 1, place: 'Anywhere' } },
      probe: async () => {
        const { caseId, interviewId } = await openChiangRaiCase();
        const before = await record(c.socialworker, caseId);
        const body = { version: 1, place: 'Hijacked', account: 'Rewritten' };
        await refusedEverywhere((client, id) => client.patch(`/api/cases/${id}/interviews/${interviewId}`, body));
        // The NGO owns its own cases: naming Chiang Rai's interview through one of them finds nothing.
        const ngoCase = (await ok(c.ngo.get('/api/cases?scope=team&pageSize=1'))).items[0].id;
        expectStatus(await c.ngo.patch(`/api/cases/${ngoCase}/interviews/${interviewId}`, body), 404, 'not_found');
        expect(await record(c.socialworker, caseId)).toEqual(before);
      },
    },
    'POST /api/cases/:id/interviews/:interviewId/interpreter-requests': {
      why: 'interpreters are requested only by the agency working on the case, for an interview of that case',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/interviews/${UNKNOWN_ID}/interpreter-requests`, body: { language: 'my' } },
      probe: async () => {
        const { caseId, interviewId } = await openChiangRaiCase();
        const before = await record(c.socialworker, caseId);
        await refusedEverywhere((client, id) =>
          client.post(`/api/cases/${id}/interviews/${interviewId}/interpreter-requests`, { language: 'shn' }),
        );
        const ngoCase = (await ok(c.ngo.get('/api/cases?scope=team&pageSize=1'))).items[0].id;
        expectStatus(
          await c.ngo.post(`/api/cases/${ngoCase}/interviews/${interviewId}/interpreter-requests`, { language: 'shn' }),
          404,
          'not_found',
        );
        expect(await record(c.socialworker, caseId)).toEqual(before);
      },
    },
    'PATCH /api/cases/:id/interpreter-requests/:requestId': {
      why: 'an interpreter request is updated only through the case it belongs to, by the agency working on it',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/interpreter-requests/${UNKNOWN_ID}`, body: { version: 1, status: 'cancelled' } },
      probe: async () => {
        const { caseId, requestId } = await openChiangRaiCase();
        const before = await record(c.socialworker, caseId);
        const body = { version: 1, status: 'cancelled' };
        await refusedEverywhere((client, id) => client.patch(`/api/cases/${id}/interpreter-requests/${requestId}`, body));
        const ngoCase = (await ok(c.ngo.get('/api/cases?scope=team&pageSize=1'))).items[0].id;
        expectStatus(await c.ngo.patch(`/api/cases/${ngoCase}/interpreter-requests/${requestId}`, body), 404, 'not_found');
        expect(await record(c.socialworker, caseId)).toEqual(before);
      },
    },
    'POST /api/cases/:id/trafficking-status': {
      why: 'only the agency working on the case records a status decision; the case status and version stay unchanged when refused',
      anonymous: {
        path: `/api/cases/${UNKNOWN_ID}/trafficking-status`,
        body: {
          toStatus: 'Presumed',
          decidingAgencyId: UNKNOWN_ID,
          decidedOn: '2025-01-01',
          decidedByName: 'X',
          reasons: 'X',
          caseVersion: 1,
        },
      },
      probe: async () => {
        const { caseId } = await openChiangRaiCase();
        const before = await ok(c.socialworker.get(`/api/cases/${caseId}`));
        const shared = await ok(c.socialworker.get(`/api/cases/${c.caseOf[0]}`));
        await refusedEverywhere((client, id) =>
          client.post(`/api/cases/${id}/trafficking-status`, {
            toStatus: 'NotAVictim',
            decidingAgencyId: c.agency.police,
            decidedOn: '2025-01-20',
            decidedByName: 'Someone else',
            reasons: 'Not theirs to decide.',
            caseVersion: id === caseId ? before.version : shared.version,
          }),
        );
        const after = await ok(c.socialworker.get(`/api/cases/${caseId}`));
        expect([after.traffickingStatus, after.version]).toEqual([before.traffickingStatus, before.version]);
        const sharedAfter = await ok(c.socialworker.get(`/api/cases/${c.caseOf[0]}`));
        expect([sharedAfter.traffickingStatus, sharedAfter.version]).toEqual([shared.traffickingStatus, shared.version]);
        expect((await record(c.socialworker, caseId)).decisions).toEqual([]);
      },
    },
    'GET /api/cases/:id/certificate': {
      why: 'the certificate names the person: only agencies that see the case and hold its identity section',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/certificate` },
      probe: async () => {
        for (const id of chiangraiOnly()) {
          expectStatus(await c.ngo.get(`/api/cases/${id}/certificate`), 404, 'not_found');
          expectStatus(await c.police.get(`/api/cases/${id}/certificate`), 404, 'not_found');
        }
        expectStatus(await c.data.get(`/api/cases/${c.caseOf[0]}/certificate`), 403, 'forbidden');
        expectStatus(await c.agencyadmin.get(`/api/cases/${c.caseOf[0]}/certificate`), 403, 'forbidden');
        expectStatus(await c.psychologist.get(`/api/cases/${c.caseOf[0]}/certificate`), 403, 'forbidden');
        expectStatus(await c.ngo.get(`/api/cases/${c.caseOf[1]}/certificate`), 403, 'forbidden');
      },
    },
  };
}
