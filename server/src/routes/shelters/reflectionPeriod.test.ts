import type { ShelterFacility, ShelterList } from '@seamless/contracts';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, demoAgencyIds, startTestApp, type TestApp } from '../../../test/harness.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { auditEvents, cases, caseTasks, users } from '../../db/schema/index.js';
import { localToday } from '../../shelters/countdown.js';
import { noteReflectionEnd } from '../../shelters/reflectionEnd.js';

let t: TestApp;
let ngo: ApiClient;
let shelter: ApiClient;
let agency: Awaited<ReturnType<typeof demoAgencyIds>>;
let women: ShelterFacility;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login('admin');
  [ngo, shelter] = await Promise.all([t.login('th.ngo'), t.login('th.shelter')]);
  agency = await demoAgencyIds(admin);
  const board = (await ngo.get('/api/shelters')).body as ShelterList;
  women = board.items.find((facility) => facility.name.includes('Women and Children'))!;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** A new NGO case about an adult woman, shared with the shelter agency for identity and shelter. */
async function sharedNgoCase() {
  const created = await ngo.post('/api/cases', {
    person: { givenName: 'Malai', familyName: 'Reflecting', gender: 'Feminine', birthDate: '1996-04-02' },
    intake: { channel: 'walk_in' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const caseId = created.body.id as string;
  const consent = await ngo.post(`/api/cases/${caseId}/consents`, {
    purpose: 'services',
    sections: ['identity', 'shelter'],
    agencyIds: [agency.shelter],
    countries: [],
    givenBy: 'victim',
    givenOn: localToday('TH', new Date()),
  });
  expect(consent.status, JSON.stringify(consent.body)).toBe(201);
  const share = await ngo.post(`/api/cases/${caseId}/shares`, {
    agencyId: agency.shelter,
    consentId: consent.body.id,
    sections: ['identity', 'shelter'],
  });
  expect(share.status, JSON.stringify(share.body)).toBe(200);
  return caseId;
}

const womenUnit = () => women.units.find((unit) => unit.name.includes('women'))!;
const reflectionTasks = (caseId: string) =>
  asSystem(t.database.db, (tx) =>
    tx
      .select({ dueOn: caseTasks.dueOn, agencyId: caseTasks.agencyId })
      .from(caseTasks)
      .where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.kind, 'reflection_period_end'))),
  );

describe('the reflection period reaches the case', () => {
  it('writes the end on the case and reminds the owner three days before, across a leap day', async () => {
    const caseId = await sharedNgoCase();
    // 45 days from 17 January 2028 is 2 March; three days before it is 28 February, with 29 February between.
    const admitted = await ngo.post(`/api/cases/${caseId}/shelter/admit`, {
      facilityId: women.id,
      unitId: womenUnit().id,
      reflectionStartsOn: '2028-01-17',
    });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
    expect(admitted.body.current.reflectionEndsOn).toBe('2028-03-02');
    expect((await ngo.get(`/api/cases/${caseId}`)).body.reflectionPeriodEndsOn).toBe('2028-03-02');
    expect(await reflectionTasks(caseId)).toEqual([{ dueOn: '2028-02-28', agencyId: agency.ngo }]);
    const audits = await asSystem(t.database.db, (tx) => tx.select().from(auditEvents).where(eq(auditEvents.resourceId, caseId)));
    const admission = audits.find((event) => (event.details as { change?: string } | null)?.change === 'admitted');
    expect((admission!.details as { fields: string[] }).fields).toEqual(['reflectionPeriodEndsOn']);
  });

  it('lets the hosting shelter, which does not own the case, write the date; the month end of a common year', async () => {
    const caseId = await sharedNgoCase();
    // 45 days from 16 January 2027 is 2 March; three days before it is 27 February (no 29th that year).
    const admitted = await shelter.post(`/api/cases/${caseId}/shelter/admit`, {
      facilityId: women.id,
      unitId: womenUnit().id,
      reflectionStartsOn: '2027-01-16',
    });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
    expect((await ngo.get(`/api/cases/${caseId}`)).body.reflectionPeriodEndsOn).toBe('2027-03-02');
    // The reminder is the owner's, not the shelter's.
    expect(await reflectionTasks(caseId)).toEqual([{ dueOn: '2027-02-27', agencyId: agency.ngo }]);
  });

  it('keeps a date the case already carries and adds no second reminder for it', async () => {
    const caseId = await sharedNgoCase();
    const first = await ngo.post(`/api/cases/${caseId}/shelter/admit`, {
      facilityId: women.id,
      unitId: womenUnit().id,
      reflectionStartsOn: '2026-11-16',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect((await ngo.get(`/api/cases/${caseId}`)).body.reflectionPeriodEndsOn).toBe('2026-12-31');
    const discharged = await ngo.post(`/api/cases/${caseId}/shelter/discharge`, {
      version: first.body.current.version,
      destination: 'home_community',
    });
    expect(discharged.status, JSON.stringify(discharged.body)).toBe(200);
    // A second admission with another period: the case keeps its end, the placement takes it.
    const second = await ngo.post(`/api/cases/${caseId}/shelter/admit`, {
      facilityId: women.id,
      unitId: womenUnit().id,
      reflectionStartsOn: '2027-01-16',
    });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.current.reflectionEndsOn).toBe('2026-12-31');
    expect((await ngo.get(`/api/cases/${caseId}`)).body.reflectionPeriodEndsOn).toBe('2026-12-31');
    expect(await reflectionTasks(caseId)).toEqual([{ dueOn: '2026-12-28', agencyId: agency.ngo }]);
  });

  it('lets no agency write the date without a current placement it recorded with that end, the owner included', async () => {
    const caseId = await sharedNgoCase();
    const actorOf = async (username: string) => {
      const [user] = await asSystem(t.database.db, (tx) =>
        tx.select({ userId: users.id, agencyId: users.agencyId }).from(users).where(eq(users.username, username)),
      );
      return { ...user!, scopes: [] };
    };
    for (const username of ['th.police', 'th.shelter', 'th.ngo']) {
      const actor = await actorOf(username);
      expect(await asActor(t.database.db, actor, (tx) => noteReflectionEnd(tx, caseId, '2027-03-02'))).toBe(false);
    }
    const [kase] = await asSystem(t.database.db, (tx) => tx.select().from(cases).where(eq(cases.id, caseId)));
    expect(kase!.reflectionPeriodEndsOn).toBeNull();
    // With her placed, another end date than the placement's is still refused.
    const admitted = await ngo.post(`/api/cases/${caseId}/shelter/admit`, {
      facilityId: women.id,
      unitId: womenUnit().id,
      reflectionStartsOn: '2027-01-16',
    });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
    await asSystem(t.database.db, (tx) => tx.update(cases).set({ reflectionPeriodEndsOn: null }).where(eq(cases.id, caseId)));
    const ngoActor = await actorOf('th.ngo');
    expect(await asActor(t.database.db, ngoActor, (tx) => noteReflectionEnd(tx, caseId, '2027-12-31'))).toBe(false);
    expect(await asActor(t.database.db, ngoActor, (tx) => noteReflectionEnd(tx, caseId, '2027-03-02'))).toBe(true);
  });
});
