import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, demoAgencyIds, expectProblem, shareWithConsent, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { caseEvents, persons } from '../../db/schema/index.js';

let t: TestApp;
let admin: ApiClient;
let socialworker: ApiClient; // case_manager, Chiang Rai office
let agencyadmin: ApiClient; // agency_admin, Chiang Rai office
let ngo: ApiClient; // case_manager, NGO
let shelter: ApiClient; // shelter_staff
let psychologist: ApiClient; // specialist_psychosocial, shelter
let hotline: ApiClient; // hotline_operator
let data: ApiClient; // data_officer
const agency = {} as Record<'chiangrai' | 'ngo' | 'shelter', string>;

type Created = { caseId: string; personId: string };

async function openCase(client: ApiClient, person: Record<string, unknown>): Promise<Created> {
  const response = await client.post('/api/cases', { person: { gender: 'Feminine', ...person }, intake: { channel: 'walk_in' } });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { caseId: response.body.id, personId: response.body.personId };
}

const match = (client: ApiClient, query: Record<string, unknown>) => client.post('/api/persons/matches', query);
const candidateIds = (body: { candidates: { personId: string }[] }) => body.candidates.map((candidate) => candidate.personId);

async function auditEvents(action: string) {
  const response = await admin.get(`/api/admin/audit?action=${action}&pageSize=200`);
  expect(response.status).toBe(200);
  return response.body.items as { details: Record<string, unknown>; resourceId: string | null; actorUsername: string }[];
}

async function timelineKinds(caseId: string) {
  const rows = await asSystem(t.database.db, (tx) =>
    tx.select({ kind: caseEvents.kind }).from(caseEvents).where(eq(caseEvents.caseId, caseId)),
  );
  return rows.map((row) => row.kind);
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, socialworker, agencyadmin, ngo, shelter, psychologist, hotline, data] = await Promise.all([
    t.login('admin'),
    t.login('th.socialworker'),
    t.login('th.agencyadmin'),
    t.login('th.ngo'),
    t.login('th.shelter'),
    t.login('th.psychologist'),
    t.login('th.hotline'),
    t.login('th.data'),
  ]);
  Object.assign(agency, await demoAgencyIds(admin));
});

afterAll(async () => {
  await t?.close();
});

describe('POST /api/persons/matches', () => {
  let wilawan: Created;
  let namesake: Created;
  let ngoWilawan: Created;

  beforeAll(async () => {
    wilawan = await openCase(socialworker, {
      givenName: 'Wilawan',
      familyName: 'Thongchai',
      nameAsWritten: 'วิลาวัลย์ ทองชัย',
      birthDate: '1998-04-02',
      citizenship: ['TH'],
      documents: [{ documentType: 'national_id', number: '3-5099-00123-45-1' }],
    });
    namesake = await openCase(socialworker, {
      givenName: 'Wilawan',
      familyName: 'Thongchai',
      birthDate: '1987-11-20',
      citizenship: ['TH'],
    });
    ngoWilawan = await openCase(ngo, { givenName: 'Wilawan', familyName: 'Thongchai', birthDate: '1998-04-02', citizenship: ['TH'] });
  });

  it('answers the candidates the caller may see, best first, with names and reasons', async () => {
    const response = await match(socialworker, { name: 'Thongchai Wilawan', birthdate: '1998-04-02', citizenship: 'TH' });
    expect(response.status).toBe(200);
    const { candidates } = response.body;
    expect(candidates[0].personId).toBe(wilawan.personId);
    expect(candidates[0].names).toEqual(expect.arrayContaining(['Wilawan Thongchai', 'วิลาวัลย์ ทองชัย']));
    expect(candidates[0].reasons).toEqual([
      { code: 'name_same' },
      { code: 'name_order_differs' },
      { code: 'birth_year_same' },
      { code: 'birth_date_same' },
      { code: 'citizenship_same' },
    ]);
    // Other agencies hold persons this caseworker may not read: the answer says the search was limited.
    expect(response.body.searchedOnlyVisible).toBe(true);
    expect(candidates[0].cases).toEqual([{ id: wilawan.caseId, reference: expect.any(String), status: 'Active' }]);
    const scores = candidates.map((candidate: { score: number }) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The same name born eleven years apart ranks below, if it is proposed at all.
    const namesakeAt = candidateIds(response.body).indexOf(namesake.personId);
    if (namesakeAt >= 0) expect(candidates[namesakeAt].score).toBeLessThan(candidates[0].score);
    // The NGO's record of a namesake is not the Chiang Rai office's to see.
    expect(candidateIds(response.body)).not.toContain(ngoWilawan.personId);
  });

  it('finds a person by her name in another script and by her document number', async () => {
    const written = await match(socialworker, { name: 'วิลาวัลย์ ทองชัย', birthdate: '1998-04-02' });
    expect(candidateIds(written.body)[0]).toBe(wilawan.personId);
    const byDocument = await match(socialworker, { name: 'W. Thongchai', documentNumber: '3509900123451' });
    expect(byDocument.body.candidates[0].personId).toBe(wilawan.personId);
    expect(byDocument.body.candidates[0].reasons[0]).toEqual({ code: 'same_document' });
  });

  it('says how a name heard in Thai script meets the same name recorded in Burmese script, with one likelihood', async () => {
    const recorded = await openCase(socialworker, {
      givenName: 'Hnin Hnin Wai',
      nameAsWritten: 'နှင်းနှင်းဝေ',
      birthDate: '1996-09-12',
      citizenship: ['MM'],
    });
    const response = await match(socialworker, { name: 'หนิ่นหนิ่นเว', birthdate: '1996-09-12', citizenship: 'MM', gender: 'Feminine' });
    expect(response.status).toBe(200);
    const [found] = response.body.candidates;
    expect(found.personId).toBe(recorded.personId);
    expect(found.score).toBeGreaterThanOrEqual(0.9);
    expect(found.reasons[0]).toMatchObject({ code: 'name_sounds_same', queryScript: 'thai' });
    expect(['burmese', 'latin']).toContain(found.reasons[0].candidateScript);
    expect(found.reasons.map((reason: { code: string }) => reason.code)).toEqual(
      expect.arrayContaining(['birth_date_same', 'citizenship_same']),
    );
    // One number only: no reason carries a similarity of its own.
    expect(JSON.stringify(found.reasons)).not.toMatch(/similarity|\d\.\d/u);
    expect(Object.keys(response.body).sort()).toEqual(['candidates', 'searchedOnlyVisible']);
  });

  it('shows each agency only its own side: the NGO finds its record and not Chiang Rai’s', async () => {
    const response = await match(ngo, { name: 'Wilawan Thongchai', birthdate: '1998-04-02' });
    expect(response.status).toBe(200);
    expect(candidateIds(response.body)).toContain(ngoWilawan.personId);
    expect(candidateIds(response.body)).not.toContain(wilawan.personId);
    expect(candidateIds(response.body)).not.toContain(namesake.personId);
  });

  it('searches names only for roles that read identity, over the cases where their agency holds it', async () => {
    const { caseId, personId } = await openCase(socialworker, { givenName: 'Benjamas', familyName: 'Ruangrit', birthDate: '2001-07-07' });
    await shareWithConsent(socialworker, caseId, agency.shelter, ['shelter']);
    const query = { name: 'Benjamas Ruangrit', birthdate: '2001-07-07' };

    // Shared without identity: the shelter learns nothing from a search, not even that she exists
    // or that the birth date is the same.
    const byShelter = await match(shelter, query);
    expect(byShelter.status).toBe(200);
    expect(byShelter.body.candidates.map((candidate: { personId: string }) => candidate.personId)).not.toContain(personId);
    expect(JSON.stringify(byShelter.body)).not.toContain('birth_date_same');
    expect(JSON.stringify(byShelter.body)).not.toContain('name_same');
    expect(byShelter.body.searchedOnlyVisible).toBe(true);
    // The psychologist's role reads no identity: no name search at all.
    expectProblem(await match(psychologist, query), 403, 'forbidden');

    await shareWithConsent(socialworker, caseId, agency.shelter, ['identity', 'shelter']);
    const named = (await match(shelter, query)).body.candidates.find((candidate: { personId: string }) => candidate.personId === personId);
    expect(named.names).toContain('Benjamas Ruangrit');
    expectProblem(await match(psychologist, query), 403, 'forbidden');
  });

  it('lets a hotline operator ask at intake, and refuses roles without case access', async () => {
    const recorded = await openCase(hotline, { givenName: 'Sukanya', familyName: 'Pimpa', birthDate: '2003-01-15' });
    const response = await match(hotline, { name: 'Sukanya Pimpa', birthdate: '2003-01-15' });
    expect(response.status).toBe(200);
    expect(response.body.candidates[0]).toMatchObject({ personId: recorded.personId, names: expect.arrayContaining(['Sukanya Pimpa']) });
    expectProblem(await match(data, { name: 'Sukanya Pimpa' }), 403, 'forbidden');
    expectProblem(await match(admin, { name: 'Sukanya Pimpa' }), 403, 'forbidden');
    expectProblem(await match(agencyadmin, { name: 'Sukanya Pimpa' }), 403, 'forbidden');
    expectProblem(await t.client().post('/api/persons/matches', { name: 'Sukanya Pimpa' }), 401, 'unauthenticated');
    const invalid = expectProblem(await match(socialworker, { name: '' }), 400, 'validation_failed');
    expect(invalid.errors?.[0]?.path).toBe('name');
    expect(expectProblem(await match(socialworker, { name: 'x', nationality: 'TH' }), 400, 'validation_failed').errors?.[0]?.path).toBe(
      'nationality',
    );
  });

  it('audits every search without what was searched for', async () => {
    await match(socialworker, { name: 'Kessara Unique-Audit', phone: '+66 81 234 5678' });
    const events = await auditEvents('person.match_search');
    const mine = events.find((event) => JSON.stringify(event.details.fields) === JSON.stringify(['name', 'phone']));
    expect(mine).toMatchObject({ actorUsername: 'th.socialworker', details: { personIds: [], namesShown: [] } });
    const trail = JSON.stringify(events);
    for (const secret of ['Kessara', 'Unique-Audit', '234 5678', 'Wilawan', 'Thongchai', '1998-04-02', '3509900123451']) {
      expect(trail).not.toContain(secret);
    }
  });
});

describe('merging two records of one person, and undoing it', () => {
  it('moves cases and names to the surviving record and an admin restores them exactly', async () => {
    const born = new Date().getUTCFullYear() - 30;
    const first = await openCase(socialworker, {
      givenName: 'Ratree',
      familyName: 'Bunmee',
      nameAsWritten: 'ราตรี บุญมี',
      birthDate: `${born}-02-14`,
      contacts: [{ kind: 'phone', value: '+66 89 111 2222' }],
    });
    const second = await openCase(socialworker, {
      givenName: 'Ratri',
      familyName: 'Boonmee',
      aliases: ['Noi'],
      estimatedAge: 30,
      documents: [{ documentType: 'passport', number: 'AA1234567' }],
    });
    const before = await Promise.all([first, second].map(async ({ caseId }) => (await socialworker.get(`/api/cases/${caseId}`)).body));

    const merged = await socialworker.post(`/api/persons/${first.personId}/merge`, { mergedPersonId: second.personId });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    expect(merged.body).toMatchObject({
      survivorId: first.personId,
      mergedId: second.personId,
      moved: { cases: 1, documents: 1, contacts: 0 },
      mergedByName: expect.any(String),
      undoneAt: null,
      undoneByName: null,
    });
    expect(merged.body.moved.names).toBeGreaterThanOrEqual(2);

    const secondCase = (await socialworker.get(`/api/cases/${second.caseId}`)).body;
    expect(secondCase.personId).toBe(first.personId);
    expect(secondCase.sections.identity.aliases).toContain('Noi');
    expect(secondCase.sections.identity.documents.map((d: { number: string }) => d.number)).toEqual(['AA1234567']);
    const [mergedAway] = await asSystem(t.database.db, (tx) => tx.select().from(persons).where(eq(persons.id, second.personId)));
    expect(mergedAway!.mergedIntoId).toBe(first.personId);
    // A merged-away record is no longer proposed; its names now lead to the survivor.
    const found = await match(socialworker, { name: 'Ratri Boonmee', birthYear: born });
    expect(candidateIds(found.body)).toContain(first.personId);
    expect(candidateIds(found.body)).not.toContain(second.personId);
    expect(await timelineKinds(first.caseId)).toContain('person.merged');
    expect(await timelineKinds(second.caseId)).toContain('person.merged');
    const [audit] = (await auditEvents('person.merge')).filter((event) => event.resourceId === first.personId);
    expect(audit!.details).toMatchObject({ mergeId: merged.body.id, mergedPersonId: second.personId, caseIds: [second.caseId] });

    const listed = await admin.get('/api/admin/person-merges?pageSize=200');
    expect(listed.status).toBe(200);
    expect(listed.body.items.find((item: { id: string }) => item.id === merged.body.id)).toEqual(merged.body);

    const undone = await admin.post(`/api/admin/person-merges/${merged.body.id}/undo`);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body).toMatchObject({ id: merged.body.id, undoneAt: expect.any(String), undoneByName: expect.any(String) });

    const after = await Promise.all([first, second].map(async ({ caseId }) => (await socialworker.get(`/api/cases/${caseId}`)).body));
    for (const [index, detail] of after.entries()) {
      expect(detail.personId).toBe(before[index].personId);
      expect(detail.displayName).toBe(before[index].displayName);
      expect(detail.sections.identity).toEqual(before[index].sections.identity);
    }
    const [restored] = await asSystem(t.database.db, (tx) => tx.select().from(persons).where(eq(persons.id, second.personId)));
    expect(restored!.mergedIntoId).toBeNull();
    const rematch = await match(socialworker, { name: 'Ratri Boonmee', birthYear: born });
    expect(rematch.status, JSON.stringify(rematch.body)).toBe(200);
    expect(candidateIds(rematch.body)).toContain(second.personId);
    expect(await timelineKinds(second.caseId)).toContain('person.unmerged');
    expect((await auditEvents('person.unmerge')).map((event) => event.resourceId)).toContain(second.personId);

    expectProblem(await admin.post(`/api/admin/person-merges/${merged.body.id}/undo`), 409, 'conflict');
    expectProblem(await admin.post('/api/admin/person-merges/5d0f4a57-0000-4000-8000-000000000000/undo'), 404, 'not_found');
  });

  it('turns a merge across agencies into a request the owner decides, merged only once identity was shared with consent', async () => {
    const ours = await openCase(socialworker, { givenName: 'Jintana', familyName: 'Kaewmala', birthDate: '1999-09-09' });
    const theirs = await openCase(ngo, { givenName: 'Jintana', familyName: 'Kaewmala', estimatedAge: 26 });
    expectProblem(
      await socialworker.post(`/api/persons/${ours.personId}/merge`, { mergedPersonId: theirs.personId }),
      422,
      'invalid_reference',
    );
    // Shared without identity: seeing that her case exists is not holding her identity.
    await shareWithConsent(ngo, theirs.caseId, agency.chiangrai, []);
    const asked = await socialworker.post(`/api/persons/${ours.personId}/merge`, { mergedPersonId: theirs.personId });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    expect(asked.body).toMatchObject({ kind: 'merge', status: 'pending', mayDecide: false });
    // Asking again does not file a second request.
    expect((await socialworker.post(`/api/persons/${ours.personId}/merge`, { mergedPersonId: theirs.personId })).body.id).toBe(
      asked.body.id,
    );
    expect((await ngo.get(`/api/cases/${theirs.caseId}`)).body.personId).toBe(theirs.personId);

    // The NGO sees the request by pseudonyms only; the asking agency cannot decide its own request.
    const listed = await ngo.get('/api/persons/merge-requests?status=pending');
    expect(listed.status).toBe(200);
    const forNgo = listed.body.items.find((item: { id: string }) => item.id === asked.body.id);
    expect(forNgo).toMatchObject({ mayDecide: true, requestingAgencyName: expect.any(String) });
    expect(JSON.stringify(listed.body)).not.toContain('Jintana');
    expectProblem(
      await socialworker.post(`/api/persons/merge-requests/${asked.body.id}/decision`, { decision: 'merge' }),
      403,
      'forbidden',
    );
    for (const outsider of [hotline, shelter]) {
      expect((await outsider.get('/api/persons/merge-requests')).body.items?.map((item: { id: string }) => item.id) ?? []).not.toContain(
        asked.body.id,
      );
      expect((await outsider.post(`/api/persons/merge-requests/${asked.body.id}/decision`, { decision: 'decline' })).status).toBeOneOf([
        403, 404,
      ]);
    }

    // Merging before Chiang Rai holds identity on the NGO's case would hand it her identity.
    expectProblem(await ngo.post(`/api/persons/merge-requests/${asked.body.id}/decision`, { decision: 'merge' }), 409, 'share_required');
    await shareWithConsent(ngo, theirs.caseId, agency.chiangrai, ['identity']);
    const decided = await ngo.post(`/api/persons/merge-requests/${asked.body.id}/decision`, { decision: 'merge' });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ status: 'merged', decidedByAgencyName: expect.any(String), mayDecide: false });
    const ngoCase = await ngo.get(`/api/cases/${theirs.caseId}`);
    expect(ngoCase.status).toBe(200);
    expect(ngoCase.body.personId).toBe(ours.personId);
    expect(await timelineKinds(theirs.caseId)).toContain('person.merged');
    expectProblem(await ngo.post(`/api/persons/merge-requests/${asked.body.id}/decision`, { decision: 'decline' }), 409, 'conflict');
  });

  it('refuses a merge that would take over another agency’s victim (the decoy attack)', async () => {
    const victim = await openCase(socialworker, { givenName: 'Malee', familyName: 'Srisuk', birthDate: '1998-01-01' });
    await shareWithConsent(socialworker, victim.caseId, agency.ngo, []);
    const decoy = await openCase(ngo, { givenName: 'Decoy', familyName: 'Person', estimatedAge: 30 });
    const attempt = await ngo.post(`/api/persons/${decoy.personId}/merge`, { mergedPersonId: victim.personId });
    expect(attempt.status).toBe(202);
    const provincial = await socialworker.get(`/api/cases/${victim.caseId}`);
    expect(provincial.body.personId).toBe(victim.personId);
    expect(provincial.body.sections.identity.givenName).toBe('Malee');
    const declined = await socialworker.post(`/api/persons/merge-requests/${attempt.body.id}/decision`, { decision: 'decline' });
    expect(declined.body).toMatchObject({ status: 'declined' });
  });

  it('refuses merges the caller may not make, and changes nothing', async () => {
    const ours = await openCase(socialworker, { givenName: 'Siriporn', familyName: 'Chaiyo', birthDate: '1990-03-03' });
    const other = await openCase(socialworker, { givenName: 'Siriporn', familyName: 'Chaiyoh', estimatedAge: 35 });
    const ngoOwn = await openCase(ngo, { givenName: 'Siriporn', familyName: 'Chaiyo', estimatedAge: 35 });
    await shareWithConsent(socialworker, ours.caseId, agency.ngo, ['family']);
    await shareWithConsent(socialworker, ours.caseId, agency.shelter, ['identity']);
    const body = { mergedPersonId: other.personId };

    // Shared with the NGO without identity: it cannot merge her record, not even as the survivor…
    expectProblem(await ngo.post(`/api/persons/${ours.personId}/merge`, { mergedPersonId: ngoOwn.personId }), 404, 'not_found');
    // …and joining her to its own record becomes a request that Chiang Rai decides.
    const asked = await ngo.post(`/api/persons/${ngoOwn.personId}/merge`, { mergedPersonId: ours.personId });
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    expect(asked.body).toMatchObject({ kind: 'merge', status: 'pending', mayDecide: false });
    expect(JSON.stringify(asked.body)).not.toContain('Siriporn');
    // The shelter holds her identity through the share, not the other record's; psychologists change no case.
    expectProblem(await shelter.post(`/api/persons/${ours.personId}/merge`, body), 422, 'invalid_reference');
    expectProblem(await psychologist.post(`/api/persons/${ours.personId}/merge`, body), 403, 'forbidden');
    // Not visible at all.
    expectProblem(await hotline.post(`/api/persons/${ours.personId}/merge`, body), 403, 'forbidden');
    expectProblem(await socialworker.post(`/api/persons/${ngoOwn.personId}/merge`, body), 404, 'not_found');
    expectProblem(await data.post(`/api/persons/${ours.personId}/merge`, body), 403, 'forbidden');
    expectProblem(await admin.post(`/api/persons/${ours.personId}/merge`, body), 403, 'forbidden');
    const self = expectProblem(
      await socialworker.post(`/api/persons/${ours.personId}/merge`, { mergedPersonId: ours.personId }),
      422,
      'validation_failed',
    );
    expect(self.errors?.[0]?.path).toBe('mergedPersonId');
    expect(
      expectProblem(await socialworker.post(`/api/persons/${ours.personId}/merge`, {}), 400, 'validation_failed').errors?.[0]?.path,
    ).toBe('mergedPersonId');

    const rows = await asSystem(t.database.db, (tx) =>
      tx
        .select({ id: persons.id, mergedIntoId: persons.mergedIntoId })
        .from(persons)
        .where(inArray(persons.id, [ours.personId, other.personId, ngoOwn.personId])),
    );
    expect(rows.every((row) => row.mergedIntoId === null)).toBe(true);
    expect((await socialworker.get(`/api/cases/${other.caseId}`)).body.personId).toBe(other.personId);

    // Once merged, neither record can be merged again until the merge is undone.
    expect((await socialworker.post(`/api/persons/${ours.personId}/merge`, body)).status).toBe(201);
    const third = await openCase(socialworker, { givenName: 'Siri', familyName: 'Chaiyo', estimatedAge: 35 });
    expectProblem(await socialworker.post(`/api/persons/${third.personId}/merge`, body), 409, 'conflict');
  });

  it('keeps merges and their undo to person administrators', async () => {
    const a = await openCase(socialworker, { givenName: 'Ubon', familyName: 'Sangthong', estimatedAge: 22 });
    const b = await openCase(socialworker, { givenName: 'Ubol', familyName: 'Sangtong', estimatedAge: 22 });
    const merged = (await socialworker.post(`/api/persons/${a.personId}/merge`, { mergedPersonId: b.personId })).body;
    for (const client of [socialworker, agencyadmin, ngo, data]) {
      expectProblem(await client.get('/api/admin/person-merges'), 403, 'forbidden');
      expectProblem(await client.post(`/api/admin/person-merges/${merged.id}/undo`), 403, 'forbidden');
    }
    expect((await socialworker.get(`/api/cases/${b.caseId}`)).body.personId).toBe(a.personId);
    const listed = await admin.get('/api/admin/person-merges?pageSize=1');
    expect(listed.body).toMatchObject({ page: 1, pageSize: 1, items: [{ id: merged.id }] });
    expect(listed.body.total).toBeGreaterThanOrEqual(1);
  });

  it('answers a search by name alone with the persons bearing that name, in any script or order', async () => {
    const worker = await t.login('th.socialworker');
    for (const name of ['Aye Aye Khine', 'အေးအေးခိုင်', 'Khine Aye Aye']) {
      const response = await worker.post('/api/persons/matches', { name });
      expect(response.status).toBe(200);
      expect(response.body.candidates.map((candidate: { names: string[] }) => candidate.names[0])).toEqual(['Aye Aye Khine']);
    }
    expect((await worker.post('/api/persons/matches', { name: 'Somchai Rakthai' })).body.candidates).toEqual([]);
  });
});
