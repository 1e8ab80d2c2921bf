import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../../test/harness.js';
import { verifyAuditChain } from '../../audit/verify.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';
import { caseloadDigest, syntheticCaseload } from './caseFacts.js';
import { type LoadResult, loadSyntheticPopulation } from './loadPopulation.js';
import { syntheticAgencies } from './syntheticAgencies.js';

/**
 * The synthetic caseload generator on a fresh database (PGlite, or PostgreSQL with DATABASE_URL):
 * 500 cases written with COPY, then read back through the real API as the demo's caseworkers.
 */
const CASES = 500;
const SEED = 424_242;

let t: TestApp;
let result: LoadResult;
let socialworker: ApiClient;
let ngo: ApiClient;
let ngoTotalBefore: number;
let receivers: number;

const query = async <T>(statement: ReturnType<typeof sql>) => rowsOf<T>(await asSystem(t.database.db, (tx) => tx.execute(statement)));
const synthetic = sql`c.reference like 'TH-Y%'`;
const totalOf = async (client: ApiClient) => (await client.get('/api/cases?pageSize=1')).body.total as number;

beforeAll(async () => {
  t = await startTestApp();
  socialworker = await t.login('th.socialworker');
  ngo = await t.login('th.ngo');
  ngoTotalBefore = await totalOf(ngo);
  receivers = (await syntheticAgencies(t.database)).receiverCount;
  result = await loadSyntheticPopulation(t.database, t.keyRing, { cases: CASES, seed: SEED });
}, 240_000);
afterAll(() => t?.close());

describe('synthetic caseload', () => {
  it('is the same for the same seed, and what the load reports is what the database holds', async () => {
    expect(result.cases).toBe(CASES);
    expect(caseloadDigest({ cases: CASES, seed: SEED }, receivers)).toBe(result.digest);
    expect(caseloadDigest({ cases: CASES, seed: SEED + 1 }, receivers)).not.toBe(result.digest);
    const [counts] = await query<Record<string, number>>(sql`select
      (select count(*)::int from cases c where ${synthetic}) as cases,
      (select count(*)::int from person_names n join cases c on c.person_id = n.person_id where ${synthetic}) as person_names,
      (select count(*)::int from trafficking_events e join cases c on c.id = e.case_id where ${synthetic}) as trafficking_events,
      (select count(*)::int from referrals r join cases c on c.id = r.case_id where ${synthetic}) as referrals,
      (select count(*)::int from care_services s join cases c on c.id = s.case_id where ${synthetic}) as care_services,
      (select count(*)::int from follow_up_visits v join cases c on c.id = v.case_id where ${synthetic}) as follow_up_visits,
      (select count(*)::int from audit_events where request_id like 'synthetic-%') as audit_events`);
    for (const [table, count] of Object.entries(counts!)) expect(count, table).toBe(result.tables[table]);
    expect(result.tables.audit_events).toBeGreaterThan(CASES * 2);
  });

  it('has the configured shares of sexes, nationalities, years and forms of exploitation', async () => {
    type Shares = Record<
      'feminine' | 'thai' | 'myanmar' | 'first_year' | 'last_year' | 'recent' | 'early' | 'married_men' | 'fishing_women' | 'mean_age',
      number
    >;
    const [shares] = await query<Shares>(sql`select
      avg((p.gender = 'Feminine')::int)::float as feminine,
      avg((p.citizenship[1] = 'TH')::int)::float as thai,
      avg((p.citizenship[1] = 'MM')::int)::float as myanmar,
      min(extract(year from c.opened_at))::int as first_year,
      max(extract(year from c.opened_at))::int as last_year,
      count(*) filter (where c.opened_at >= '2024-01-01')::int as recent,
      count(*) filter (where c.opened_at < '2018-01-01')::int as early,
      count(*) filter (where 'ForcedMarriage' = any(v.exploitation_types) and p.gender <> 'Feminine')::int as married_men,
      count(*) filter (where 'ForcedLabourFishing' = any(v.exploitation_types) and p.gender <> 'Masculine')::int as fishing_women,
      avg(c.age_at_intake)::float as mean_age
      from cases c join persons p on p.id = c.person_id join victim_contexts v on v.case_id = c.id where ${synthetic}`);
    expect(shares!.feminine).toBeGreaterThan(0.52);
    expect(shares!.feminine).toBeLessThan(0.72);
    expect(shares!.thai).toBeGreaterThan(0.2);
    expect(shares!.thai).toBeLessThan(0.4);
    expect(shares!.myanmar).toBeGreaterThan(0.15);
    expect(shares!.first_year).toBe(2015);
    expect(shares!.last_year).toBe(2026);
    // Intakes grow year on year: 2024–2026 hold far more cases than 2015–2017.
    expect(shares!.recent).toBeGreaterThan(shares!.early * 1.5);
    expect(shares!.married_men).toBe(0);
    // Nothing happened after the caseload's last day.
    const [future] = await query<{ n: number }>(sql`select
      (select count(*)::int from cases c where ${synthetic} and (c.opened_at > '2026-11-30' or c.closed_at > '2026-11-30'))
      + (select count(*)::int from follow_up_visits v join cases c on c.id = v.case_id where ${synthetic} and v.actual_on > '2026-11-30')
      + (select count(*)::int from care_services s join cases c on c.id = s.case_id where ${synthetic} and s.delivered_on > '2026-11-30') as n`);
    expect(future!.n).toBe(0);
    expect(shares!.fishing_women).toBe(0);
    expect(shares!.mean_age).toBeGreaterThan(18);
    expect(shares!.mean_age).toBeLessThan(35);
    // Names are written in the scripts of the six nationalities (Vietnamese: Latin with its diacritics).
    const written = [...syntheticCaseload({ cases: CASES, seed: SEED }, receivers)]
      .flatMap(({ kase }) => kase.person.names.filter((name) => name.kind === 'written').map((name) => name.name))
      .join(' ');
    for (const script of [
      /\p{Script=Thai}/u,
      /\p{Script=Khmer}/u,
      /\p{Script=Lao}/u,
      /\p{Script=Myanmar}/u,
      /\p{Script=Han}/u,
      /[ăâđêôơư]/u,
    ])
      expect(written).toMatch(script);
    const [aliases] = await query<{ n: number }>(
      sql`select count(*)::int as n from person_names n join cases c on c.person_id = n.person_id where ${synthetic} and n.kind = 'alias'`,
    );
    expect(aliases!.n).toBeGreaterThan(0);
  });

  it('appends its audit history to an intact chain', async () => {
    const chain = await verifyAuditChain(t.database.db);
    expect(chain.ok).toBe(true);
    expect(chain.events).toBeGreaterThanOrEqual(result.tables.audit_events!);
  });

  it("shows a caseworker her agency's generated cases and another agency's caseworker only those referred to hers", async () => {
    const [owners] = await query<{ chiangrai: string; ngo: string }>(sql`select
      (select agency_id::text from users where username = 'th.socialworker') as chiangrai,
      (select agency_id::text from users where username = 'th.ngo') as ngo`);
    const [visible] = await query<{
      n: number;
    }>(sql`select count(*)::int as n from cases c where ${synthetic} and (c.owner_agency_id = ${owners!.ngo}
      or exists (select 1 from case_access a where a.case_id = c.id and a.agency_id = ${owners!.ngo} and a.revoked_at is null))`);
    expect(visible!.n).toBeGreaterThan(0);
    expect(await totalOf(ngo)).toBe(ngoTotalBefore + visible!.n);
    const hidden = await query<{ id: string }>(sql`select c.id from cases c where ${synthetic} and c.owner_agency_id = ${owners!.chiangrai}
      and not exists (select 1 from case_access a where a.case_id = c.id and a.agency_id = ${owners!.ngo}) order by c.reference limit 5`);
    expect(hidden).toHaveLength(5);
    for (const { id } of hidden) {
      expect((await socialworker.get(`/api/cases/${id}`)).status).toBe(200);
      expect((await ngo.get(`/api/cases/${id}`)).status).toBe(404);
    }
  });

  it('finds planted duplicates through the possible-match search', async () => {
    const [chiangrai] = await query<{ id: string }>(sql`select agency_id::text as id from users where username = 'th.socialworker'`);
    const pairs = result.planted.filter((pair) => pair.ownerAgencyIds.every((agencyId) => agencyId === chiangrai!.id)).slice(0, 10);
    expect(pairs.length).toBeGreaterThanOrEqual(3);
    let found = 0;
    for (const pair of pairs) {
      const response = await socialworker.post('/api/persons/matches', pair.query);
      expect(response.status).toBe(200);
      if (response.body.candidates.some((candidate: { personId: string }) => candidate.personId === pair.originalPersonId)) found++;
    }
    expect(found / pairs.length).toBeGreaterThanOrEqual(0.8);
  });
});
