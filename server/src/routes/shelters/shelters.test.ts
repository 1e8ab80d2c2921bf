import type { ShelterFacility, ShelterList } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, demoAgencyIds, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { caseTasks, notifications } from '../../db/schema/index.js';
import { scanAdmissionsEnding } from '../../shelters/admissionEnding.js';
import { addCalendarDays, localToday } from '../../shelters/countdown.js';

let t: TestApp;
let admin: ApiClient;
let shelter: ApiClient;
let ngo: ApiClient;
let socialworker: ApiClient;
let psychologist: ApiClient;
let data: ApiClient;
let agency: Awaited<ReturnType<typeof demoAgencyIds>>;

const today = () => localToday('TH', new Date());
/** The demo centres' confidential address and phone parts, which must never reach another agency. */
const SECRETS = ['Rim Kok', '+66 53 000 101', 'Mae Sai 57130', '+66 53 000 202', 'Chiang Saen 57150', '+66 53 000 303'];

beforeAll(async () => {
  t = await startTestApp();
  const clients = await Promise.all(
    ['admin', 'th.shelter', 'th.ngo', 'th.socialworker', 'th.psychologist', 'th.data'].map((name) => t.login(name)),
  );
  [admin, shelter, ngo, socialworker, psychologist, data] = clients as [ApiClient, ApiClient, ApiClient, ApiClient, ApiClient, ApiClient];
  agency = await demoAgencyIds(admin);
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const board = async (client: ApiClient) => {
  const response = await client.get('/api/shelters');
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as ShelterList;
};
const facilityNamed = (list: ShelterList, part: string) => list.items.find((facility) => facility.name.includes(part))!;

/** A new NGO case about a woman born on `birthDate`, shared with the shelter agency (identity and shelter sections) when asked. */
async function ngoCase(birthDate: string, options: { shareWithShelter?: boolean; child?: boolean } = {}) {
  const created = await ngo.post('/api/cases', {
    person: { givenName: 'Kanya', familyName: 'Sheltered', gender: 'Feminine', birthDate },
    intake: { channel: 'walk_in' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const caseId = created.body.id as string;
  if (options.shareWithShelter) {
    const consent = await ngo.post(`/api/cases/${caseId}/consents`, {
      purpose: 'services',
      sections: ['identity', 'shelter'],
      agencyIds: [agency.shelter],
      countries: [],
      ...(options.child ? { givenBy: 'guardian', guardianName: 'Test Guardian', guardianRelationship: 'mother' } : { givenBy: 'victim' }),
      givenOn: today(),
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    const share = await ngo.post(`/api/cases/${caseId}/shares`, {
      agencyId: agency.shelter,
      consentId: consent.body.id,
      sections: ['identity', 'shelter'],
    });
    expect(share.status, JSON.stringify(share.body)).toBe(200);
  }
  return caseId;
}

const yearsBefore = (day: string, years: number) => `${Number(day.slice(0, 4)) - years}${day.slice(4)}`;

describe('occupancy board', () => {
  it('shows every role that reads cases the facilities and beds, with the address only to the running agency', async () => {
    const seenByShelter = await board(shelter);
    expect(seenByShelter.items).toHaveLength(3);
    const women = facilityNamed(seenByShelter, 'Women and Children');
    expect(women.confidential?.address).toContain('Rim Kok');
    expect(women.abilities).toEqual({ manage: true, seeResidents: true });
    expect(women.occupied).toBeGreaterThan(0);
    expect(women.beds).toBe(34);
    expect(women.free).toBe(women.beds! - women.occupied!);
    expect(women.stayLimitDays).toBe(45);
    expect(facilityNamed(seenByShelter, 'for Men').stayLimitDays).toBe(60);
    expect(facilityNamed(seenByShelter, 'Baan Khao').confidential).toBeNull();
    const total = seenByShelter.totals.find((row) => row.countryCode === 'TH')!;
    expect(total.beds).toBe(seenByShelter.items.reduce((sum, facility) => sum + facility.beds!, 0));

    const seenByNgo = await board(ngo);
    expect(facilityNamed(seenByNgo, 'Women and Children')).toMatchObject({ confidential: null, occupied: women.occupied });
    expect(facilityNamed(seenByNgo, 'Baan Khao').confidential?.address).toContain('Chiang Saen');
  });

  it('never sends a shelter’s address or phone, nor who lives there, to another agency', async () => {
    for (const client of [ngo, socialworker, psychologist]) {
      const list = await board(client);
      const others = list.items.filter((facility) => facility.agencyId !== agency.ngo || client !== ngo);
      for (const facility of others) {
        const detail = await client.get(`/api/shelters/${facility.id}`);
        expect(detail.status).toBe(200);
        expect(detail.body.residents).toBeNull();
        const body = JSON.stringify(detail.body);
        for (const secret of SECRETS.filter((s) => client !== ngo || (!s.includes('Chiang Saen') && !s.endsWith('303'))))
          expect(body).not.toContain(secret);
        expect(body).not.toMatch(/caseId|"P-[2-9A-Z]{6}"/);
      }
      const body = JSON.stringify(list);
      const hidden = client === ngo ? SECRETS.slice(0, 4) : SECRETS;
      for (const secret of hidden) expect(body).not.toContain(secret);
    }
  });

  it('shows agencies that neither run nor place into a shelter whether each group has room, banded, and no bed counted', async () => {
    const hotline = await t.login('th.hotline');
    const police = await t.login('th.police');
    const women = facilityNamed(await board(shelter), 'Women and Children');
    expect(women.units.some((unit) => (unit.occupiedBy?.length ?? 0) > 0)).toBe(true);
    const baanKhao = facilityNamed(await board(ngo), 'Baan Khao');
    const band = (free: number) => (free === 0 ? 'none' : free < 5 ? 'few' : 'many');
    // Beds minus free beds is the number of people; with no bed counted anywhere, a band gives nobody away.
    const countsHidden = (facility: ShelterFacility) => {
      expect(facility).toMatchObject({ beds: null, free: null, occupied: null, stayLimitAlerts: null, units: [] });
      for (const group of facility.freeByGroup) {
        expect(group.free).toBeNull();
        expect(['none', 'few', 'many']).toContain(group.room);
      }
    };
    for (const client of [hotline, police]) {
      const list = await board(client);
      for (const facility of list.items) countsHidden(facility);
      for (const total of list.totals) expect(total).toMatchObject({ beds: null, free: null });
      const seen = facilityNamed(list, 'Women and Children');
      expect(seen.freeByGroup).toEqual(women.freeByGroup.map((group) => ({ ...group, free: null, room: band(group.free!) })));
      for (const facility of [women, baanKhao]) {
        const detail = await client.get(`/api/shelters/${facility.id}`);
        expect(detail.status).toBe(200);
        countsHidden(detail.body.facility);
        expect(JSON.stringify(detail.body)).not.toMatch(/"count"|"beds":\d|"free":\d|"occupied":\d/);
      }
    }
    // The shelter's own psychologist sees her shelter's board, and another agency's shelter like any outsider.
    const seenByPsychologist = await board(psychologist);
    expect(facilityNamed(seenByPsychologist, 'Women and Children').units).toEqual(women.units);
    countsHidden(facilityNamed(seenByPsychologist, 'Baan Khao'));
    // Whoever places people keeps the full board, for other agencies' shelters too.
    expect(facilityNamed(await board(socialworker), 'Women and Children').units).toEqual(women.units);
    expect(facilityNamed(await board(shelter), 'Baan Khao').units).toEqual(baanKhao.units);
  });

  it('refuses roles that do not read cases, and residents to roles without the shelter section', async () => {
    expectProblem(await data.get('/api/shelters'), 403, 'forbidden');
    expectProblem(await psychologist.get('/api/shelters/residents'), 403, 'forbidden');
    expect((await t.client().get('/api/shelters')).status).toBe(401);
  });
});

describe('residents', () => {
  it('lists the running agency’s residents with days to the end of the reflection period, and audits the read', async () => {
    const response = await shelter.get('/api/shelters/residents');
    expect(response.status).toBe(200);
    const residents = response.body.items as { caseId: string; daysToReflectionEnd: number; facilityName: string; displayName: string }[];
    expect(residents.length).toBeGreaterThanOrEqual(2);
    for (const resident of residents) {
      expect(typeof resident.daysToReflectionEnd).toBe('number');
      expect(resident.facilityName).toMatch(/Protection and Occupational/);
    }
    const ngoResidents = (await ngo.get('/api/shelters/residents')).body.items as { facilityName: string; caseId: string }[];
    expect(ngoResidents.every((resident) => resident.facilityName === 'Baan Khao Safe Home')).toBe(true);
    expect(ngoResidents.some((resident) => residents.some((other) => other.caseId === resident.caseId))).toBe(false);
    const audit = await admin.get(`/api/admin/audit?action=shelter.residents_read&resourceId=${agency.shelter}`);
    expect(audit.body.items[0].details.caseIds).toEqual(residents.map((resident) => resident.caseId));
  });
});

describe('units', () => {
  const unitPath = (facility: ShelterFacility, unitId: string) => `/api/shelters/${facility.id}/units/${unitId}`;
  /** The unit as the edit form sends it back. */
  const formOf = ({ name, kind, sex, ageGroup, beds, specialNeeds, active, version }: ShelterFacility['units'][number]) => ({
    name,
    kind,
    sex,
    ageGroup,
    beds,
    specialNeeds,
    active,
    version,
  });
  const unitIn = (facility: ShelterFacility, unitId: string) => facility.units.find((candidate) => candidate.id === unitId)!;

  it('lets the shelter manager rename, resize and close an empty unit on the version she read', async () => {
    const centre = facilityNamed(await board(shelter), 'Men');
    const added = await shelter.post(`/api/shelters/${centre.id}/units`, {
      name: 'Room 9',
      kind: 'room',
      sex: 'male',
      ageGroup: 'adult',
      beds: 2,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    const unit = (added.body as ShelterFacility).units.find((candidate) => candidate.name === 'Room 9')!;
    const saved = await shelter.patch(unitPath(centre, unit.id), {
      ...formOf(unit),
      name: 'Room 9 (quiet room)',
      beds: 3,
      specialNeeds: true,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const after = unitIn(saved.body, unit.id);
    expect(after).toMatchObject({ name: 'Room 9 (quiet room)', beds: 3, specialNeeds: true, free: 3, version: unit.version + 1 });
    expect((saved.body as ShelterFacility).beds).toBe(centre.beds! + 3);

    expectProblem(await shelter.patch(unitPath(centre, unit.id), { ...formOf(unit), name: 'Someone else’s edit' }), 409, 'conflict');
    const closed = await shelter.patch(unitPath(centre, unit.id), { ...formOf(after), active: false });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(unitIn(closed.body, unit.id)).toMatchObject({ active: false, free: 0, name: 'Room 9 (quiet room)' });
    expect((closed.body as ShelterFacility).beds).toBe(centre.beds);
  });

  it('keeps whom an occupied unit takes, enough beds for its people and the unit open, naming each field', async () => {
    const dormitory = async () => {
      const centre = facilityNamed(await board(shelter), 'Women and Children');
      return [centre, centre.units.find((candidate) => candidate.name.includes('women'))!] as const;
    };
    while ((await dormitory())[1].occupied! < 2) {
      const [centre, room] = await dormitory();
      const caseId = await ngoCase(yearsBefore(today(), 30), { shareWithShelter: true });
      const admitted = await ngo.post(`/api/cases/${caseId}/shelter/admit`, { facilityId: centre.id, unitId: room.id });
      expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
    }
    const [facility, unit] = await dormitory();
    const refused = async (changes: Record<string, unknown>) =>
      expectProblem(
        await shelter.patch(unitPath(facility, unit.id), { ...formOf(unit), ...changes }),
        422,
        'validation_failed',
      ).errors?.map((error) => `${error.path}:${error.code}`);
    expect(await refused({ beds: unit.occupied! - 1 })).toEqual(['beds:unit_occupied']);
    expect(await refused({ sex: unit.sex === 'male' ? 'female' : 'male' })).toEqual(['sex:unit_occupied']);
    expect(await refused({ active: false })).toEqual(['active:unit_occupied']);
    expect(await refused({ kind: 'family_unit', ageGroup: 'family' })).toEqual(['kind:unit_occupied', 'ageGroup:unit_occupied']);
    const family = expectProblem(
      await shelter.patch(unitPath(facility, unit.id), { ...formOf(unit), kind: 'family_unit' }),
      400,
      'validation_failed',
    );
    expect(family.errors?.[0]?.path).toBe('ageGroup');
    expect(unitIn(facilityNamed(await board(shelter), facility.name), unit.id)).toEqual(unit);
    const renamed = await shelter.patch(unitPath(facility, unit.id), { ...formOf(unit), name: `${unit.name}, east wing` });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(unitIn(renamed.body, unit.id)).toMatchObject({ name: `${unit.name}, east wing`, occupied: unit.occupied });
  });
});

describe('admission, transfer, discharge', () => {
  let women: ShelterFacility;
  beforeAll(async () => {
    women = facilityNamed(await board(ngo), 'Women and Children');
  });
  const unit = (facility: ShelterFacility, part: string) => facility.units.find((candidate) => candidate.name.includes(part))!;

  it('asks for sharing before another agency’s shelter takes her', async () => {
    const caseId = await ngoCase(yearsBefore(today(), 25));
    const problem = expectProblem(
      await ngo.post(`/api/cases/${caseId}/shelter/admit`, { facilityId: women.id, unitId: unit(women, 'women').id }),
      422,
      'share_required',
    );
    expect(problem.errors?.[0]?.path).toBe('facilityId');
    expect((await ngo.get(`/api/cases/${caseId}/shelter`)).body.current).toBeNull();
  });

  it('counts her an adult on her 18th birthday, keeps her out of the girls’ room, and refuses a second placement', async () => {
    const caseId = await ngoCase(yearsBefore(today(), 18), { shareWithShelter: true });
    const girls = expectProblem(
      await ngo.post(`/api/cases/${caseId}/shelter/admit`, { facilityId: women.id, unitId: unit(women, 'girls').id }),
      422,
      'placement_rule',
    );
    expect(girls.errors?.map((error) => error.code)).toEqual(['adults_and_children_apart']);
    const admitted = await ngo.post(`/api/cases/${caseId}/shelter/admit`, {
      facilityId: women.id,
      unitId: unit(women, 'women').id,
      bed: '3',
    });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
    expect(admitted.body.current).toMatchObject({
      ageGroup: 'adult',
      admittedOn: today(),
      stayLimitOn: addCalendarDays(today(), 45),
      stayDaysLeft: 45,
      reflectionEndsOn: addCalendarDays(today(), 45),
      reflectionDaysLeft: 45,
      override: null,
    });
    const again = expectProblem(
      await ngo.post(`/api/cases/${caseId}/shelter/admit`, {
        facilityId: women.id,
        unitId: unit(women, 'women').id,
        override: { reason: 'try once more' },
      }),
      422,
      'placement_rule',
    );
    expect(again.errors?.map((error) => error.code)).toContain('already_placed');
    const tasks = await asSystem(t.database.db, (tx) =>
      tx
        .select()
        .from(caseTasks)
        .where(and(eq(caseTasks.caseId, caseId))),
    );
    expect(tasks.find((task) => task.kind === 'stay_limit')).toMatchObject({
      agencyId: agency.shelter,
      dueOn: addCalendarDays(today(), 45),
    });
    expect(tasks.find((task) => task.kind === 'reflection_period_end')).toMatchObject({ agencyId: agency.ngo });
    // Shelter staff now see her among their residents.
    const residents = (await shelter.get('/api/shelters/residents')).body.items as { caseId: string }[];
    expect(residents.map((resident) => resident.caseId)).toContain(caseId);
  });

  it('is a child at 17 years and 364 days', async () => {
    const caseId = await ngoCase(addCalendarDays(yearsBefore(today(), 18), 1), { shareWithShelter: true, child: true });
    const refused = expectProblem(
      await ngo.post(`/api/cases/${caseId}/shelter/admit`, { facilityId: women.id, unitId: unit(women, 'women').id }),
      422,
      'placement_rule',
    );
    expect(refused.errors?.map((error) => error.code)).toEqual(['adults_and_children_apart']);
    const admitted = await ngo.post(`/api/cases/${caseId}/shelter/admit`, { facilityId: women.id, unitId: unit(women, 'girls').id });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
    expect(admitted.body.current.ageGroup).toBe('child');
  });

  it('refuses a full unit; only a shelter manager overrides, with a reason that is audited by rule, never by text', async () => {
    const created = await shelter.post('/api/shelters', {
      name: 'Emergency annex (test)',
      kind: 'transit_shelter',
      province: 'Chiang Rai',
      address: '1 Hidden Lane',
      phone: '+66 53 999 999',
      servesSexes: ['female'],
      servesAgeGroups: ['adult'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.confidential).toEqual({ address: '1 Hidden Lane', phone: '+66 53 999 999' });
    const withUnit = await shelter.post(`/api/shelters/${created.body.id}/units`, {
      name: 'Single room',
      kind: 'room',
      sex: 'female',
      ageGroup: 'adult',
      beds: 1,
    });
    expect(withUnit.status, JSON.stringify(withUnit.body)).toBe(201);
    const annex = withUnit.body as ShelterFacility;
    const room = annex.units[0]!;
    expect(JSON.stringify((await ngo.get(`/api/shelters/${annex.id}`)).body)).not.toContain('Hidden Lane');

    const first = await ngoCase(yearsBefore(today(), 30), { shareWithShelter: true });
    expect((await ngo.post(`/api/cases/${first}/shelter/admit`, { facilityId: annex.id, unitId: room.id })).status).toBe(201);
    const second = await ngoCase(yearsBefore(today(), 31), { shareWithShelter: true });
    const target = { facilityId: annex.id, unitId: room.id };
    expect(expectProblem(await ngo.post(`/api/cases/${second}/shelter/admit`, target), 422, 'placement_rule').errors?.[0]?.code).toBe(
      'unit_full',
    );
    expectProblem(
      await ngo.post(`/api/cases/${second}/shelter/admit`, { ...target, override: { reason: 'Night arrival, no other bed' } }),
      403,
      'forbidden',
    );
    const overridden = await shelter.post(`/api/cases/${second}/shelter/admit`, {
      ...target,
      override: { reason: 'Night arrival, no other bed' },
    });
    expect(overridden.status, JSON.stringify(overridden.body)).toBe(201);
    expect(overridden.body.current.override).toEqual({ rules: ['unit_full'], reason: 'Night arrival, no other bed' });
    const audit = await admin.get(`/api/admin/audit?action=case.update&resourceId=${second}`);
    const event = (audit.body.items as { details: Record<string, unknown> }[]).find((item) => item.details.change === 'admitted')!;
    expect(event.details.overriddenRules).toEqual(['unit_full']);
    expect(JSON.stringify(event)).not.toContain('Night arrival');
    const board2 = facilityNamed(await board(psychologist), 'Emergency annex');
    expect(board2).toMatchObject({ beds: 1, occupied: 2, free: 0 });
  });

  it('transfers in one step and discharges with a destination; the stay-limit task is closed', async () => {
    const caseId = await ngoCase(yearsBefore(today(), 40), { shareWithShelter: true });
    const admitted = await ngo.post(`/api/cases/${caseId}/shelter/admit`, {
      facilityId: women.id,
      unitId: unit(women, 'women').id,
      admittedOn: addCalendarDays(today(), -10),
    });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
    const current = admitted.body.current;
    expectProblem(
      await shelter.post(`/api/cases/${caseId}/shelter/transfer`, {
        facilityId: women.id,
        unitId: unit(women, 'care').id,
        version: current.version + 5,
      }),
      409,
      'conflict',
    );
    const moved = await shelter.post(`/api/cases/${caseId}/shelter/transfer`, {
      facilityId: women.id,
      unitId: unit(women, 'care').id,
      specialNeeds: true,
      version: current.version,
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.current).toMatchObject({
      unitName: 'Room 7 (care room)',
      admittedOn: today(),
      stayStartedOn: current.admittedOn,
      stayLimitOn: current.stayLimitOn,
    });
    expect(moved.body.history[0]).toMatchObject({ id: current.id, endKind: 'transfer', endedOn: today() });

    expectProblem(
      await shelter.post(`/api/cases/${caseId}/shelter/discharge`, { destination: 'moon', version: moved.body.current.version }),
      400,
      'validation_failed',
    );
    const discharged = await shelter.post(`/api/cases/${caseId}/shelter/discharge`, {
      destination: 'repatriation',
      note: 'Returned with IOM escort',
      version: moved.body.current.version,
    });
    expect(discharged.status, JSON.stringify(discharged.body)).toBe(200);
    expect(discharged.body.current).toBeNull();
    expect(discharged.body.history[0]).toMatchObject({
      endKind: 'discharge',
      dischargeDestination: 'repatriation',
      dischargeNote: 'Returned with IOM escort',
    });
    const tasks = await asSystem(t.database.db, (tx) =>
      tx
        .select()
        .from(caseTasks)
        .where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.kind, 'stay_limit'))),
    );
    expect(tasks).toHaveLength(2);
    expect(tasks.every((task) => task.doneAt !== null)).toBe(true);
  });

  it('answers bad input with a problem naming the field and writes nothing', async () => {
    const caseId = await ngoCase(yearsBefore(today(), 22), { shareWithShelter: true });
    const path = async (body: Record<string, unknown>, status: number, code: string) =>
      expectProblem(await ngo.post(`/api/cases/${caseId}/shelter/admit`, body), status, code).errors?.[0]?.path;
    expect(await path({ facilityId: women.id, unitId: 'x' }, 400, 'validation_failed')).toBe('unitId');
    expect(await path({ facilityId: women.id, unitId: unit(women, 'women').id, admittedOn: '2026-02-30' }, 400, 'validation_failed')).toBe(
      'admittedOn',
    );
    expect(
      await path({ facilityId: women.id, unitId: facilityNamed(await board(ngo), 'Baan').units[0]!.id }, 422, 'invalid_reference'),
    ).toBe('unitId');
    expect(
      await path({ facilityId: '5d0f4a57-0000-4000-8000-000000000000', unitId: unit(women, 'women').id }, 422, 'invalid_reference'),
    ).toBe('facilityId');
    expect((await ngo.get(`/api/cases/${caseId}/shelter`)).body).toMatchObject({ current: null, history: [] });
  });
});

describe('who may place', () => {
  it('refuses roles without the shelter section or placement permission, and agencies without the case', async () => {
    const caseId = await ngoCase(yearsBefore(today(), 26), { shareWithShelter: true });
    const women = facilityNamed(await board(ngo), 'Women and Children');
    const body = { facilityId: women.id, unitId: women.units.find((u) => u.name.includes('women'))!.id };
    // The psychologist's agency (the shelter) holds the case, but her role has no shelter section.
    expectProblem(await psychologist.get(`/api/cases/${caseId}/shelter`), 403, 'forbidden');
    expectProblem(await psychologist.post(`/api/cases/${caseId}/shelter/admit`, body), 403, 'forbidden');
    expectProblem(await socialworker.post(`/api/cases/${caseId}/shelter/admit`, body), 404, 'not_found');
    expectProblem(await data.post(`/api/cases/${caseId}/shelter/admit`, body), 403, 'forbidden');
    expect((await ngo.get(`/api/cases/${caseId}/shelter`)).body.current).toBeNull();
  });
});

describe('stays nearing their limit', () => {
  it('tells the hosting agency’s managers a week before and on the day, once each', async () => {
    const scan = (now: Date) => asSystem(t.database.db, (tx) => scanAdmissionsEnding(tx, now));
    // Demo stays: 40 days into the women's centre's 45, 58 into the men's centre's 60.
    const now = new Date();
    const first = await scan(now);
    expect(first).toBeGreaterThan(0);
    expect(await scan(now)).toBe(0);
    // Ten days on, the demo stays have reached their limits: a second notice, of the other kind.
    expect(await scan(new Date(now.getTime() + 10 * 86_400_000))).toBeGreaterThan(0);
    const notices = await asSystem(t.database.db, (tx) =>
      tx.select().from(notifications).where(eq(notifications.agencyId, agency.shelter)),
    );
    const kinds = new Set(notices.map((notice) => notice.kind));
    expect(kinds.has('admission_ending')).toBe(true);
    expect(kinds.has('stay_limit_reached')).toBe(true);
  });
});
