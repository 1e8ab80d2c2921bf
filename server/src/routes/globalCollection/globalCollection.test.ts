import { BUILT_IN_ROLES, GLOBAL_COLLECTION_K } from '@seamless/contracts';
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { thaiDemoDataset } from '../../../test/identifiedCases.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { agencies, roles, userRoles, users } from '../../db/schema/index.js';
import { localToday } from '../../followUp/schedule.js';
import { canExportForGlobalCollections } from '../../policies/globalCollection.js';
import { BUILT_IN_ROLE_DEFINITIONS } from '../../seed/roles.js';
import { COLLECTION_COLUMNS } from '../../statistics/globalCollection/collectionRow.js';

/**
 * The export on a hand-made dataset in Thailand in 2016 and 2017 (the demo's records are recent),
 * at the fixed k of 10:
 *
 * - 2016: 11 women of Myanmar aged 25, sexual exploitation in Thailand. One of them, Mali, is
 *   identified again that year on a second case at the NGO with the same values: one person, so
 *   her class holds 11, not 12.
 * - 2016: 10 men of Myanmar aged 30, forced labour on fishing vessels abroad. One of them,
 *   Somchai, was recorded twice (police and Chiang Rai) and the records merged: one person, so
 *   his class holds 10, not 11.
 * - 2016: a French woman of 60 whose form of exploitation was typed as free text: a class of 1,
 *   suppressed (1 of 22, within a tenth), nothing generalised.
 * - 2017: 6 girls of Cambodia trafficked at 15 and 5 at 16, sexual exploitation in Thailand: no
 *   single year of age reaches 10, CTDC's band 9--17 holds all 11.
 * - Never counted: a woman identified and later found not a victim, one only presumed, and 10
 *   persons of the Philippines identified by a Cambodian agency (another country's records, as
 *   many as k so that they would show if they leaked).
 */
let t: TestApp;
let data: ApiClient;
const agency = {} as Record<'chiangrai' | 'ngo' | 'police' | 'cambodia', string>;
let recorderId: string;

type PersonInput = { gender: 'Feminine' | 'Masculine'; birthYear: number; citizenship: string };
type CaseInput = {
  owner: keyof typeof agency;
  identifiedOn: string;
  exploitation: string[];
  exploitationCountry: string;
  ageWhenTrafficked?: number;
  toStatus?: 'Identified' | 'Presumed';
  traffickingStatus?: 'Identified' | 'NotAVictim' | 'Presumed';
  countryCode?: string;
};

/** Typed at intake: a place no list holds, which must never leave in the file. */
const FREE_TEXT_PLACE = 'Behind the karaoke bar at the Mae Sai market';
let dataset: Awaited<ReturnType<typeof thaiDemoDataset>>;
const addPerson = (tx: Tx, person: PersonInput) => dataset.person(tx, { ...person, agencyId: agency.chiangrai });
async function addCase(tx: Tx, personId: string, { owner, ...input }: CaseInput): Promise<void> {
  await dataset.identifiedCase(tx, personId, { ...input, ownerAgencyId: agency[owner], intakeLocation: FREE_TEXT_PLACE });
}

const times = (count: number) => Array.from({ length: count }, (_, index) => index);

async function seedDataset(tx: Tx) {
  const woman = { gender: 'Feminine', birthYear: 1991, citizenship: 'MM' } as const;
  const sexualInThailand = { exploitation: ['SexualExploitation'], exploitationCountry: 'TH' };
  const mali = await addPerson(tx, woman);
  await addCase(tx, mali, { owner: 'chiangrai', identifiedOn: '2016-03-10', ...sexualInThailand });
  await addCase(tx, mali, { owner: 'ngo', identifiedOn: '2016-11-01', ...sexualInThailand });
  for (const _ of times(10))
    await addCase(tx, await addPerson(tx, woman), { owner: 'chiangrai', identifiedOn: '2016-09-15', ...sexualInThailand });

  const man = { gender: 'Masculine', birthYear: 1986, citizenship: 'MM' } as const;
  const fishingAbroad = { exploitation: ['ForcedLabourFishing'], exploitationCountry: 'MY' };
  const somchai = await addPerson(tx, man);
  await addCase(tx, somchai, { owner: 'chiangrai', identifiedOn: '2016-06-01', ...fishingAbroad });
  const somchaiAgain = await addPerson(tx, man);
  await addCase(tx, somchaiAgain, { owner: 'police', identifiedOn: '2016-08-01', ...fishingAbroad });
  for (const _ of times(9)) await addCase(tx, await addPerson(tx, man), { owner: 'police', identifiedOn: '2016-07-01', ...fishingAbroad });

  const french = await addPerson(tx, { gender: 'Feminine', birthYear: 1956, citizenship: 'FR' });
  await addCase(tx, french, { owner: 'ngo', identifiedOn: '2016-02-01', exploitation: ['Karaoke bar hostess'], exploitationCountry: 'TH' });

  const girl = { gender: 'Feminine', birthYear: 2001, citizenship: 'KH' } as const;
  for (const age of [...times(6).map(() => 15), ...times(5).map(() => 16)]) {
    await addCase(tx, await addPerson(tx, girl), { owner: 'ngo', identifiedOn: '2017-06-10', ageWhenTrafficked: age, ...sexualInThailand });
  }

  await addCase(tx, await addPerson(tx, woman), {
    owner: 'chiangrai',
    identifiedOn: '2016-09-15',
    traffickingStatus: 'NotAVictim',
    ...sexualInThailand,
  });
  await addCase(tx, await addPerson(tx, woman), {
    owner: 'chiangrai',
    identifiedOn: '2016-09-15',
    toStatus: 'Presumed',
    traffickingStatus: 'Presumed',
    ...sexualInThailand,
  });
  for (const _ of times(10)) {
    await addCase(tx, await addPerson(tx, { gender: 'Feminine', birthYear: 1991, citizenship: 'PH' }), {
      owner: 'cambodia',
      countryCode: 'KH',
      identifiedOn: '2016-04-01',
      ...sexualInThailand,
    });
  }
  // The merge as the persons administrator makes it: the duplicate's case moves to the survivor.
  await tx.execute(sql`select set_config('app.user_id', ${recorderId}, true)`);
  await tx.execute(sql`select move_person_records(${somchai}, ${somchaiAgain})`);
}

type Exported = { header: string[]; rows: string[][]; about: Map<string, string> };

/** The CSV's rows up to the empty line, and its `# key: value` section after it. */
function readCsv(text: string): Exported {
  const records = parse(text.replace(/^\uFEFF/, ''), { relaxColumnCount: true, skipEmptyLines: false }) as string[][];
  const end = records.findIndex((record) => record.every((cell) => cell === ''));
  const about = new Map(
    records
      .slice(end + 1)
      .map((record) => /^# ([^:]+): (.*)$/.exec(record[0]!)!)
      .map((match) => [match[1]!, match[2]!] as const),
  );
  return { header: records[0]!, rows: records.slice(1, end), about };
}

async function exportText(query: string): Promise<string> {
  const response = await data.download(`/api/statistics/global-collection?${query}`);
  expect(response.status, response.bytes.toString()).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/csv');
  return response.bytes.toString('utf8');
}

const exportCsv = async (query: string) => readCsv(await exportText(query));

const classSizes = (rows: string[][]) => {
  const sizes = new Map<string, number>();
  for (const row of rows) sizes.set(row.join(','), (sizes.get(row.join(',')) ?? 0) + 1);
  return sizes;
};

beforeAll(async () => {
  t = await startTestApp();
  data = await t.login('th.data');
  await asSystem(t.database.db, async (tx) => {
    dataset = await thaiDemoDataset(tx, 'GC');
    Object.assign(agency, dataset.agency);
    recorderId = dataset.recorderId;
    const [cambodian] = await tx
      .insert(agencies)
      .values({
        countryCode: 'KH',
        name: 'Department of Anti-Human Trafficking (test)',
        organisationType: 'LawEnforcement',
        agencyFunction: 'police',
      })
      .returning({ id: agencies.id });
    agency.cambodia = cambodian!.id;
    await seedDataset(tx);
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const column = (name: (typeof COLLECTION_COLUMNS)[number]) => COLLECTION_COLUMNS.indexOf(name);

describe('the export of 2016', () => {
  let file: Exported;
  beforeAll(async () => {
    file = await exportCsv('year=2016&format=csv');
  });

  it('has the collection’s columns and a row per person of every class of at least k', () => {
    expect(file.header).toEqual([...COLLECTION_COLUMNS]);
    expect(file.rows).toHaveLength(21);
    for (const [row, size] of classSizes(file.rows)) expect(size, row).toBeGreaterThanOrEqual(GLOBAL_COLLECTION_K);
  });

  it('holds no free text, name, id, or date finer than a year in any column', () => {
    const allowed = [
      /^$/,
      /^2016$/,
      /^[01]$/,
      /^\d{1,3}$/,
      /^(\d{1,2}--\d{1,2}|48\+)$/,
      /^[A-Z]{2}$/,
      /^(Case Management|Female|Male|Other|Minor|Adult|Mekong|ASEAN)$/,
    ];
    for (const row of file.rows) {
      expect(row).toHaveLength(COLLECTION_COLUMNS.length);
      for (const cell of row)
        expect(
          allowed.some((pattern) => pattern.test(cell)),
          cell,
        ).toBe(true);
    }
    const text = JSON.stringify(file.rows);
    for (const leak of ['Karaoke', 'karaoke', 'Somsak', 'P-GC', 'TH-GC', '2016-']) expect(text).not.toContain(leak);
  });

  it('counts each person once, suppresses the French woman and generalises nothing', () => {
    expect(file.about.get('Generalisation')).toBe('age: single year; exploitation: per-type flags; citizenship: country');
    expect(file.about.get('Suppression')).toMatch(/at most 10% of the persons$/);
    expect(file.about.get('k')).toMatch(/^10:/);
    expect(file.about.get('Year')).toMatch(/^2016,/);
    expect(file.about.get('Source')).toMatch(/country TH$/);
    const counted = Object.fromEntries(
      [...classSizes(file.rows)].map(([row, size]) => {
        const cells = row.split(',');
        const flags = (['isForcedLabour', 'isSexualExploit', 'typeOfLabourFisheries'] as const).map((name) => cells[column(name)]).join('');
        return [
          [cells[column('gender')], cells[column('age')], cells[column('citizenship')], flags, cells[column('isAbroad')]].join(' '),
          size,
        ];
      }),
    );
    // Mali and Somchai once each, the excluded and Cambodia's never.
    expect(counted).toEqual({ 'Female 25 MM 010 0': 11, 'Male 30 MM 101 1': 10 });
  });

  it('states the persons suppressed as a band only, and no total of persons identified', () => {
    expect(file.about.get('Persons suppressed')).toBe('fewer than 10');
    expect(file.about.get('Rows')).toBe('21');
    expect([...file.about.keys()].filter((key) => /identified|total/i.test(key))).toEqual([]);
    expect([...file.about.values()].join(' ')).not.toMatch(/\b22\b/);
  });

  it("never shows another country's records", () => {
    expect(JSON.stringify(file.rows)).not.toContain('PH');
  });

  it('is the same file in XLSX, with the header on its own sheet', async () => {
    const response = await data.download('/api/statistics/global-collection?year=2016&format=xlsx');
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.bytes as never);
    const [victims, about] = workbook.worksheets;
    const rows: string[][] = [];
    victims!.eachRow((row) => {
      rows.push(COLLECTION_COLUMNS.map((_, index) => String(row.getCell(index + 1).value ?? '')));
    });
    expect(rows[0]).toEqual([...COLLECTION_COLUMNS]);
    expect(rows.slice(1)).toEqual(file.rows);
    const pairs = new Map<string, string>();
    about!.eachRow((row) => pairs.set(String(row.getCell(1).value), String(row.getCell(2).value)));
    expect(pairs.get('Persons suppressed')).toBe('fewer than 10');
  });

  it('is the same file byte for byte when asked again, but for the day it was exported', async () => {
    const withoutExportDay = (text: string) => text.replace(/^# Exported on: .*$/m, '');
    const [first, second] = [await exportText('year=2016'), await exportText('year=2016')];
    expect(withoutExportDay(first)).toContain('# Year: 2016');
    expect(withoutExportDay(second)).toBe(withoutExportDay(first));
  });
});

describe('the export of 2017', () => {
  it('joins single years of age into CTDC’s broad band when none reaches k', async () => {
    const file = await exportCsv('year=2017');
    expect(file.about.get('Generalisation')).toBe('age: CTDC broad band; exploitation: per-type flags; citizenship: country');
    expect(file.about.get('Persons suppressed')).toBe('fewer than 10');
    expect(file.rows).toHaveLength(11);
    expect(new Set(file.rows.map((row) => [row[column('age')], row[column('ageBroad')], row[column('citizenship')]].join(' ')))).toEqual(
      new Set([' 9--17 KH']),
    );
  });
});

describe('audit', () => {
  it('records the export with its year, generalisation and exact suppression, and nothing of a person', async () => {
    await exportCsv('year=2016');
    const [event] = await asSystem(t.database.db, async (tx) =>
      rowsOf<{ details: Record<string, unknown>; actor_username: string }>(
        await tx.execute(
          sql`select details, actor_username from audit_events where action = 'statistics.global_collection_exported' order by seq desc limit 1`,
        ),
      ),
    );
    expect(event!.actor_username).toBe('th.data');
    expect(event!.details).toEqual({
      year: 2016,
      format: 'csv',
      generalisation: { age: 0, exploitation: 0, citizenship: 0 },
      suppressedPersons: 1,
    });
  });
});

describe('bad input', () => {
  const thisYear = Number(localToday('TH', new Date()).slice(0, 4));
  it.each([
    ['year=2016-2017', 'query.year'],
    ['year=2016&k=10', 'query.k'],
    [`year=${thisYear}`, 'query.year'],
    [`year=${thisYear + 1}`, 'query.year'],
    ['year=0x7E0', 'query.year'],
    ['year=2016.0', 'query.year'],
    ['year=+2016', 'query.year'],
    ['year=2e3', 'query.year'],
    ['year=1899', 'query.year'],
    ['format=csv', 'query.year'],
    ['from=2016-01-01&to=2016-12-31', 'query.from'],
    ['year=2016&format=pdf', 'query.format'],
    ['year=2016&agencyId=x', 'query.agencyId'],
  ])('%s → 400 naming %s', async (query, path) => {
    const problem = expectProblem(await data.get(`/api/statistics/global-collection?${query}`), 400, 'validation_failed');
    expect(problem.errors!.map((error) => error.path)).toContain(path);
  });
});

describe('who may export', () => {
  it('is the data officer alone among the built-in roles', () => {
    const permitted = BUILT_IN_ROLES.filter((key) =>
      canExportForGlobalCollections({ permissions: new Set(BUILT_IN_ROLE_DEFINITIONS[key].permissions) }),
    );
    expect(permitted).toEqual(['data_officer']);
  });

  it('refuses every other built-in role with 403, over HTTP', async () => {
    const [user] = await asSystem(t.database.db, (tx) =>
      tx.select({ id: users.id }).from(users).where(eq(users.username, 'th.psychologist')),
    );
    const client = await t.login('th.psychologist');
    for (const key of BUILT_IN_ROLES.filter((role) => role !== 'data_officer')) {
      await asSystem(t.database.db, async (tx) => {
        const [role] = await tx.select({ id: roles.id }).from(roles).where(eq(roles.key, key));
        await tx.delete(userRoles).where(eq(userRoles.userId, user!.id));
        await tx.insert(userRoles).values({ userId: user!.id, roleId: role!.id });
      });
      const response = await client.get('/api/statistics/global-collection?year=2016');
      expect(response.status, key).toBe(403);
      expect(response.body.code, key).toBe('forbidden');
    }
  });

  it('refuses the database function to a statistics reader without the export scope', async () => {
    const [officer] = await asSystem(t.database.db, (tx) =>
      tx.select({ id: users.id, agencyId: users.agencyId }).from(users).where(eq(users.username, 'th.data')),
    );
    await expect(
      asActor(t.database.db, { userId: officer!.id, agencyId: officer!.agencyId, scopes: ['stats'] }, (tx) =>
        tx.execute(sql`select * from global_collection_counts('2016-01-01', '2017-12-31', 'Asia/Bangkok')`),
      ),
    ).rejects.toThrow();
  });
});
