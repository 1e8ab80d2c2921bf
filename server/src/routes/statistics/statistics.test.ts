import { randomUUID } from 'node:crypto';
import type { FigureCell, FigureTable, StatisticBreakdown, StatisticDefinition, StatisticKey } from '@seamless/contracts';
import { figureQuerySchema } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { thaiDemoDataset } from '../../../test/identifiedCases.js';
import { asActor, asSystem, type DbActor } from '../../db/actorContext.js';
import { rowsOf, type Tx } from '../../db/client.js';
import {
  careServices,
  followUpPolicies,
  followUps,
  lookupLists,
  partnerInstances,
  referrals,
  repatriations,
  shelterPlacements,
} from '../../db/schema/index.js';
import { localToday } from '../../followUp/schedule.js';
import { DEMO_PEOPLE } from '../../seed/demoThailand.js';
import { computeFigure, type Publication } from '../../statistics/figures.js';
import { privateFigure } from '../../statistics/privateRelease.js';

/**
 * Figures computed on a hand-made dataset in Thailand, in 2011 and 2012 (the demo's records are
 * all from the last year), whose expected figures are written below.
 *
 * Identified victims (decided_on):
 * - Mali: identified in 2011 (Chiang Rai) and again in 2012 (NGO): one person each year and one
 *   in the two years.
 * - Noi: trafficked at 17, born 1994 and identified in 2012 — 18 by her birth year, but a child
 *   at the time of trafficking is a child case, so she counts as a child.
 * - Somchai: two records of one man, a case at Chiang Rai and one at the police, both identified
 *   in 2011, merged: one person.
 * - 2011: 4 more women (Chiang Rai). 2012: 5 more women (Chiang Rai), 5 girls trafficked at 15
 *   (NGO), 3 men (NGO).
 *
 * 2011: Mali, Somchai, 4 women = 6 persons (7 cases). 2012: Mali, Noi, 5 + 5 + 3 = 15 persons.
 * Both years: 20 persons (Mali once). 2012 by sex × child: women 6 adults + 6 children, men 3 adults.
 */
let t: TestApp;
let data: ApiClient; // data_officer, ministry
let ngo: ApiClient; // case_manager, NGO: no stats:read
const agency = {} as Record<'chiangrai' | 'ngo' | 'police', string>;
let recorderId: string;

type Person = { gender: 'Feminine' | 'Masculine'; birthYear: number; citizenship?: string };
type CaseInput = {
  owner: keyof typeof agency;
  openedAt: string;
  identifiedOn: string;
  ageWhenTrafficked?: number;
  exploitation?: string[];
  intakeLocation?: string;
};
/** Typed at intake for the 3 men: a place no list holds, which must never leave as a breakdown value. */
const FREE_TEXT_PLACE = 'Karaoke bar behind the Mae Sai market';

let dataset: Awaited<ReturnType<typeof thaiDemoDataset>>;
const addPerson = (tx: Tx, person: Person) => dataset.person(tx, { ...person, agencyId: agency.chiangrai });
const addIdentifiedCase = (tx: Tx, personId: string, { owner, intakeLocation, ...input }: CaseInput) =>
  dataset.identifiedCase(tx, personId, { ...input, ownerAgencyId: agency[owner], intakeLocation: intakeLocation ?? 'Chiang Rai' });

async function seedDataset(tx: Tx) {
  // The test's own list of provinces, in place of the demo's if it has one.
  const provinces = ['Bangkok', 'Chiang Rai', 'Tak'].map((value, sort) => ({ value, labels: { en: value }, active: true, sort }));
  await tx
    .insert(lookupLists)
    .values({ countryCode: 'TH', listKey: 'provinces', labels: { en: 'Provinces' }, values: provinces })
    .onConflictDoUpdate({ target: [lookupLists.countryCode, lookupLists.listKey], set: { values: provinces } });
  const times = (count: number) => Array.from({ length: count }, (_, index) => index);
  const mali = await addPerson(tx, { gender: 'Feminine', birthYear: 1990 });
  const maliFirst = await addIdentifiedCase(tx, mali, { owner: 'chiangrai', openedAt: '2011-03-01T03:00:00Z', identifiedOn: '2011-03-10' });
  const maliSecond = await addIdentifiedCase(tx, mali, { owner: 'ngo', openedAt: '2012-04-20T03:00:00Z', identifiedOn: '2012-05-01' });
  const noi = await addPerson(tx, { gender: 'Feminine', birthYear: 1994 });
  const noiCase = await addIdentifiedCase(tx, noi, {
    owner: 'chiangrai',
    openedAt: '2012-01-20T03:00:00Z',
    identifiedOn: '2012-02-01',
    ageWhenTrafficked: 17,
  });
  const somchai = await addPerson(tx, { gender: 'Masculine', birthYear: 1985 });
  await addIdentifiedCase(tx, somchai, { owner: 'chiangrai', openedAt: '2011-05-20T03:00:00Z', identifiedOn: '2011-06-01' });
  const somchaiAgain = await addPerson(tx, { gender: 'Masculine', birthYear: 1985 });
  await addIdentifiedCase(tx, somchaiAgain, { owner: 'police', openedAt: '2011-07-20T03:00:00Z', identifiedOn: '2011-08-01' });
  for (const _ of times(4)) {
    const woman = await addPerson(tx, { gender: 'Feminine', birthYear: 1980 });
    await addIdentifiedCase(tx, woman, { owner: 'chiangrai', openedAt: '2011-09-01T03:00:00Z', identifiedOn: '2011-09-15' });
  }
  for (const index of times(5)) {
    const woman = await addPerson(tx, { gender: 'Feminine', birthYear: 1980 });
    // The first opened at 03:00 on 1 January in Bangkok, still 2011 in UTC: a 2012 case in Thailand.
    const openedAt = index === 0 ? '2011-12-31T20:00:00Z' : '2012-03-01T03:00:00Z';
    await addIdentifiedCase(tx, woman, { owner: 'chiangrai', openedAt, identifiedOn: '2012-03-15', exploitation: ['SexualExploitation'] });
  }
  const girls: string[] = [];
  for (const _ of times(5)) {
    const girl = await addPerson(tx, { gender: 'Feminine', birthYear: 1996 });
    girls.push(
      await addIdentifiedCase(tx, girl, {
        owner: 'ngo',
        openedAt: '2012-06-01T03:00:00Z',
        identifiedOn: '2012-06-10',
        ageWhenTrafficked: 15,
        exploitation: ['SexualExploitation'],
      }),
    );
  }
  const men: string[] = [];
  for (const _ of times(3)) {
    const man = await addPerson(tx, { gender: 'Masculine', birthYear: 1980 });
    men.push(
      await addIdentifiedCase(tx, man, {
        owner: 'ngo',
        openedAt: '2012-07-01T03:00:00Z',
        identifiedOn: '2012-07-10',
        exploitation: ['ForcedLabour'],
        intakeLocation: FREE_TEXT_PLACE,
      }),
    );
  }
  // The merge as the persons administrator makes it: the duplicate's case moves to the survivor.
  await tx.execute(sql`select set_config('app.user_id', ${recorderId}, true)`);
  await tx.execute(sql`select move_person_records(${somchai}, ${somchaiAgain})`);
  await seedCareWork(tx, { maliFirst, maliSecond, noiCase, girls, men });
  await seedRepatriations(tx, { maliSecond, girls, men });
}

/**
 * Repatriated (handed over, dated by the agreed handover date): Mali and four girls in 2012; the
 * fifth girl, asked for in December 2012, handed over on 8 January 2013 — a 2013 repatriation. A
 * man's handover still planned, and a person received back whose case is not opened here yet,
 * count for nothing.
 */
async function seedRepatriations(tx: Tx, { maliSecond, girls, men }: { maliSecond: string; girls: string[]; men: string[] }) {
  const key = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: 'c3RhdGlzdGljcy10ZXN0LXBhcnRuZXIta2V5LTAwMDA' };
  const [partner] = await tx
    .insert(partnerInstances)
    .values({
      instanceId: `mm-statistics-${randomUUID()}`,
      countryCode: 'MM',
      name: 'Myanmar (test partner)',
      endpoint: 'https://mm.example.invalid',
      signingKey: key,
      encryptionKey: { ...key, crv: 'X25519' as const },
      fingerprint: randomUUID(),
      receivingAgencyId: agency.chiangrai,
    })
    .returning({ id: partnerInstances.id });
  const repatriation = (
    caseId: string | null,
    status: 'handed_over' | 'handover_planned',
    requestedAt: string,
    handoverDate: string,
    side: 'sending' | 'receiving' = 'sending',
  ) => ({
    id: randomUUID(),
    side,
    partnerId: partner!.id,
    agencyId: agency.ngo,
    caseId,
    sendingCaseReference: 'TH-STAT',
    status,
    sections: [],
    consent: {
      id: randomUUID(),
      purpose: 'repatriation',
      sections: [],
      countries: ['MM'],
      givenBy: 'victim' as const,
      givenOn: '2012-08-01',
      expiresOn: null,
    },
    contentEnc: 'not read by statistics',
    handoverDate,
    requestedAt: new Date(requestedAt),
  });
  await tx
    .insert(repatriations)
    .values([
      repatriation(maliSecond, 'handed_over', '2012-10-01T03:00:00Z', '2012-11-20'),
      ...girls.slice(0, 4).map((id) => repatriation(id, 'handed_over', '2012-07-01T03:00:00Z', '2012-09-01')),
      repatriation(girls[4]!, 'handed_over', '2012-12-10T03:00:00Z', '2013-01-08'),
      repatriation(men[2]!, 'handover_planned', '2012-08-01T03:00:00Z', '2012-10-01'),
      repatriation(null, 'handed_over', '2012-08-01T03:00:00Z', '2012-10-01', 'receiving'),
    ]);
}

/**
 * Assisted: Mali (a service in 2011 and one in 2012), Noi (a referral the NGO accepted at 03:00 on
 * 11 February in Bangkok), the 5 girls (services; one twice); a man's referral declined and
 * another's still waiting count for nothing. 2012: 7 persons; 2011: Mali alone.
 * Sheltered: Noi admitted in February, the girls in June; one girl transferred in August (the same
 * stay, no new admission). 2012: 6 persons.
 * Follow-ups completed: the girls' five, closed with the plan completed in November 2012; one
 * closed because the person could not be reached and one still running count for nothing.
 */
async function seedCareWork(
  tx: Tx,
  {
    maliFirst,
    maliSecond,
    noiCase,
    girls,
    men,
  }: { maliFirst: string; maliSecond: string; noiCase: string; girls: string[]; men: string[] },
) {
  const recorded = { recordedBy: recorderId, recordedByAgencyId: agency.ngo };
  const service = (caseId: string, deliveredOn: string) => ({
    ...recorded,
    caseId,
    deliveredOn,
    providerAgencyId: agency.ngo,
    serviceArea: 'medical',
    description: 'Health check',
  });
  await tx
    .insert(careServices)
    .values([
      service(maliFirst, '2011-04-01'),
      service(maliSecond, '2012-05-10'),
      ...girls.map((id) => service(id, '2012-06-20')),
      service(girls[0]!, '2012-07-20'),
    ]);
  const referral = (caseId: string, status: 'accepted' | 'declined' | 'pending', answeredAt: string | null) => ({
    caseId,
    fromAgencyId: agency.chiangrai,
    toAgencyId: agency.ngo,
    reason: 'Shelter and counselling',
    referredOn: '2012-02-01',
    status,
    answeredAt: answeredAt ? new Date(answeredAt) : null,
    declineReason: status === 'declined' ? 'No place for men this month' : null,
    caseReference: 'TH-STAT',
    pseudonym: 'P-STAT00',
    countryCode: 'TH',
    recordedByAgencyId: agency.chiangrai,
  });
  await tx
    .insert(referrals)
    .values([
      referral(noiCase, 'accepted', '2012-02-10T20:00:00Z'),
      referral(men[0]!, 'declined', '2012-07-15T03:00:00Z'),
      referral(men[1]!, 'pending', null),
    ]);

  const [unit] = rowsOf<{ id: string; facility_id: string; agency_id: string }>(
    await tx.execute(
      sql`select u.id, u.facility_id, f.agency_id from shelter_units u join shelter_facilities f on f.id = u.facility_id limit 1`,
    ),
  );
  const stay = (caseId: string, admittedOn: string, more: Record<string, unknown> = {}) => ({
    caseId,
    facilityId: unit!.facility_id,
    unitId: unit!.id,
    agencyId: unit!.agency_id,
    residentSex: 'female' as const,
    residentAgeGroup: 'child' as const,
    admittedOn,
    stayStartedOn: admittedOn,
    stayLimitOn: '2013-06-01',
    recordedBy: recorderId,
    recordedByAgencyId: unit!.agency_id,
    ...more,
  });
  await tx.insert(shelterPlacements).values(stay(noiCase, '2012-02-05'));
  const [first] = await tx
    .insert(shelterPlacements)
    .values(stay(girls[0]!, '2012-06-12', { endedOn: '2012-08-01', endKind: 'transfer' }))
    .returning({ id: shelterPlacements.id });
  await tx
    .insert(shelterPlacements)
    .values([stay(girls[0]!, '2012-08-01', { previousPlacementId: first!.id }), ...girls.slice(1).map((id) => stay(id, '2012-06-12'))]);

  const [policy] = await tx.select().from(followUpPolicies).limit(1);
  const followUp = (caseId: string, more: Record<string, unknown>) => ({
    ...recorded,
    caseId,
    policyId: policy!.id,
    policyName: policy!.name,
    steps: policy!.steps,
    defaultMode: policy!.defaultMode,
    graceDays: policy!.graceDays,
    startOn: '2012-07-01',
    ...more,
  });
  const completed = { status: 'closed', closedOn: '2012-11-30', closureReason: 'plan_completed' };
  await tx
    .insert(followUps)
    .values([
      ...girls.map((id) => followUp(id, completed)),
      followUp(men[0]!, { status: 'closed', closedOn: '2012-11-30', closureReason: 'unreachable' }),
      followUp(men[1]!, {}),
    ]);
}

const figure = async (client: ApiClient, query: string): Promise<FigureTable> => {
  const response = await client.get(`/api/statistics/figures?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
};
/** Counts as they are before their adjustment, so the expected figures below are the true ones. */
const EXACT: Publication = { adjust: (count) => count, adjustment: 0 };
let dataActor: DbActor;
/** The figure th.data asks for, counted by the same code and database function, without adjustment. */
const counted = (query: string): Promise<FigureTable> =>
  asActor(t.database.db, dataActor, (tx) =>
    computeFigure(tx, figureQuerySchema.parse(Object.fromEntries(new URLSearchParams(query))), 'TH', EXACT),
  );
const valueAt = (cells: FigureCell[], ...keys: string[]) => cells.find((cell) => cell.keys.join('|') === keys.join('|'));

beforeAll(async () => {
  t = await startTestApp();
  data = await t.login('th.data');
  ngo = await t.login('th.ngo');
  await asSystem(t.database.db, async (tx) => {
    dataset = await thaiDemoDataset(tx, 'STAT');
    Object.assign(agency, dataset.agency);
    recorderId = dataset.recorderId;
    const [officer] = rowsOf<{ id: string; agency_id: string }>(
      await tx.execute(sql`select id, agency_id from users where username = 'th.data'`),
    );
    dataActor = { userId: officer!.id, agencyId: officer!.agency_id, scopes: ['stats'] };
    await seedDataset(tx);
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('victims identified', () => {
  it('counts a person once per year, and once in a two-year period', async () => {
    const byYear = await counted('statistic=victims_identified&from=2011-01-01&to=2012-12-31&by=year');
    expect(byYear).toMatchObject({ statistic: 'victims_identified', unit: 'persons', availability: 'recorded', threshold: 5 });
    expect(byYear.cells).toEqual([
      { keys: ['2011'], value: 6, suppressed: false },
      { keys: ['2012'], value: 15, suppressed: false },
    ]);
    // Mali is one person of the two years: the total is not the sum of the years.
    expect(byYear.total).toEqual({ keys: [], value: 20, suppressed: false });
    const both = await counted('statistic=victims_identified&from=2011-01-01&to=2012-12-31');
    expect(both.cells).toEqual([{ keys: [], value: 20, suppressed: false }]);
    expect(both.total.value).toBe(20);
  });

  it('counts two merged records of one man once', async () => {
    const year = await counted('statistic=victims_identified&from=2011-01-01&to=2011-12-31&by=sex');
    expect(year.total.value).toBe(6);
    // His two cases are two cases: 7 opened in 2011 for 6 persons.
    const opened = await counted('statistic=cases_opened&from=2011-01-01&to=2011-12-31');
    expect(opened).toMatchObject({ unit: 'cases', total: { value: 7, suppressed: false } });
  });

  it("dates a case's opening by Thailand's calendar", async () => {
    const opened = await counted('statistic=cases_opened&from=2011-01-01&to=2012-12-31&by=year');
    expect(opened.cells).toEqual([
      { keys: ['2011'], value: 7, suppressed: false },
      { keys: ['2012'], value: 15, suppressed: false },
    ]);
  });

  it('counts a girl trafficked at 17 and identified at 18 as a child', async () => {
    const children = await counted('statistic=victims_identified&from=2012-01-01&to=2012-12-31&child=true');
    expect(children.total).toEqual({ keys: [], value: 6, suppressed: false });
    const adults = await counted('statistic=victims_identified&from=2012-01-01&to=2012-12-31&child=false');
    expect(adults.total.value).toBe(9);
  });

  it('breaks down by sex × child and hides the cell of three with what would give it away', async () => {
    const table = await counted('statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=sex,child');
    expect(table.by).toEqual(['sex', 'child']);
    expect(valueAt(table.cells, 'male', 'adult')).toEqual({ keys: ['male', 'adult'], value: null, suppressed: true });
    // No man is a child, but a zero shown there would tell that the 3 hidden men are adults.
    expect(valueAt(table.cells, 'male', 'child')).toEqual({ keys: ['male', 'child'], value: null, suppressed: true });
    const boys = await counted('statistic=victims_identified&from=2012-01-01&to=2012-12-31&child=true&by=sex');
    expect(valueAt(boys.cells, 'male')).toEqual({ keys: ['male'], value: null, suppressed: true });
    const expected: Record<string, number> = { 'female|adult': 6, 'female|child': 6, 'male|adult': 3 };
    for (const cell of table.cells) if (!cell.suppressed) expect(cell.value).toBe(expected[cell.keys.join('|')]);
    const expectedMargins: Record<string, number> = { female: 12, male: 3, adult: 9, child: 6 };
    expect(table.margins).toHaveLength(2);
    for (const cell of table.margins.flat()) {
      if (cell.suppressed) expect(cell.value).toBeNull();
      else expect(cell.value).toBe(expectedMargins[cell.keys[0]!]);
    }
    expect(valueAt(table.margins[0]!, 'male')).toMatchObject({ value: null, suppressed: true });
    expect(table.total).toEqual({ keys: [], value: 15, suppressed: false });
    // One breakdown: the 3 men are hidden, and so are the 12 women, else 15 − 12 gives the men away.
    const bySex = await counted('statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=sex');
    expect(bySex.cells.every((cell) => cell.suppressed && cell.value === null)).toBe(true);
    expect(bySex.total.value).toBe(15);
  });

  it("filters to one agency's cases as that agency's row of the table by agency", async () => {
    const byAgency = await counted('statistic=victims_identified&from=2011-01-01&to=2012-12-31&by=agency');
    const chiangrai = await counted(`statistic=victims_identified&from=2011-01-01&to=2012-12-31&agencyId=${agency.chiangrai}`);
    expect(chiangrai.total).toEqual({ keys: [], value: 12, suppressed: false });
    // Somchai's second record is the police's only one: hidden, and the NGO's 9 with it, else 20 − 12 − 9
    // gives him away. Published on its own, the NGO's 9 would undo that (final probe F2).
    const police = await counted(`statistic=victims_identified&from=2011-01-01&to=2012-12-31&agencyId=${agency.police}`);
    expect(police.total).toEqual({ keys: [], value: null, suppressed: true });
    const ngoOnly = await counted(`statistic=victims_identified&from=2011-01-01&to=2012-12-31&agencyId=${agency.ngo}`);
    expect(ngoOnly.total).toEqual({ keys: [], value: null, suppressed: true });
    for (const [id, table] of [
      [agency.chiangrai, chiangrai],
      [agency.police, police],
      [agency.ngo, ngoOnly],
    ] as const) {
      expect(valueAt(byAgency.cells, id)).toEqual({ ...table.total, keys: [id] });
    }
  });

  it("breaks down by province of intake, and never by what was typed outside the country's list", async () => {
    const table = await counted('statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=province');
    expect(table.cells.map((cell) => cell.keys[0])).toEqual(['Chiang Rai', 'other']);
    expect(JSON.stringify(table)).not.toContain('Karaoke');
    const nationality = await counted('statistic=victims_identified&from=2011-01-01&to=2012-12-31&by=nationality');
    expect(nationality.cells).toEqual([{ keys: ['MM'], value: 20, suppressed: false }]);
  });

  it('breaks down by form of exploitation, a person once in each form', async () => {
    const table = await counted('statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=exploitationType');
    expect(table.cells).toEqual([
      { keys: ['ForcedLabour'], value: 5, suppressed: false },
      { keys: ['SexualExploitation'], value: 10, suppressed: false },
    ]);
  });
});

describe('the demo', () => {
  it("shows th.data the demo's identified victims and every demo case", async () => {
    const year = Number(localToday('TH', new Date()).slice(0, 4));
    const period = `from=${year - 1}-01-01&to=${year}-12-31`;
    const identified = await counted(`statistic=victims_identified&${period}`);
    expect(identified.total.value).toBeGreaterThanOrEqual(5);
    const opened = await counted(`statistic=cases_opened&${period}`);
    expect(opened.total.value).toBe(DEMO_PEOPLE.length);
  });
});

describe('the other recorded figures', () => {
  it('counts persons assisted by a service or an accepted referral, dated in Thailand', async () => {
    const byYear = await counted('statistic=victims_assisted&from=2011-01-01&to=2012-12-31&by=year');
    expect(byYear.cells).toEqual([
      { keys: ['2011'], value: null, suppressed: true },
      { keys: ['2012'], value: null, suppressed: true },
    ]);
    expect(byYear.total).toEqual({ keys: [], value: 7, suppressed: false });
    const year = await counted('statistic=victims_assisted&from=2012-01-01&to=2012-12-31');
    expect(year.total.value).toBe(7);
  });

  it('counts persons admitted to a shelter, a transfer being no new admission', async () => {
    const byMonth = await counted('statistic=victims_sheltered&from=2012-01-01&to=2012-12-31&by=month');
    expect(byMonth.cells.map((cell) => cell.keys[0])).toEqual(['2012-02', '2012-06']);
    // Noi alone in February is hidden, and June's 5 with her, else 6 − 5 gives her away.
    expect(byMonth.cells.every((cell) => cell.suppressed)).toBe(true);
    const girls = await counted('statistic=victims_sheltered&from=2012-06-01&to=2012-06-30');
    expect(girls.total).toEqual({ keys: [], value: 5, suppressed: false });
    expect(byMonth.total).toEqual({ keys: [], value: 6, suppressed: false });
  });

  it('counts follow-ups closed with the plan completed', async () => {
    const table = await counted('statistic=follow_ups_completed&from=2012-01-01&to=2012-12-31&by=quarter');
    expect(table).toMatchObject({ unit: 'follow_ups', cells: [{ keys: ['2012-Q4'], value: 5, suppressed: false }] });
    expect(table.total.value).toBe(5);
  });

  it('puts each person in the national age band of her age at the event', async () => {
    const table = await counted('statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=ageBand');
    // 15–17: Noi and the 5 girls; 18–24: Mali (22); 25–34: the 5 women and 3 men (32).
    expect(valueAt(table.cells, '25-34')).toEqual({ keys: ['25-34'], value: 8, suppressed: false });
    expect(valueAt(table.cells, '18-24')).toEqual({ keys: ['18-24'], value: null, suppressed: true });
    expect(table.total.value).toBe(15);
  });
});

describe('every figure by every breakdown it allows', () => {
  it('publishes what the count shows, each shown count adjusted by at most 2 and never below 5, hidden cells alike', async () => {
    const definitions = (await data.get('/api/statistics/definitions')).body.items as StatisticDefinition[];
    let adjustedCells = 0;
    for (const definition of definitions) {
      const whole = await figure(data, `statistic=${definition.key}&from=2011-01-01&to=2012-12-31`);
      for (const breakdown of definition.breakdowns) {
        const query = `statistic=${definition.key}&from=2011-01-01&to=2012-12-31&by=${breakdown},${definition.breakdowns[0] === breakdown ? definition.breakdowns[1] : definition.breakdowns[0]}`;
        const published = await figure(data, query);
        const exact = await counted(query);
        expect(published).toMatchObject({ adjustment: 2, threshold: 5 });
        const pairs = [
          ...published.cells.map((cell, i) => [cell, exact.cells[i]] as const),
          ...published.margins.flatMap((line, l) => line.map((cell, i) => [cell, exact.margins[l]![i]] as const)),
          [published.total, exact.total] as const,
        ];
        expect(pairs.length).toBe(exact.cells.length + exact.margins.flat().length + 1);
        for (const [shown, truth] of pairs) {
          const where = `${query} ${JSON.stringify(truth)}`;
          expect(shown.keys, where).toEqual(truth!.keys);
          expect(shown.suppressed, where).toBe(truth!.suppressed);
          if (shown.suppressed || shown.value === null || truth!.value === null) {
            expect(shown.value, where).toBe(truth!.value);
            continue;
          }
          if (definition.unit === 'rate_per_100k') continue;
          expect(Math.abs(shown.value - truth!.value), where).toBeLessThanOrEqual(2);
          expect(shown.value === 0 || shown.value >= 5, where).toBe(true);
          expect(shown.value === 0, where).toBe(truth!.value === 0);
          if (shown.value !== truth!.value) adjustedCells += 1;
        }
        // The same persons give the same adjustment in every table that counts them (a table may hide its total).
        if (!published.total.suppressed) expect(published.total, query).toEqual(whole.total);
      }
    }
    // Dozens of shown counts with an even chance of moving each: none moving would mean no adjustment.
    expect(adjustedCells).toBeGreaterThan(0);
  });

  it('answers the same question the same way every time, so asking again and averaging gains nothing', async () => {
    const query = 'statistic=victims_identified&from=2011-01-01&to=2012-12-31&by=year,sex';
    const first = await figure(data, query);
    for (let i = 0; i < 3; i += 1) expect(await figure(data, query)).toEqual(first);
  });
});

describe('SDG 16.2.2', () => {
  it('is detected victims per 100,000 population, from the published count', async () => {
    const rate = await counted('statistic=sdg_16_2_2&from=2012-01-01&to=2012-12-31&by=child');
    expect(rate.unit).toBe('rate_per_100k');
    // 15 / 71,668,000 × 100,000 = 0.0209…; 6 children → 0.0084…; 9 adults → 0.0126…
    expect(rate.total).toEqual({ keys: [], value: 0.02, suppressed: false });
    expect(rate.cells).toEqual([
      { keys: ['adult'], value: 0.01, suppressed: false },
      { keys: ['child'], value: 0.01, suppressed: false },
    ]);
  });
});

describe('victims repatriated', () => {
  it('counts a handover in the year of its handover date, not of its request', async () => {
    const year2012 = await counted('statistic=victims_repatriated&from=2012-01-01&to=2012-12-31');
    expect(year2012).toMatchObject({ unit: 'persons', availability: 'recorded', total: { value: 5, suppressed: false } });
    const both = await counted('statistic=victims_repatriated&from=2012-01-01&to=2013-12-31&by=year');
    expect(both.total).toEqual({ keys: [], value: 6, suppressed: false });
    // The one in 2013 is hidden, and 2012 with it, else 6 − 5 gives her away.
    expect(both.cells.every((cell) => cell.suppressed)).toBe(true);
  });
});

describe('the cases behind a cell', () => {
  const cell = (query: string) => `/api/statistics/figures/cases?${query}`;

  it("lists the head of office her own office's cases behind a cell, never another agency's", async () => {
    const head = await t.login('th.officehead');
    const women2011 = await head.get(cell('statistic=victims_identified&from=2011-01-01&to=2011-12-31&by=sex&keys=female'));
    expect(women2011.status, JSON.stringify(women2011.body)).toBe(200);
    // Mali's first case and the 4 women: all Chiang Rai's; newest first, each with the date that counted it.
    expect(women2011.body.total).toBe(5);
    expect(women2011.body.items.map((item: { countedOn: string }) => item.countedOn)).toEqual([
      '2011-09-15',
      '2011-09-15',
      '2011-09-15',
      '2011-09-15',
      '2011-03-10',
    ]);
    for (const item of women2011.body.items) expect(item.case.ownerAgencyId).toBe(agency.chiangrai);
    // The published figure counts 6 girls and women under 18 in 2012; she sees the one of her office (Noi).
    const children = await head.get(cell('statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=sex,child&keys=female,child'));
    expect(children.body.total).toBe(1);
    expect(children.body.items[0].case).toMatchObject({ ownerAgencyId: agency.chiangrai, child: true });
    // The NGO's repatriations are the NGO's: none of them reaches her.
    const repatriated = await head.get(cell('statistic=victims_repatriated&from=2012-01-01&to=2013-12-31'));
    expect(repatriated.body).toMatchObject({ total: 0, items: [] });
    const ngoFiltered = await head.get(cell(`statistic=victims_identified&from=2011-01-01&to=2012-12-31&agencyId=${agency.ngo}`));
    expect(ngoFiltered.body.total).toBe(0);
  });

  it('pages, and records who saw which cases', async () => {
    const head = await t.login('th.officehead');
    const first = await head.get(cell('statistic=victims_identified&from=2011-01-01&to=2011-12-31&pageSize=2'));
    const second = await head.get(cell('statistic=victims_identified&from=2011-01-01&to=2011-12-31&pageSize=2&page=2'));
    expect(first.body.total).toBe(6);
    const ids = [...first.body.items, ...second.body.items].map((item: { case: { id: string } }) => item.case.id);
    expect(new Set(ids).size).toBe(4);
    const audited = await asSystem(t.database.db, async (tx) =>
      rowsOf<{ case_ids: string[] }>(
        await tx.execute(
          sql`select details -> 'caseIds' as case_ids from audit_events where action = 'case.list' and details ->> 'statistic' = 'victims_identified' order by seq`,
        ),
      ),
    );
    expect(audited.flatMap((row) => row.case_ids)).toEqual(expect.arrayContaining(ids));
  });

  it('refuses readers of figures who do not work with cases, caseworkers without figures, and malformed cells', async () => {
    const query = 'statistic=victims_identified&from=2011-01-01&to=2011-12-31&by=sex&keys=female';
    expectProblem(await data.get(cell(query)), 403, 'forbidden');
    expectProblem(await ngo.get(cell(query)), 403, 'forbidden');
    const head = await t.login('th.officehead');
    const missingKey = await head.get(cell('statistic=victims_identified&from=2011-01-01&to=2011-12-31&by=sex'));
    expectProblem(missingKey, 400, 'validation_failed');
    expect(JSON.stringify(missingKey.body)).toContain('keys');
    const injected = await head.get(
      cell(`statistic=victims_identified&from=2011-01-01&to=2011-12-31&by=sex&keys=${encodeURIComponent("x' or 1=1")}`),
    );
    expectProblem(injected, 400, 'validation_failed');
    const refused = await head.get(cell('statistic=sdg_16_2_2&from=2011-01-01&to=2011-12-31&by=agency&keys=x'));
    expectProblem(refused, 400, 'validation_failed');
    // A value its breakdown does not have names no cell: refused, not an empty list.
    const notASex = await head.get(cell('statistic=victims_identified&from=2011-01-01&to=2011-12-31&by=sex&keys=MM'));
    expectProblem(notASex, 400, 'validation_failed');
    expect(notASex.body.errors.map((error: { path: string }) => error.path)).toEqual(['query.keys']);
  });
});

describe('a differentially private release', () => {
  /** The noise drawn as zero (both geometric draws alike), so what is left is the counting itself. */
  const noiseless = () => 0.5;
  const released = (statistic: StatisticKey, from: string, to: string, by: StatisticBreakdown[]) =>
    asActor(t.database.db, dataActor, (tx) =>
      privateFigure(tx, { statistic, from, to, by }, 'TH', { epsilon: 2, releaseEpsilon: 14 }, noiseless),
    );

  it('counts each person in one cell only, at her first record in the period', async () => {
    // Mali, identified in 2011 and again in 2012, is in 2011 alone; every cell adds up to the total.
    const byYear = await released('victims_identified', '2011-01-01', '2012-12-31', ['year']);
    expect(byYear.cells).toEqual([
      { keys: ['2011'], value: 6, suppressed: false },
      { keys: ['2012'], value: 14, suppressed: false },
    ]);
    expect(byYear).toMatchObject({
      total: { value: 20 },
      adjustment: 0,
      differentialPrivacy: { epsilon: 2, releaseEpsilon: 14, typicalError: 1.4 },
    });
  });

  it('gives every value of a breakdown known in advance a number, so which rows exist says nothing', async () => {
    const table = await released('victims_identified', '2012-01-01', '2012-12-31', ['sex', 'child']);
    // Four sexes by three age groups, none left out; below the threshold is hidden, never 0.
    expect(table.cells).toHaveLength(12);
    expect(table.cells.find((cell) => cell.keys.join() === 'female,child')).toEqual({
      keys: ['female', 'child'],
      value: 6,
      suppressed: false,
    });
    expect(table.cells.find((cell) => cell.keys.join() === 'male,adult')).toEqual({
      keys: ['male', 'adult'],
      value: null,
      suppressed: true,
    });
    expect(table.cells.find((cell) => cell.keys.join() === 'other,child')).toEqual({
      keys: ['other', 'child'],
      value: null,
      suppressed: true,
    });
    expect(table.margins[0]!.map((cell) => cell.keys[0])).toEqual(['female', 'male', 'other', 'unknown']);
    expect(table.total.value).toBe(15);
  });

  it('counts a person exploited in two forms under one, and leaves out the lines of a long breakdown hidden throughout', async () => {
    const forms = await released('victims_identified', '2012-01-01', '2012-12-31', ['exploitationType']);
    const shown = forms.cells.filter((cell) => !cell.suppressed);
    expect(shown).toEqual([
      { keys: ['ForcedLabour'], value: 5, suppressed: false },
      { keys: ['SexualExploitation'], value: 10, suppressed: false },
    ]);
    const nationality = await released('victims_identified', '2011-01-01', '2012-12-31', ['nationality']);
    // Hundreds of nationalities, one with numbers: the rest would be a page of "< 5".
    expect(nationality.cells).toEqual([{ keys: ['MM'], value: 20, suppressed: false }]);
  });

  it('adds noise to every number with the operating system’s randomness', async () => {
    const tables = await Promise.all(
      Array.from({ length: 8 }, () =>
        asActor(t.database.db, dataActor, (tx) =>
          privateFigure(tx, { statistic: 'victims_identified', from: '2011-01-01', to: '2012-12-31', by: ['year'] }, 'TH', {
            epsilon: 2,
            releaseEpsilon: 14,
          }),
        ),
      ),
    );
    const totals = tables.map((table) => table.total.value);
    expect(new Set(totals).size).toBeGreaterThan(1);
    for (const total of totals) expect(Math.abs((total ?? 0) - 20)).toBeLessThanOrEqual(12);
  });
});

describe('figures whose records do not exist yet', () => {
  it('answer no data recorded, never 0', async () => {
    for (const statistic of ['cases_investigated', 'suspects_prosecuted', 'suspects_convicted']) {
      const table = await figure(data, `statistic=${statistic}&from=2011-01-01&to=2012-12-31&by=year`);
      expect(table).toMatchObject({ statistic, availability: 'not_recorded', cells: [], total: { value: null, suppressed: false } });
    }
  });
});

describe('definitions', () => {
  it('lists every figure once with its breakdowns, and the national age bands', async () => {
    const response = await data.get('/api/statistics/definitions');
    expect(response.status).toBe(200);
    expect(response.body.items.map((item: { key: string }) => item.key)).toHaveLength(10);
    expect(response.body.items.find((item: { key: string }) => item.key === 'sdg_16_2_2')).toEqual({
      key: 'sdg_16_2_2',
      unit: 'rate_per_100k',
      periodDate: 'trafficking_status_decisions.decided_on',
      breakdowns: ['year', 'sex', 'child', 'exploitationType'],
      availability: 'recorded',
    });
    expect(response.body.ageBands[0]).toEqual({ key: '0-14', from: 0, to: 15 });
    expect(response.body.ageBands.at(-1)).toEqual({ key: '50+', from: 50, to: null });
  });
});

describe('no figure gives back what another hides', () => {
  it('publishes a filtered total exactly as the full table publishes that row, so a filter cannot undo a suppression', async () => {
    const full = await figure(data, 'statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=sex,child');
    for (const sex of ['female', 'male']) {
      const filtered = await figure(data, `statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=child&sex=${sex}`);
      const margin = full.margins[0]!.find((cell) => cell.keys[0] === sex) ?? { value: 0, suppressed: false };
      expect({ value: filtered.total.value, suppressed: filtered.total.suppressed }).toEqual({
        value: margin.value,
        suppressed: margin.suppressed,
      });
      for (const cell of filtered.cells) {
        const inFull = full.cells.find((each) => each.keys.join('|') === [sex, ...cell.keys].join('|'));
        expect(cell.suppressed).toBe(inFull?.suppressed ?? false);
      }
    }
  });
});

describe('bad input', () => {
  it.each([
    ['statistic=victims_lost&from=2012-01-01&to=2012-12-31', 'query.statistic'],
    ['statistic=victims_identified&from=2012-12-31&to=2012-01-01', 'query.to'],
    ['statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=sex,child,year', 'query.by'],
    ['statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=shoeSize', 'query.by'],
    ['statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=sex,sex', 'query.by'],
    ['statistic=sdg_16_2_2&from=2012-01-01&to=2012-12-31&by=province', 'query.by'],
    ['statistic=suspects_prosecuted&from=2012-01-01&to=2012-12-31&child=true', 'query.child'],
    ['statistic=victims_identified&from=2012-02-30&to=2012-12-31', 'query.from'],
    [`statistic=victims_identified&from=2012-01-01&to=2012-12-31&agencyId=${randomUUID()}`, 'query.agencyId'],
    ['statistic=victims_identified&from=2012-01-01&to=2012-12-31&sex=unknown', 'query.sex'],
    ['statistic=victims_identified&from=2012-02-11&to=2012-12-31', 'query.from'],
    ['statistic=victims_identified&from=2012-01-01&to=2012-12-30', 'query.to'],
    ['statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=sex,year&child=true', 'query.by'],
    [`statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=sex,year&agencyId=${randomUUID()}`, 'query.by'],
    [`statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=agency&agencyId=${randomUUID()}`, 'query.by'],
    // Jan–Apr less Jan–Mar would be April: a period is a calendar unit, or whole years.
    ['statistic=victims_identified&from=2012-01-01&to=2012-04-30', 'query.to'],
    ['statistic=victims_identified&from=2012-02-01&to=2012-04-30', 'query.to'],
    ['statistic=victims_identified&from=2012-04-01&to=2012-09-30', 'query.to'],
    ['statistic=victims_identified&from=2011-07-01&to=2012-06-30', 'query.to'],
  ])('%s → 400 naming %s', async (query, path) => {
    const response = await data.get(`/api/statistics/figures?${query}`);
    expectProblem(response, 400, 'validation_failed');
    expect(response.body.errors.map((error: { path: string }) => error.path)).toContain(path);
  });

  it("refuses an agency's slice of a figure not counted per agency, here and in the drill-down", async () => {
    const query = `statistic=sdg_16_2_2&from=2012-01-01&to=2012-12-31&agencyId=${agency.chiangrai}`;
    const response = await data.get(`/api/statistics/figures?${query}`);
    expectProblem(response, 400, 'validation_failed');
    expect(response.body.errors.map((error: { path: string }) => error.path)).toEqual(['query.agencyId']);
    const head = await t.login('th.officehead');
    expectProblem(await head.get(`/api/statistics/figures/cases?${query}`), 400, 'validation_failed');
  });
});

describe('who may read figures', () => {
  it('refuses roles without stats:read, and anonymous callers', async () => {
    expectProblem(await ngo.get('/api/statistics/figures?statistic=victims_identified&from=2012-01-01&to=2012-12-31'), 403, 'forbidden');
    expectProblem(await ngo.get('/api/statistics/definitions'), 403, 'forbidden');
    expectProblem(
      await t.client().get('/api/statistics/figures?statistic=victims_identified&from=2012-01-01&to=2012-12-31'),
      401,
      'unauthenticated',
    );
  });

  it('keeps the counting function closed to an agency without the stats scope', async () => {
    const refused = asSystem(t.database.db, async (tx) => {
      await tx.execute(sql`select set_config('app.user_id', ${recorderId}, true), set_config('app.agency_id', ${agency.ngo}, true)`);
      await tx.execute(sql`set local role seamless_app`);
      return tx.execute(
        sql`select * from statistic_counts('identification_decisions', 'persons', '2011-01-01', '2012-12-31', '[]', null, null, null, '[]', 'UTC')`,
      );
    });
    await expect(refused).rejects.toThrow();
  });

  it('keeps the secret behind the adjustments from the application, even for the statistics scope', async () => {
    const read = asActor(t.database.db, dataActor, (tx) => tx.execute(sql`select secret from statistic_perturbation_secret`));
    const error = await read.then(
      () => undefined,
      (failure: { cause?: { message?: string } }) => failure,
    );
    expect(error?.cause?.message).toMatch(/permission denied/);
  });

  it('audits each read with the query only', async () => {
    await figure(data, `statistic=victims_identified&from=2012-01-01&to=2012-12-31&by=sex&agencyId=${agency.ngo}`);
    const [event] = await asSystem(t.database.db, async (tx) =>
      rowsOf<{ resource_id: string; details: Record<string, unknown> }>(
        await tx.execute(
          sql`select resource_id, details from audit_events where action = 'statistics.read' and details->>'agencyId' = ${agency.ngo} order by seq desc limit 1`,
        ),
      ),
    );
    expect(event).toEqual({
      resource_id: 'victims_identified',
      details: { from: '2012-01-01', to: '2012-12-31', by: ['sex'], agencyId: agency.ngo, child: null, sex: null },
    });
  });
});
