/**
 * Dates that contradict each other (probe F6): an interview before the person's birth or before her
 * case was opened, whichever side is edited last. Refused with the field named, nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openedDaysAgo } from '../../../test/caseOpening.js';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { addDays, isoDay } from '../../commands/openCase.js';

let t: TestApp;
let worker: ApiClient; // case manager, Chiang Rai provincial office: owns the cases
let atpd: string;
const today = isoDay(new Date());
const daysAgo = (days: number) => addDays(today, -days);

const person = (birthDate: string) => ({ givenName: 'Hnin', familyName: 'Wai', gender: 'Feminine', birthDate, citizenship: ['MM'] });

/** A case opened 30 days ago. */
async function caseOpenedAMonthAgo(birthDate: string) {
  const created = await worker.post('/api/cases', { person: person(birthDate), intake: { channel: 'border_screening' }, locale: 'en' });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  await openedDaysAgo(t, created.body.id, 30);
  return created.body as { id: string; person: { version: number } };
}

const interview = (conductedOn: string) => ({
  conductedOn,
  place: 'Mae Sai',
  language: 'my',
  participantAgencyIds: [atpd],
  stepsCompleted: ['pre_screening'],
  indicators: { act: ['recruitment'], means: ['deception'], purpose: ['forced_labour'] },
  status: 'draft',
});

const identityOf = async (caseId: string) => (await worker.get(`/api/cases/${caseId}`)).body.sections.identity;
const interviewsOf = async (caseId: string) => (await worker.get(`/api/cases/${caseId}/identification`)).body.interviews;
const codesOf = (problem: { errors?: { path: string; code: string }[] }) => problem.errors?.map((error) => [error.path, error.code]);

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login('admin');
  worker = await t.login('th.socialworker');
  const agencies = (await admin.get('/api/admin/agencies?pageSize=200')).body.items as { id: string; acronym: string }[];
  atpd = agencies.find((a) => a.acronym === 'ATPD')!.id;
});
afterAll(() => t?.close());

describe('an interview date', () => {
  it('is refused before the case was opened, on recording and on editing, and nothing is written', async () => {
    const kase = await caseOpenedAMonthAgo('1995-05-05');
    const early = expectProblem(await worker.post(`/api/cases/${kase.id}/interviews`, interview(daysAgo(40))), 422, 'validation_failed');
    expect(codesOf(early)).toEqual([['conductedOn', 'before_case_opened']]);
    expect(await interviewsOf(kase.id)).toEqual([]);

    const recorded = await worker.post(`/api/cases/${kase.id}/interviews`, interview(daysAgo(10)));
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const moved = expectProblem(
      await worker.patch(`/api/cases/${kase.id}/interviews/${recorded.body.id}`, {
        version: recorded.body.version,
        conductedOn: daysAgo(45),
      }),
      422,
      'validation_failed',
    );
    expect(codesOf(moved)).toEqual([['conductedOn', 'before_case_opened']]);
    expect((await interviewsOf(kase.id)).map((row: { conductedOn: string }) => row.conductedOn)).toEqual([daysAgo(10)]);
    // The day the case was opened is a day the interview can have been held.
    const sameDay = await worker.patch(`/api/cases/${kase.id}/interviews/${recorded.body.id}`, {
      version: recorded.body.version,
      conductedOn: daysAgo(30),
    });
    expect(sameDay.status, JSON.stringify(sameDay.body)).toBe(200);
  });
});

describe('a birth date edited later', () => {
  it('is refused after a recorded interview, naming the field, and the person is left as she was', async () => {
    const kase = await caseOpenedAMonthAgo('1995-05-05');
    expect((await worker.post(`/api/cases/${kase.id}/interviews`, interview(daysAgo(10)))).status).toBe(201);
    const refused = expectProblem(
      await worker.patch(`/api/cases/${kase.id}/person`, { ...person(daysAgo(5)), version: kase.person.version }),
      422,
      'validation_failed',
    );
    expect(codesOf(refused)).toEqual([
      ['birthDate', 'after_interview'],
      ['birthDate', 'after_case_opened'],
    ]);
    expect((await identityOf(kase.id)).birthDate).toBe('1995-05-05');
  });

  it('is refused after the case was opened even with no interview, and accepted before it', async () => {
    const kase = await caseOpenedAMonthAgo('1995-05-05');
    const refused = expectProblem(
      await worker.patch(`/api/cases/${kase.id}/person`, { ...person(daysAgo(10)), version: kase.person.version }),
      422,
      'validation_failed',
    );
    expect(codesOf(refused)).toEqual([['birthDate', 'after_case_opened']]);
    expect((await identityOf(kase.id)).birthDate).toBe('1995-05-05');
    const fine = await worker.patch(`/api/cases/${kase.id}/person`, { ...person('1996-06-06'), version: kase.person.version });
    expect(fine.status, JSON.stringify(fine.body)).toBe(200);
    expect(fine.body.sections.identity.birthDate).toBe('1996-06-06');
  });
});
