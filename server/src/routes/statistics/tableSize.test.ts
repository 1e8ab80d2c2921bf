import { ISO_COUNTRY_CODES } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { MOST_PUBLISHED_CELLS } from '../../statistics/figures.js';

/**
 * 2010: one case opened in each month for each of 130 nationalities — 1,560 combinations, more
 * than one table publishes. Suppressing such a table would hold the server for seconds.
 */
let t: TestApp;
let data: ApiClient;
const NATIONALITIES = 130;

beforeAll(async () => {
  t = await startTestApp();
  data = await t.login('th.data');
  await asSystem(t.database.db, async (tx) => {
    await tx.execute(sql`
      with codes as (
        select code, row_number() over (order by code) as n
        from unnest(string_to_array(${[...ISO_COUNTRY_CODES].slice(0, NATIONALITIES).join(' ')}, ' ')) as code
      ),
      people as (
        insert into persons (gender, birth_year, citizenship, pseudonym, created_by_agency_id)
        select 'Feminine', 1990, array[c.code], 'P-SIZE' || c.n || '-' || m, a.id
        from codes c cross join generate_series(1, 12) as m cross join (select id from agencies where acronym = 'PSDHS Chiang Rai') a
        returning id, pseudonym
      )
      insert into cases (reference, country_code, person_id, owner_agency_id, opened_at)
      select 'TH-SIZE-' || p.pseudonym, 'TH', p.id, a.id,
        make_timestamptz(2010, split_part(p.pseudonym, '-', 3)::int, 15, 3, 0, 0, 'UTC')
      from people p cross join (select id from agencies where acronym = 'PSDHS Chiang Rai') a`);
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('how large a published table may be', () => {
  it('refuses a table of more numbers than one publishes, naming the breakdown, and answers the coarser one', async () => {
    expect(NATIONALITIES * 12).toBeGreaterThan(MOST_PUBLISHED_CELLS);
    const tooFine = await data.get('/api/statistics/figures?statistic=cases_opened&from=2010-01-01&to=2010-12-31&by=month,nationality');
    expect(expectProblem(tooFine, 400, 'validation_failed').errors?.map((error) => error.path)).toEqual(['query.by']);
    const byNationality = await data.get('/api/statistics/figures?statistic=cases_opened&from=2010-01-01&to=2010-12-31&by=nationality');
    expect(byNationality.status).toBe(200);
    expect(byNationality.body.cells).toHaveLength(NATIONALITIES);
  });
});
