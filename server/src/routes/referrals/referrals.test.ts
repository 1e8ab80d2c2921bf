import { CASE_SECTIONS } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, demoAgencyIds, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { caseEvents, caseTasks, consents, notifications, referrals } from '../../db/schema/index.js';
import { addCalendarDays, localToday } from '../../followUp/schedule.js';

let t: TestApp;
let admin: ApiClient;
let socialworker: ApiClient; // case_manager, Chiang Rai office (the owner in these tests)
let ngo: ApiClient; // case_manager, NGO (the receiver)
let police: ApiClient; // screener, police (a third agency)
let shelter: ApiClient; // shelter_staff
let psychologist: ApiClient;
let hotline: ApiClient;
let data: ApiClient;
let agency: Record<'chiangrai' | 'ngo' | 'shelter', string>;

// The actors work in Thailand: their today is Thailand's, whatever the hour in UTC.
const daysFromToday = (days: number) => addCalendarDays(localToday('TH', new Date()), days);
let serial = 0;

/** A Chiang Rai case with a distinctive name, so a test can look for the name in every response. */
async function newCase() {
  serial += 1;
  const familyName = `Referredsurname${'ABCDEFGHIJKLMNOP'[serial % 16]}${serial}`;
  const response = await socialworker.post('/api/cases', {
    person: { givenName: 'Malaiwan', familyName, gender: 'Feminine', estimatedAge: 24 },
    intake: { channel: 'walk_in' },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { caseId: response.body.id as string, familyName };
}

async function consent(caseId: string, terms: Record<string, unknown> = {}) {
  const response = await socialworker.post(`/api/cases/${caseId}/consents`, {
    purpose: 'referral',
    sections: ['identity', 'care'],
    agencyIds: [],
    countries: [],
    givenBy: 'victim',
    givenOn: localToday('TH', new Date()),
    ...terms,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

const referralBody = (consentId: string, overrides: Record<string, unknown> = {}) => ({
  toAgencyId: agency.ngo,
  serviceArea: 'psychosocial',
  consentId,
  sections: ['care'],
  reason: 'Counselling in her own language',
  details: 'Prefers a female counsellor; Malaiwan speaks Shan.',
  urgency: 'urgent',
  dueOn: daysFromToday(3),
  ...overrides,
});

async function refer(caseId: string, consentId: string, overrides: Record<string, unknown> = {}) {
  const response = await socialworker.post(`/api/cases/${caseId}/referrals`, referralBody(consentId, overrides));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const timelineKinds = (caseId: string) =>
  asSystem(t.database.db, (tx) => tx.select({ kind: caseEvents.kind }).from(caseEvents).where(eq(caseEvents.caseId, caseId))).then((rows) =>
    rows.map((row) => row.kind),
  );

const sharesOf = async (caseId: string) => (await socialworker.get(`/api/cases/${caseId}/shares`)).body.items as any[];

beforeAll(async () => {
  t = await startTestApp();
  [admin, socialworker, ngo, police, shelter, psychologist, hotline, data] = await Promise.all([
    t.login('admin'),
    t.login('th.socialworker'),
    t.login('th.ngo'),
    t.login('th.police'),
    t.login('th.shelter'),
    t.login('th.psychologist'),
    t.login('th.hotline'),
    t.login('th.data'),
  ]);
  agency = await demoAgencyIds(admin);
});

afterAll(async () => {
  await t?.close();
});

describe('consent for a referral', () => {
  it('refuses each missing consent by name and writes nothing', async () => {
    const { caseId } = await newCase();
    const path = `/api/cases/${caseId}/referrals`;
    const refusal = async (body: unknown, code: string) => {
      const problem = expectProblem(await socialworker.post(path, body), 422, 'consent_required');
      expect(problem.errors?.[0]).toMatchObject({ path: 'consentId', code });
    };
    await refusal(referralBody('5d0f4a57-0000-4000-8000-000000000000'), 'no_consent');

    const withdrawn = await consent(caseId);
    await socialworker.post(`/api/cases/${caseId}/consents/${withdrawn}/withdraw`, { reason: 'She changed her mind' });
    await refusal(referralBody(withdrawn), 'consent_withdrawn');

    const expired = await consent(caseId, { givenOn: daysFromToday(-30), expiresOn: daysFromToday(-1) });
    await refusal(referralBody(expired), 'consent_expired');

    await refusal(referralBody(await consent(caseId, { purpose: 'repatriation' })), 'purpose_not_covered');
    await refusal(referralBody(await consent(caseId, { purpose: 'statistics_research' })), 'purpose_not_covered');
    await refusal(referralBody(await consent(caseId, { sections: ['identity'] })), 'section_not_covered');
    await refusal(referralBody(await consent(caseId, { agencyIds: [agency.shelter] })), 'agency_not_covered');

    expect((await socialworker.get(`/api/cases/${caseId}/referrals`)).body.items).toEqual([]);
  });

  it('refuses a referral to the owner itself or to no active agency, naming the field', async () => {
    const { caseId } = await newCase();
    const consentId = await consent(caseId);
    const own = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/referrals`, referralBody(consentId, { toAgencyId: agency.chiangrai })),
      422,
      'validation_failed',
    );
    expect(own.errors?.[0]?.path).toBe('toAgencyId');
    const unknown = await socialworker.post(
      `/api/cases/${caseId}/referrals`,
      referralBody(consentId, { toAgencyId: '5d0f4a57-0000-4000-8000-000000000000' }),
    );
    expect(expectProblem(unknown, 422, 'invalid_reference').errors?.[0]?.path).toBe('toAgencyId');
    const unlisted = await socialworker.post(
      `/api/cases/${caseId}/referrals`,
      referralBody(consentId, { directoryServiceId: '5d0f4a57-0000-4000-8000-000000000000' }),
    );
    expect(expectProblem(unlisted, 422, 'invalid_reference').errors?.[0]?.path).toBe('directoryServiceId');
    const bad = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/referrals`, referralBody(consentId, { urgency: 'whenever' })),
      400,
      'validation_failed',
    );
    expect(bad.errors?.map((error: { path: string }) => error.path)).toContain('urgency');
    expect((await socialworker.get(`/api/cases/${caseId}/referrals`)).body.items).toEqual([]);
  });
});

describe('a referral to a service in the directory', () => {
  it('names a service the receiving agency lists, and only such a one', async () => {
    const { caseId } = await newCase();
    const consentId = await consent(caseId);
    const directory = await socialworker.get('/api/directory/organisations?serviceArea=economic_empowerment&pageSize=100');
    expect(directory.status).toBe(200);
    const ngoListing = directory.body.items.find((organisation: { agencyId: string }) => organisation.agencyId === agency.ngo);
    const service = ngoListing.services.find((item: { serviceArea: string }) => item.serviceArea === 'economic_empowerment');
    const sent = await refer(caseId, consentId, { serviceArea: 'economic_empowerment', directoryServiceId: service.id });
    expect(sent).toMatchObject({ directoryServiceId: service.id, serviceArea: 'economic_empowerment' });
    const toShelter = await socialworker.post(
      `/api/cases/${caseId}/referrals`,
      referralBody(consentId, { toAgencyId: agency.shelter, directoryServiceId: service.id }),
    );
    expect(expectProblem(toShelter, 422, 'invalid_reference').errors?.[0]?.path).toBe('directoryServiceId');
  });
});

describe('the receiver', () => {
  it('sees reference, pseudonym and reason before accepting, never the identity, and exactly the referred sections after', async () => {
    const { caseId, familyName } = await newCase();
    const consentId = await consent(caseId);
    const sent = await refer(caseId, consentId);
    expect(sent).toMatchObject({ status: 'pending', sections: ['care'], toAgency: { id: agency.ngo }, actions: ['withdraw'] });

    const inbox = await ngo.get('/api/referrals?box=incoming&status=pending');
    expect(inbox.status).toBe(200);
    const incoming = inbox.body.items.find((item: { id: string }) => item.id === sent.id);
    expect(incoming).toMatchObject({
      serviceArea: 'psychosocial',
      urgency: 'urgent',
      reason: 'Counselling in her own language',
      details: null,
    });
    expect(incoming.pseudonym).toMatch(/^P-/);
    expect(incoming.actions).toEqual(['accept', 'decline']);
    expect(JSON.stringify(inbox.body)).not.toContain(familyName);
    expect(JSON.stringify(inbox.body)).not.toContain('Malaiwan');
    expectProblem(await ngo.get(`/api/cases/${caseId}`), 404, 'not_found');
    expectProblem(await ngo.get(`/api/cases/${caseId}/referrals`), 404, 'not_found');
    const notices = await ngo.get('/api/notifications');
    expect(notices.status).toBe(200);
    expect(JSON.stringify(notices.body)).not.toContain(familyName);

    const accepted = await ngo.post(`/api/referrals/${sent.id}/accept`);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', actions: ['complete', 'close'] });
    expect(accepted.body.details).toContain('female counsellor');
    const share = (await sharesOf(caseId)).find((item) => item.agencyId === agency.ngo);
    expect(share).toMatchObject({ kind: 'referral', sections: ['care'], consentId, revokedAt: null });
    const seen = await ngo.get(`/api/cases/${caseId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.abilities.readIdentity).toBe(false);
    expect(JSON.stringify(seen.body)).not.toContain(familyName);

    const tab = (await socialworker.get(`/api/cases/${caseId}/referrals`)).body.items;
    expect(tab[0]).toMatchObject({ id: sent.id, status: 'accepted', answeredByName: expect.any(String) });
    expect(await timelineKinds(caseId)).toEqual(expect.arrayContaining(['referral.sent', 'referral.accepted']));
    const written = await asSystem(t.database.db, (tx) =>
      tx
        .select({ kind: notifications.kind, agencyId: notifications.agencyId })
        .from(notifications)
        .where(eq(notifications.subjectId, sent.id)),
    );
    expect(written).toEqual(
      expect.arrayContaining([
        { kind: 'referral_received', agencyId: agency.ngo },
        { kind: 'referral_accepted', agencyId: agency.chiangrai },
      ]),
    );
    expectProblem(await ngo.post(`/api/referrals/${sent.id}/accept`), 403, 'forbidden');
  });

  it('must give a reason to decline; the case stays closed to it and the sender reads why', async () => {
    const { caseId } = await newCase();
    const sent = await refer(caseId, await consent(caseId));
    const missing = expectProblem(await ngo.post(`/api/referrals/${sent.id}/decline`, {}), 400, 'validation_failed');
    expect(missing.errors?.[0]?.path).toBe('reason');
    expectProblem(await ngo.post(`/api/referrals/${sent.id}/decline`, { reason: '   ' }), 400, 'validation_failed');
    expect((await socialworker.get(`/api/cases/${caseId}/referrals`)).body.items[0].status).toBe('pending');

    const declined = await ngo.post(`/api/referrals/${sent.id}/decline`, { reason: 'No counsellor free this month' });
    expect(declined.status, JSON.stringify(declined.body)).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'No counsellor free this month', details: null });
    expectProblem(await ngo.get(`/api/cases/${caseId}`), 404, 'not_found');
    expect((await socialworker.get(`/api/cases/${caseId}/referrals`)).body.items[0]).toMatchObject({
      status: 'declined',
      declineReason: 'No counsellor free this month',
    });
    expect(await timelineKinds(caseId)).toContain('referral.declined');
    expect((await sharesOf(caseId)).some((item) => item.agencyId === agency.ngo)).toBe(false);
  });

  it('loses the case when the person withdraws the consent the referral relied on', async () => {
    const { caseId } = await newCase();
    const consentId = await consent(caseId);
    const sent = await refer(caseId, consentId);
    expect((await ngo.post(`/api/referrals/${sent.id}/accept`)).status).toBe(200);
    expect((await ngo.get(`/api/cases/${caseId}`)).status).toBe(200);
    await socialworker.post(`/api/cases/${caseId}/consents/${consentId}/withdraw`, { reason: 'She asked to stop' });
    expectProblem(await ngo.get(`/api/cases/${caseId}`), 404, 'not_found');
  });

  it('cannot accept once the consent was withdrawn while the referral waited', async () => {
    const { caseId } = await newCase();
    const consentId = await consent(caseId);
    const sent = await refer(caseId, consentId);
    await socialworker.post(`/api/cases/${caseId}/consents/${consentId}/withdraw`, { reason: 'She asked to stop' });
    const refused = expectProblem(await ngo.post(`/api/referrals/${sent.id}/accept`), 422, 'consent_required');
    expect(refused.errors?.[0]?.code).toBe('consent_withdrawn');
    expect((await sharesOf(caseId)).some((item) => item.agencyId === agency.ngo)).toBe(false);
  });

  it('no longer reads the text of a referral whose consent was withdrawn, nor acts on it; the sender keeps it in full', async () => {
    const { caseId } = await newCase();
    const consentId = await consent(caseId);
    const sent = await refer(caseId, consentId, { reason: 'Zqx counselling after the raid', details: 'Zqx secret detail about Malaiwan' });
    const waiting = await refer(caseId, consentId, { serviceArea: 'legal', reason: 'Legal advice on her wages' });
    expect((await ngo.post(`/api/referrals/${sent.id}/accept`)).status).toBe(200);
    const withdrawal = await socialworker.post(`/api/cases/${caseId}/consents/${consentId}/withdraw`, { reason: 'She asked to stop' });
    expect(withdrawal.status, JSON.stringify(withdrawal.body)).toBe(200);

    const inbox = await ngo.get('/api/referrals?box=incoming');
    const mine = inbox.body.items.filter((item: { caseId: string }) => item.caseId === caseId);
    expect(mine.map((item: { id: string; status: string }) => [item.id, item.status]).sort()).toEqual(
      [
        [sent.id, 'closed'],
        [waiting.id, 'withdrawn'],
      ].sort(),
    );
    for (const item of mine) expect(item).toMatchObject({ reason: null, details: null, consentEnded: 'consent_withdrawn', actions: [] });
    const seen = JSON.stringify([inbox.body, (await ngo.get('/api/notifications')).body, (await ngo.get('/api/tasks?scope=team')).body]);
    for (const text of ['Zqx', 'Legal advice on her wages']) expect(seen).not.toContain(text);

    const refused = expectProblem(await ngo.post(`/api/referrals/${sent.id}/complete`, { outcome: 'done' }), 422, 'consent_required');
    expect(refused.errors?.[0]).toMatchObject({ path: 'consentId', code: 'consent_withdrawn' });
    expectProblem(await ngo.post(`/api/referrals/${sent.id}/close`, { outcome: 'done' }), 422, 'consent_required');
    expectProblem(await ngo.post(`/api/referrals/${waiting.id}/accept`), 422, 'consent_required');

    const tab = (await socialworker.get(`/api/cases/${caseId}/referrals`)).body.items;
    expect(tab.find((item: { id: string }) => item.id === sent.id)).toMatchObject({
      status: 'closed',
      consentEnded: 'consent_withdrawn',
      reason: 'Zqx counselling after the raid',
      details: 'Zqx secret detail about Malaiwan',
    });
    expect(await timelineKinds(caseId)).toEqual(expect.arrayContaining(['referral.closed', 'referral.withdrawn']));
  });

  it('loses the text when the consent runs out by date or the owner revokes the share the referral opened', async () => {
    const { caseId } = await newCase();
    const expiring = await consent(caseId);
    const lapsed = await refer(caseId, expiring);
    expect((await ngo.post(`/api/referrals/${lapsed.id}/accept`)).status).toBe(200);
    await asSystem(t.database.db, (tx) =>
      tx
        .update(consents)
        .set({ expiresOn: daysFromToday(-2) })
        .where(eq(consents.id, expiring)),
    );
    const incoming = async (id: string) =>
      (await ngo.get('/api/referrals?box=incoming')).body.items.find((item: { id: string }) => item.id === id);
    expect(await incoming(lapsed.id)).toMatchObject({
      status: 'accepted',
      consentEnded: 'consent_expired',
      reason: null,
      details: null,
      actions: [],
    });
    const expired = expectProblem(await ngo.post(`/api/referrals/${lapsed.id}/complete`, {}), 422, 'consent_required');
    expect(expired.errors?.[0]?.code).toBe('consent_expired');
    // Row-level security refuses the receiver's write too, whatever route code would let through.
    const receiver = { userId: (await ngo.get('/api/auth/me')).body.id as string, agencyId: agency.ngo, scopes: [] };
    const refusedWrite = await asActor(t.database.db, receiver, (tx) =>
      tx.update(referrals).set({ status: 'completed' }).where(eq(referrals.id, lapsed.id)),
    ).then(
      () => 'written',
      (error: { cause?: unknown }) => String(error.cause ?? error),
    );
    expect(refusedWrite).toMatch(/row-level security/);

    const { caseId: otherCaseId } = await newCase();
    const sent = await refer(otherCaseId, await consent(otherCaseId));
    expect((await ngo.post(`/api/referrals/${sent.id}/accept`)).status).toBe(200);
    expect((await incoming(sent.id)).consentEnded).toBeNull();
    expect((await socialworker.delete(`/api/cases/${otherCaseId}/shares/${agency.ngo}`)).status).toBe(204);
    expect(await incoming(sent.id)).toMatchObject({ consentEnded: 'share_revoked', reason: null, details: null, actions: [] });
    expectProblem(await ngo.post(`/api/referrals/${sent.id}/close`, { outcome: 'Ended' }), 422, 'consent_required');
    const owner = (await socialworker.get(`/api/cases/${otherCaseId}/referrals`)).body.items[0];
    expect(owner).toMatchObject({ consentEnded: 'share_revoked', details: expect.stringContaining('female counsellor') });
  });

  it('marks an accepted referral completed or closed with an outcome; the sender withdraws one still waiting', async () => {
    const { caseId } = await newCase();
    const consentId = await consent(caseId);
    const first = await refer(caseId, consentId);
    expectProblem(await socialworker.post(`/api/referrals/${first.id}/accept`), 403, 'forbidden');
    expectProblem(await ngo.post(`/api/referrals/${first.id}/withdraw`), 403, 'forbidden');
    await ngo.post(`/api/referrals/${first.id}/accept`);
    expectProblem(await ngo.post(`/api/referrals/${first.id}/close`, {}), 400, 'validation_failed');
    const completed = await ngo.post(`/api/referrals/${first.id}/complete`, { outcome: 'Six sessions held' });
    expect(completed.body).toMatchObject({ status: 'completed', outcome: 'Six sessions held', actions: [] });

    const second = await refer(caseId, consentId, { serviceArea: 'legal' });
    const withdrawn = await socialworker.post(`/api/referrals/${second.id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', actions: [] });
    expectProblem(await ngo.post(`/api/referrals/${second.id}/accept`), 403, 'forbidden');
    expect(await timelineKinds(caseId)).toEqual(expect.arrayContaining(['referral.completed', 'referral.withdrawn']));
  });

  it('gets a response task only when it already sees the case, and the answer closes it', async () => {
    const { caseId } = await newCase();
    const consentId = await consent(caseId, { sections: ['identity', 'care', 'shelter'] });
    await socialworker.post(`/api/cases/${caseId}/shares`, { agencyId: agency.shelter, sections: ['shelter'], consentId });
    const toShelter = await refer(caseId, consentId, { toAgencyId: agency.shelter, serviceArea: 'safe_housing' });
    await refer(caseId, consentId);
    const tasks = () =>
      asSystem(t.database.db, (tx) =>
        tx
          .select({ agencyId: caseTasks.agencyId, doneAt: caseTasks.doneAt })
          .from(caseTasks)
          .where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.kind, 'referral_response'))),
      );
    expect(await tasks()).toEqual([{ agencyId: agency.shelter, doneAt: null }]);
    expect((await shelter.post(`/api/referrals/${toShelter.id}/accept`)).status).toBe(200);
    expect((await tasks())[0]!.doneAt).not.toBeNull();
  });

  it('sees an overdue flag on a referral left unanswered past its due date', async () => {
    const { caseId } = await newCase();
    const sent = await refer(caseId, await consent(caseId), { dueOn: daysFromToday(-1) });
    const item = (await ngo.get('/api/referrals?box=incoming')).body.items.find((row: { id: string }) => row.id === sent.id);
    expect(item.overdue).toBe(true);
    const outgoing = (await socialworker.get('/api/referrals?box=outgoing')).body.items.find((row: { id: string }) => row.id === sent.id);
    expect(outgoing.overdue).toBe(true);
  });
});

describe('agencies and roles outside the referral', () => {
  it('a third agency finds nothing anywhere; roles without case work are refused', async () => {
    const { caseId } = await newCase();
    const consentId = await consent(caseId);
    const sent = await refer(caseId, consentId);
    for (const step of ['accept', 'withdraw']) expectProblem(await police.post(`/api/referrals/${sent.id}/${step}`), 404, 'not_found');
    expectProblem(await police.post(`/api/referrals/${sent.id}/decline`, { reason: 'not ours' }), 404, 'not_found');
    expectProblem(await police.get(`/api/cases/${caseId}/referrals`), 404, 'not_found');
    expectProblem(await police.post(`/api/cases/${caseId}/referrals`, referralBody(consentId)), 404, 'not_found');
    for (const box of ['incoming', 'outgoing']) {
      const list = await police.get(`/api/referrals?box=${box}`);
      expect(list.body.items.some((item: { id: string }) => item.id === sent.id)).toBe(false);
    }
    for (const client of [psychologist, data, hotline]) {
      expect([403, 404]).toContain((await client.post(`/api/cases/${caseId}/referrals`, referralBody(consentId))).status);
      expectProblem(await client.get('/api/referrals'), 403, 'forbidden');
      expect([403, 404]).toContain((await client.post(`/api/referrals/${sent.id}/accept`)).status);
    }
    expectProblem(await ngo.post(`/api/cases/${caseId}/referrals`, referralBody(consentId)), 404, 'not_found');
    expect((await socialworker.get(`/api/cases/${caseId}/referrals`)).body.items).toHaveLength(1);
  });
});

describe('transfer of case ownership', () => {
  it('needs consent to every section, one offer at a time, an active agency, and the receiver’s acceptance', async () => {
    const { caseId, familyName } = await newCase();
    const partial = await consent(caseId);
    const transferBody = (consentId: string, overrides: Record<string, unknown> = {}) => ({
      toAgencyId: agency.ngo,
      consentId,
      sections: ['care'],
      reason: 'She moved to the NGO’s province',
      ...overrides,
    });
    const notAll = expectProblem(await socialworker.post(`/api/cases/${caseId}/transfers`, transferBody(partial)), 422, 'consent_required');
    expect(notAll.errors?.[0]?.code).toBe('section_not_covered');

    const full = await consent(caseId, { sections: [...CASE_SECTIONS] });
    const inactive = await admin.post('/api/admin/agencies', {
      countryCode: 'TH',
      name: 'Closed foundation',
      organisationType: 'NGO',
      agencyFunction: 'ngo',
    });
    expect(inactive.status, JSON.stringify(inactive.body)).toBe(201);
    const deactivated = await admin.patch(`/api/admin/agencies/${inactive.body.id}`, { active: false, version: inactive.body.version });
    expect(deactivated.status, JSON.stringify(deactivated.body)).toBe(200);
    const toInactive = await socialworker.post(`/api/cases/${caseId}/transfers`, transferBody(full, { toAgencyId: inactive.body.id }));
    expect(expectProblem(toInactive, 422, 'invalid_reference').errors?.[0]?.path).toBe('toAgencyId');
    expectProblem(await shelter.post(`/api/cases/${caseId}/transfers`, transferBody(full)), 404, 'not_found');

    const offer = await socialworker.post(`/api/cases/${caseId}/transfers`, transferBody(full));
    expect(offer.status, JSON.stringify(offer.body)).toBe(201);
    expect(offer.body).toMatchObject({ kind: 'transfer', status: 'pending' });
    expectProblem(await socialworker.post(`/api/cases/${caseId}/transfers`, transferBody(full)), 409, 'conflict');
    expect((await socialworker.get(`/api/cases/${caseId}`)).body.ownerAgencyId).toBe(agency.chiangrai);
    expect(JSON.stringify((await ngo.get('/api/referrals')).body)).not.toContain(familyName);

    expect((await ngo.post(`/api/referrals/${offer.body.id}/accept`)).status).toBe(200);
    const owned = await ngo.get(`/api/cases/${caseId}`);
    expect(owned.body).toMatchObject({ ownerAgencyId: agency.ngo, involvement: 'owner' });
    expect(owned.body.abilities.update).toBe(true);
    const former = await socialworker.get(`/api/cases/${caseId}`);
    expect(former.body.involvement).toBe('referral');
    expect(former.body.abilities.update).toBe(false);
    expect(former.body.abilities.sections).toContain('care');
    expect(former.body.abilities.sections).not.toContain('family');
    const formerShare = (await ngo.get(`/api/cases/${caseId}/shares`)).body.items.find((item: any) => item.agencyId === agency.chiangrai);
    expect(formerShare).toMatchObject({ kind: 'referral', sections: ['care'], consentId: full, revokedAt: null });
    expect(await timelineKinds(caseId)).toEqual(expect.arrayContaining(['transfer.offered', 'transfer.accepted']));
    const audit = await admin.get(`/api/admin/audit?action=case.transfer&resourceId=${caseId}`);
    expect(audit.body.items).toHaveLength(1);
    expect(JSON.stringify(audit.body.items)).not.toContain(familyName);
  });

  it('the former owner keeps nothing when the offer named no sections', async () => {
    const { caseId } = await newCase();
    const full = await consent(caseId, { sections: [...CASE_SECTIONS] });
    const offer = await socialworker.post(`/api/cases/${caseId}/transfers`, {
      toAgencyId: agency.ngo,
      consentId: full,
      sections: [],
      reason: 'Handover',
    });
    expect((await ngo.post(`/api/referrals/${offer.body.id}/accept`)).status).toBe(200);
    // Chiang Rai took the intake itself: it keeps what it recorded (migration 0006), nothing given since.
    const former = await socialworker.get(`/api/cases/${caseId}`);
    expect(former.body).toMatchObject({ involvement: 'intake', ownerAgencyId: agency.ngo });
    expect(former.body.abilities).toMatchObject({ update: false, share: false });
    expect(former.body.abilities.sections).not.toContain('care');
    expect(
      (await ngo.get(`/api/cases/${caseId}/shares`)).body.items.some((item: any) => item.agencyId === agency.chiangrai && !item.revokedAt),
    ).toBe(false);
  });
});

describe('referrals with organisations off the platform', () => {
  it('records an incoming referral for the HTCDS fields, owner only', async () => {
    const { caseId } = await newCase();
    const body = {
      direction: 'incoming',
      organisation: 'Foundation for Women, Chiang Mai',
      caseWorker: 'Khun Ploy',
      referredOn: daysFromToday(-2),
      reason: 'Needs protection after escaping a karaoke bar',
    };
    expectProblem(await ngo.post(`/api/cases/${caseId}/external-referrals`, body), 404, 'not_found');
    expectProblem(
      await socialworker.post(`/api/cases/${caseId}/external-referrals`, { ...body, organisation: '' }),
      400,
      'validation_failed',
    );
    const recorded = await socialworker.post(`/api/cases/${caseId}/external-referrals`, body);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({
      direction: 'incoming',
      externalOrganisation: body.organisation,
      status: 'accepted',
      actions: [],
    });
    expect(await timelineKinds(caseId)).toContain('referral.recorded');
  });
});

describe('demo data', () => {
  it('shows a waiting referral in the NGO inbox by pseudonym, and the answered ones to their senders', async () => {
    const waiting = (await ngo.get('/api/referrals?box=incoming&status=pending')).body.items.find((item: { reason: string | null }) =>
      item.reason?.startsWith('Trauma counselling'),
    );
    expect(waiting).toMatchObject({ urgency: 'urgent', details: null, fromAgency: { id: agency.chiangrai } });
    expect(waiting.pseudonym).toMatch(/^P-/);
    const sent = (await socialworker.get('/api/referrals?box=outgoing')).body.items;
    const declined = sent.filter((item: { status: string }) => item.status === 'declined');
    expect(declined.map((item: { declineReason: string }) => item.declineReason)).toContainEqual(expect.stringContaining('No bed'));
    const accepted = (await police.get('/api/referrals?box=incoming&status=accepted')).body.items;
    expect(accepted).toHaveLength(1);
    expect((await police.get(`/api/cases/${accepted[0].caseId}`)).status).toBe(200);
    const incoming = (await socialworker.get(`/api/cases/${waiting.caseId}/referrals`)).body.items;
    expect(incoming).toHaveLength(1);
    const ended = (await ngo.get('/api/referrals?box=incoming&status=closed')).body.items.filter(
      (item: { consentEnded: string | null }) => item.consentEnded === 'consent_withdrawn',
    );
    expect(ended.length).toBeGreaterThan(0);
    expect(ended[0]).toMatchObject({ reason: null, details: null, actions: [] });
    expectProblem(await ngo.get(`/api/cases/${ended[0].caseId}`), 404, 'not_found');
  });
});
