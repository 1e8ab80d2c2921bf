/**
 * "Identity follows case access, never person links" (DESIGN.md §4): the paths a probe of the
 * demo used to read or overwrite another agency's victim through her person record — attaching a
 * case to her, editing her through that case, keeping emergency access forever, reading what the
 * owner added after a hotline hand-over, and searching her by name without identity access.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, demoAgencyIds, shareWithConsent, startTestApp, type TestApp } from '../../../test/harness.js';
import { separateRecordsWithoutBasis } from '../../commands/separateAgencyRecord.js';
import { asSystem } from '../../db/actorContext.js';
import { caseAccess, personIdentityVersions, personMergeRequests } from '../../db/schema/index.js';
import { addCalendarDays, localToday } from '../../followUp/schedule.js';
import { endExpiredSharing } from '../../jobs/expiredSharing.js';

let t: TestApp;
let socialworker: ApiClient; // case_manager, Chiang Rai office
let ngo: ApiClient; // case_manager, NGO
let hotline: ApiClient; // hotline_operator
let psychologist: ApiClient; // specialist_psychosocial, shelter
const agency = {} as Record<'chiangrai' | 'ngo' | 'shelter', string>;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function openCase(client: ApiClient, body: Record<string, unknown>) {
  const response = await client.post('/api/cases', { intake: { channel: 'walk_in' }, ...body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body as { id: string; personId: string; version: number; sections: Record<string, any>; person: { version: number } };
}

const provincialPerson = {
  gender: 'Feminine',
  givenName: 'Kanda',
  familyName: 'Phromma',
  nameAsWritten: 'กานดา พรหมมา',
  birthDate: '1996-04-12',
  address: '12 Moo 3, Mae Chan',
  documents: [{ documentType: 'passport', number: 'TH7788990' }],
  contacts: [{ kind: 'phone', value: '+66 81 234 5678' }],
};

beforeAll(async () => {
  t = await startTestApp();
  [socialworker, ngo, hotline, psychologist] = await Promise.all([
    t.login('th.socialworker'),
    t.login('th.ngo'),
    t.login('th.hotline'),
    t.login('th.psychologist'),
  ]);
  Object.assign(agency, await demoAgencyIds(await t.login('admin')));
});

afterAll(async () => {
  await t?.close();
});

describe('attaching a case to a known person', () => {
  it('opens a new person and a possible duplicate when the agency does not hold her identity; nothing leaks and nothing is overwritten', async () => {
    const provincial = await openCase(socialworker, { person: provincialPerson });
    await shareWithConsent(socialworker, provincial.id, agency.ngo, []);

    const attached = await openCase(ngo, {
      existingPersonId: provincial.personId,
      person: { gender: 'Feminine', givenName: 'Decoy', familyName: 'Name' },
    });
    expect(attached.personId).not.toBe(provincial.personId);
    const text = JSON.stringify(attached);
    for (const secret of ['Kanda', 'กานดา', '1996-04-12', 'TH7788990', 'Mae Chan', '234 5678']) expect(text).not.toContain(secret);

    const [request] = await asSystem(t.database.db, (tx) =>
      tx.select().from(personMergeRequests).where(eq(personMergeRequests.mergedId, attached.personId)),
    );
    expect(request).toMatchObject({ kind: 'possible_duplicate', status: 'pending', survivorId: provincial.personId });
    const forOwner = (await socialworker.get('/api/persons/merge-requests?status=pending')).body.items.find(
      (item: { id: string }) => item.id === request!.id,
    );
    expect(forOwner).toMatchObject({ kind: 'possible_duplicate', mayDecide: true });

    // Editing "her" through the NGO's case touches only the NGO's own new record.
    const renamed = await ngo.patch(`/api/cases/${attached.id}/person`, {
      version: attached.person.version,
      gender: 'Feminine',
      givenName: 'Renamed',
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    const owner = (await socialworker.get(`/api/cases/${provincial.id}`)).body;
    expect(owner.sections.identity).toMatchObject({ givenName: 'Kanda', address: '12 Moo 3, Mae Chan' });
    expect(owner.sections.identity.documents).toHaveLength(1);
    expect(owner.sections.identity.contacts).toHaveLength(1);
  });

  it('links the case when the agency was given her identity with consent, and keeps what another agency recorded on an edit', async () => {
    const provincial = await openCase(socialworker, { person: provincialPerson });
    await shareWithConsent(socialworker, provincial.id, agency.ngo, ['identity']);
    const linked = await openCase(ngo, {
      existingPersonId: provincial.personId,
      person: { gender: 'Feminine', givenName: 'Kanda', familyName: 'Phromma', contacts: [{ kind: 'phone', value: '+66 89 000 1111' }] },
    });
    expect(linked.personId).toBe(provincial.personId);
    // Holding her identity on every case she has (its own, and Chiang Rai's by consent), the NGO may
    // correct her record — but what Chiang Rai recorded stays, whatever the edit leaves out.
    const edit = await ngo.patch(`/api/cases/${linked.id}/person`, {
      version: linked.person.version,
      gender: 'Feminine',
      givenName: 'Kanda',
      familyName: 'Phrommma',
      documents: [],
      contacts: [{ kind: 'phone', value: '+66 89 000 1111' }],
    });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(edit.body.sections.identity.documents.map((document: { number: string }) => document.number)).toEqual(['TH7788990']);
    expect(edit.body.sections.identity.contacts.map((contact: { value: string }) => contact.value).sort()).toEqual([
      '+66 81 234 5678',
      '+66 89 000 1111',
    ]);

    // Chiang Rai edits, holding identity on both cases once the NGO shares its own back.
    await shareWithConsent(ngo, linked.id, agency.chiangrai, ['identity']);
    const current = (await socialworker.get(`/api/cases/${provincial.id}`)).body;
    const saved = await socialworker.patch(`/api/cases/${provincial.id}/person`, {
      version: current.person.version,
      gender: 'Feminine',
      givenName: 'Kanda',
      familyName: 'Phromma',
      birthDate: '1996-04-12',
      documents: [],
      contacts: [],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const contacts = saved.body.sections.identity.contacts.map((contact: { value: string }) => contact.value);
    // Its own phone is gone as it asked; the NGO's phone stays, nobody wipes another agency's record.
    expect(contacts).toEqual(['+66 89 000 1111']);
    const versions = await asSystem(t.database.db, (tx) =>
      tx.select().from(personIdentityVersions).where(eq(personIdentityVersions.personId, provincial.personId)),
    );
    expect(versions.map((version) => version.version).sort()).toEqual([1, 2, 3]);
    expect(new Set(versions.map((version) => version.recordedByAgencyId))).toEqual(new Set([agency.chiangrai, agency.ngo]));
  });

  it('does not turn emergency access into a permanent one by attaching a case', async () => {
    const provincial = await openCase(socialworker, { person: provincialPerson });
    expect((await ngo.post(`/api/cases/${provincial.id}/break-glass`, { reason: 'Outreach met her at the bus station.' })).status).toBe(
      201,
    );
    const attached = await openCase(ngo, { existingPersonId: provincial.personId, person: { gender: 'Feminine', givenName: 'Kanda' } });
    expect(attached.personId).not.toBe(provincial.personId);
  });
});

describe('after a hotline hands an intake over', () => {
  it('shows the hotline what it recorded and the status, nothing the owner adds later', async () => {
    const intake = await openCase(hotline, {
      assignToAgencyId: agency.chiangrai,
      person: { gender: 'Feminine', givenName: 'Sunee', familyName: 'Kham', contacts: [{ kind: 'phone', value: '+66 82 111 2222' }] },
    });
    const owned = (await socialworker.get(`/api/cases/${intake.id}`)).body;
    const saved = await socialworker.patch(`/api/cases/${intake.id}/person`, {
      version: owned.person.version,
      gender: 'Feminine',
      givenName: 'Sunee',
      familyName: 'Khamphan',
      address: 'Ban Huai Khrai 45',
      documents: [{ documentType: 'passport', number: 'MM5544332' }],
      contacts: [
        { kind: 'phone', value: '+66 82 111 2222' },
        { kind: 'phone', value: '+66 95 999 8888' },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(
      (await socialworker.post(`/api/cases/${intake.id}/comments`, { section: 'identity', body: 'Her brother Aung lives in Tachileik.' }))
        .status,
    ).toBe(201);
    expect(
      (await socialworker.post(`/api/cases/${intake.id}/events`, { eventType: 'Exploitation', country: 'TH', place: 'Karaoke bar Soi 7' }))
        .status,
    ).toBe(201);
    const uploaded = await socialworker.upload(
      `/api/cases/${intake.id}/attachments`,
      { name: 'passport.pdf', type: 'application/pdf', bytes: PDF },
      { section: 'identity' },
    );
    expect(uploaded.status).toBe(201);
    const current = (await socialworker.get(`/api/cases/${intake.id}`)).body;
    expect(
      (
        await socialworker.patch(`/api/cases/${intake.id}`, {
          version: current.version,
          status: 'Closed',
          closureReason: 'victim_declined_services',
        })
      ).status,
    ).toBe(200);

    const seen = await hotline.get(`/api/cases/${intake.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.status).toBe('Closed');
    expect(seen.body.sections.identity).toMatchObject({ givenName: 'Sunee', familyName: 'Kham', address: null, documents: [] });
    expect(seen.body.sections.identity.contacts.map((contact: { value: string }) => contact.value)).toEqual(['+66 82 111 2222']);
    const everything = JSON.stringify([
      seen.body,
      (await hotline.get(`/api/cases/${intake.id}/comments`)).body,
      (await hotline.get(`/api/cases/${intake.id}/events`)).body,
      (await hotline.get(`/api/cases/${intake.id}/attachments`)).body,
      (await hotline.get(`/api/cases?q=Sunee`)).body,
    ]);
    for (const later of ['Khamphan', 'Huai Khrai', 'MM5544332', '999 8888', 'Tachileik', 'Karaoke', 'passport.pdf'])
      expect(everything).not.toContain(later);
    expect((await hotline.get(`/api/cases/${intake.id}/attachments/${uploaded.body.id}`)).status).toBeOneOf([403, 404]);
  });
});

describe('searching by name', () => {
  it('finds nothing for a role without identity, and nothing where the agency does not hold it', async () => {
    const provincial = await openCase(socialworker, { person: { ...provincialPerson, givenName: 'Wilawan', familyName: 'Saengthong' } });
    await shareWithConsent(socialworker, provincial.id, agency.shelter, ['shelter']);
    await shareWithConsent(socialworker, provincial.id, agency.ngo, []);
    const byPsychologist = await psychologist.get('/api/cases?q=Wilawan');
    expect(byPsychologist.status).toBe(200);
    expect(byPsychologist.body.items.map((item: { id: string }) => item.id)).not.toContain(provincial.id);
    const byNgo = await ngo.get('/api/cases?q=Wilawan%20Saengthong');
    expect(byNgo.body.items.map((item: { id: string }) => item.id)).not.toContain(provincial.id);
    const matches = await ngo.post('/api/persons/matches', {
      name: 'Wilawan Saengthong',
      birthdate: '1996-04-12',
      documentNumber: 'TH7788990',
    });
    expect(matches.body.candidates.map((candidate: { personId: string }) => candidate.personId)).not.toContain(provincial.personId);
    expect((await socialworker.get('/api/cases?q=Wilawan')).body.items.map((item: { id: string }) => item.id)).toContain(provincial.id);
  });
});

describe('when the sharing a link or merge rested on ends', () => {
  const secrets = ['Kanda', 'กานดา', '1996-04-12', 'TH7788990', 'Mae Chan', '234 5678'];

  async function withdraw(owner: ApiClient, caseId: string) {
    const consents = (await owner.get(`/api/cases/${caseId}/consents`)).body.items as { id: string; withdrawnAt: string | null }[];
    for (const consent of consents.filter((item) => !item.withdrawnAt)) {
      const withdrawn = await owner.post(`/api/cases/${caseId}/consents/${consent.id}/withdraw`, { reason: 'She asked to stop sharing' });
      expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    }
  }

  async function editable(client: ApiClient, caseId: string, change: Record<string, unknown>) {
    const current = (await client.get(`/api/cases/${caseId}`)).body;
    const saved = await client.patch(`/api/cases/${caseId}/person`, { version: current.person.version, gender: 'Feminine', ...change });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return saved.body;
  }

  it('gives the asking agency its own record back when consent behind a merged duplicate is withdrawn; both may edit again', async () => {
    const provincial = await openCase(socialworker, { person: provincialPerson });
    await shareWithConsent(socialworker, provincial.id, agency.ngo, []);
    const duplicate = await openCase(ngo, {
      existingPersonId: provincial.personId,
      person: { gender: 'Feminine', givenName: 'Noi', familyName: 'Decoy', contacts: [{ kind: 'phone', value: '+66 89 555 0000' }] },
    });
    expect(duplicate.personId).not.toBe(provincial.personId);
    const [request] = await asSystem(t.database.db, (tx) =>
      tx.select().from(personMergeRequests).where(eq(personMergeRequests.mergedId, duplicate.personId)),
    );
    await shareWithConsent(socialworker, provincial.id, agency.ngo, ['identity']);
    const decided = await socialworker.post(`/api/persons/merge-requests/${request!.id}/decision`, { decision: 'merge' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const merged = (await ngo.get(`/api/cases/${duplicate.id}`)).body;
    expect(merged.personId).toBe(provincial.personId);
    expect(JSON.stringify(merged.sections.identity)).toContain('TH7788990');

    await withdraw(socialworker, provincial.id);

    const ngoView = (await ngo.get(`/api/cases/${duplicate.id}`)).body;
    expect(ngoView.personId).toBe(duplicate.personId);
    const ngoText = JSON.stringify(ngoView);
    for (const secret of secrets) expect(ngoText).not.toContain(secret);
    expect(ngoView.sections.identity).toMatchObject({ givenName: 'Noi', familyName: 'Decoy' });
    expect(ngoView.sections.identity.contacts.map((contact: { value: string }) => contact.value)).toEqual(['+66 89 555 0000']);

    const ownerView = (await socialworker.get(`/api/cases/${provincial.id}`)).body;
    expect(ownerView.sections.identity).toMatchObject({ givenName: 'Kanda', address: '12 Moo 3, Mae Chan' });
    expect(JSON.stringify(ownerView.sections.identity)).not.toContain('555 0000');
    const timeline = (await socialworker.get(`/api/cases/${provincial.id}/timeline`)).body.items.map((item: { kind: string }) => item.kind);
    expect(timeline).toContain('person.separated');

    // Each corrects its own record again, and neither edit reaches the other.
    await editable(socialworker, provincial.id, { givenName: 'Kanda', familyName: 'Phromma', address: 'Moved after withdrawal' });
    await editable(ngo, duplicate.id, { givenName: 'Noi', familyName: 'Decoyed' });
    expect(JSON.stringify((await ngo.get(`/api/cases/${duplicate.id}`)).body)).not.toContain('Moved after withdrawal');
    expect((await socialworker.get(`/api/cases/${provincial.id}`)).body.sections.identity.familyName).toBe('Phromma');
  });

  it('moves a case linked under a share onto a record of its own when the share is revoked, keeping what its agency recorded', async () => {
    const provincial = await openCase(socialworker, { person: provincialPerson });
    await shareWithConsent(socialworker, provincial.id, agency.ngo, ['identity']);
    const linked = await openCase(ngo, {
      existingPersonId: provincial.personId,
      person: { gender: 'Feminine', givenName: 'Kanda', familyName: 'P.', contacts: [{ kind: 'phone', value: '+66 89 777 1212' }] },
    });
    expect(linked.personId).toBe(provincial.personId);

    expect((await socialworker.delete(`/api/cases/${provincial.id}/shares/${agency.ngo}`)).status).toBe(204);

    const ngoView = (await ngo.get(`/api/cases/${linked.id}`)).body;
    expect(ngoView.personId).not.toBe(provincial.personId);
    const ngoText = JSON.stringify(ngoView);
    for (const secret of ['กานดา', '1996-04-12', 'TH7788990', 'Mae Chan', '234 5678']) expect(ngoText).not.toContain(secret);
    expect(ngoView.sections.identity.contacts.map((contact: { value: string }) => contact.value)).toEqual(['+66 89 777 1212']);
    expect(ngoView.displayName).toContain('Kanda');

    const ownerView = (await socialworker.get(`/api/cases/${provincial.id}`)).body;
    expect(ownerView.sections.identity).toMatchObject({ givenName: 'Kanda', familyName: 'Phromma', address: '12 Moo 3, Mae Chan' });
    expect(JSON.stringify(ownerView.sections.identity)).not.toContain('777 1212');
    await editable(socialworker, provincial.id, { givenName: 'Kanda', familyName: 'Phromma', birthDate: '1996-04-12' });
    await editable(ngo, linked.id, { givenName: 'Kanda', familyName: 'P.' });
  });

  it('separates the records the morning after the consent behind the share expired, as a withdrawal would', async () => {
    const provincial = await openCase(socialworker, { person: provincialPerson });
    const today = localToday('TH', new Date());
    const consent = await socialworker.post(`/api/cases/${provincial.id}/consents`, {
      purpose: 'services',
      sections: ['identity'],
      givenBy: 'victim',
      givenOn: addCalendarDays(today, -1),
      expiresOn: today,
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    const shared = await socialworker.post(`/api/cases/${provincial.id}/shares`, {
      agencyId: agency.ngo,
      consentId: consent.body.id,
      sections: ['identity'],
    });
    expect(shared.status).toBe(200);
    const linked = await openCase(ngo, { existingPersonId: provincial.personId, person: { gender: 'Feminine', givenName: 'Kanda' } });
    expect(linked.personId).toBe(provincial.personId);

    const sameDay = await asSystem(t.database.db, (tx) => endExpiredSharing(tx, t.keyRing, new Date()));
    expect(sameDay).toBe(0);
    expect((await ngo.get(`/api/cases/${linked.id}`)).body.personId).toBe(provincial.personId);

    const nextMorning = new Date(Date.now() + 24 * 3_600_000);
    expect(await asSystem(t.database.db, (tx) => endExpiredSharing(tx, t.keyRing, nextMorning))).toBeGreaterThanOrEqual(1);
    const ngoView = (await ngo.get(`/api/cases/${linked.id}`)).body;
    expect(ngoView.personId).not.toBe(provincial.personId);
    for (const secret of ['กานดา', '1996-04-12', 'TH7788990', 'Mae Chan', '234 5678'])
      expect(JSON.stringify(ngoView)).not.toContain(secret);
    const shares = (await socialworker.get(`/api/cases/${provincial.id}/shares`)).body.items;
    expect(shares.find((item: { agencyId: string }) => item.agencyId === agency.ngo)?.revokedAt).toBeTruthy();
  });

  it('keeps the owner able to correct her record while an agency it shared with has linked its own case', async () => {
    const provincial = await openCase(socialworker, { person: provincialPerson });
    await shareWithConsent(socialworker, provincial.id, agency.ngo, ['identity']);
    const linked = await openCase(ngo, { existingPersonId: provincial.personId, person: { gender: 'Feminine', givenName: 'Kanda' } });
    expect(linked.personId).toBe(provincial.personId);
    const corrected = await editable(socialworker, provincial.id, {
      givenName: 'Kanda',
      familyName: 'Phromma',
      address: 'Owner corrected',
    });
    expect(corrected.sections.identity.address).toBe('Owner corrected');
    // The joined record is one record while the sharing lasts: the NGO reads the correction.
    expect((await ngo.get(`/api/cases/${linked.id}`)).body.sections.identity.address).toBe('Owner corrected');
  });

  it("does not split an agency off her record when a third agency shares its own case, while the owner's consent stands", async () => {
    const agencies = (await (await t.login('admin')).get('/api/admin/agencies?pageSize=200')).body.items as {
      id: string;
      agencyFunction: string;
    }[];
    const policeAgency = agencies.find((item) => item.agencyFunction === 'police')!.id;
    const police = await t.login('th.police');
    const provincial = await openCase(socialworker, { person: provincialPerson });
    await shareWithConsent(socialworker, provincial.id, agency.ngo, ['identity']);
    await shareWithConsent(socialworker, provincial.id, policeAgency, ['identity']);
    const policeCase = await openCase(police, {
      existingPersonId: provincial.personId,
      person: { gender: 'Feminine', givenName: 'Kanda' },
    });
    const ngoCase = await openCase(ngo, { existingPersonId: provincial.personId, person: { gender: 'Feminine', givenName: 'Kanda' } });
    expect([policeCase.personId, ngoCase.personId]).toEqual([provincial.personId, provincial.personId]);
    await shareWithConsent(police, policeCase.id, agency.ngo, ['care']);
    expect((await police.delete(`/api/cases/${policeCase.id}/shares/${agency.ngo}`)).status).toBe(204);
    expect((await ngo.get(`/api/cases/${ngoCase.id}`)).body.personId).toBe(provincial.personId);
    expect((await police.get(`/api/cases/${policeCase.id}`)).body.personId).toBe(provincial.personId);
  });

  it('separates, on the sweep after an upgrade, a link whose sharing ended before separating existed', async () => {
    const provincial = await openCase(socialworker, { person: provincialPerson });
    await shareWithConsent(socialworker, provincial.id, agency.ngo, ['identity']);
    const linked = await openCase(ngo, { existingPersonId: provincial.personId, person: { gender: 'Feminine', givenName: 'Kanda' } });
    // As an older release left it: the share ended, the link stayed.
    await asSystem(t.database.db, (tx) =>
      tx
        .update(caseAccess)
        .set({ revokedAt: new Date() })
        .where(and(eq(caseAccess.caseId, provincial.id), eq(caseAccess.agencyId, agency.ngo))),
    );
    expect(JSON.stringify((await ngo.get(`/api/cases/${linked.id}`)).body)).toContain('TH7788990');

    expect(await asSystem(t.database.db, (tx) => separateRecordsWithoutBasis(tx, t.keyRing))).toBeGreaterThanOrEqual(1);
    const ngoView = (await ngo.get(`/api/cases/${linked.id}`)).body;
    expect(ngoView.personId).not.toBe(provincial.personId);
    for (const secret of ['1996-04-12', 'TH7788990', 'Mae Chan', '234 5678']) expect(JSON.stringify(ngoView)).not.toContain(secret);
    expect(await asSystem(t.database.db, (tx) => separateRecordsWithoutBasis(tx, t.keyRing))).toBe(0);
  });

  it('gives the owner her record back when a partner had merged it into its own and the sharing ends, even if the partner shares back', async () => {
    const provincial = await openCase(socialworker, { person: provincialPerson });
    await shareWithConsent(socialworker, provincial.id, agency.ngo, ['identity']);
    const own = await openCase(ngo, { person: { gender: 'Feminine', givenName: 'Noi', familyName: 'Own' } });
    const merged = await ngo.post(`/api/persons/${own.personId}/merge`, { mergedPersonId: provincial.personId });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    expect((await socialworker.get(`/api/cases/${provincial.id}`)).body.personId).toBe(own.personId);
    // The NGO opens its own case to Chiang Rai as well: that is no basis for keeping Chiang Rai's record.
    await shareWithConsent(ngo, own.id, agency.chiangrai, ['identity']);

    await withdraw(socialworker, provincial.id);

    const ownerView = (await socialworker.get(`/api/cases/${provincial.id}`)).body;
    expect(ownerView.personId).toBe(provincial.personId);
    expect(ownerView.sections.identity).toMatchObject({ givenName: 'Kanda', familyName: 'Phromma', address: '12 Moo 3, Mae Chan' });
    const corrected = await editable(socialworker, provincial.id, {
      givenName: 'Kanda',
      familyName: 'Phromma',
      address: 'Moved after withdrawal',
    });
    expect(corrected.sections.identity.address).toBe('Moved after withdrawal');
    const ngoText = JSON.stringify((await ngo.get(`/api/cases/${own.id}`)).body);
    for (const secret of [...secrets, 'Moved after withdrawal']) expect(ngoText).not.toContain(secret);
    expect(ngoText).toContain('Noi');
  });
});
