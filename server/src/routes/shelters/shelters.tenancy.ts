import { expect } from 'vitest';
import { CHIANGRAI_ONLY, expectStatus, ok, type RouteMatrix, type TenancyContext, UNKNOWN_ID } from '../../../test/tenancy.js';

/** Parts of the demo shelters' confidential address and phone: never in another agency's answer. */
const SHELTER_AGENCY_SECRETS = ['Rim Kok', '+66 53 000 101', 'Mae Sai 57130', '+66 53 000 202'];

/**
 * Shelters: facilities and whether each group has room are open to every role that reads cases;
 * units and beds counted, by sex and age group too, to the running agency and those who place people; address, phone and residents
 * stay with the running agency's shelter staff; placements are the case's shelter section (owner
 * or an agency given it), changed only with `shelter:place`.
 */
export function sheltersMatrix(c: TenancyContext): RouteMatrix {
  /** Person 0's case: Chiang Rai's, shared with the shelter (identity, shelter), placed in the women's centre by the demo. */
  const placedCase = () => c.caseOf[0]!;
  /** Person 1's case: shared with the NGO without sections. */
  const sharedWithNgoWithoutSections = () => c.caseOf[1]!;
  const shelterFacilities = async () =>
    (await ok(c.shelter.get('/api/shelters'))).items as {
      id: string;
      agencyId: string;
      name: string;
      version: number;
      units: { id: string; name: string; active: boolean; version: number }[];
    }[];
  const womenCentre = async () => (await shelterFacilities()).find((facility) => facility.name.includes('Women and Children'))!;
  const ngoHome = async () => (await shelterFacilities()).find((facility) => facility.agencyId === c.agency.ngo)!;
  const placementOf = async (caseId: string) => (await ok(c.socialworker.get(`/api/cases/${caseId}/shelter`))).current;
  /** Room per group only, banded: no unit and no bed counted (beds − free beds = people), in a shelter the reader neither runs nor places into. */
  const freeBedsOnly = (facility: {
    beds: number | null;
    free: number | null;
    freeByGroup: { free: number | null }[];
    units: unknown[];
  }) => {
    expect(facility).toMatchObject({ beds: null, free: null, occupied: null, stayLimitAlerts: null, units: [] });
    for (const group of facility.freeByGroup) expect(group.free).toBeNull();
  };
  const noSecrets = (body: unknown) => {
    const text = JSON.stringify(body);
    for (const secret of SHELTER_AGENCY_SECRETS) expect(text).not.toContain(secret);
  };
  const facilityBody = {
    name: 'Probe shelter',
    kind: 'ngo_shelter',
    province: 'Chiang Rai',
    servesSexes: ['female'],
    servesAgeGroups: ['adult'],
  };
  const unitBody = { name: 'Probe room', kind: 'room', sex: 'female', ageGroup: 'adult', beds: 2 };

  return {
    'GET /api/shelters': {
      why: 'facilities and whether each group has room (banded) for every role reading cases; units, beds, free beds and beds taken by sex and age group only for the running agency and those who place people; address and phone only for the running agency; none for roles without case access',
      anonymous: { path: '/api/shelters' },
      probe: async () => {
        for (const client of [c.ngo, c.police, c.socialworker, c.psychologist, c.hotline]) {
          const list = await ok(client.get('/api/shelters'));
          noSecrets(list);
          expect(JSON.stringify(list)).not.toContain(placedCase());
        }
        for (const client of [c.police, c.hotline])
          for (const facility of (await ok(client.get('/api/shelters'))).items) freeBedsOnly(facility);
        const ngoHomeId = (await ngoHome()).id;
        freeBedsOnly((await ok(c.psychologist.get('/api/shelters'))).items.find((facility: { id: string }) => facility.id === ngoHomeId));
        expectStatus(await c.data.get('/api/shelters'), 403, 'forbidden');
        expectStatus(await c.agencyadmin.get('/api/shelters'), 403, 'forbidden');
      },
    },
    'GET /api/shelters/residents': {
      why: "residents only of the caller's own agency's shelters, for staff with the shelter section",
      anonymous: { path: '/api/shelters/residents' },
      probe: async () => {
        const seenByShelter = (await ok(c.shelter.get('/api/shelters/residents'))).items as { caseId: string }[];
        expect(seenByShelter.map((resident) => resident.caseId)).toContain(placedCase());
        const seenByNgo = (await ok(c.ngo.get('/api/shelters/residents'))).items as { caseId: string }[];
        expect(seenByNgo.map((resident) => resident.caseId)).not.toContain(placedCase());
        expect((await ok(c.socialworker.get('/api/shelters/residents'))).items).toEqual([]);
        for (const client of [c.psychologist, c.police, c.data, c.hotline]) {
          expectStatus(await client.get('/api/shelters/residents'), 403, 'forbidden');
        }
      },
    },
    'GET /api/shelters/:shelterId': {
      why: 'a facility with banded room per group for everyone reading cases; units and beds counted by sex and age group for its own agency and placers; residents, address and phone only for its own agency',
      anonymous: { path: `/api/shelters/${UNKNOWN_ID}` },
      probe: async () => {
        const centre = await womenCentre();
        freeBedsOnly((await ok(c.police.get(`/api/shelters/${centre.id}`))).facility);
        for (const client of [c.ngo, c.police, c.socialworker, c.psychologist]) {
          const detail = await ok(client.get(`/api/shelters/${centre.id}`));
          expect(detail.residents).toBeNull();
          expect(detail.facility.confidential).toBeNull();
          noSecrets(detail);
          expect(JSON.stringify(detail)).not.toContain(placedCase());
        }
        expect((await ok(c.shelter.get(`/api/shelters/${centre.id}`))).residents.map((r: { caseId: string }) => r.caseId)).toContain(
          placedCase(),
        );
        expectStatus(await c.data.get(`/api/shelters/${centre.id}`), 403, 'forbidden');
        expectStatus(await c.shelter.get(`/api/shelters/${UNKNOWN_ID}`), 404, 'not_found');
      },
    },
    'POST /api/shelters': {
      why: 'only shelter managers add a facility, always for their own agency',
      anonymous: { path: '/api/shelters', body: facilityBody },
      probe: async () => {
        const before = (await shelterFacilities()).length;
        for (const client of [c.ngo, c.socialworker, c.psychologist, c.police, c.data, c.agencyadmin]) {
          expectStatus(await client.post('/api/shelters', facilityBody), 403, 'forbidden');
        }
        expect((await shelterFacilities()).length).toBe(before);
      },
    },
    'PATCH /api/shelters/:shelterId': {
      why: "only the running agency's shelter managers change a facility; others change nothing",
      anonymous: { path: `/api/shelters/${UNKNOWN_ID}`, body: { version: 1 } },
      probe: async () => {
        const centre = await womenCentre();
        const home = await ngoHome();
        for (const client of [c.ngo, c.socialworker, c.psychologist, c.police, c.data]) {
          const status = (await client.patch(`/api/shelters/${centre.id}`, { name: 'Taken over', version: centre.version })).status;
          expect(status).toBe(403);
        }
        expectStatus(await c.shelter.patch(`/api/shelters/${home.id}`, { name: 'Taken over', version: home.version }), 403, 'forbidden');
        expect((await womenCentre()).name).toBe(centre.name);
        expect((await ngoHome()).version).toBe(home.version);
      },
    },
    'POST /api/shelters/:shelterId/units': {
      why: "only the running agency's shelter managers add units",
      anonymous: { path: `/api/shelters/${UNKNOWN_ID}/units`, body: unitBody },
      probe: async () => {
        const centre = await womenCentre();
        const home = await ngoHome();
        for (const client of [c.ngo, c.socialworker, c.psychologist, c.data]) {
          expect((await client.post(`/api/shelters/${centre.id}/units`, unitBody)).status).toBe(403);
        }
        expectStatus(await c.shelter.post(`/api/shelters/${home.id}/units`, unitBody), 403, 'forbidden');
        expect((await womenCentre()).units.length).toBe(centre.units.length);
        expect((await ngoHome()).units.length).toBe(home.units.length);
      },
    },
    'PATCH /api/shelters/:shelterId/units/:unitId': {
      why: "only the running agency's shelter managers change a unit; a unit of another shelter is not found through this one",
      anonymous: { path: `/api/shelters/${UNKNOWN_ID}/units/${UNKNOWN_ID}`, body: { version: 1 } },
      probe: async () => {
        const centre = await womenCentre();
        const home = await ngoHome();
        const edit = (unit: { active: boolean; version: number }) => ({
          ...unitBody,
          name: 'Taken over',
          active: unit.active,
          version: unit.version,
        });
        const target = centre.units[0]!;
        for (const client of [c.ngo, c.socialworker, c.psychologist, c.police, c.data]) {
          expect((await client.patch(`/api/shelters/${centre.id}/units/${target.id}`, edit(target))).status).toBe(403);
        }
        const homeUnit = home.units[0]!;
        expectStatus(await c.shelter.patch(`/api/shelters/${home.id}/units/${homeUnit.id}`, edit(homeUnit)), 403, 'forbidden');
        expectStatus(await c.shelter.patch(`/api/shelters/${centre.id}/units/${homeUnit.id}`, edit(homeUnit)), 404, 'not_found');
        expect((await womenCentre()).units[0]).toMatchObject({ name: target.name, version: target.version });
        expect((await ngoHome()).units[0]).toMatchObject({ name: homeUnit.name, version: homeUnit.version });
      },
    },
    'GET /api/cases/:id/shelter': {
      why: "the case's shelter section: owner or an agency given it; others 404, roles or shares without the section 403",
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/shelter` },
      probe: async () => {
        expect((await ok(c.shelter.get(`/api/cases/${placedCase()}/shelter`))).current).not.toBeNull();
        for (const id of CHIANGRAI_ONLY.map((i) => c.caseOf[i]!))
          expectStatus(await c.ngo.get(`/api/cases/${id}/shelter`), 404, 'not_found');
        expectStatus(await c.police.get(`/api/cases/${placedCase()}/shelter`), 404, 'not_found');
        expectStatus(await c.psychologist.get(`/api/cases/${placedCase()}/shelter`), 403, 'forbidden');
        expectStatus(await c.ngo.get(`/api/cases/${sharedWithNgoWithoutSections()}/shelter`), 403, 'forbidden');
        expectStatus(await c.data.get(`/api/cases/${placedCase()}/shelter`), 403, 'forbidden');
      },
    },
    'POST /api/cases/:id/shelter/admit': {
      why: 'admission takes shelter:place and the shelter section of the case; nothing is written for anyone else',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/shelter/admit`, body: {} },
      probe: async () => {
        const centre = await womenCentre();
        const body = { facilityId: centre.id, unitId: centre.units[0]!.id };
        const before = await placementOf(sharedWithNgoWithoutSections());
        for (const id of CHIANGRAI_ONLY.map((i) => c.caseOf[i]!))
          expectStatus(await c.ngo.post(`/api/cases/${id}/shelter/admit`, body), 404, 'not_found');
        expectStatus(await c.ngo.post(`/api/cases/${sharedWithNgoWithoutSections()}/shelter/admit`, body), 403, 'forbidden');
        expectStatus(await c.police.post(`/api/cases/${sharedWithNgoWithoutSections()}/shelter/admit`, body), 404, 'not_found');
        expectStatus(await c.psychologist.post(`/api/cases/${placedCase()}/shelter/admit`, body), 403, 'forbidden');
        expectStatus(await c.data.post(`/api/cases/${placedCase()}/shelter/admit`, body), 403, 'forbidden');
        expect(await placementOf(sharedWithNgoWithoutSections())).toEqual(before);
      },
    },
    'POST /api/cases/:id/shelter/transfer': {
      why: 'moving her takes shelter:place and the shelter section; refused callers leave the placement as it was',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/shelter/transfer`, body: {} },
      probe: async () => {
        const current = await placementOf(placedCase());
        const centre = await womenCentre();
        const body = { facilityId: centre.id, unitId: centre.units.at(-1)!.id, version: current.version };
        expectStatus(await c.ngo.post(`/api/cases/${placedCase()}/shelter/transfer`, body), 404, 'not_found');
        expectStatus(await c.police.post(`/api/cases/${placedCase()}/shelter/transfer`, body), 404, 'not_found');
        expectStatus(await c.psychologist.post(`/api/cases/${placedCase()}/shelter/transfer`, body), 403, 'forbidden');
        expectStatus(await c.data.post(`/api/cases/${placedCase()}/shelter/transfer`, body), 403, 'forbidden');
        expect(await placementOf(placedCase())).toEqual(current);
      },
    },
    'POST /api/cases/:id/shelter/discharge': {
      why: 'discharge takes shelter:place and the shelter section; refused callers leave her placed',
      anonymous: { path: `/api/cases/${UNKNOWN_ID}/shelter/discharge`, body: {} },
      probe: async () => {
        const current = await placementOf(placedCase());
        const body = { destination: 'absconded', version: current.version };
        expectStatus(await c.ngo.post(`/api/cases/${placedCase()}/shelter/discharge`, body), 404, 'not_found');
        expectStatus(await c.hotline.post(`/api/cases/${placedCase()}/shelter/discharge`, body), 404, 'not_found');
        expectStatus(await c.psychologist.post(`/api/cases/${placedCase()}/shelter/discharge`, body), 403, 'forbidden');
        expectStatus(await c.data.post(`/api/cases/${placedCase()}/shelter/discharge`, body), 403, 'forbidden');
        expect(await placementOf(placedCase())).toEqual(current);
      },
    },
  };
}
