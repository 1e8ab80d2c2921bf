import type { StatisticBreakdown } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openedDaysAgo } from '../../test/caseOpening.js';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../test/harness.js';
import { asActor, asSystem, type DbActor } from '../db/actorContext.js';
import { rowsOf, type Tx } from '../db/client.js';
import { ageBandsOf } from './definitions.js';

/**
 * Cases opened are counted from rows kept by triggers (migration 0053). Whatever the API does to
 * a case, its person or its victim context, those counts must equal the live count of the records
 * (statistic_counts, which still counts every other figure), cell keys included.
 */
let t: TestApp;
let worker: ApiClient;
let dataActor: DbActor;

const BREAKDOWNS: StatisticBreakdown[][] = [
  [],
  ['year'],
  ['quarter', 'sex'],
  ['month', 'nationality'],
  ['child', 'agency'],
  ['ageBand', 'exploitationType'],
  ['exploitationType'],
  ['domesticAbroad', 'ethnicMinority'],
  ['province', 'sex'],
];
/** The whole demo and this year, and one narrow period whose edges fall between the test's cases. */
const PERIODS = [
  { from: '2000-01-01', to: '2030-12-31' },
  { from: '2020-01-01', to: new Date(Date.now() - 20 * 86_400_000).toISOString().slice(0, 10) },
];

type CountRow = { keys: (string | null)[]; value: string; cell_key: string };
const sorted = (rows: CountRow[]) =>
  rows.map((row) => `${JSON.stringify(row.keys)} ${row.value} ${row.cell_key}`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

async function countsBothWays(tx: Tx, period: { from: string; to: string }, by: StatisticBreakdown[]) {
  const bands = JSON.stringify(ageBandsOf('TH'));
  const kept = rowsOf<CountRow>(
    await tx.execute(sql`select keys, value::text, cell_key::text from case_opening_counts(${period.from}::date, ${period.to}::date,
      ${JSON.stringify(by)}::jsonb, ${bands}::jsonb, 'Asia/Bangkok')`),
  );
  const live = rowsOf<CountRow>(
    await tx.execute(sql`select keys, value::text, cell_key::text from statistic_counts('case_openings', 'cases', ${period.from}::date,
      ${period.to}::date, ${JSON.stringify(by)}::jsonb, null, null, null, ${bands}::jsonb, 'Asia/Bangkok')`),
  );
  return { kept: sorted(kept), live: sorted(live) };
}

async function expectKeptEqualsLive() {
  await asActor(t.database.db, dataActor, async (tx) => {
    for (const period of PERIODS) {
      for (const by of BREAKDOWNS) {
        const { kept, live } = await countsBothWays(tx, period, by);
        expect(kept, `${period.from}..${period.to} by ${by.join(' × ') || 'nothing'}`).toEqual(live);
      }
    }
  });
}

/** Cases opened in the whole period, as the kept rows count them. */
async function total(): Promise<number> {
  return asActor(t.database.db, dataActor, async (tx) => {
    const { kept } = await countsBothWays(tx, PERIODS[0]!, []);
    return Number(kept[0]?.split(' ')[1] ?? 0);
  });
}

const newCase = (givenName: string, citizenship: string[]) => ({
  person: { givenName, familyName: 'Kaewkla', gender: 'Feminine', birthDate: '2008-03-14', citizenship, documents: [], contacts: [] },
  intake: { channel: 'hotline_call', urgency: 'urgent', location: 'Chiang Rai' },
});

async function openCase(givenName: string, citizenship: string[]) {
  const created = await worker.post('/api/cases', newCase(givenName, citizenship));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; version: number; personId: string; person: { version: number } };
}

beforeAll(async () => {
  t = await startTestApp();
  worker = await t.login('th.socialworker');
  await asSystem(t.database.db, async (tx) => {
    const [officer] = rowsOf<{ id: string; agency_id: string }>(
      await tx.execute(sql`select id, agency_id from users where username = 'th.data'`),
    );
    dataActor = { userId: officer!.id, agencyId: officer!.agency_id, scopes: ['stats'] };
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('cases opened, counted from the rows kept beside each case', () => {
  it('equal the live count after cases are opened, changed, closed, merged and deleted', async () => {
    await expectKeptEqualsLive();
    const before = await total();

    const first = await openCase('Ratree', ['MM']);
    const second = await openCase('Ratri', ['KH']);
    const third = await openCase('Malai', []);
    expect(await total()).toBe(before + 3);
    await expectKeptEqualsLive();

    // Dates: opened 40 days and two years ago (the narrow period holds the first, not the third).
    await openedDaysAgo(t, first.id, 40);
    await openedDaysAgo(t, third.id, 730);
    await expectKeptEqualsLive();

    // The victim context: forms of exploitation, age when trafficked, country of exploitation.
    const context = await worker.put(`/api/cases/${first.id}/victim-context`, {
      version: 0,
      exploitationTypes: ['ForcedLabour', 'SexualExploitation'],
      ageWhenTrafficked: 15,
      exploitationCountry: 'MY',
    });
    expect(context.status, JSON.stringify(context.body)).toBe(200);
    await expectKeptEqualsLive();
    const narrowed = await worker.put(`/api/cases/${first.id}/victim-context`, {
      version: context.body.version,
      exploitationTypes: ['ForcedLabour'],
      ageWhenTrafficked: 19,
      exploitationCountry: 'TH',
    });
    expect(narrowed.status, JSON.stringify(narrowed.body)).toBe(200);
    await expectKeptEqualsLive();

    // The person: nationality and sex.
    const person = await worker.get(`/api/cases/${second.id}`);
    const identity = person.body.sections.identity;
    const changed = await worker.patch(`/api/cases/${second.id}/person`, {
      ...newCase('Ratri', ['LA']).person,
      gender: 'Masculine',
      aliases: identity.aliases ?? [],
      version: person.body.person.version,
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    await expectKeptEqualsLive();

    // Status: closed with a reason, then the case handed to no one else — its opening still counts.
    const closed = await worker.patch(`/api/cases/${third.id}`, {
      version: third.version,
      status: 'Closed',
      closureReason: 'lost_contact',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(await total()).toBe(before + 3);
    await expectKeptEqualsLive();

    // A merge moves the second person's case to the first person: the case now counts as hers.
    const merged = await worker.post(`/api/persons/${first.personId}/merge`, { mergedPersonId: second.personId });
    expect(merged.status, JSON.stringify(merged.body)).toBe(201);
    await expectKeptEqualsLive();

    // A case deleted (no route deletes one: as the schema owner, with the records that refer to it).
    await asSystem(t.database.db, (tx) => deleteCase(tx, third.id));
    expect(await total()).toBe(before + 2);
    await expectKeptEqualsLive();
  });
});

/** The rows that refer to a case without cascading, then the case. */
async function deleteCase(tx: Tx, caseId: string) {
  const references = rowsOf<{ name: string; column: string }>(
    await tx.execute(sql`select c.conrelid::regclass::text as name, a.attname as column from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      where c.contype = 'f' and c.confrelid = 'cases'::regclass and c.confdeltype <> 'c'`),
  );
  for (const reference of references)
    await tx.execute(sql`delete from ${sql.identifier(reference.name)} where ${sql.identifier(reference.column)} = ${caseId}`);
  await tx.execute(sql`delete from cases where id = ${caseId}`);
}

describe('who reads the kept rows', () => {
  it('answers a caseworker without the statistics permission 403 over HTTP, and shows her no row in the database', async () => {
    const ngo = await t.login('th.ngo');
    expectProblem(
      await ngo.get('/api/statistics/figures?statistic=cases_opened&from=2000-01-01&to=2030-12-31&by=year,sex'),
      403,
      'forbidden',
    );
    expectProblem(await worker.get('/api/statistics/figures?statistic=cases_opened&from=2000-01-01&to=2030-12-31'), 403, 'forbidden');
    const data = await t.login('th.data');
    const figure = await data.get('/api/statistics/figures?statistic=cases_opened&from=2000-01-01&to=2030-12-31&by=year,sex');
    expect(figure.status).toBe(200);
    expect(figure.body.total.value).toBeGreaterThan(0);

    const [caseworker] = await asSystem(t.database.db, async (tx) =>
      rowsOf<{ id: string; agency_id: string }>(await tx.execute(sql`select id, agency_id from users where username = 'th.ngo'`)),
    );
    const withoutScope: DbActor = { userId: caseworker!.id, agencyId: caseworker!.agency_id, scopes: [] };
    const seen = await asActor(t.database.db, withoutScope, async (tx) =>
      rowsOf<{ count: number }>(await tx.execute(sql`select count(*)::int as count from case_opening_facts`)),
    );
    expect(seen[0]?.count).toBe(0);
    await expect(
      asActor(t.database.db, withoutScope, (tx) =>
        tx.execute(sql`select * from case_opening_counts('2000-01-01', '2030-12-31', '[]', '[]', 'UTC')`),
      ),
    ).rejects.toThrow();
  });

  it("shows the statistics scope of another country's agency none of Thailand's rows", async () => {
    const foreign = await asSystem(t.database.db, async (tx) => {
      const [agency] = rowsOf<{ id: string }>(
        await tx.execute(sql`insert into agencies (country_code, name, organisation_type, agency_function)
          values ('KH', 'Ministry of Social Affairs (test)', 'government', 'social_welfare') returning id`),
      );
      return agency!.id;
    });
    const cambodian: DbActor = { userId: dataActor.userId, agencyId: foreign, scopes: ['stats'] };
    const seen = await asActor(t.database.db, cambodian, async (tx) =>
      rowsOf<{ count: number; thai: number }>(
        await tx.execute(
          sql`select count(*)::int as count, count(*) filter (where country_code = 'TH')::int as thai from case_opening_facts`,
        ),
      ),
    );
    expect(seen[0]).toEqual({ count: 0, thai: 0 });
    const thai = await asActor(t.database.db, dataActor, async (tx) =>
      rowsOf<{ count: number }>(await tx.execute(sql`select count(*)::int as count from case_opening_facts`)),
    );
    expect(thai[0]?.count).toBeGreaterThan(0);
  });
});
