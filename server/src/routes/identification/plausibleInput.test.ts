/**
 * Implausible answers are refused, never quietly changed (issue 14): an age outside 0–120 or a
 * negative one is a 400 naming the field, and nothing is written; dates out of order or in the
 * future are refused at their field; an interview is not completed while its interpreter is still
 * only requested.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openedDaysAgo } from '../../../test/caseOpening.js';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { addDays, isoDay } from '../../commands/openCase.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';
import { openTestCase } from '../caseRecord/testSupport.js';

let t: TestApp;
let worker: ApiClient; // case manager, Chiang Rai provincial office
let otherOffice: ApiClient; // screener at the police: the case is not theirs
let atpd: string;

async function count(statement: ReturnType<typeof sql>): Promise<number> {
  return rowsOf<{ n: number }>(await asSystem(t.database.db, (tx) => tx.execute(statement)))[0]!.n;
}

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login('admin');
  [worker, otherOffice] = await Promise.all([t.login('th.socialworker'), t.login('th.police')]);
  const agencies = (await admin.get('/api/admin/agencies?pageSize=200')).body.items as { id: string; acronym: string }[];
  atpd = agencies.find((a) => a.acronym === 'ATPD')!.id;
}, 60_000);

afterAll(() => t?.close());

describe('ages', () => {
  it.each([150, 121, -3, -1, 2.5])('refuses an estimated age of %s at the field, writing nothing', async (estimatedAge) => {
    const before = await count(sql`select count(*)::int as n from persons`);
    const refused = await worker.post('/api/cases', { person: { givenName: 'Mya', gender: 'Feminine', estimatedAge } });
    const problem = expectProblem(refused, 400, 'validation_failed');
    expect(problem.errors?.map((error) => error.path)).toEqual(['person.estimatedAge']);
    expect(await count(sql`select count(*)::int as n from persons`)).toBe(before);
  });

  it('sends the limits with the refusal, so the form can say what to enter', async () => {
    const tooOld = expectProblem(
      await worker.post('/api/cases', { person: { givenName: 'Mya', gender: 'Feminine', estimatedAge: 150 } }),
      400,
      'validation_failed',
    );
    expect(tooOld.errors?.[0]).toMatchObject({ path: 'person.estimatedAge', code: 'too_big', maximum: 120 });
    const negative = expectProblem(
      await worker.post('/api/cases', { person: { givenName: 'Mya', gender: 'Feminine', estimatedAge: -3 } }),
      400,
      'validation_failed',
    );
    expect(negative.errors?.[0]).toMatchObject({ path: 'person.estimatedAge', code: 'too_small', minimum: 0 });
    const blank = expectProblem(
      await worker.post('/api/cases', { person: { givenName: 'x'.repeat(201), gender: 'Feminine' } }),
      400,
      'validation_failed',
    );
    expect(blank.errors?.[0]).toMatchObject({ path: 'person.givenName', code: 'too_big', origin: 'string', maximum: 200 });
  });

  it('keeps 0 and 120', async () => {
    for (const estimatedAge of [0, 120]) {
      expect((await worker.post('/api/cases', { person: { givenName: 'Mya', gender: 'Feminine', estimatedAge } })).status).toBe(201);
    }
  });
});

describe('date pairs', () => {
  it('refuses a trafficking event that ends before it starts, at the end date, writing nothing', async () => {
    const kase = await openTestCase(worker);
    const events = () => count(sql`select count(*)::int as n from trafficking_events where case_id = ${kase.id}`);
    const body = { eventType: 'Recruitment', country: 'MM', startedOn: '2024-03-01', endedOn: '2024-02-28' };
    const refused = expectProblem(await worker.post(`/api/cases/${kase.id}/events`, body), 422, 'validation_failed');
    expect(refused.errors?.map((error) => [error.path, error.code])).toEqual([['endedOn', 'ends_before_start']]);
    expect(await events()).toBe(0);
    expect((await worker.post(`/api/cases/${kase.id}/events`, { ...body, endedOn: '2024-03-01' })).status).toBe(201);
    expect(await events()).toBe(1);
  });

  it('refuses a birth date in the future at its field', async () => {
    const tomorrow = addDays(isoDay(new Date()), 2);
    const refused = expectProblem(
      await worker.post('/api/cases', { person: { givenName: 'Mya', gender: 'Feminine', birthDate: tomorrow } }),
      400,
      'validation_failed',
    );
    expect(refused.errors?.map((error) => error.path)).toEqual(['person.birthDate']);
  });
});

describe('an interview and its interpreter', () => {
  it('is not completed while the interpreter is still requested; confirmed or cancelled, it is', async () => {
    const kase = await openTestCase(worker);
    await openedDaysAgo(t, kase.id, 30);
    const recorded = await worker.post(`/api/cases/${kase.id}/interviews`, {
      conductedOn: addDays(isoDay(new Date()), -1),
      place: 'Mae Sai',
      language: 'my',
      participantAgencyIds: [atpd],
      stepsCompleted: ['pre_screening'],
      indicators: { act: ['recruitment'], means: ['deception'], purpose: ['forced_labour'] },
      status: 'draft',
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const interview = recorded.body as { id: string; version: number };
    const request = await worker.post(`/api/cases/${kase.id}/interviews/${interview.id}/interpreter-requests`, { language: 'my' });
    expect(request.status).toBe(201);

    const complete = (version: number) =>
      worker.patch(`/api/cases/${kase.id}/interviews/${interview.id}`, { version, status: 'completed' });
    const refused = expectProblem(await complete(interview.version), 422, 'validation_failed');
    expect(refused.errors?.map((error) => [error.path, error.code])).toEqual([['status', 'interpreter_pending']]);
    const unchanged = (await worker.get(`/api/cases/${kase.id}/identification`)).body.interviews[0];
    expect(unchanged).toMatchObject({ status: 'draft', version: interview.version });

    // Someone outside the case cannot complete it either, whatever the interpreter's state.
    expect([403, 404]).toContain(
      (await otherOffice.patch(`/api/cases/${kase.id}/interviews/${interview.id}`, { version: 1, status: 'completed' })).status,
    );

    const cancelled = await worker.patch(`/api/cases/${kase.id}/interpreter-requests/${request.body.id}`, {
      version: 1,
      status: 'cancelled',
    });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    const completed = await complete(interview.version);
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body.status).toBe('completed');

    // Completed, nobody is asked for it any more: neither a new request nor the cancelled one revived.
    const late = expectProblem(
      await worker.post(`/api/cases/${kase.id}/interviews/${interview.id}/interpreter-requests`, { language: 'th' }),
      422,
      'validation_failed',
    );
    expect(late.errors?.map((error) => error.code)).toEqual(['interview_completed']);
    const revived = expectProblem(
      await worker.patch(`/api/cases/${kase.id}/interpreter-requests/${request.body.id}`, { version: 2, status: 'requested' }),
      422,
      'validation_failed',
    );
    expect(revived.errors?.map((error) => error.code)).toEqual(['interview_completed']);
    const after = (await worker.get(`/api/cases/${kase.id}/identification`)).body.interviews[0];
    expect(after.interpreterRequests.map((asked: { status: string }) => asked.status)).toEqual(['cancelled']);
  });
});
