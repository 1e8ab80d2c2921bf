import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openedDaysAgo } from '../../../test/caseOpening.js';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { readPdf } from '../../../test/pdf.js';
import { addDays, isoDay } from '../../commands/openCase.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';
import { DEMO_PEOPLE } from '../../seed/demoThailand.js';

let t: TestApp;
let admin: ApiClient;
let worker: ApiClient; // case_manager, Chiang Rai provincial office (owns the cases)
let shelter: ApiClient; // shelter_staff: person 0's case is shared with the shelter, identity included
let psychologist: ApiClient; // specialist_psychosocial at the shelter: no identity section
let ngo: ApiClient; // case_manager, NGO: person 1's case is shared with it, no sections
let police: ApiClient; // screener, police: no access to Chiang Rai's cases

const agency = {} as Record<'chiangrai' | 'police' | 'ngo' | 'shelter', string>;
const today = isoDay(new Date());
const daysAgo = (days: number) => addDays(today, -days);
const yearsAgo = (years: number, extraDays = 0) => addDays(`${Number(today.slice(0, 4)) - years}${today.slice(4)}`, -extraDays);

const ACCOUNT = 'A broker in Tachileik promised me a factory job and kept my passport at the border.';
const INTERPRETER = 'Khin Myo Aung';

async function query<T = Record<string, unknown>>(statement: ReturnType<typeof sql>): Promise<T[]> {
  return rowsOf<T>(await asSystem(t.database.db, (tx) => tx.execute(statement)));
}

let counter = 0;
/** A fresh case owned by the Chiang Rai office, so each test starts from a known trafficking status. */
async function newCase(birthDate: string | null, victimContext?: Record<string, unknown>) {
  counter += 1;
  const givenName = `Mya${'abcdefghij'[counter % 10]}`;
  const familyName = `Thandar ${counter}`;
  const response = await worker.post('/api/cases', {
    person: {
      givenName,
      familyName,
      gender: 'Feminine',
      birthDate,
      citizenship: ['MM'],
    },
    intake: { channel: 'border_screening', urgency: 'routine' },
    ...(victimContext ? { victimContext } : {}),
    locale: 'en',
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  // Opened a month ago: the interviews and decisions the tests record fall after the intake.
  await openedDaysAgo(t, response.body.id, 30);
  return { ...(response.body as { id: string; reference: string; version: number }), name: `${givenName} ${familyName}` };
}

const interviewBody = (overrides: Record<string, unknown> = {}) => ({
  conductedOn: daysAgo(3),
  place: 'Mae Sai',
  language: 'my',
  participantAgencyIds: [agency.police],
  stepsCompleted: ['pre_screening', 'mdt_interview_with_interpreter'],
  indicators: { act: ['recruitment', 'transportation'], means: ['deception', 'document_retention'], purpose: ['forced_labour'] },
  account: ACCOUNT,
  ...overrides,
});

const decision = (caseVersion: number, overrides: Record<string, unknown> = {}) => ({
  toStatus: 'Presumed',
  decidingAgencyId: agency.chiangrai,
  decidedOn: daysAgo(1),
  decidedByName: 'Provincial MDT, Chiang Rai',
  reasons: 'Recruitment by deception and passport retention for forced labour.',
  caseVersion,
  ...overrides,
});

async function caseOf(client: ApiClient, id: string) {
  const response = await client.get(`/api/cases/${id}`);
  expect(response.status).toBe(200);
  return response.body;
}

async function identification(client: ApiClient, id: string) {
  const response = await client.get(`/api/cases/${id}/identification`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

/** A completed interview on the case, recorded by the owner. */
async function completedInterview(caseId: string, overrides: Record<string, unknown> = {}) {
  const response = await worker.post(`/api/cases/${caseId}/interviews`, interviewBody({ status: 'completed', ...overrides }));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

/** An interview still in progress: an interpreter is asked for before the interview is completed. */
const draftInterview = (caseId: string) => completedInterview(caseId, { status: 'draft' });

/** Potential → Presumed (the provincial office's MDT) → returns the new case version. */
async function presume(caseId: string, version: number) {
  const response = await worker.post(`/api/cases/${caseId}/trafficking-status`, decision(version));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.caseVersion as number;
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, worker, shelter, psychologist, ngo, police] = await Promise.all([
    t.login('admin'),
    t.login('th.socialworker'),
    t.login('th.shelter'),
    t.login('th.psychologist'),
    t.login('th.ngo'),
    t.login('th.police'),
  ]);
  const agencies = (await admin.get('/api/admin/agencies?pageSize=200')).body.items as {
    id: string;
    acronym: string;
    agencyFunction: string;
  }[];
  agency.chiangrai = agencies.find((a) => a.acronym === 'PSDHS Chiang Rai')!.id;
  agency.police = agencies.find((a) => a.acronym === 'ATPD')!.id;
  agency.ngo = agencies.find((a) => a.agencyFunction === 'ngo')!.id;
  agency.shelter = agencies.find((a) => a.agencyFunction === 'shelter')!.id;
});

afterAll(() => t?.close());

describe('identification: the journey from pre-screening to the certificate', () => {
  it('runs pre-screening → interview with an interpreter → Presumed → Identified → certificate', async () => {
    const kase = await newCase('1996-08-14');

    // Pre-screening: a "yes" to an indicator-suggesting question refers the person to identification.
    const screening = await worker.post(`/api/cases/${kase.id}/prescreenings`, {
      answers: { documents_withheld: 'yes', deceived_about_job: 'yes', under_18: 'no', confined: 'unknown' },
    });
    expect(screening.status, JSON.stringify(screening.body)).toBe(201);
    expect(screening.body).toMatchObject({ outcome: 'refer_to_identification', conductedByName: 'Nok Wongsakul' });

    // The interview, recorded once; no procedure named, so Thailand's MDT procedure, with the police at the table.
    const created = await worker.post(`/api/cases/${kase.id}/interviews`, interviewBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const interview = created.body;
    expect(interview).toMatchObject({
      procedure: 'th_mdt',
      status: 'draft',
      childAtTime: false,
      account: ACCOUNT,
      conductedByName: 'Nok Wongsakul',
      agencyName: expect.stringContaining('Chiang Rai'),
      participantAgencies: [{ id: agency.police, name: expect.stringContaining('Royal Thai Police') }],
      interpreterRequests: [],
      version: 1,
    });

    // An interpreter in Burmese, requested and then provided.
    const requested = await worker.post(`/api/cases/${kase.id}/interviews/${interview.id}/interpreter-requests`, { language: 'my' });
    expect(requested.status, JSON.stringify(requested.body)).toBe(201);
    expect(requested.body).toMatchObject({ interviewId: interview.id, language: 'my', status: 'requested', providedAt: null, version: 1 });
    const provided = await worker.patch(`/api/cases/${kase.id}/interpreter-requests/${requested.body.id}`, {
      version: 1,
      status: 'provided',
      interpreterName: INTERPRETER,
      interpreterOrganisation: 'Mae Sai migrant centre',
    });
    expect(provided.status, JSON.stringify(provided.body)).toBe(200);
    expect(provided.body).toMatchObject({ status: 'provided', interpreterName: INTERPRETER, version: 2 });
    expect(Date.parse(provided.body.providedAt)).toBeGreaterThan(Date.now() - 60_000);

    const completed = await worker.patch(`/api/cases/${kase.id}/interviews/${interview.id}`, {
      version: interview.version,
      status: 'completed',
      stepsCompleted: ['pre_screening', 'notify_mdt', 'mdt_interview_with_interpreter'],
    });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', version: 2, account: ACCOUNT });
    expect(completed.body.interpreterRequests).toHaveLength(1);

    // Presumed, by the provincial MDT: the reflection period (45 days in Thailand) and protection start.
    const presumedOn = daysAgo(1);
    const presumed = await worker.post(`/api/cases/${kase.id}/trafficking-status`, decision(kase.version, { decidedOn: presumedOn }));
    expect(presumed.status, JSON.stringify(presumed.body)).toBe(201);
    expect(presumed.body).toMatchObject({
      fromStatus: 'Potential',
      toStatus: 'Presumed',
      interviewId: interview.id,
      indicators: interviewBody().indicators,
      certificateNumber: `${kase.reference}/P1`,
      caseVersion: kase.version + 1,
    });
    const afterPresumed = await caseOf(worker, kase.id);
    expect(afterPresumed).toMatchObject({
      traffickingStatus: 'Presumed',
      stage: 'protection',
      reflectionPeriodEndsOn: addDays(presumedOn, 45),
      version: kase.version + 1,
    });
    const reflectionTasks = await query<{ due_on: string; done_at: string | null }>(
      sql`select due_on::text, done_at from case_tasks where case_id = ${kase.id} and kind = 'reflection_period_end'`,
    );
    expect(reflectionTasks).toEqual([{ due_on: addDays(presumedOn, 45), done_at: null }]);

    // Identified, by the inquiry officer (police), recorded by the social worker.
    const identified = await worker.post(
      `/api/cases/${kase.id}/trafficking-status`,
      decision(afterPresumed.version, {
        toStatus: 'Identified',
        decidingAgencyId: agency.police,
        decidedOn: today,
        decidedByName: 'Pol. Lt. Col. Somchai, inquiry officer',
      }),
    );
    expect(identified.status, JSON.stringify(identified.body)).toBe(201);
    expect(identified.body).toMatchObject({
      fromStatus: 'Presumed',
      toStatus: 'Identified',
      decidingAgencyName: expect.stringContaining('Royal Thai Police'),
      certificateNumber: `${kase.reference}/C1`,
    });
    expect((await caseOf(worker, kase.id)).traffickingStatus).toBe('Identified');
    const deadline = await query<{ done_at: string | null }>(
      sql`select done_at from case_tasks where case_id = ${kase.id} and kind = 'identification_deadline'`,
    );
    expect(deadline).toHaveLength(1);
    expect(deadline[0]!.done_at).not.toBeNull();

    // The whole record reads back in order.
    const record = await identification(worker, kase.id);
    expect(record.prescreenings.map((p: any) => p.outcome)).toEqual(['refer_to_identification']);
    expect(record.interviews.map((i: any) => i.id)).toEqual([interview.id]);
    expect(record.interviews[0].interpreterRequests[0]).toMatchObject({ status: 'provided', interpreterName: INTERPRETER });
    expect(record.decisions.map((d: any) => [d.fromStatus, d.toStatus])).toEqual([
      ['Potential', 'Presumed'],
      ['Presumed', 'Identified'],
    ]);

    // The certificate: a PDF naming the certificate number, as an attachment.
    // In English by choice: by default it would be in Burmese, her country's language (certificateLanguage.test.ts).
    const pdf = await worker.download(`/api/cases/${kase.id}/certificate?locale=en`);
    expect(pdf.status, pdf.bytes.toString('utf8').slice(0, 300)).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(
      `attachment; filename="certificate-${kase.reference}-en.pdf"; filename*=UTF-8''certificate-${kase.reference}-en.pdf`,
    );
    expect(pdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const { text } = await readPdf(pdf.bytes);
    expect(text).toContain(`${kase.reference}/C1`);
    expect(text).toContain(kase.name);
    // Indicator labels come from the interface catalogue, not the keys.
    expect(text).toContain('Documents withheld');
    expect(text).not.toContain('document_retention');

    // The timeline and the audit trail say what happened, without personal data.
    const events = await query<{ kind: string; details: Record<string, unknown> }>(
      sql`select kind, details from case_events where case_id = ${kase.id} order by id`,
    );
    expect(events.map((e) => e.kind)).toEqual([
      'case.opened',
      'prescreening.recorded',
      'interview.recorded',
      'interpreter.requested',
      'interpreter.updated',
      'interview.updated',
      'trafficking_status.decided',
      'trafficking_status.decided',
      'certificate.issued',
    ]);
    const trail = JSON.stringify(events);
    for (const secret of [ACCOUNT, INTERPRETER, kase.name, 'Somchai']) expect(trail).not.toContain(secret);
    const audit = await query<{ action: string; details: Record<string, unknown> }>(
      sql`select action, details from audit_events where resource_id = ${kase.id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['case.identification', 'case.read', 'case.certificate_issued']));
    expect(audit.filter((a) => a.action === 'case.identification')).toHaveLength(7);
    expect(audit.find((a) => a.action === 'case.read' && a.details.part === 'identification')).toBeDefined();
    for (const secret of [ACCOUNT, INTERPRETER]) expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('keeps the account and the interpreter’s name encrypted at rest', async () => {
    const kase = await newCase('1994-02-02');
    const interview = await draftInterview(kase.id);
    const request = await worker.post(`/api/cases/${kase.id}/interviews/${interview.id}/interpreter-requests`, { language: 'shn' });
    await worker.patch(`/api/cases/${kase.id}/interpreter-requests/${request.body.id}`, {
      version: 1,
      status: 'provided',
      interpreterName: INTERPRETER,
    });
    const stored = JSON.stringify(
      await query(
        sql`select i.*, r.* from identification_interviews i join interpreter_requests r on r.interview_id = i.id where i.id = ${interview.id}`,
      ),
    );
    expect(stored).toContain('v2:');
    expect(stored).not.toContain('Tachileik');
    expect(stored).not.toContain(INTERPRETER);
  });
});

describe('identification progress on the case', () => {
  it('tells the case page how far identification has gone: none, pre-screened, interviewing, interviewed', async () => {
    const kase = await newCase('1996-08-14');
    const progress = async () => (await caseOf(worker, kase.id)).identificationProgress;
    expect(await progress()).toBe('none');

    await worker.post(`/api/cases/${kase.id}/prescreenings`, { answers: { documents_withheld: 'yes' } });
    expect(await progress()).toBe('prescreened');

    const created = await worker.post(`/api/cases/${kase.id}/interviews`, interviewBody());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await progress()).toBe('interviewing');

    const completed = await worker.patch(`/api/cases/${kase.id}/interviews/${created.body.id}`, { version: 1, status: 'completed' });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(await progress()).toBe('interviewed');
  });
});

describe('pre-screening', () => {
  it('refuses an unknown question, naming it, and writes nothing', async () => {
    const kase = await newCase('1990-01-01');
    const refused = expectProblem(
      await worker.post(`/api/cases/${kase.id}/prescreenings`, { answers: { confined: 'yes', likes_football: 'no' } }),
      422,
      'validation_failed',
    );
    expect(refused.errors).toEqual([{ path: 'answers.likes_football', code: 'unknown_question', message: expect.any(String) }]);
    const empty = expectProblem(await worker.post(`/api/cases/${kase.id}/prescreenings`, { answers: {} }), 422, 'validation_failed');
    expect(empty.errors?.[0]?.path).toBe('answers');
    const badAnswer = expectProblem(
      await worker.post(`/api/cases/${kase.id}/prescreenings`, { answers: { confined: 'maybe' } }),
      400,
      'validation_failed',
    );
    expect(badAnswer.errors?.[0]?.path).toBe('answers.confined');
    expect((await identification(worker, kase.id)).prescreenings).toEqual([]);
  });

  it('computes the outcome on the server: only a "yes" that suggests an indicator refers the person', async () => {
    const kase = await newCase('1990-01-01');
    const calm = await worker.post(`/api/cases/${kase.id}/prescreenings`, {
      answers: { under_18: 'yes', confined: 'no', threatened_or_harmed: 'unknown' },
    });
    expect(calm.body.outcome).toBe('no_indication');
    const planted = expectProblem(
      await worker.post(`/api/cases/${kase.id}/prescreenings`, { answers: { confined: 'no' }, outcome: 'refer_to_identification' }),
      400,
      'validation_failed',
    );
    expect(planted.errors?.map((e) => e.path)).toContain('outcome');
    const referred = await worker.post(`/api/cases/${kase.id}/prescreenings`, { answers: { confined: 'yes' } });
    expect(referred.body.outcome).toBe('refer_to_identification');
  });
});

describe('interviews', () => {
  it('refuses indicators that are unknown or under another element, with the exact path', async () => {
    const kase = await newCase('1990-01-01');
    const unknown = expectProblem(
      await worker.post(
        `/api/cases/${kase.id}/interviews`,
        interviewBody({ indicators: { act: ['deception'], means: ['threat', 'mind_control'], purpose: ['forced_labour'] } }),
      ),
      422,
      'validation_failed',
    );
    expect(unknown.errors).toEqual([
      { path: 'indicators.act.0', code: 'unknown_indicator', message: expect.any(String) },
      { path: 'indicators.means.1', code: 'unknown_indicator', message: expect.any(String) },
    ]);
    expect((await identification(worker, kase.id)).interviews).toEqual([]);
  });

  it('refuses an unknown procedure, steps of another procedure and agencies that do not exist', async () => {
    const kase = await newCase('1990-01-01');
    const procedure = expectProblem(
      await worker.post(`/api/cases/${kase.id}/interviews`, interviewBody({ procedure: 'ad_hoc' })),
      422,
      'validation_failed',
    );
    expect(procedure.errors?.map((e) => [e.path, e.code])).toEqual([['procedure', 'unknown_procedure']]);
    // A Lao step is not a step of the Thai MDT procedure.
    const steps = expectProblem(
      await worker.post(`/api/cases/${kase.id}/interviews`, interviewBody({ stepsCompleted: ['pre_screening', 'referral_to_atd'] })),
      422,
      'validation_failed',
    );
    expect(steps.errors?.map((e) => [e.path, e.code])).toEqual([['stepsCompleted.1', 'unknown_step']]);
    // The same step is fine under the Lao procedure.
    const lao = await worker.post(
      `/api/cases/${kase.id}/interviews`,
      interviewBody({ procedure: 'la_four_step', stepsCompleted: ['pre_interview_assessment', 'referral_to_atd'] }),
    );
    expect(lao.status, JSON.stringify(lao.body)).toBe(201);
    expect(lao.body.procedure).toBe('la_four_step');
    const agencies = expectProblem(
      await worker.post(
        `/api/cases/${kase.id}/interviews`,
        interviewBody({ participantAgencyIds: [agency.police, '5d0f4a57-0000-4000-8000-000000000000'] }),
      ),
      422,
      'invalid_reference',
    );
    expect(agencies.errors?.map((e) => e.path)).toEqual(['participantAgencyIds.1']);
    expect((await identification(worker, kase.id)).interviews.map((i: any) => i.id)).toEqual([lao.body.id]);
  });

  it('refuses a date in the future, before the person was born, or not on the calendar', async () => {
    const kase = await newCase(yearsAgo(20));
    const future = expectProblem(
      await worker.post(`/api/cases/${kase.id}/interviews`, interviewBody({ conductedOn: addDays(today, 3) })),
      422,
      'validation_failed',
    );
    expect(future.errors).toEqual([{ path: 'conductedOn', code: 'date_in_future', message: expect.any(String) }]);
    const beforeBirth = expectProblem(
      await worker.post(`/api/cases/${kase.id}/interviews`, interviewBody({ conductedOn: yearsAgo(21) })),
      422,
      'validation_failed',
    );
    expect(beforeBirth.errors).toEqual([
      { path: 'conductedOn', code: 'before_birth', message: expect.any(String) },
      { path: 'conductedOn', code: 'before_case_opened', message: expect.any(String) },
    ]);
    const notADay = expectProblem(
      await worker.post(`/api/cases/${kase.id}/interviews`, interviewBody({ conductedOn: '2025-02-30' })),
      400,
      'validation_failed',
    );
    expect(notADay.errors?.[0]?.path).toBe('conductedOn');
    expect((await identification(worker, kase.id)).interviews).toEqual([]);
  });

  it('computes childAtTime on the server and never takes it from the client', async () => {
    const planted = expectProblem(
      await worker.post(`/api/cases/${(await newCase('1990-01-01')).id}/interviews`, interviewBody({ childAtTime: true })),
      400,
      'validation_failed',
    );
    expect(planted.errors?.map((e) => e.path)).toContain('childAtTime');

    // Fifteen on the day of the interview.
    const child = await completedInterview((await newCase(yearsAgo(15, 30))).id);
    expect(child.childAtTime).toBe(true);
    // Twenty now, but sixteen when trafficked (victim context): a child case.
    const thenChild = await completedInterview((await newCase(yearsAgo(20, 30), { ageWhenTrafficked: 16 })).id);
    expect(thenChild.childAtTime).toBe(true);
    // Twenty now, recruited five years ago (a recorded trafficking event): a child case too.
    const recruited = await newCase(yearsAgo(20, 30));
    const event = await worker.post(`/api/cases/${recruited.id}/events`, {
      eventType: 'Recruitment',
      country: 'MM',
      startedOn: yearsAgo(5),
    });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    expect((await completedInterview(recruited.id)).childAtTime).toBe(true);
    // No birth date: the age at intake decides (unknown → adult rules).
    const unknownAge = await completedInterview((await newCase(null)).id);
    expect(unknownAge.childAtTime).toBe(false);
  });

  it('updates on the version read: 409 with the current version on a stale one, and completed never returns to draft', async () => {
    const kase = await newCase('1990-01-01');
    const created = await worker.post(`/api/cases/${kase.id}/interviews`, interviewBody());
    const first = await worker.patch(`/api/cases/${kase.id}/interviews/${created.body.id}`, { version: 1, place: 'Chiang Saen' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ place: 'Chiang Saen', version: 2 });
    const stale = await worker.patch(`/api/cases/${kase.id}/interviews/${created.body.id}`, { version: 1, place: 'Mae Sot' });
    const problem = expectProblem(stale, 409, 'conflict');
    expect((problem as any).current).toEqual({ version: 2, updatedAt: first.body.updatedAt });

    const done = await worker.patch(`/api/cases/${kase.id}/interviews/${created.body.id}`, { version: 2, status: 'completed' });
    expect(done.body.status).toBe('completed');
    const back = expectProblem(
      await worker.patch(`/api/cases/${kase.id}/interviews/${created.body.id}`, { version: 3, status: 'draft' }),
      422,
      'validation_failed',
    );
    expect(back.errors).toEqual([{ path: 'status', code: 'interview_completed', message: expect.any(String) }]);
    // A partial change leaves every field it does not name as it was.
    const corrected = await worker.patch(`/api/cases/${kase.id}/interviews/${created.body.id}`, { version: 3, language: 'shn' });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    const stored = (await identification(worker, kase.id)).interviews[0];
    expect(stored).toMatchObject({
      status: 'completed',
      place: 'Chiang Saen',
      language: 'shn',
      stepsCompleted: interviewBody().stepsCompleted,
      participantAgencies: [{ id: agency.police, name: expect.any(String) }],
      account: ACCOUNT,
      version: 4,
    });

    // An interview of another case is not reachable through this one.
    const other = await newCase('1991-01-01');
    expectProblem(await worker.patch(`/api/cases/${other.id}/interviews/${created.body.id}`, { version: 4, place: 'X' }), 404, 'not_found');
  });
});

describe('interpreter requests', () => {
  it('need who interpreted when provided, and answer 409 on a stale version', async () => {
    const kase = await newCase('1990-01-01');
    const interview = await draftInterview(kase.id);
    const request = await worker.post(`/api/cases/${kase.id}/interviews/${interview.id}/interpreter-requests`, { language: 'kac' });
    expect(request.status).toBe(201);
    const nobody = expectProblem(
      await worker.patch(`/api/cases/${kase.id}/interpreter-requests/${request.body.id}`, { version: 1, status: 'provided' }),
      422,
      'validation_failed',
    );
    expect(nobody.errors?.[0]?.path).toBe('interpreterName');
    const unavailable = await worker.patch(`/api/cases/${kase.id}/interpreter-requests/${request.body.id}`, {
      version: 1,
      status: 'unavailable',
    });
    expect(unavailable.body).toMatchObject({ status: 'unavailable', providedAt: null, version: 2 });
    const stale = expectProblem(
      await worker.patch(`/api/cases/${kase.id}/interpreter-requests/${request.body.id}`, {
        version: 1,
        status: 'provided',
        interpreterOrganisation: 'Kachin community network',
      }),
      409,
      'conflict',
    );
    expect((stale as any).current).toEqual({ version: 2 });
    expect((await identification(worker, kase.id)).interviews[0].interpreterRequests[0]).toMatchObject({
      status: 'unavailable',
      version: 2,
    });
    const language = expectProblem(
      await worker.post(`/api/cases/${kase.id}/interviews/${interview.id}/interpreter-requests`, { language: 'klingon' }),
      400,
      'validation_failed',
    );
    expect(language.errors?.[0]?.path).toBe('language');
  });
});

describe('trafficking-status decisions', () => {
  it('refuses to skip from Potential to Identified, and writes nothing', async () => {
    const kase = await newCase('1990-01-01');
    const interview = await completedInterview(kase.id);
    const skip = expectProblem(
      await worker.post(
        `/api/cases/${kase.id}/trafficking-status`,
        decision(kase.version, { toStatus: 'Identified', decidingAgencyId: agency.police, interviewId: interview.id }),
      ),
      422,
      'identification_refused',
    );
    expect(skip.errors).toEqual([{ path: 'toStatus', code: 'transition_not_allowed', message: expect.any(String) }]);
    const after = await caseOf(worker, kase.id);
    expect(after).toMatchObject({ traffickingStatus: 'Potential', version: kase.version, stage: 'intake' });
    expect((await identification(worker, kase.id)).decisions).toEqual([]);
  });

  it('waives the means for a child: act and purpose identify a child, not an adult', async () => {
    const indicators = { act: ['recruitment'], means: [], purpose: ['sexual_exploitation'] };
    const identify = (version: number) => decision(version, { toStatus: 'Identified', decidingAgencyId: agency.police, decidedOn: today });

    const child = await newCase(yearsAgo(16, 40));
    const childInterview = await completedInterview(child.id, { indicators });
    expect(childInterview.childAtTime).toBe(true);
    const childVersion = await presume(child.id, child.version);
    const identified = await worker.post(`/api/cases/${child.id}/trafficking-status`, identify(childVersion));
    expect(identified.status, JSON.stringify(identified.body)).toBe(201);
    expect(identified.body).toMatchObject({
      toStatus: 'Identified',
      indicators: { act: ['recruitment'], means: [], purpose: ['sexual_exploitation'] },
    });

    const adult = await newCase('1988-03-03');
    await completedInterview(adult.id, { indicators });
    const adultVersion = await presume(adult.id, adult.version);
    const refused = expectProblem(
      await worker.post(`/api/cases/${adult.id}/trafficking-status`, identify(adultVersion)),
      422,
      'identification_refused',
    );
    expect(refused.errors).toEqual([{ path: 'interviewId', code: 'elements_missing', message: expect.stringContaining('means') }]);
    expect((await caseOf(worker, adult.id)).traffickingStatus).toBe('Presumed');
  });

  it('needs a deciding agency the country’s procedure names, and checks the case version', async () => {
    const kase = await newCase('1990-01-01');
    await completedInterview(kase.id);
    const version = await presume(kase.id, kase.version);
    // In Thailand the inquiry officer (police or prosecutor) identifies, not the provincial office.
    const notCompetent = expectProblem(
      await worker.post(`/api/cases/${kase.id}/trafficking-status`, decision(version, { toStatus: 'Identified' })),
      422,
      'identification_refused',
    );
    expect(notCompetent.errors?.map((e) => [e.path, e.code])).toEqual([['decidingAgencyId', 'agency_not_competent']]);
    const stale = expectProblem(
      await worker.post(
        `/api/cases/${kase.id}/trafficking-status`,
        decision(version - 1, { toStatus: 'Identified', decidingAgencyId: agency.police }),
      ),
      409,
      'conflict',
    );
    expect((stale as any).current.version).toBe(version);
    const future = expectProblem(
      await worker.post(
        `/api/cases/${kase.id}/trafficking-status`,
        decision(version, { toStatus: 'Identified', decidingAgencyId: agency.police, decidedOn: addDays(today, 5) }),
      ),
      422,
      'validation_failed',
    );
    expect(future.errors).toEqual([{ path: 'decidedOn', code: 'date_in_future', message: expect.any(String) }]);
    const unknownAgency = expectProblem(
      await worker.post(
        `/api/cases/${kase.id}/trafficking-status`,
        decision(version, { toStatus: 'Identified', decidingAgencyId: '5d0f4a57-0000-4000-8000-000000000000' }),
      ),
      422,
      'invalid_reference',
    );
    expect(unknownAgency.errors?.[0]?.path).toBe('decidingAgencyId');
    expect(await caseOf(worker, kase.id)).toMatchObject({ traffickingStatus: 'Presumed', version });
    expect((await identification(worker, kase.id)).decisions).toHaveLength(1);
  });

  it('needs indicators for a presumption and a completed interview when one is named', async () => {
    const kase = await newCase('1990-01-01');
    const none = expectProblem(
      await worker.post(`/api/cases/${kase.id}/trafficking-status`, decision(kase.version)),
      422,
      'identification_refused',
    );
    expect(none.errors?.map((e) => [e.path, e.code])).toEqual([['interviewId', 'no_indicators']]);
    const draft = await worker.post(`/api/cases/${kase.id}/interviews`, interviewBody());
    const notDone = expectProblem(
      await worker.post(`/api/cases/${kase.id}/trafficking-status`, decision(kase.version, { interviewId: draft.body.id })),
      422,
      'identification_refused',
    );
    expect(notDone.errors?.map((e) => [e.path, e.code])).toEqual([['interviewId', 'interview_not_completed']]);
    expect((await caseOf(worker, kase.id)).traffickingStatus).toBe('Potential');
  });

  it('ends with Not a victim and can reopen, but an identification is final', async () => {
    const kase = await newCase('1990-01-01');
    await completedInterview(kase.id);
    let version = await presume(kase.id, kase.version);
    const notVictim = await worker.post(`/api/cases/${kase.id}/trafficking-status`, decision(version, { toStatus: 'NotAVictim' }));
    expect(notVictim.status, JSON.stringify(notVictim.body)).toBe(201);
    version = notVictim.body.caseVersion;
    const reopened = await worker.post(`/api/cases/${kase.id}/trafficking-status`, decision(version, { toStatus: 'Potential' }));
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(201);
    version = await presume(kase.id, reopened.body.caseVersion);
    const identified = await worker.post(
      `/api/cases/${kase.id}/trafficking-status`,
      decision(version, { toStatus: 'Identified', decidingAgencyId: agency.police }),
    );
    expect(identified.status).toBe(201);
    const final = expectProblem(
      await worker.post(`/api/cases/${kase.id}/trafficking-status`, decision(identified.body.caseVersion, { toStatus: 'NotAVictim' })),
      422,
      'identification_refused',
    );
    expect(final.errors?.map((e) => [e.path, e.code])).toEqual([['toStatus', 'transition_not_allowed']]);
  });
});

describe('the victim certificate', () => {
  it('needs a Presumed or Identified decision in force', async () => {
    const kase = await newCase('1990-01-01');
    const none = await worker.get(`/api/cases/${kase.id}/certificate`);
    expect(expectProblem(none, 422, 'identification_refused').errors?.map((e) => [e.path, e.code])).toEqual([
      ['decisionId', 'no_decision_to_certify'],
    ]);
    await completedInterview(kase.id);
    const version = await presume(kase.id, kase.version);
    const presumedPdf = await worker.download(`/api/cases/${kase.id}/certificate?locale=th`);
    expect(presumedPdf.status).toBe(200);
    expect(presumedPdf.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const ended = await worker.post(`/api/cases/${kase.id}/trafficking-status`, decision(version, { toStatus: 'NotAVictim' }));
    expect(ended.status).toBe(201);
    const record = await identification(worker, kase.id);
    const superseded = await worker.get(`/api/cases/${kase.id}/certificate?decisionId=${record.decisions[0].id}`);
    expect(expectProblem(superseded, 422, 'identification_refused').errors?.[0]?.path).toBe('decisionId');
    expectProblem(await worker.get(`/api/cases/${kase.id}/certificate`), 422, 'identification_refused');
  });
});

describe('need to know', () => {
  /** Person 0's case (shared with the shelter, identity included) and person 1's (shared with the NGO, no sections). */
  const demoCase = async (client: ApiClient, index: number) => {
    const list = (await client.get('/api/cases?pageSize=200')).body.items as { id: string; ownerAgencyName: string }[];
    for (const item of list.filter((c) => c.ownerAgencyName.startsWith('Chiang Rai'))) {
      const detail = await caseOf(worker, item.id);
      if (detail.sections.identity?.nameAsWritten === DEMO_PEOPLE[index]!.nameAsWritten) return detail;
    }
    throw new Error(`demo case ${index} not found`);
  };
  /** Demo cases may have been seeded closed; identification work needs them open. */
  const open = async (detail: any) => {
    if (!['Closed', 'ClosedReferred'].includes(detail.status)) return;
    const reopened = await worker.patch(`/api/cases/${detail.id}`, { version: detail.version, status: 'Active' });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
  };

  it('shows the one interview to every agency involved, and the account only with the identity section', async () => {
    const withShelter = await demoCase(shelter, 0);
    const withNgo = await demoCase(ngo, 1);
    await open(withShelter);
    await open(withNgo);
    const sheltered = await draftInterview(withShelter.id);
    const shared = await draftInterview(withNgo.id);
    for (const [caseId, interview] of [
      [withShelter.id, sheltered],
      [withNgo.id, shared],
    ] as const) {
      const request = await worker.post(`/api/cases/${caseId}/interviews/${interview.id}/interpreter-requests`, { language: 'my' });
      await worker.patch(`/api/cases/${caseId}/interpreter-requests/${request.body.id}`, {
        version: 1,
        status: 'provided',
        interpreterName: INTERPRETER,
      });
    }

    // Shelter staff hold the identity section of person 0's case: they read the account.
    const byShelter = await identification(shelter, withShelter.id);
    expect(byShelter.interviews.map((i: any) => i.id)).toEqual([sheltered.id]);
    expect(byShelter.interviews[0].account).toBe(ACCOUNT);
    expect(byShelter.interviews[0].interpreterRequests[0].interpreterName).toBe(INTERPRETER);

    // The psychologist at the same shelter sees the interview but not the account (role).
    const byPsychologist = await identification(psychologist, withShelter.id);
    expect(byPsychologist.interviews[0].indicators).toEqual(interviewBody().indicators);
    expect(byPsychologist.interviews[0]).not.toHaveProperty('account');
    expect(JSON.stringify(byPsychologist)).not.toContain('Tachileik');
    expect(JSON.stringify(byPsychologist)).not.toContain(INTERPRETER);

    // The NGO with a bare share re-uses the indicators, not the account.
    const byNgo = await identification(ngo, withNgo.id);
    expect(byNgo.interviews[0]).toMatchObject({ id: shared.id, indicators: interviewBody().indicators, conductedByName: 'Nok Wongsakul' });
    expect(byNgo.interviews[0]).not.toHaveProperty('account');
    expect(byNgo.interviews[0].interpreterRequests[0]).not.toHaveProperty('interpreterName');
    expect(JSON.stringify(byNgo)).not.toContain('Tachileik');

    // The audit trail records that the NGO read the record, without the account.
    const reads = await query<{ details: Record<string, unknown> }>(
      sql`select details from audit_events where action = 'case.read' and resource_id = ${withNgo.id} and actor_agency_id = ${agency.ngo}`,
    );
    expect(reads.map((r) => r.details)).toContainEqual({ part: 'identification', identity: false });
  });

  it('lets only the agency working on the case record identification, and hides the case from others', async () => {
    const withShelter = await demoCase(shelter, 0);
    const withNgo = await demoCase(ngo, 1);
    const before = await identification(worker, withShelter.id);
    expectProblem(await shelter.post(`/api/cases/${withShelter.id}/interviews`, interviewBody()), 403, 'forbidden');
    expectProblem(
      await psychologist.post(`/api/cases/${withShelter.id}/prescreenings`, { answers: { confined: 'yes' } }),
      403,
      'forbidden',
    );
    expectProblem(await ngo.post(`/api/cases/${withNgo.id}/interviews`, interviewBody()), 403, 'forbidden');
    expectProblem(await police.get(`/api/cases/${withShelter.id}/identification`), 404, 'not_found');
    expectProblem(await police.post(`/api/cases/${withShelter.id}/interviews`, interviewBody()), 404, 'not_found');
    expect(await identification(worker, withShelter.id)).toEqual(before);

    // The certificate names the person: the psychologist and the bare share are refused.
    expectProblem(await psychologist.get(`/api/cases/${withShelter.id}/certificate`), 403, 'forbidden');
    expectProblem(await ngo.get(`/api/cases/${withNgo.id}/certificate`), 403, 'forbidden');
  });
});
