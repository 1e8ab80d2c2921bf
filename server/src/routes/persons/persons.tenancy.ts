import { expect } from 'vitest';
import { CHIANGRAI_ONLY, expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { DEMO_PEOPLE } from '../../seed/demoThailand.js';

/**
 * Possible matches search only where the caller's agency holds identity, and only for roles that
 * read it; merging needs identity on every case of both persons, otherwise the owners decide a
 * request; undoing one is for person administrators.
 */
export function personsMatrix(c: TenancyContext): RouteMatrix {
  const nameOf = (index: number) => `${DEMO_PEOPLE[index]!.givenName} ${DEMO_PEOPLE[index]!.familyName}`;
  const personOf = async (index: number) => (await ok(c.socialworker.get(`/api/cases/${c.caseOf[index]}`))).personId as string;
  /** Name, birth date and citizenship of a demo person, as her owner reads them. */
  const queryFor = async (index: number) => {
    const detail = await ok(c.socialworker.get(`/api/cases/${c.caseOf[index]}`));
    return { name: nameOf(index), birthdate: detail.sections.identity.birthDate, citizenship: DEMO_PEOPLE[index]!.citizenship };
  };
  const ngoOwned = 4; // DEMO_CASE_OWNERS[4] is the NGO

  return {
    'GET /api/persons/merge-requests': {
      why: 'requests are seen by the asking agency, the agencies owning a case of either person and person administrators, by pseudonym',
      anonymous: { path: '/api/persons/merge-requests' },
      probe: async () => {
        const ngoPerson = (await ok(c.ngo.get(`/api/cases/${c.caseOf[ngoOwned]}`))).personId as string;
        const asked = expectStatus(await c.ngo.post(`/api/persons/${ngoPerson}/merge`, { mergedPersonId: await personOf(1) }), 202);
        const id = asked.id as string;
        expect(JSON.stringify(asked)).not.toContain(DEMO_PEOPLE[1]!.familyName);
        const mine = await ok(c.socialworker.get('/api/persons/merge-requests?pageSize=200'));
        expect(mine.items.find((item: { id: string }) => item.id === id)).toMatchObject({ mayDecide: true });
        for (const client of [c.police, c.hotline, c.shelter]) {
          const seen = await client.get('/api/persons/merge-requests?pageSize=200');
          expect((seen.body.items ?? []).map((item: { id: string }) => item.id)).not.toContain(id);
        }
        for (const client of [c.psychologist, c.data]) expectStatus(await client.get('/api/persons/merge-requests'), 403, 'forbidden');
      },
    },
    'POST /api/persons/merge-requests/:id/decision': {
      why: 'only an agency owning a case of either person (not the asking one) decides, and merging waits for a consent-based identity share',
      anonymous: { path: `/api/persons/merge-requests/${UNKNOWN_ID}/decision`, body: { decision: 'decline' } },
      probe: async () => {
        const ngoPerson = (await ok(c.ngo.get(`/api/cases/${c.caseOf[ngoOwned]}`))).personId as string;
        const asked = expectStatus(await c.ngo.post(`/api/persons/${ngoPerson}/merge`, { mergedPersonId: await personOf(1) }), 202);
        const path = `/api/persons/merge-requests/${asked.id}/decision`;
        expectStatus(await c.ngo.post(path, { decision: 'merge' }), 403, 'forbidden');
        for (const client of [c.police, c.hotline]) expect([403, 404]).toContain((await client.post(path, { decision: 'decline' })).status);
        expectStatus(await c.socialworker.post(path, { decision: 'merge' }), 409, 'share_required');
        expect((await ok(c.ngo.get(`/api/cases/${c.caseOf[ngoOwned]}`))).personId).toBe(ngoPerson);
        expectStatus(
          await c.socialworker.post(`/api/persons/merge-requests/${UNKNOWN_ID}/decision`, { decision: 'decline' }),
          404,
          'not_found',
        );
      },
    },
    'POST /api/persons/matches': {
      why: "only persons the caller may see are proposed, and another agency's persons not even by exact name",
      anonymous: { path: '/api/persons/matches', body: { name: 'Aye Aye Khine' } },
      probe: async () => {
        for (const index of CHIANGRAI_ONLY) {
          const hidden = await personOf(index);
          const query = await queryFor(index);
          const found = await ok(c.ngo.post('/api/persons/matches', query));
          expect(found.candidates.map((candidate: { personId: string }) => candidate.personId)).not.toContain(hidden);
          expect(JSON.stringify(found)).not.toContain(DEMO_PEOPLE[index]!.familyName);
          expect(found.searchedOnlyVisible).toBe(true);
          const own = await ok(c.socialworker.post('/api/persons/matches', query));
          expect(own.candidates[0].personId).toBe(hidden);
        }
        // Person 0 is shared with the shelter with her identity: shelter staff see her name, the psychologist only a pseudonym.
        const person0 = await personOf(0);
        const query0 = await queryFor(0);
        const byShelter = await ok(c.shelter.post('/api/persons/matches', query0));
        expect(byShelter.candidates.find((candidate: { personId: string }) => candidate.personId === person0).names).toContain(nameOf(0));
        // The psychologist's role reads no identity: it searches no names at all.
        expectStatus(await c.psychologist.post('/api/persons/matches', query0), 403, 'forbidden');
        // Person 1 is shared with the NGO without identity: a search does not even say she exists.
        const person1 = await personOf(1);
        const byNgo = await ok(c.ngo.post('/api/persons/matches', await queryFor(1)));
        expect(byNgo.candidates.map((candidate: { personId: string }) => candidate.personId)).not.toContain(person1);
        for (const client of [c.data, c.agencyadmin, c.admin]) {
          expectStatus(await client.post('/api/persons/matches', query0), 403, 'forbidden');
        }
      },
    },
    'POST /api/persons/:id/merge': {
      why: "merging takes case:update and identity on every case of both persons (else a request); another agency's person is 404 or an invalid reference, and nothing moves",
      anonymous: { path: `/api/persons/${UNKNOWN_ID}/merge`, body: { mergedPersonId: UNKNOWN_ID } },
      probe: async () => {
        const chiangRaiPerson = await personOf(CHIANGRAI_ONLY[0]!);
        const otherChiangRaiPerson = await personOf(CHIANGRAI_ONLY[1]!);
        const ngoPerson = (await ok(c.ngo.get(`/api/cases/${c.caseOf[ngoOwned]}`))).personId as string;
        const sharedPerson = await personOf(0);
        const mergesBefore = await ok(c.admin.get('/api/admin/person-merges?pageSize=200'));

        expectStatus(await c.ngo.post(`/api/persons/${chiangRaiPerson}/merge`, { mergedPersonId: ngoPerson }), 404, 'not_found');
        const planted = expectStatus(
          await c.ngo.post(`/api/persons/${ngoPerson}/merge`, { mergedPersonId: chiangRaiPerson }),
          422,
          'invalid_reference',
        );
        expect(planted.errors[0].path).toBe('mergedPersonId');
        // The shelter holds person 0's identity through a share, but not the other Chiang Rai record's.
        expectStatus(
          await c.shelter.post(`/api/persons/${sharedPerson}/merge`, { mergedPersonId: otherChiangRaiPerson }),
          422,
          'invalid_reference',
        );
        expectStatus(
          await c.psychologist.post(`/api/persons/${sharedPerson}/merge`, { mergedPersonId: otherChiangRaiPerson }),
          403,
          'forbidden',
        );
        for (const client of [c.data, c.agencyadmin, c.admin]) {
          expectStatus(
            await client.post(`/api/persons/${chiangRaiPerson}/merge`, { mergedPersonId: otherChiangRaiPerson }),
            403,
            'forbidden',
          );
        }
        expect(await ok(c.admin.get('/api/admin/person-merges?pageSize=200'))).toEqual(mergesBefore);
        expect(await personOf(CHIANGRAI_ONLY[0]!)).toBe(chiangRaiPerson);
        expect((await ok(c.ngo.get(`/api/cases/${c.caseOf[ngoOwned]}`))).personId).toBe(ngoPerson);
      },
    },
    'GET /api/admin/person-merges': {
      why: 'the list of merges is for person administrators (admin:persons) only; it holds ids and counts, never names',
      anonymous: { path: '/api/admin/person-merges' },
      probe: async () => {
        for (const client of [c.socialworker, c.agencyadmin, c.ngo, c.data]) {
          expectStatus(await client.get('/api/admin/person-merges'), 403, 'forbidden');
        }
        const listed = await ok(c.admin.get('/api/admin/person-merges?pageSize=200'));
        const text = JSON.stringify(listed);
        for (const person of DEMO_PEOPLE) expect(text).not.toContain(person.familyName);
      },
    },
    'POST /api/admin/person-merges/:id/undo': {
      why: 'only person administrators undo a merge; caseworkers and agency admins are refused before anything is looked up',
      anonymous: { path: `/api/admin/person-merges/${UNKNOWN_ID}/undo` },
      probe: async () => {
        for (const client of [c.socialworker, c.agencyadmin, c.ngo, c.data]) {
          expectStatus(await client.post(`/api/admin/person-merges/${UNKNOWN_ID}/undo`), 403, 'forbidden');
        }
        expectStatus(await c.admin.post(`/api/admin/person-merges/${UNKNOWN_ID}/undo`), 404, 'not_found');
      },
    },
  };
}
