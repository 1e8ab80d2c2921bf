import { BREAK_GLASS_MINUTES } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { breakGlassGrants, caseEvents, consents } from '../../db/schema/index.js';
import { addCalendarDays, localToday } from '../../followUp/schedule.js';

let t: TestApp;
let admin: ApiClient;
let socialworker: ApiClient; // case_manager, Chiang Rai office
let agencyadmin: ApiClient; // agency_admin, Chiang Rai office
let ngo: ApiClient; // case_manager, NGO
let shelter: ApiClient; // shelter_staff
let psychologist: ApiClient; // specialist_psychosocial, shelter
let police: ApiClient; // screener
let hotline: ApiClient; // hotline_operator
let data: ApiClient; // data_officer
const agency = {} as Record<'chiangrai' | 'ngo' | 'shelter' | 'police' | 'cambodia', string>;

// The actors work in Thailand: their today is Thailand's, whatever the hour in UTC.
const today = () => localToday('TH', new Date());
const daysFromToday = (days: number) => addCalendarDays(today(), days);
let serial = 0;

/** A case owned by Chiang Rai, so each test knows the person's age and who else is involved. */
async function newCase(person: Record<string, unknown> = {}, victimContext?: Record<string, unknown>): Promise<string> {
  serial += 1;
  const response = await socialworker.post('/api/cases', {
    person: {
      givenName: 'Kanya',
      familyName: `Consenting ${'ABCDEFGHIJKLMNOP'[serial % 16]}`,
      gender: 'Feminine',
      estimatedAge: 27,
      ...person,
    },
    intake: { channel: 'walk_in' },
    ...(victimContext ? { victimContext } : {}),
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

const adultConsent = (terms: Record<string, unknown> = {}) => ({
  purpose: 'services',
  sections: ['identity', 'family'],
  agencyIds: [],
  countries: [],
  givenBy: 'victim',
  givenOn: today(),
  ...terms,
});

async function recordConsent(caseId: string, terms: Record<string, unknown> = {}) {
  const response = await socialworker.post(`/api/cases/${caseId}/consents`, adultConsent(terms));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

async function auditEvents(action: string, resourceId: string) {
  const response = await admin.get(`/api/admin/audit?action=${action}&resourceId=${resourceId}`);
  expect(response.status).toBe(200);
  return response.body.items as { details: Record<string, unknown>; actorUsername: string }[];
}

async function timeline(caseId: string) {
  return asSystem(t.database.db, (tx) =>
    tx.select({ kind: caseEvents.kind, details: caseEvents.details }).from(caseEvents).where(eq(caseEvents.caseId, caseId)),
  );
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, socialworker, agencyadmin, ngo, shelter, psychologist, police, hotline, data] = await Promise.all([
    t.login('admin'),
    t.login('th.socialworker'),
    t.login('th.agencyadmin'),
    t.login('th.ngo'),
    t.login('th.shelter'),
    t.login('th.psychologist'),
    t.login('th.police'),
    t.login('th.hotline'),
    t.login('th.data'),
  ]);
  const agencies = (await admin.get('/api/admin/agencies?pageSize=200')).body.items as {
    id: string;
    acronym: string;
    agencyFunction: string;
  }[];
  agency.chiangrai = agencies.find((a) => a.acronym === 'PSDHS Chiang Rai')!.id;
  agency.police = agencies.find((a) => a.acronym === 'ATPD')!.id;
  agency.ngo = agencies.find((a) => a.agencyFunction === 'ngo')!.id;
  agency.shelter = agencies.find((a) => a.agencyFunction === 'shelter')!.id;
  const cambodian = await admin.post('/api/admin/agencies', {
    countryCode: 'KH',
    name: 'Department of Social Welfare, Poipet',
    organisationType: 'LocalGovernmentOrganisation',
    agencyFunction: 'provincial_office',
  });
  expect(cambodian.status, JSON.stringify(cambodian.body)).toBe(201);
  agency.cambodia = cambodian.body.id;
});

afterAll(async () => {
  await t?.close();
});

describe('recording consent', () => {
  it('records what an adult agreed to, lists it for the owner, and audits it without personal data', async () => {
    const caseId = await newCase();
    const expiresOn = daysFromToday(90);
    const consent = await recordConsent(caseId, { agencyIds: [agency.ngo, agency.ngo], countries: ['KH'], expiresOn });
    expect(consent).toMatchObject({
      purpose: 'services',
      sections: ['identity', 'family'],
      agencies: [{ id: agency.ngo, name: expect.any(String) }],
      countries: ['KH'],
      givenBy: 'victim',
      guardianName: null,
      givenOn: today(),
      expiresOn,
      recordedByName: expect.any(String),
      withdrawnAt: null,
      active: true,
    });
    expect(consent.agencies[0].name.length).toBeGreaterThan(0);
    const listed = await socialworker.get(`/api/cases/${caseId}/consents`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([consent]);

    const [event] = await auditEvents('consent.record', consent.id);
    expect(event!.actorUsername).toBe('th.socialworker');
    expect(event!.details).toMatchObject({ caseId, purpose: 'services', agencyIds: [agency.ngo], countries: ['KH'] });
    expect((await timeline(caseId)).map((entry) => entry.kind)).toContain('consent.recorded');
  });

  it('requires a named guardian for a child at intake, and writes nothing when refused', async () => {
    const caseId = await newCase({ estimatedAge: 15 });
    const byChild = expectProblem(await socialworker.post(`/api/cases/${caseId}/consents`, adultConsent()), 422, 'validation_failed');
    expect(byChild.errors).toEqual([{ path: 'givenBy', code: 'validation_failed', message: expect.any(String) }]);
    const unnamed = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/consents`, adultConsent({ givenBy: 'guardian', guardianRelationship: 'mother' })),
      422,
      'validation_failed',
    );
    expect(unnamed.errors?.[0]?.path).toBe('guardianName');
    expect((await socialworker.get(`/api/cases/${caseId}/consents`)).body.items).toEqual([]);

    const consent = await recordConsent(caseId, { givenBy: 'guardian', guardianName: 'Mali Srisuk', guardianRelationship: 'mother' });
    expect(consent).toMatchObject({ givenBy: 'guardian', guardianName: 'Mali Srisuk', guardianRelationship: 'mother' });
    const [stored] = await asSystem(t.database.db, (tx) =>
      tx.select({ enc: consents.guardianNameEnc }).from(consents).where(eq(consents.id, consent.id)),
    );
    expect(stored!.enc).not.toContain('Mali');
    const [event] = await auditEvents('consent.record', consent.id);
    expect(JSON.stringify(event)).not.toContain('Mali');
  });

  it('treats a person trafficked as a child as a child, although an adult at intake', async () => {
    const caseId = await newCase({ estimatedAge: 19 }, { ageWhenTrafficked: 16 });
    const refused = expectProblem(await socialworker.post(`/api/cases/${caseId}/consents`, adultConsent()), 422, 'validation_failed');
    expect(refused.errors?.[0]?.path).toBe('givenBy');
    await recordConsent(caseId, { givenBy: 'guardian', guardianName: 'Somchai Srisuk' });
  });

  it('refuses a guardian on an adult’s own consent, impossible dates and unknown references', async () => {
    const caseId = await newCase();
    const post = (terms: Record<string, unknown>) => socialworker.post(`/api/cases/${caseId}/consents`, adultConsent(terms));
    expect(expectProblem(await post({ guardianName: 'Someone' }), 422, 'validation_failed').errors?.[0]?.path).toBe('guardianName');
    expect(expectProblem(await post({ givenOn: daysFromToday(1) }), 422, 'validation_failed').errors?.[0]?.path).toBe('givenOn');
    expect(expectProblem(await post({ expiresOn: today() }), 422, 'validation_failed').errors?.[0]?.path).toBe('expiresOn');
    expect(expectProblem(await post({ givenOn: '2025-02-30' }), 400, 'validation_failed').errors?.[0]?.path).toBe('givenOn');
    const unknownAgency = expectProblem(
      await post({ agencyIds: [agency.ngo, '5d0f4a57-0000-4000-8000-000000000000'] }),
      422,
      'invalid_reference',
    );
    expect(unknownAgency.errors?.[0]?.path).toBe('agencyIds.1');
    expect(expectProblem(await post({ countries: ['IS'] }), 422, 'invalid_reference').errors?.[0]?.path).toBe('countries.0');
    expect(expectProblem(await post({ purpose: 'gossip' }), 400, 'validation_failed').errors?.[0]?.path).toBe('purpose');
    expect((await socialworker.get(`/api/cases/${caseId}/consents`)).body.items).toEqual([]);
  });

  it('lets only the owner agency record or withdraw consent', async () => {
    const caseId = await newCase();
    const consent = await recordConsent(caseId, { agencyIds: [agency.ngo] });
    expect((await socialworker.post(`/api/cases/${caseId}/shares`, { agencyId: agency.ngo, consentId: consent.id })).status).toBe(200);
    // The NGO now sees the case, but the person's consent is not its to record or withdraw.
    expectProblem(await ngo.post(`/api/cases/${caseId}/consents`, adultConsent()), 403, 'forbidden');
    expectProblem(await ngo.post(`/api/cases/${caseId}/consents/${consent.id}/withdraw`, { reason: 'not mine' }), 403, 'forbidden');
    expectProblem(await police.post(`/api/cases/${caseId}/consents`, adultConsent()), 404, 'not_found');
    expectProblem(await psychologist.post(`/api/cases/${caseId}/consents`, adultConsent()), 404, 'not_found');
    expectProblem(await data.get(`/api/cases/${caseId}/consents`), 403, 'forbidden');
    const items = (await socialworker.get(`/api/cases/${caseId}/consents`)).body.items;
    expect(items).toHaveLength(1);
    expect(items[0].withdrawnAt).toBeNull();
  });

  it('shows an involved agency the consents, with the guardian’s name only to roles given the identity section', async () => {
    const caseId = await newCase({ estimatedAge: 12 });
    const consent = await recordConsent(caseId, {
      givenBy: 'guardian',
      guardianName: 'Ratana Wong',
      sections: ['shelter'],
      agencyIds: [agency.shelter],
    });
    expect(
      (await socialworker.post(`/api/cases/${caseId}/shares`, { agencyId: agency.shelter, consentId: consent.id, sections: ['shelter'] }))
        .status,
    ).toBe(200);
    // Shelter staff hold the identity permission, but the shelter was not given the identity section.
    const byShelter = await shelter.get(`/api/cases/${caseId}/consents`);
    expect(byShelter.status).toBe(200);
    expect(byShelter.body.items).toHaveLength(1);
    expect(byShelter.body.items[0]).not.toHaveProperty('guardianName');
    expect(JSON.stringify(byShelter.body)).not.toContain('Ratana');
    const byPsychologist = await psychologist.get(`/api/cases/${caseId}/consents`);
    expect(byPsychologist.status).toBe(200);
    expect(byPsychologist.body.items[0]).not.toHaveProperty('guardianName');
    expectProblem(await ngo.get(`/api/cases/${caseId}/consents`), 404, 'not_found');
    expect((await socialworker.get(`/api/cases/${caseId}/consents`)).body.items[0].guardianName).toBe('Ratana Wong');
    const [read] = await auditEvents('case.read', caseId);
    expect(read!.details).toMatchObject({ part: 'consents', consentIds: [consent.id] });
  });
});

describe('sharing under consent', () => {
  async function refusal(caseId: string, share: Record<string, unknown>) {
    const problem = expectProblem(await socialworker.post(`/api/cases/${caseId}/shares`, share), 422, 'consent_required');
    expect(problem.errors).toHaveLength(1);
    expect(problem.errors![0]).toMatchObject({ path: 'consentId', message: expect.stringMatching(/\w+ \w+/) });
    return problem.errors![0]!.code;
  }

  it('refuses each share the consent does not cover, saying why, and opens nothing', async () => {
    const caseId = await newCase();
    const share = (consentId: string, extra: Record<string, unknown> = {}) => ({ agencyId: agency.ngo, consentId, ...extra });
    expect(await refusal(caseId, share('5d0f4a57-0000-4000-8000-000000000000'))).toBe('no_consent');
    // A consent recorded on another case does not count for this one.
    const elsewhere = await recordConsent(await newCase());
    expect(await refusal(caseId, share(elsewhere.id))).toBe('no_consent');

    const expired = await recordConsent(caseId, { givenOn: daysFromToday(-60), expiresOn: daysFromToday(-1) });
    expect(expired.active).toBe(false);
    expect(await refusal(caseId, share(expired.id))).toBe('consent_expired');

    const withdrawn = await recordConsent(caseId);
    expect((await socialworker.post(`/api/cases/${caseId}/consents/${withdrawn.id}/withdraw`, { reason: 'changed her mind' })).status).toBe(
      200,
    );
    expect(await refusal(caseId, share(withdrawn.id))).toBe('consent_withdrawn');

    const interviewOnly = await recordConsent(caseId, { purpose: 'interview' });
    expect(await refusal(caseId, share(interviewOnly.id))).toBe('purpose_not_covered');

    const shelterOnly = await recordConsent(caseId, { agencyIds: [agency.shelter] });
    expect(await refusal(caseId, share(shelterOnly.id))).toBe('agency_not_covered');

    const identityOnly = await recordConsent(caseId, { sections: ['identity'] });
    expect(await refusal(caseId, share(identityOnly.id, { sections: ['identity', 'family'] }))).toBe('section_not_covered');

    const domestic = await recordConsent(caseId);
    expect(await refusal(caseId, { agencyId: agency.cambodia, consentId: domestic.id })).toBe('country_not_covered');

    expectProblem(await ngo.get(`/api/cases/${caseId}`), 404, 'not_found');
    expect((await socialworker.get(`/api/cases/${caseId}/shares`)).body.items).toEqual([]);
    expect(await auditEvents('case.share', caseId)).toEqual([]);
  });

  it('opens the case to the agency with only the sections shared, and re-sharing replaces them', async () => {
    const caseId = await newCase({ givenName: 'Pranee', familyName: 'Wongsa' });
    const consent = await recordConsent(caseId, { agencyIds: [agency.ngo] });
    expectProblem(await ngo.get(`/api/cases/${caseId}`), 404, 'not_found');

    const shared = await socialworker.post(`/api/cases/${caseId}/shares`, {
      agencyId: agency.ngo,
      consentId: consent.id,
      sections: ['family'],
    });
    expect(shared.status).toBe(200);
    expect(shared.body).toEqual({
      agencyId: agency.ngo,
      agencyName: expect.any(String),
      kind: 'shared',
      sections: ['family'],
      consentId: consent.id,
      grantedAt: expect.any(String),
      revokedAt: null,
    });
    const seen = await ngo.get(`/api/cases/${caseId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.involvement).toBe('shared');
    // The NGO's case manager may read identity, shelter and family — but was given family only.
    expect(seen.body.abilities.sections).toEqual(['family']);
    expect(seen.body.sections).toEqual({});
    expect(JSON.stringify(seen.body)).not.toContain('Pranee');
    expect(seen.body.abilities.update).toBe(false);

    const widened = await socialworker.post(`/api/cases/${caseId}/shares`, {
      agencyId: agency.ngo,
      consentId: consent.id,
      sections: ['identity', 'family'],
      kind: 'referral',
    });
    expect(widened.body).toMatchObject({ kind: 'referral', sections: ['identity', 'family'] });
    const now = await ngo.get(`/api/cases/${caseId}`);
    expect(now.body.involvement).toBe('referral');
    expect(now.body.sections.identity.givenName).toBe('Pranee');

    const list = await socialworker.get(`/api/cases/${caseId}/shares`);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ agencyId: agency.ngo, kind: 'referral', consentId: consent.id, revokedAt: null });
    const shares = await auditEvents('case.share', caseId);
    expect(shares).toHaveLength(2);
    expect(shares[0]!.details).toMatchObject({ agencyId: agency.ngo, consentId: consent.id, purpose: 'services' });
    expect((await timeline(caseId)).filter((entry) => entry.kind === 'case.shared')).toHaveLength(2);
  });

  it('shares across the border when the consent names the country', async () => {
    const caseId = await newCase();
    const consent = await recordConsent(caseId, { purpose: 'repatriation', countries: ['KH'], sections: ['identity'] });
    const shared = await socialworker.post(`/api/cases/${caseId}/shares`, {
      agencyId: agency.cambodia,
      consentId: consent.id,
      sections: ['identity'],
    });
    expect(shared.status).toBe(200);
    expect(shared.body.agencyName).toBe('Department of Social Welfare, Poipet');
  });

  it('withdrawing consent revokes every share relying on it at once', async () => {
    const caseId = await newCase();
    const consent = await recordConsent(caseId, { sections: ['identity', 'shelter'] });
    const other = await recordConsent(caseId, { sections: ['shelter'], agencyIds: [agency.shelter] });
    expect((await socialworker.post(`/api/cases/${caseId}/shares`, { agencyId: agency.ngo, consentId: consent.id })).status).toBe(200);
    expect((await socialworker.post(`/api/cases/${caseId}/shares`, { agencyId: agency.shelter, consentId: other.id })).status).toBe(200);
    expect((await ngo.get(`/api/cases/${caseId}`)).status).toBe(200);

    const withdrawn = await socialworker.post(`/api/cases/${caseId}/consents/${consent.id}/withdraw`, { reason: 'She fears the NGO.' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      id: consent.id,
      withdrawnAt: expect.any(String),
      withdrawalReason: 'She fears the NGO.',
      active: false,
    });
    expectProblem(await ngo.get(`/api/cases/${caseId}`), 404, 'not_found');
    expectProblem(await ngo.get(`/api/cases/${caseId}/consents`), 404, 'not_found');
    // The shelter's share rests on another consent and stays.
    expect((await shelter.get(`/api/cases/${caseId}`)).status).toBe(200);
    const shares = (await socialworker.get(`/api/cases/${caseId}/shares`)).body.items as { agencyId: string; revokedAt: string | null }[];
    expect(shares.find((s) => s.agencyId === agency.ngo)!.revokedAt).toEqual(expect.any(String));
    expect(shares.find((s) => s.agencyId === agency.shelter)!.revokedAt).toBeNull();

    expectProblem(await socialworker.post(`/api/cases/${caseId}/consents/${consent.id}/withdraw`, { reason: 'again' }), 409, 'conflict');
    expect(await refusal(caseId, { agencyId: agency.ngo, consentId: consent.id })).toBe('consent_withdrawn');

    const kinds = (await timeline(caseId)).map((entry) => entry.kind);
    expect(kinds).toContain('consent.withdrawn');
    expect(kinds.filter((kind) => kind === 'case.unshared')).toHaveLength(1);
    const [withdrawal] = await auditEvents('consent.withdraw', consent.id);
    expect(withdrawal!.details).toEqual({ caseId, revokedAgencyIds: [agency.ngo] });
    expect(JSON.stringify(await timeline(caseId))).not.toContain('fears');
    expect(await auditEvents('case.unshare', caseId)).toHaveLength(1);
  });

  it('a withdrawal reason is required, and an unknown or foreign consent is not found', async () => {
    const caseId = await newCase();
    const consent = await recordConsent(caseId);
    expect(
      expectProblem(await socialworker.post(`/api/cases/${caseId}/consents/${consent.id}/withdraw`, {}), 400, 'validation_failed')
        .errors?.[0]?.path,
    ).toBe('reason');
    const otherCase = await newCase();
    expectProblem(
      await socialworker.post(`/api/cases/${otherCase}/consents/${consent.id}/withdraw`, { reason: 'wrong case' }),
      404,
      'not_found',
    );
    expect((await socialworker.get(`/api/cases/${caseId}/consents`)).body.items[0].withdrawnAt).toBeNull();
  });

  it('revokes a share on request; only the owner lists and changes shares', async () => {
    const caseId = await newCase();
    const consent = await recordConsent(caseId);
    expect((await socialworker.post(`/api/cases/${caseId}/shares`, { agencyId: agency.ngo, consentId: consent.id })).status).toBe(200);
    expectProblem(await ngo.get(`/api/cases/${caseId}/shares`), 403, 'forbidden');
    expectProblem(await ngo.delete(`/api/cases/${caseId}/shares/${agency.ngo}`), 403, 'forbidden');
    expectProblem(await ngo.post(`/api/cases/${caseId}/shares`, { agencyId: agency.police, consentId: consent.id }), 403, 'forbidden');
    expectProblem(
      await socialworker.post(`/api/cases/${caseId}/shares`, { agencyId: agency.chiangrai, consentId: consent.id }),
      422,
      'validation_failed',
    );

    const removed = await socialworker.delete(`/api/cases/${caseId}/shares/${agency.ngo}`);
    expect(removed.status).toBe(204);
    expectProblem(await ngo.get(`/api/cases/${caseId}`), 404, 'not_found');
    expectProblem(await socialworker.delete(`/api/cases/${caseId}/shares/${agency.ngo}`), 404, 'not_found');
    const [unshare] = await auditEvents('case.unshare', caseId);
    expect(unshare!.details).toMatchObject({ agencyId: agency.ngo, consentId: consent.id, cause: 'revoked' });
    // The consent itself is untouched: the case can be shared again.
    expect((await socialworker.post(`/api/cases/${caseId}/shares`, { agencyId: agency.ngo, consentId: consent.id })).status).toBe(200);
    expect((await ngo.get(`/api/cases/${caseId}`)).status).toBe(200);
  });
});

describe('consents as a receiving agency reads them', () => {
  it('shows an agency only the consents naming it or backing its access, never to whom else she agreed nor her words on withdrawing', async () => {
    const caseId = await newCase();
    const toShelter = await recordConsent(caseId, { sections: ['identity', 'shelter', 'psychosocial'], agencyIds: [agency.shelter] });
    const toNgo = await recordConsent(caseId, { sections: ['care'], agencyIds: [agency.ngo] });
    for (const [agencyId, consent, sections] of [
      [agency.shelter, toShelter, ['shelter']],
      [agency.ngo, toNgo, ['care']],
    ] as const) {
      const shared = await socialworker.post(`/api/cases/${caseId}/shares`, { agencyId, consentId: consent.id, sections });
      expect(shared.status, JSON.stringify(shared.body)).toBe(200);
    }
    const reason = 'She fears the aunt knows where the shelter is';
    expect((await socialworker.post(`/api/cases/${caseId}/consents/${toShelter.id}/withdraw`, { reason })).status).toBe(200);

    const seen = await ngo.get(`/api/cases/${caseId}/consents`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((item: { id: string }) => item.id)).toEqual([toNgo.id]);
    expect(JSON.stringify(seen.body)).not.toContain(agency.shelter);
    const owner = (await socialworker.get(`/api/cases/${caseId}/consents`)).body.items;
    expect(owner.map((item: { id: string }) => item.id).sort()).toEqual([toShelter.id, toNgo.id].sort());
    expect(owner.find((item: { id: string }) => item.id === toShelter.id).withdrawalReason).toBe(reason);
  });
});

describe('break the glass', () => {
  it('opens the sections the user’s role could hold (no specialist notes to a caseworker), for a limited time, with the reason audited', async () => {
    const caseId = await newCase();
    const before = await socialworker.get(`/api/cases/${caseId}`);
    expect(before.body.abilities.sections).not.toContain('psychosocial');
    expect(before.body.breakGlassUntil).toBeNull();

    expectProblem(await socialworker.post(`/api/cases/${caseId}/break-glass`, { reason: 'urgent' }), 400, 'validation_failed');
    const started = Date.now();
    const granted = await socialworker.post(`/api/cases/${caseId}/break-glass`, {
      reason: 'She is in crisis and the psychologist is away.',
    });
    expect(granted.status).toBe(201);
    expect(granted.body).toMatchObject({
      caseId,
      username: 'th.socialworker',
      active: true,
      reason: 'She is in crisis and the psychologist is away.',
    });
    expect(granted.body.caseReference).toMatch(/^TH-/);
    const minutes = (Date.parse(granted.body.expiresAt) - started) / 60_000;
    expect(minutes).toBeGreaterThan(BREAK_GLASS_MINUTES - 1);
    expect(minutes).toBeLessThanOrEqual(BREAK_GLASS_MINUTES + 1);

    const after = await socialworker.get(`/api/cases/${caseId}`);
    // Emergency access opens what her role could hold on a case of her own, never a specialist's section.
    expect(after.body.abilities.sections).toEqual(['identity', 'shelter', 'family', 'care']);
    expect(after.body.sections.psychosocial).toBeUndefined();
    expect(after.body.breakGlassUntil).toBe(granted.body.expiresAt);

    const [event] = await auditEvents('case.break_glass', caseId);
    expect(event!.details).toMatchObject({ grantId: granted.body.id, reason: 'She is in crisis and the psychologist is away.' });
    const entries = (await timeline(caseId)).filter((entry) => entry.kind === 'case.break_glass');
    expect(entries).toEqual([{ kind: 'case.break_glass', details: { grantId: granted.body.id, expiresAt: granted.body.expiresAt } }]);
  });

  it('is offered only where it would open something: not to the case’s own worker, not while a grant runs', async () => {
    const caseId = await newCase();
    expect((await socialworker.get(`/api/cases/${caseId}`)).body.abilities.breakGlass).toBe(false);
    const consent = await recordConsent(caseId, { sections: ['shelter'], agencyIds: [agency.ngo] });
    const share = { agencyId: agency.ngo, consentId: consent.id, sections: ['shelter'] };
    expect((await socialworker.post(`/api/cases/${caseId}/shares`, share)).status).toBe(200);
    const shared = await ngo.get(`/api/cases/${caseId}`);
    expect(shared.body.abilities.sections).toEqual(['shelter']);
    expect(shared.body.abilities.breakGlass).toBe(true);
    expect((await ngo.post(`/api/cases/${caseId}/break-glass`, { reason: 'She called us at night, in danger.' })).status).toBe(201);
    const opened = await ngo.get(`/api/cases/${caseId}`);
    expect(opened.body.abilities.sections.length).toBeGreaterThan(1);
    expect(opened.body.abilities.breakGlass).toBe(false);
  });

  it('reaches a case the user’s agency cannot see, read-only, until the grant expires', async () => {
    const caseId = await newCase({ givenName: 'Orawan', familyName: 'Glass' });
    expectProblem(await ngo.get(`/api/cases/${caseId}`), 404, 'not_found');
    const granted = await ngo.post(`/api/cases/${caseId}/break-glass`, { reason: 'Police report she is at our drop-in centre.' });
    expect(granted.status).toBe(201);
    const seen = await ngo.get(`/api/cases/${caseId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.involvement).toBe('break_glass');
    expect(seen.body.sections.identity.givenName).toBe('Orawan');
    expect(seen.body.abilities).toMatchObject({ update: false, share: false, recordConsent: false });
    expectProblem(await ngo.patch(`/api/cases/${caseId}`, { version: seen.body.version, urgency: 'emergency' }), 403, 'forbidden');
    expectProblem(await ngo.post(`/api/cases/${caseId}/consents`, adultConsent()), 403, 'forbidden');
    // The owner sees on the timeline that someone broke the glass.
    const entries = await timeline(caseId);
    expect(entries.map((entry) => entry.kind)).toContain('case.break_glass');

    await asSystem(t.database.db, (tx) =>
      tx
        .update(breakGlassGrants)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(breakGlassGrants.id, granted.body.id)),
    );
    expectProblem(await ngo.get(`/api/cases/${caseId}`), 404, 'not_found');
  });

  it('an expired grant opens nothing', async () => {
    const caseId = await newCase();
    const ngoUser = (await ngo.get('/api/auth/me')).body;
    await asSystem(t.database.db, (tx) =>
      tx.insert(breakGlassGrants).values({
        caseId,
        userId: ngoUser.id,
        agencyId: agency.ngo,
        reason: 'An old emergency, long over.',
        grantedAt: new Date(Date.now() - (BREAK_GLASS_MINUTES + 10) * 60_000),
        expiresAt: new Date(Date.now() - 10 * 60_000),
      }),
    );
    expectProblem(await ngo.get(`/api/cases/${caseId}`), 404, 'not_found');
    expect((await ngo.get('/api/cases?pageSize=200')).body.items.map((item: { id: string }) => item.id)).not.toContain(caseId);
  });

  it('is refused to roles without emergency access and for unknown cases, writing no grant', async () => {
    const caseId = await newCase();
    const body = { reason: 'Trying to look at something.' };
    for (const client of [psychologist, police, hotline, shelter, data, agencyadmin, admin]) {
      expectProblem(await client.post(`/api/cases/${caseId}/break-glass`, body), 403, 'forbidden');
    }
    expectProblem(await ngo.post('/api/cases/5d0f4a57-0000-4000-8000-000000000000/break-glass', body), 404, 'not_found');
    const grants = await asSystem(t.database.db, (tx) => tx.select().from(breakGlassGrants).where(eq(breakGlassGrants.caseId, caseId)));
    expect(grants).toEqual([]);
  });

  it('is listed for admins: an agency admin sees her agency’s grants and every grant on her agency’s cases, the system admin all', async () => {
    const caseId = await newCase();
    const reference = (await socialworker.get(`/api/cases/${caseId}`)).body.reference;
    const ngoCase = await ngo.post('/api/cases', {
      person: { givenName: 'Malee', familyName: 'Outreach', gender: 'Feminine', estimatedAge: 24 },
      intake: { channel: 'outreach' },
    });
    expect(ngoCase.status, JSON.stringify(ngoCase.body)).toBe(201);
    const mine = (await socialworker.post(`/api/cases/${caseId}/break-glass`, { reason: 'Checking the medical notes tonight.' })).body;
    const theirs = (await ngo.post(`/api/cases/${caseId}/break-glass`, { reason: 'Outreach found her on the street.' })).body;
    const mineElsewhere = (
      await socialworker.post(`/api/cases/${ngoCase.body.id}/break-glass`, { reason: 'She called our office at night.' })
    ).body;
    const theirsElsewhere = (await ngo.post(`/api/cases/${ngoCase.body.id}/break-glass`, { reason: 'Our own case, after hours.' })).body;

    const byAgencyAdmin = await agencyadmin.get('/api/admin/break-glass?pageSize=200');
    expect(byAgencyAdmin.status).toBe(200);
    const agencyIds = byAgencyAdmin.body.items.map((grant: { id: string }) => grant.id);
    expect(agencyIds).toEqual(expect.arrayContaining([mine.id, mineElsewhere.id]));
    expect(agencyIds).not.toContain(theirsElsewhere.id);
    expect(byAgencyAdmin.body.total).toBe(byAgencyAdmin.body.items.length);
    // Another agency opened her agency's case: the report tells her who, why and which case.
    const onOurCase = byAgencyAdmin.body.items.find((grant: { id: string }) => grant.id === theirs.id);
    expect(onOurCase).toMatchObject({ caseId, caseReference: reference, username: 'th.ngo', reason: 'Outreach found her on the street.' });
    expect(byAgencyAdmin.body.items.find((grant: { id: string }) => grant.id === mineElsewhere.id).caseReference).toBeNull();

    const all = await admin.get('/api/admin/break-glass?pageSize=200');
    const ids = all.body.items.map((grant: { id: string }) => grant.id);
    expect(ids).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    expect(all.body.total).toBe(all.body.items.length);
    const listed = all.body.items.find((grant: { id: string }) => grant.id === theirs.id);
    expect(listed).toMatchObject({ caseId, username: 'th.ngo', active: true, reason: 'Outreach found her on the street.' });
    // The system admin is not involved in the case: its reference stays hidden.
    expect(listed.caseReference).toBeNull();

    const inactive = await admin.get('/api/admin/break-glass?active=false&pageSize=200');
    expect(inactive.body.items.length).toBeGreaterThan(0);
    expect(inactive.body.items.every((grant: { active: boolean }) => !grant.active)).toBe(true);

    expectProblem(await socialworker.get('/api/admin/break-glass'), 403, 'forbidden');
    expectProblem(await data.get('/api/admin/break-glass'), 403, 'forbidden');
  });
});

describe('the database keeps the same rules', () => {
  it('refuses a grant from an actor without the break-glass scope, even when the route check is skipped', async () => {
    const caseId = await newCase();
    const ngoUser = (await ngo.get('/api/auth/me')).body;
    const grant = {
      caseId,
      userId: ngoUser.id,
      agencyId: agency.ngo,
      reason: 'No scope to do this.',
      expiresAt: new Date(Date.now() + 60_000),
    };
    await expect(
      asActor(t.database.db, { userId: ngoUser.id, agencyId: agency.ngo, scopes: [] }, (tx) => tx.insert(breakGlassGrants).values(grant)),
    ).rejects.toThrow();
    // Nor for another user of the agency.
    const colleague = (await socialworker.get('/api/auth/me')).body;
    await expect(
      asActor(t.database.db, { userId: ngoUser.id, agencyId: agency.ngo, scopes: ['break_glass'] }, (tx) =>
        tx.insert(breakGlassGrants).values({ ...grant, userId: colleague.id }),
      ),
    ).rejects.toThrow();
    const rows = await asSystem(t.database.db, (tx) => tx.select().from(breakGlassGrants).where(eq(breakGlassGrants.caseId, caseId)));
    expect(rows).toEqual([]);
  });
});
