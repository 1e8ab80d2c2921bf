import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapDatabase } from './bootstrap.js';
import { generateKeyRingFile, KeyRing } from './crypto/keyRing.js';
import { type DatabaseHandle, openDatabase, rowsOf } from './db/client.js';
import { REINTEGRATION_INSTRUMENT } from './seed/reintegrationInstrument.js';

const options = { seedDemo: false, demoPassword: 'unused-password', instanceCountry: 'TH' };
const keyRing = new KeyRing(generateKeyRingFile('test1'));
let database: DatabaseHandle;
let shipped = 0;

async function countOf(query: SQL): Promise<number> {
  const [row] = rowsOf<{ n: number }>(await database.db.execute(query));
  return row!.n;
}
const formConfigurations = () => countOf(sql`select count(*)::int as n from form_configurations`);

beforeAll(async () => {
  // Its own embedded database: the steps are observed across boots of one database.
  database = await openDatabase({});
});
afterAll(async () => {
  await database.close();
});

describe('bootstrap', () => {
  it('seeds a new database, then leaves one-off data steps alone on a restart of the same release', async () => {
    expect((await bootstrapDatabase(database, keyRing, options)).kind).toBe('empty');
    shipped = await formConfigurations();
    expect(shipped).toBeGreaterThan(0);
    // Reference data the care work needs on a non-demo install: the instrument and Thailand's follow-up policy.
    expect(await countOf(sql`select count(*)::int as n from assessment_instruments where key = ${REINTEGRATION_INSTRUMENT.key}`)).toBe(1);
    expect(await countOf(sql`select count(*)::int as n from follow_up_policies where country_code = 'TH' and agency_id is null`)).toBe(1);

    // Removed by hand after the first boot: a restart that re-ran the seeding would put it back.
    await database.db.execute(sql`delete from form_configurations where id = (select id from form_configurations order by id limit 1)`);
    expect((await bootstrapDatabase(database, keyRing, options)).kind).toBe('existing');
    expect(await formConfigurations()).toBe(shipped - 1);
  });

  it('runs the data steps again when the baseline is incomplete', async () => {
    await database.db.execute(sql`update countries set is_instance_country = false where code = 'TH'`);
    await bootstrapDatabase(database, keyRing, options);
    const [instance] = rowsOf<{ code: string }>(await database.db.execute(sql`select code from countries where is_instance_country`));
    expect(instance?.code).toBe('TH');
    expect(await formConfigurations()).toBe(shipped);
    // Seeding again adds no second copy of the instrument.
    expect(await countOf(sql`select count(*)::int as n from assessment_instruments where key = ${REINTEGRATION_INSTRUMENT.key}`)).toBe(1);
  });
});
