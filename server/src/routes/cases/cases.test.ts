import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';
import { personDocuments } from '../../db/schema/index.js';
import { normaliseDocumentNumber } from '../../matching/indexPersonNames.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const newCase = {
  person: {
    givenName: 'Thida',
    familyName: 'Aung',
    nameAsWritten: 'သီတာအောင်',
    gender: 'Feminine',
    birthDate: '2009-03-14',
    citizenship: ['MM'],
    documents: [{ documentType: 'passport', number: 'MM-448812', issuingCountry: 'MM' }],
    contacts: [{ kind: 'phone', value: '+66 81 555 0199' }],
  },
  intake: { channel: 'hotline_call', urgency: 'urgent', location: 'Mae Sai' },
};

describe('cases', () => {
  it('opens a case whose identity data is encrypted at rest and searchable only by blind index', async () => {
    const worker = await t.login('th.socialworker');
    const created = await worker.post('/api/cases', newCase);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'Active',
      traffickingStatus: 'Potential',
      displayName: 'Thida Aung',
      citizenship: ['MM'],
    });
    expect(created.body.sections.identity).toMatchObject({ nameAsWritten: 'သီတာအောင်' });
    expect(created.body.sections.identity.documents).toEqual([
      { id: expect.any(String), documentType: 'passport', number: 'MM-448812', issuingCountry: 'MM', expiresOn: null },
    ]);
    expect(created.body.reference).toMatch(/^TH-\d{4}-[0-9A-Z]{6}$/);

    const raw = await asSystem(t.database.db, (tx) =>
      tx.execute(sql`select p.*, to_jsonb(d) as document, to_jsonb(c) as contact,
        (select jsonb_agg(jsonb_build_object('enc', n.name_enc)) from person_names n where n.person_id = p.id) as names
        from persons p join person_documents d on d.person_id = p.id join person_contacts c on c.person_id = p.id
        where p.id = ${created.body.personId}`),
    );
    const stored = JSON.stringify(rowsOf(raw));
    expect(stored).toContain('v2:');
    for (const secret of ['Thida', 'Aung', 'သီတာ', 'MM-448812', '555 0199', '2009-03-14']) expect(stored).not.toContain(secret);
    const [byDocument] = await asSystem(t.database.db, (tx) =>
      tx
        .select({ id: personDocuments.personId })
        .from(personDocuments)
        .where(eq(personDocuments.numberBidx, t.keyRing.blindIndex('document', normaliseDocumentNumber('mm 448812'))!)),
    );
    expect(byDocument?.id).toBe(created.body.personId);
  });

  it('computes the age at intake and refuses a birth date in the future', async () => {
    const worker = await t.login('th.socialworker');
    const created = await worker.post('/api/cases', { person: { ...newCase.person, birthDate: '2010-01-01', documents: [] } });
    expect(created.body.ageAtIntake).toBe(new Date().getUTCFullYear() - 2010);
    const future = await worker.post('/api/cases', { person: { ...newCase.person, birthDate: '2999-01-01' } });
    // Refused by the contract's birth-date rule, like an impossible date: the same 400 at the field.
    expect(expectProblem(future, 400, 'validation_failed').errors?.[0]?.path).toBe('person.birthDate');
    const impossible = await worker.post('/api/cases', { person: { ...newCase.person, birthDate: '2010-02-30' } });
    expect(expectProblem(impossible, 400, 'validation_failed').errors?.[0]?.path).toBe('person.birthDate');
  });

  it('shows a shared case to the partner only with the sections it was given and its role allows', async () => {
    const shelterStaff = await t.login('th.shelter');
    const list = await shelterStaff.get('/api/cases?pageSize=200');
    const shared = list.body.items.find((item: { ownerAgencyName: string }) => item.ownerAgencyName.startsWith('Chiang Rai'));
    expect(shared.displayName).toBe('Aye Aye Khine');
    const detail = await shelterStaff.get(`/api/cases/${shared.id}`);
    expect(detail.body.sections.identity.nameAsWritten).toBe('အေးအေးခိုင်');
    expect(detail.body.abilities).toMatchObject({ update: false, readIdentity: true, sections: ['identity', 'shelter'], share: false });

    // Same agency, a role without the identity section: a pseudonym and no identity.
    const psychologist = await t.login('th.psychologist');
    const seen = await psychologist.get(`/api/cases/${shared.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.displayName).toMatch(/^P-[0-9A-Z]{6}$/);
    expect(seen.body.sections).toEqual({});

    // The NGO was given the case without sections.
    const ngo = await t.login('th.ngo');
    const ngoList = await ngo.get('/api/cases?pageSize=200');
    const ngoShared = ngoList.body.items.find((item: { ownerAgencyName: string }) => item.ownerAgencyName.startsWith('Chiang Rai'));
    expect(ngoShared.displayName).toMatch(/^P-/);
    expect((await ngo.get(`/api/cases/${ngoShared.id}`)).body.sections).toEqual({});
  });

  it('shows pseudonyms everywhere when the user turns pseudonym mode on', async () => {
    const worker = await t.login('th.socialworker');
    await worker.patch('/api/auth/preferences', { pseudonymMode: true });
    const list = await worker.get('/api/cases');
    expect(list.body.items.every((item: { displayName: string }) => /^P-/.test(item.displayName))).toBe(true);
    await worker.patch('/api/auth/preferences', { pseudonymMode: false });
  });

  it('refuses roles without case access and records every read in the audit trail', async () => {
    const dataOfficer = await t.login('th.data');
    expectProblem(await dataOfficer.get('/api/cases'), 403, 'forbidden');
    expectProblem(await dataOfficer.post('/api/cases', newCase), 403, 'forbidden');
    const psychologist = await t.login('th.psychologist');
    expectProblem(await psychologist.post('/api/cases', newCase), 403, 'forbidden');

    const worker = await t.login('th.socialworker');
    const list = await worker.get('/api/cases');
    const id = list.body.items[0].id;
    await worker.get(`/api/cases/${id}`);
    const admin = await t.login('admin');
    const reads = await admin.get(`/api/admin/audit?action=case.read&resourceId=${id}`);
    expect(reads.body.items[0]).toMatchObject({ actorUsername: 'th.socialworker', details: { involvement: 'owner' } });
    expect(reads.body.items[0].details.sections).toContain('identity');
    const lists = await admin.get('/api/admin/audit?action=case.list');
    expect(lists.body.items.some((event: { details: { caseIds: string[] } }) => event.details.caseIds.includes(id))).toBe(true);
  });

  it('rejects unknown fields and unknown values, naming the field', async () => {
    const worker = await t.login('th.socialworker');
    const extra = await worker.post('/api/cases', { person: { ...newCase.person, favouriteColour: 'blue' } });
    expect(expectProblem(extra, 400, 'validation_failed').errors?.[0]?.path).toBe('person.favouriteColour');
    const gender = await worker.post('/api/cases', { person: { ...newCase.person, gender: 'Female' } });
    expect(expectProblem(gender, 400, 'validation_failed').errors?.[0]?.path).toBe('person.gender');
  });

  it('hands a hotline intake to the responsible agency, which takes it; the hotline keeps only what it recorded', async () => {
    const hotline = await t.login('th.hotline');
    const worker = await t.login('th.socialworker');
    const agencies = (await hotline.get('/api/agencies')).body.items as { id: string; acronym: string | null }[];
    const chiangRai = agencies.find((agency) => agency.acronym === 'PSDHS Chiang Rai')!;
    const created = await hotline.post('/api/cases', {
      ...newCase,
      person: { ...newCase.person, givenName: 'Handed', documents: [], contacts: [] },
      assignToAgencyId: chiangRai.id,
      victimContext: { exploitationTypes: ['ForcedLabour'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ownerAgencyId: chiangRai.id,
      ownerUserId: null,
      involvement: 'intake',
      urgency: 'urgent',
      stage: 'intake',
    });
    expect(created.body.identificationDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(created.body.abilities).toMatchObject({ update: false, readIdentity: true, sections: ['identity'] });

    const seen = await worker.get(`/api/cases/${created.body.id}`);
    expect(seen.body).toMatchObject({
      involvement: 'owner',
      exploitationTypes: ['ForcedLabour'],
      intake: { channel: 'hotline_call', location: 'Mae Sai' },
    });
    const me = (await worker.get('/api/auth/me')).body;
    const taken = await worker.patch(`/api/cases/${created.body.id}`, { version: seen.body.version, ownerUserId: me.id });
    expect(taken.status).toBe(200);
    expect(taken.body).toMatchObject({ ownerUserId: me.id, ownerUserName: 'Nok Wongsakul', version: seen.body.version + 1 });
    const mine = await worker.get('/api/cases?scope=mine&pageSize=200');
    expect(mine.body.items.map((item: { id: string }) => item.id)).toContain(created.body.id);

    // The hotline cannot change it any more; assigning to an unknown agency is refused.
    expectProblem(
      await hotline.patch(`/api/cases/${created.body.id}`, { version: taken.body.version, urgency: 'routine' }),
      403,
      'forbidden',
    );
    const unknown = await hotline.post('/api/cases', { ...newCase, assignToAgencyId: '5d0f4a57-0000-4000-8000-000000000000' });
    expect(expectProblem(unknown, 422, 'invalid_reference').errors?.[0]?.path).toBe('assignToAgencyId');
  });

  it('closes with a reason, reopens, and answers a stale save with a conflict naming the current version', async () => {
    const worker = await t.login('th.socialworker');
    const created = (await worker.post('/api/cases', { ...newCase, person: { ...newCase.person, documents: [], contacts: [] } })).body;
    const noReason = await worker.patch(`/api/cases/${created.id}`, { version: created.version, status: 'Closed' });
    expect(expectProblem(noReason, 422, 'validation_failed').errors?.[0]?.path).toBe('closureReason');
    const closed = await worker.patch(`/api/cases/${created.id}`, {
      version: created.version,
      status: 'Closed',
      closureReason: 'lost_contact',
    });
    expect(closed.body).toMatchObject({ status: 'Closed', closureReason: 'lost_contact', version: created.version + 1 });
    expect(closed.body.closedAt).not.toBeNull();

    // A colleague saved with the version read before the close: 409, and nothing of theirs overwrote the close.
    const stale = await worker.patch(`/api/cases/${created.id}`, { version: created.version, urgency: 'emergency' });
    expect(expectProblem(stale, 409, 'conflict')).toMatchObject({ current: { version: created.version + 1 } });
    const reopened = await worker.patch(`/api/cases/${created.id}`, { version: closed.body.version, status: 'Active' });
    expect(reopened.body).toMatchObject({ status: 'Active', closureReason: null, closedAt: null, urgency: 'urgent' });
    expect(
      expectProblem(
        await worker.patch(`/api/cases/${created.id}`, { version: reopened.body.version, stage: 'certified' }),
        400,
        'validation_failed',
      ).errors?.[0]?.path,
    ).toBe('stage');
  });

  it('edits the person with aliases and documents, refusing impossible dates and stale versions', async () => {
    const worker = await t.login('th.socialworker');
    const created = (await worker.post('/api/cases', { ...newCase, person: { ...newCase.person, documents: [], contacts: [] } })).body;
    const person = {
      ...newCase.person,
      aliases: ['Ma Thi'],
      documents: [{ documentType: 'pink_card', number: '0-0000-12345-67-8' }],
      contacts: [],
    };
    const saved = await worker.patch(`/api/cases/${created.id}/person`, { ...person, version: created.person.version });
    expect(saved.status).toBe(200);
    expect(saved.body.sections.identity).toMatchObject({
      aliases: ['Ma Thi'],
      documents: [{ documentType: 'pink_card', number: '0-0000-12345-67-8' }],
    });
    expect(saved.body.person.version).toBe(created.person.version + 1);
    expectProblem(await worker.patch(`/api/cases/${created.id}/person`, { ...person, version: created.person.version }), 409, 'conflict');
    const future = await worker.patch(`/api/cases/${created.id}/person`, {
      ...person,
      birthDate: '2999-05-05',
      version: saved.body.person.version,
    });
    expect(expectProblem(future, 400, 'validation_failed').errors?.[0]?.path).toBe('birthDate');
    const both = await worker.post('/api/cases', { person: { ...newCase.person, estimatedAge: 16 } });
    expect(expectProblem(both, 422, 'validation_failed').errors?.[0]?.path).toBe('person.estimatedAge');
  });

  it('records the victim context with HTCDS values only, and versions it', async () => {
    const worker = await t.login('th.socialworker');
    const created = (await worker.post('/api/cases', { ...newCase, person: { ...newCase.person, documents: [], contacts: [] } })).body;
    const first = await worker.put(`/api/cases/${created.id}/victim-context`, {
      version: 0,
      exploitationTypes: ['ForcedLabour'],
      ageWhenTrafficked: 15,
    });
    expect(first.body).toMatchObject({ version: 1, exploitationTypes: ['ForcedLabour'], ageWhenTrafficked: 15 });
    expectProblem(await worker.put(`/api/cases/${created.id}/victim-context`, { version: 0, exploitationTypes: [] }), 409, 'conflict');
    const unknown = await worker.put(`/api/cases/${created.id}/victim-context`, { version: 1, exploitationTypes: ['Knitting'] });
    expect(expectProblem(unknown, 400, 'validation_failed').errors?.[0]?.path).toBe('exploitationTypes.0');
    const children = await worker.get('/api/cases?ageGroup=child&exploitation=ForcedLabour&pageSize=200');
    expect(children.body.items.map((item: { id: string }) => item.id)).toContain(created.id);
    expect(children.body.items.every((item: { child: boolean }) => item.child)).toBe(true);
  });

  it('filters the caseload and finds a person by her name in another script', async () => {
    const worker = await t.login('th.socialworker');
    const byReference = (await worker.get('/api/cases?pageSize=1')).body.items[0];
    const found = await worker.get(`/api/cases?q=${encodeURIComponent(byReference.reference)}`);
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([byReference.id]);
    // Demo person 13 is Malee Suksan (มาลี สุขสันต์), owned by Chiang Rai: found from the Thai script.
    const thai = await worker.get(`/api/cases?q=${encodeURIComponent('มาลี สุขสันต์')}`);
    expect(thai.body.items.map((item: { displayName: string }) => item.displayName)).toContain('Malee Suksan');
    const swapped = await worker.get(`/api/cases?q=${encodeURIComponent('Suksan Malee')}`);
    expect(swapped.body.items.map((item: { displayName: string }) => item.displayName)).toContain('Malee Suksan');
    const overdue = await worker.get('/api/cases?overdue=true&pageSize=200');
    expect(overdue.body.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true);
    const bad = await worker.get('/api/cases?status=Open');
    expect(expectProblem(bad, 400, 'validation_failed').errors?.[0]?.path).toMatch(/^query\.status/);
  });

  it('joins a confirmed match to the known person, keeping the new spellings and documents typed at intake', async () => {
    const worker = await t.login('th.socialworker');
    const first = (await worker.post('/api/cases', newCase)).body;
    await worker.patch(`/api/cases/${first.id}`, { version: first.version, status: 'Closed', closureReason: 'reintegration_completed' });
    const again = await worker.post('/api/cases', {
      ...newCase,
      existingPersonId: first.personId,
      person: {
        ...newCase.person,
        givenName: 'Theida',
        aliases: ['Ma Thi'],
        documents: [...newCase.person.documents, { documentType: 'pink_card', number: '0-0000-99999-01-2' }],
      },
    });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ personId: first.personId, returningPerson: true, previousCaseId: first.id });
    const identity = again.body.sections.identity;
    expect(identity.givenName).toBe('Thida');
    expect(identity.aliases).toEqual(expect.arrayContaining(['Theida Aung', 'Ma Thi']));
    expect(identity.documents.map((document: { number: string }) => document.number).sort()).toEqual(['0-0000-99999-01-2', 'MM-448812']);
    expect(identity.contacts).toHaveLength(1);
  });
});
