import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, expectProblem, startTestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';
import { persons } from '../../db/schema/index.js';

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
    documentNumber: 'MM-448812',
    phone: '+66 81 555 0199',
  },
};

describe('cases', () => {
  it('opens a case whose identity data is encrypted at rest and searchable only by blind index', async () => {
    const worker = await t.login('th.socialworker');
    const created = await worker.post('/api/cases', newCase);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'Active', traffickingStatus: 'Potential', displayName: 'Thida Aung', citizenship: ['MM'] });
    expect(created.body.sections.identity).toMatchObject({ nameAsWritten: 'သီတာအောင်', documentNumber: 'MM-448812' });
    expect(created.body.reference).toMatch(/^TH-\d{4}-[0-9A-Z]{6}$/);

    const raw = await asSystem(t.database.db, (tx) => tx.execute(sql`select * from persons where id = ${created.body.personId}`));
    const stored = JSON.stringify(rowsOf(raw));
    for (const secret of ['Thida', 'Aung', 'သီတာ', 'MM-448812', '555 0199', '2009-03-14']) expect(stored).not.toContain(secret);
    const [byDocument] = await asSystem(t.database.db, (tx) =>
      tx.select({ id: persons.id }).from(persons).where(eq(persons.documentNumberBidx, t.keyRing.blindIndex('document', 'mm448812')!)),
    );
    expect(byDocument?.id).toBe(created.body.personId);
  });

  it('computes the age at intake and refuses a birth date in the future', async () => {
    const worker = await t.login('th.socialworker');
    const created = await worker.post('/api/cases', { person: { ...newCase.person, birthDate: '2010-01-01', documentNumber: null } });
    expect(created.body.ageAtIntake).toBe(new Date().getUTCFullYear() - 2010);
    const future = await worker.post('/api/cases', { person: { ...newCase.person, birthDate: '2999-01-01' } });
    expect(expectProblem(future, 422, 'validation_failed').errors?.[0]?.path).toBe('person.birthDate');
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
    expect(detail.body.abilities).toEqual({ update: false, readIdentity: true });

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
    expect(reads.body.items[0]).toMatchObject({ actorUsername: 'th.socialworker', details: { sections: ['identity'] } });
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
});
