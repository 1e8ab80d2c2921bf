import { expect } from 'vitest';
import { CHIANGRAI_ONLY, expectStatus, isPseudonym, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';
import { DEMO_PEOPLE } from '../../seed/demoThailand.js';

/**
 * Possible matches answer only persons the caller may see, named only where her agency reads
 * their identity; merging needs a case of the surviving person that the caller's agency owns,
 * and undoing one is for person administrators.
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
          const own = await ok(c.socialworker.post('/api/persons/matches', query));
          expect(own.candidates[0].personId).toBe(hidden);
        }
        // Person 0 is shared with the shelter with her identity: shelter staff see her name, the psychologist only a pseudonym.
        const person0 = await personOf(0);
        const query0 = await queryFor(0);
        const byShelter = await ok(c.shelter.post('/api/persons/matches', query0));
        expect(byShelter.candidates.find((candidate: { personId: string }) => candidate.personId === person0).names).toContain(nameOf(0));
        const byPsychologist = await ok(c.psychologist.post('/api/persons/matches', query0));
        const pseudonymous = byPsychologist.candidates.find((candidate: { personId: string }) => candidate.personId === person0);
        expect(pseudonymous.names).toHaveLength(1);
        expect(isPseudonym(pseudonymous.names[0])).toBe(true);
        expect(JSON.stringify(byPsychologist)).not.toContain(DEMO_PEOPLE[0]!.familyName);
        for (const client of [c.data, c.agencyadmin, c.admin]) {
          expectStatus(await client.post('/api/persons/matches', query0), 403, 'forbidden');
        }
      },
    },
    'POST /api/persons/:id/merge': {
      why: "merging takes case:update and a case of the surviving person owned by the caller's agency; another agency's person is 404 or an invalid reference, and nothing moves",
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
        // The shelter sees person 0 through a share but owns none of her cases and may not change them.
        expectStatus(
          await c.shelter.post(`/api/persons/${sharedPerson}/merge`, { mergedPersonId: otherChiangRaiPerson }),
          403,
          'forbidden',
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
