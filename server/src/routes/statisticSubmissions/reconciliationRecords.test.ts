import { randomUUID } from 'node:crypto';
import type { ReconciliationRecords } from '@seamless/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { thaiDemoDataset } from '../../../test/identifiedCases.js';
import { asSystem } from '../../db/actorContext.js';
import type { Tx } from '../../db/client.js';

/**
 * The records behind a reported line, for a head of office who reads figures and her office's
 * cases. Chiang Rai in 2009 (no demo record is that old), victims identified:
 * - Pen: two cases, both identified in 2009 — one person, two cases.
 * - Dao: opened in November 2009, identified in January 2010 — opened in the period, not counted.
 * - Fah: opened in December 2008, identified in January 2009 — counted, opened before the period.
 * - Kan and Lek: opened and identified in 2009, women.
 * - Somchai, a man: opened and identified in 2009.
 * - The police's own case in 2009: never listed to Chiang Rai.
 * The office counts 5 persons (6 cases); its annual report said 7.
 */
let t: TestApp;
let head: ApiClient; // case_manager and data_officer, Chiang Rai
let data: ApiClient; // data_officer, ministry: no case:read
let socialworker: ApiClient; // case_manager, Chiang Rai: no stats:read
const agency = {} as Record<'chiangrai' | 'police', string>;
const caseOf: Record<string, string> = {};

type CaseFacts = {
  owner: keyof typeof agency;
  openedAt: string;
  identifiedOn: string;
  personId?: string;
  gender?: 'Feminine' | 'Masculine';
};
let dataset: Awaited<ReturnType<typeof thaiDemoDataset>>;

/** A case of the office or the police, of a new person unless one is named; kept by name for the assertions. */
async function identifiedCase(tx: Tx, name: string, { owner, openedAt, identifiedOn, personId, gender = 'Feminine' }: CaseFacts) {
  const person = personId ?? (await dataset.person(tx, { gender, birthYear: 1990, agencyId: agency[owner] }));
  caseOf[name] = await dataset.identifiedCase(tx, person, { ownerAgencyId: agency[owner], openedAt, identifiedOn });
  return person;
}

const submit = async (body: Record<string, unknown>) => {
  const response = await head.post('/api/statistics/submissions', {
    sourceAgencyId: agency.chiangrai,
    statistic: 'victims_identified',
    from: '2009-01-01',
    to: '2009-12-31',
    source: 'Chiang Rai annual report 2009, table 1',
    ...body,
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
};

beforeAll(async () => {
  t = await startTestApp();
  [head, data, socialworker] = await Promise.all([t.login('th.officehead'), t.login('th.data'), t.login('th.socialworker')]);
  await asSystem(t.database.db, async (tx) => {
    dataset = await thaiDemoDataset(tx, 'REC');
    Object.assign(agency, dataset.agency);
    const chiangrai = { owner: 'chiangrai' as const };
    const pen = await identifiedCase(tx, 'pen1', { ...chiangrai, openedAt: '2009-02-01T03:00:00Z', identifiedOn: '2009-02-10' });
    await identifiedCase(tx, 'pen2', { ...chiangrai, openedAt: '2009-08-01T03:00:00Z', identifiedOn: '2009-08-10', personId: pen });
    await identifiedCase(tx, 'dao', { ...chiangrai, openedAt: '2009-11-20T03:00:00Z', identifiedOn: '2010-01-10' });
    await identifiedCase(tx, 'fah', { ...chiangrai, openedAt: '2008-12-20T03:00:00Z', identifiedOn: '2009-01-05' });
    await identifiedCase(tx, 'kan', { ...chiangrai, openedAt: '2009-04-01T03:00:00Z', identifiedOn: '2009-04-20' });
    await identifiedCase(tx, 'lek', { ...chiangrai, openedAt: '2009-05-01T03:00:00Z', identifiedOn: '2009-05-20' });
    await identifiedCase(tx, 'somchai', {
      ...chiangrai,
      openedAt: '2009-06-01T03:00:00Z',
      identifiedOn: '2009-06-20',
      gender: 'Masculine',
    });
    await identifiedCase(tx, 'police', { owner: 'police', openedAt: '2009-03-01T03:00:00Z', identifiedOn: '2009-03-10' });
  });
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the records behind a reported figure', () => {
  it('shows what makes the count differ: one person with two cases, a later identification, an earlier opening', async () => {
    const id = await submit({ total: 7 });
    const response = await head.get(`/api/statistics/submissions/${id}/records`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const explained = response.body as ReconciliationRecords;
    expect(explained).toMatchObject({
      keys: [],
      countedCases: 6,
      countedPersons: 5,
      openedNotCounted: 1,
      countedOpenedOutside: 1,
      truncated: false,
    });
    const byCase = new Map(explained.records.map((record) => [record.case.id, record]));
    expect(byCase.get(caseOf.dao!)).toMatchObject({ countedOn: null, openedInPeriod: true, samePersonCases: 0 });
    expect(byCase.get(caseOf.pen1!)).toMatchObject({ countedOn: '2009-02-10', samePersonCases: 1, openedInPeriod: true });
    expect(byCase.get(caseOf.pen2!)).toMatchObject({ countedOn: '2009-08-10', samePersonCases: 1 });
    expect(byCase.get(caseOf.fah!)).toMatchObject({ countedOn: '2009-01-05', openedInPeriod: false, samePersonCases: 0 });
    expect(byCase.get(caseOf.kan!)).toMatchObject({ countedOn: '2009-04-20', openedInPeriod: true, samePersonCases: 0 });
    // What explains a difference first: the case not counted, then the person with two cases, then the early opening.
    expect(explained.records.slice(0, 4).map((record) => record.case.id)).toEqual([caseOf.dao, caseOf.pen2, caseOf.pen1, caseOf.fah]);
    expect(explained.records.map((record) => record.case.id)).not.toContain(caseOf.police);
    expect(explained.records).toHaveLength(7);
  });

  it('explains one line of a figure broken down by sex', async () => {
    const id = await submit({ by: ['sex'], cells: [{ keys: ['male'], value: 2 }] });
    const male = (await head.get(`/api/statistics/submissions/${id}/records?keys=male`)).body as ReconciliationRecords;
    expect(male).toMatchObject({ keys: ['male'], countedCases: 1, countedPersons: 1, openedNotCounted: 0 });
    expect(male.records.map((record) => record.case.id)).toEqual([caseOf.somchai]);
  });

  it("lists nothing of another agency's line to her", async () => {
    const response = await head.post('/api/statistics/submissions', {
      sourceAgencyId: agency.police,
      statistic: 'victims_identified',
      from: '2009-01-01',
      to: '2009-12-31',
      source: 'Police annual report 2009',
      total: 3,
    });
    const explained = (await head.get(`/api/statistics/submissions/${response.body.id}/records`)).body as ReconciliationRecords;
    expect(explained).toMatchObject({ countedCases: 0, countedPersons: 0, records: [] });
  });

  it('refuses readers of figures without cases, caseworkers without figures, and a line the figure does not have', async () => {
    const id = await submit({ total: 7 });
    expectProblem(await data.get(`/api/statistics/submissions/${id}/records`), 403, 'forbidden');
    expectProblem(await socialworker.get(`/api/statistics/submissions/${id}/records`), 403, 'forbidden');
    // An empty line name is the total line, as no name is.
    expect((await head.get(`/api/statistics/submissions/${id}/records?keys=`)).status).toBe(200);
    const bySex = await submit({ by: ['sex'], cells: [{ keys: ['male'], value: 2 }] });
    const notASex = await head.get(`/api/statistics/submissions/${bySex}/records?keys=MM`);
    expectProblem(notASex, 400, 'validation_failed');
    expect(JSON.stringify(notASex.body)).toContain('query.keys');
    const wrongLine = await head.get(`/api/statistics/submissions/${id}/records?keys=female`);
    expectProblem(wrongLine, 400, 'validation_failed');
    expect(JSON.stringify(wrongLine.body)).toContain('keys');
    expectProblem(
      await head.get(`/api/statistics/submissions/${id}/records?keys=${encodeURIComponent("'; drop table cases")}`),
      400,
      'validation_failed',
    );
    expectProblem(await head.get(`/api/statistics/submissions/${randomUUID()}/records`), 404, 'not_found');
  });
});
