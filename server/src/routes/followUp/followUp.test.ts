import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, demoAgencyIds, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { caseEvents, caseTasks, followUpPolicies, followUps, notifications } from '../../db/schema/index.js';
import { complianceByCase } from '../../followUp/compliance.js';
import { dueAndMissedVisits, notifyDueAndMissedVisits } from '../../followUp/dueAndMissed.js';
import { addCalendarDays, localToday } from '../../followUp/schedule.js';
import { REINTEGRATION_INSTRUMENT } from '../../seed/reintegrationInstrument.js';

let t: TestApp;
let admin: ApiClient;
let socialworker: ApiClient; // case_manager, Chiang Rai office (owns the cases below)
let ngo: ApiClient; // case_manager, NGO
let shelter: ApiClient; // shelter_staff
let hotline: ApiClient; // hotline_operator
let data: ApiClient; // data_officer
let agencyadmin: ApiClient; // agency_admin, Chiang Rai
let agency: Awaited<ReturnType<typeof demoAgencyIds>>;

const today = () => localToday('TH', new Date());
let serial = 0;

async function newCase(): Promise<string> {
  serial += 1;
  const response = await socialworker.post('/api/cases', {
    person: { givenName: 'Malee', familyName: `Following ${'ABCDEFGHIJKLMNOP'[serial % 16]}`, gender: 'Feminine', estimatedAge: 24 },
    intake: { channel: 'walk_in' },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function started(caseId: string, startOn: string, client = socialworker) {
  const response = await client.post(`/api/cases/${caseId}/follow-up`, { startOn });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

const visit = (extra: Record<string, unknown> = {}) => ({
  actualOn: today(),
  mode: 'in_person',
  visitorName: 'Khun Somchai',
  findings: 'Living with her mother; working at the market.',
  situation: 'safe',
  nextSteps: 'Next visit as planned.',
  ...extra,
});

const caseOf = async (caseId: string) => (await socialworker.get(`/api/cases/${caseId}`)).body;
const timeline = (caseId: string) =>
  asSystem(t.database.db, (tx) =>
    tx.select({ kind: caseEvents.kind, details: caseEvents.details }).from(caseEvents).where(eq(caseEvents.caseId, caseId)),
  );
const followUpTasks = (caseId: string) =>
  asSystem(t.database.db, (tx) =>
    tx
      .select()
      .from(caseTasks)
      .where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.kind, 'follow_up_visit'))),
  );

beforeAll(async () => {
  t = await startTestApp();
  [admin, socialworker, ngo, shelter, hotline, data, agencyadmin] = await Promise.all([
    t.login('admin'),
    t.login('th.socialworker'),
    t.login('th.ngo'),
    t.login('th.shelter'),
    t.login('th.hotline'),
    t.login('th.data'),
    t.login('th.agencyadmin'),
  ]);
  agency = await demoAgencyIds(admin);
});
afterAll(() => t?.close());

describe('starting follow-up', () => {
  it('previews the Thai schedule in calendar months from the start day', async () => {
    const caseId = await newCase();
    const preview = (await socialworker.get(`/api/cases/${caseId}/follow-up/preview?startOn=2027-01-31`)).body;
    expect(preview.policy).toMatchObject({ countryCode: 'TH', agencyId: null });
    expect(preview.dates).toEqual(['2027-02-28', '2027-03-31', '2027-04-30', '2027-07-31', '2027-10-31', '2028-01-31']);
  });

  it('plans the visits with a task each for the owner agency, moves the case to FollowUp, and tells the timeline and the audit', async () => {
    const caseId = await newCase();
    const body = await started(caseId, '2027-01-31');
    const [followUp] = body.followUps;
    expect(followUp).toMatchObject({ status: 'active', startOn: '2027-01-31', graceDays: 7 });
    expect(followUp.visits.map((v: { scheduledOn: string }) => v.scheduledOn)).toEqual([
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-07-31',
      '2027-10-31',
      '2028-01-31',
    ]);
    expect(followUp.visits.every((v: { status: string }) => v.status === 'upcoming')).toBe(true);
    const tasks = await followUpTasks(caseId);
    expect(tasks.map((task) => task.dueOn).sort()).toEqual(followUp.visits.map((v: { scheduledOn: string }) => v.scheduledOn));
    expect(new Set(tasks.map((task) => task.agencyId))).toEqual(new Set([agency.chiangrai]));
    expect((await caseOf(caseId)).status).toBe('FollowUp');
    expect((await timeline(caseId)).map((event) => event.kind)).toEqual(
      expect.arrayContaining(['follow_up.started', 'case.status_changed']),
    );
    const audit = (await admin.get(`/api/admin/audit?action=case.update&resourceId=${caseId}`)).body.items;
    expect(audit.map((event: { details: { part?: string } }) => event.details.part)).toContain('follow_up');
    expect(JSON.stringify(audit)).not.toContain('Malee');
  });

  it('refuses a second follow-up while one runs, a policy of another country, and a case that is closed', async () => {
    const caseId = await newCase();
    await started(caseId, today());
    expectProblem(await socialworker.post(`/api/cases/${caseId}/follow-up`, { startOn: today() }), 409, 'conflict');
    const other = await newCase();
    const [cambodian] = await asSystem(t.database.db, (tx) =>
      tx.select().from(followUpPolicies).where(eq(followUpPolicies.countryCode, 'KH')),
    );
    const refused = expectProblem(
      await socialworker.post(`/api/cases/${other}/follow-up`, { startOn: today(), policyId: cambodian!.id }),
      422,
      'invalid_reference',
    );
    expect(refused.errors?.[0]?.path).toBe('policyId');
    expect((await socialworker.get(`/api/cases/${other}/follow-up`)).body.followUps).toEqual([]);
    expectProblem(await socialworker.post(`/api/cases/${other}/follow-up`, { startOn: '2027-02-30' }), 400, 'validation_failed');
    const kase = await caseOf(other);
    expect(
      (await socialworker.patch(`/api/cases/${other}`, { version: kase.version, status: 'Closed', closureReason: 'other' })).status,
    ).toBe(200);
    expectProblem(await socialworker.post(`/api/cases/${other}/follow-up`, { startOn: today() }), 409, 'case_closed');
  });
});

describe('visits', () => {
  it('is due through the grace days after its date and missed the day after', async () => {
    const caseId = await newCase();
    const body = await started(caseId, addCalendarDays(today(), -120));
    const [first, second] = body.followUps[0].visits;
    const move = (visitId: string, version: number, scheduledOn: string) =>
      socialworker.patch(`/api/cases/${caseId}/follow-up/visits/${visitId}`, { scheduledOn, reason: 'She asked for another day', version });
    expect((await move(first.id, first.version, addCalendarDays(today(), -7))).status).toBe(200);
    const moved = (await move(second.id, second.version, addCalendarDays(today(), -8))).body.followUps[0];
    const byId = new Map(moved.visits.map((v: { id: string }) => [v.id, v]));
    expect(byId.get(first.id)).toMatchObject({
      status: 'due',
      originallyScheduledOn: first.scheduledOn,
      rescheduleReason: 'She asked for another day',
    });
    expect(byId.get(second.id)).toMatchObject({ status: 'missed' });
    expect(moved.compliance).toMatchObject({ missed: 2, done: 0 });
    const tasks = await followUpTasks(caseId);
    expect(tasks.map((task) => task.dueOn)).toContain(addCalendarDays(today(), -7));
    expectProblem(await move(first.id, first.version, today()), 409, 'conflict');
  });

  it('records a planned visit (its task done) and one outside the plan, and counts compliance', async () => {
    const caseId = await newCase();
    const body = await started(caseId, addCalendarDays(today(), -40));
    const first = body.followUps[0].visits[0];
    const recorded = await socialworker.post(`/api/cases/${caseId}/follow-up/visits`, visit({ visitId: first.id }));
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    const extra = await socialworker.post(
      `/api/cases/${caseId}/follow-up/visits`,
      visit({ mode: 'partner_visit', visitingAgencyId: agency.ngo, situation: 'at_risk' }),
    );
    expect(extra.status, JSON.stringify(extra.body)).toBe(201);
    const followUp = extra.body.followUps[0];
    expect(followUp.visits.find((v: { id: string }) => v.id === first.id)).toMatchObject({
      status: 'done',
      situation: 'safe',
      actualOn: today(),
    });
    expect(followUp.visits.find((v: { sequence: number | null }) => v.sequence === null)).toMatchObject({
      status: 'done',
      mode: 'partner_visit',
      visitingAgencyName: expect.any(String),
      situation: 'at_risk',
    });
    expect(followUp.compliance).toEqual({ dueSoFar: 1, done: 1, missed: 0, unscheduled: 1 });
    const forStatistics = await asSystem(t.database.db, (tx) => complianceByCase(tx, [caseId], new Date()));
    expect(forStatistics.get(caseId)).toEqual(followUp.compliance);
    const task = (await followUpTasks(caseId)).find((row) => row.id && row.dueOn === first.scheduledOn);
    expect(task?.doneAt).not.toBeNull();
    expectProblem(await socialworker.post(`/api/cases/${caseId}/follow-up/visits`, visit({ visitId: first.id })), 409, 'conflict');
  });

  it('names the field of each refused visit and writes nothing', async () => {
    const caseId = await newCase();
    await started(caseId, addCalendarDays(today(), -40));
    const post = (extra: Record<string, unknown>) => socialworker.post(`/api/cases/${caseId}/follow-up/visits`, visit(extra));
    const path = async (extra: Record<string, unknown>, status: number, code: string) =>
      expectProblem(await post(extra), status, code).errors?.[0]?.path;
    expect(await path({ mode: 'partner_visit' }, 422, 'validation_failed')).toBe('visitingAgencyId');
    expect(await path({ actualOn: addCalendarDays(today(), 2) }, 422, 'validation_failed')).toBe('actualOn');
    expect(await path({ actualOn: addCalendarDays(today(), -60) }, 422, 'validation_failed')).toBe('actualOn');
    expect(await path({ situation: 'fine' }, 400, 'validation_failed')).toBe('situation');
    expect(await path({ visitorName: '' }, 400, 'validation_failed')).toBe('visitorName');
    expect(await path({ visitId: '5d0f4a57-0000-4000-8000-000000000000' }, 422, 'invalid_reference')).toBe('visitId');
    expect(await path({ visitingAgencyId: '5d0f4a57-0000-4000-8000-000000000000', mode: 'partner_visit' }, 422, 'invalid_reference')).toBe(
      'visitingAgencyId',
    );
    expect(await path({ assessmentId: '5d0f4a57-0000-4000-8000-000000000000' }, 422, 'invalid_reference')).toBe('assessmentId');
    const followUp = (await socialworker.get(`/api/cases/${caseId}/follow-up`)).body.followUps[0];
    expect(followUp.visits.filter((v: { actualOn: string | null }) => v.actualOn)).toEqual([]);
  });
});

describe('the assessment made on a visit', () => {
  it('links an assessment of the same case and refuses one of another case', async () => {
    const instruments = (await socialworker.get('/api/assessment-instruments')).body.items as {
      id: string;
      key: string;
      version: number;
    }[];
    const instrumentId = instruments.find((i) => i.key === 'reintegration')!.id;
    // The social worker records the care domains; health, psychosocial and legal are specialists' sections.
    const scores = Object.fromEntries(
      REINTEGRATION_INSTRUMENT.domains
        .filter((domain) => domain.section === 'care')
        .flatMap((domain) => domain.items.map((item) => [item.key, 3])),
    );
    const assess = async (caseId: string) => {
      const response = await socialworker.post(`/api/cases/${caseId}/assessments`, {
        instrumentId,
        assessedOn: today(),
        assessorName: 'Khun Noi',
        scores,
      });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.id as string;
    };
    const caseId = await newCase();
    const other = await newCase();
    const body = await started(caseId, addCalendarDays(today(), -40));
    const first = body.followUps[0].visits[0];
    const foreign = await assess(other);
    const refused = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/follow-up/visits`, visit({ visitId: first.id, assessmentId: foreign })),
      422,
      'invalid_reference',
    );
    expect(refused.errors?.[0]?.path).toBe('assessmentId');
    const own = await assess(caseId);
    const recorded = await socialworker.post(`/api/cases/${caseId}/follow-up/visits`, visit({ visitId: first.id, assessmentId: own }));
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body.followUps[0].visits.find((v: { id: string }) => v.id === first.id).assessmentId).toBe(own);
  });
});

describe('closing and reopening', () => {
  it('closes follow-up and the case when she cannot be reached, cancelling the visits left; reopening reopens the case and starts again', async () => {
    const caseId = await newCase();
    await started(caseId, addCalendarDays(today(), -40));
    expectProblem(await socialworker.post(`/api/cases/${caseId}/follow-up/close`, { reason: 'other' }), 400, 'validation_failed');
    const closed = await socialworker.post(`/api/cases/${caseId}/follow-up/close`, {
      reason: 'unreachable',
      note: 'Phone disconnected',
      closeCase: true,
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const [period] = closed.body.followUps;
    expect(period).toMatchObject({ status: 'closed', closureReason: 'unreachable', closedOn: today() });
    expect(period.visits.every((v: { status: string }) => v.status === 'cancelled')).toBe(true);
    expect((await followUpTasks(caseId)).every((task) => task.doneAt !== null)).toBe(true);
    expect(await caseOf(caseId)).toMatchObject({ status: 'Closed', closureReason: 'lost_contact' });
    expectProblem(await socialworker.post(`/api/cases/${caseId}/follow-up/close`, { reason: 'unreachable' }), 409, 'conflict');

    expectProblem(await socialworker.post(`/api/cases/${caseId}/follow-up/reopen`, { reason: '' }), 400, 'validation_failed');
    const reopened = await socialworker.post(`/api/cases/${caseId}/follow-up/reopen`, {
      reason: 'She called the hotline again',
      restart: { startOn: today() },
    });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    expect(reopened.body.followUps.map((f: { status: string }) => f.status)).toEqual(['active', 'reopened']);
    expect(reopened.body.followUps[1].reopenReason).toBe('She called the hotline again');
    expect(await caseOf(caseId)).toMatchObject({ status: 'FollowUp', closureReason: null });
    expect((await timeline(caseId)).map((event) => event.kind)).toEqual(
      expect.arrayContaining(['follow_up.closed', 'follow_up.reopened', 'follow_up.started']),
    );
    expectProblem(await socialworker.post(`/api/cases/${caseId}/follow-up/reopen`, { reason: 'again' }), 409, 'conflict');
  });

  it('closing without the case sends a case in FollowUp back to Active', async () => {
    const caseId = await newCase();
    await started(caseId, today());
    const closed = await socialworker.post(`/api/cases/${caseId}/follow-up/close`, { reason: 'plan_completed' });
    expect(closed.status).toBe(200);
    expect((await caseOf(caseId)).status).toBe('Active');
  });
});

describe('who may follow up', () => {
  it('refuses agencies and roles without the care section, and a partner given care may record but not close the case', async () => {
    const caseId = await newCase();
    await started(caseId, today());
    expectProblem(await ngo.get(`/api/cases/${caseId}/follow-up`), 404, 'not_found');
    expectProblem(await hotline.get(`/api/cases/${caseId}/follow-up`), 404, 'not_found');
    expectProblem(await data.get(`/api/cases/${caseId}/follow-up`), 403, 'forbidden');
    expectProblem(await agencyadmin.get(`/api/cases/${caseId}/follow-up`), 403, 'forbidden');
    expectProblem(await ngo.post(`/api/cases/${caseId}/follow-up/visits`, visit()), 404, 'not_found');

    const consent = await socialworker.post(`/api/cases/${caseId}/consents`, {
      purpose: 'follow_up',
      sections: ['care'],
      agencyIds: [agency.ngo],
      givenBy: 'victim',
      givenOn: today(),
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    const share = await socialworker.post(`/api/cases/${caseId}/shares`, {
      agencyId: agency.ngo,
      consentId: consent.body.id,
      sections: [],
    });
    expect(share.status, JSON.stringify(share.body)).toBe(200);
    expectProblem(await ngo.get(`/api/cases/${caseId}/follow-up`), 403, 'forbidden');
    const withCare = await socialworker.post(`/api/cases/${caseId}/shares`, {
      agencyId: agency.ngo,
      consentId: consent.body.id,
      sections: ['care'],
    });
    expect(withCare.status, JSON.stringify(withCare.body)).toBe(200);
    const seen = await ngo.get(`/api/cases/${caseId}/follow-up`);
    expect(seen.status).toBe(200);
    expect(seen.body.abilities).toEqual({ record: true, closeCase: false });
    expect((await ngo.post(`/api/cases/${caseId}/follow-up/visits`, visit())).status).toBe(201);
    expectProblem(await ngo.post(`/api/cases/${caseId}/follow-up/close`, { reason: 'plan_completed', closeCase: true }), 403, 'forbidden');
    expect((await caseOf(caseId)).status).toBe('FollowUp');
    expect((await socialworker.get(`/api/cases/${caseId}/follow-up`)).body.followUps[0].status).toBe('active');
    expectProblem(await shelter.get(`/api/cases/${caseId}/follow-up`), 404, 'not_found');
  });
});

describe('follow-up policies', () => {
  it('every country of the region has a default policy', async () => {
    const rows = await asSystem(t.database.db, (tx) => tx.select().from(followUpPolicies));
    expect(rows.map((row) => row.countryCode)).toEqual(expect.arrayContaining(['KH', 'LA', 'MM', 'TH', 'VN']));
  });

  it('an administrator adds an agency policy, which becomes that agency’s default; others may not edit policies', async () => {
    const policy = {
      countryCode: 'TH',
      agencyId: agency.chiangrai,
      name: 'Chiang Rai close follow-up',
      steps: [{ everyMonths: 2, untilMonths: 18 }],
      defaultMode: 'phone',
      graceDays: 10,
    };
    for (const client of [agencyadmin, socialworker, ngo, data]) {
      expectProblem(await client.post('/api/admin/follow-up-policies', policy), 403, 'forbidden');
    }
    expectProblem(await ngo.get('/api/admin/follow-up-policies'), 403, 'forbidden');
    const badStep = expectProblem(
      await admin.post('/api/admin/follow-up-policies', { ...policy, steps: [{ everyMonths: 1 }] }),
      400,
      'validation_failed',
    );
    expect(badStep.errors?.[0]?.path).toMatch(/^steps\.0/);
    expect(
      expectProblem(await admin.post('/api/admin/follow-up-policies', { ...policy, countryCode: 'KH' }), 422, 'invalid_reference')
        .errors?.[0]?.path,
    ).toBe('agencyId');
    const caseId = await newCase();
    const preview = (startOn: string, client = socialworker) => client.get(`/api/cases/${caseId}/follow-up/preview?startOn=${startOn}`);
    expect((await preview('2026-01-15')).body.policy.agencyId).toBeNull();
    const created = await admin.post('/api/admin/follow-up-policies', policy);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const own = (await preview('2026-01-15')).body;
    expect(own.policy.id).toBe(created.body.id);
    expect(own.dates).toHaveLength(9);
    expect(own.dates.at(-1)).toBe('2027-07-15');
    expect((await admin.get('/api/admin/follow-up-policies')).body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);

    const updated = await admin.patch(`/api/admin/follow-up-policies/${created.body.id}`, { version: 1, active: false });
    expect(updated.body).toMatchObject({ active: false, version: 2 });
    expectProblem(await admin.patch(`/api/admin/follow-up-policies/${created.body.id}`, { version: 1, graceDays: 3 }), 409, 'conflict');
    expect((await preview('2026-01-15')).body.policy.agencyId).toBeNull();
  });

  it('the demo NGO follows up under its own 24-month policy', async () => {
    const caseId = await newCase();
    const consent = await socialworker.post(`/api/cases/${caseId}/consents`, {
      purpose: 'follow_up',
      sections: ['care'],
      agencyIds: [agency.ngo],
      givenBy: 'victim',
      givenOn: today(),
    });
    await socialworker.post(`/api/cases/${caseId}/shares`, { agencyId: agency.ngo, consentId: consent.body.id, sections: ['care'] });
    const preview = (await ngo.get(`/api/cases/${caseId}/follow-up/preview?startOn=2026-01-15`)).body;
    expect(preview.policy.agencyId).toBe(agency.ngo);
    expect(preview.dates.at(-1)).toBe('2028-01-15');
  });
});

describe('demo follow-up', () => {
  it('shows Chiang Rai a running follow-up under the Thai policy with a missed visit, and a finished one that closed its case', async () => {
    const seeded = await asSystem(t.database.db, (tx) => tx.select().from(followUps));
    const running = seeded.find(
      (row) => row.status === 'active' && row.recordedByAgencyId === agency.chiangrai && row.startOn < addCalendarDays(today(), -200),
    );
    const finished = seeded.find((row) => row.status === 'closed' && row.closureReason === 'plan_completed');
    expect(running).toBeDefined();
    expect(finished).toBeDefined();
    const shown = (await socialworker.get(`/api/cases/${running!.caseId}/follow-up`)).body;
    expect(shown.followUps[0].policyName).toBe('MSDHS reintegration follow-up');
    expect(shown.followUps[0].compliance).toMatchObject({ done: 3, missed: 1, unscheduled: 1 });
    expect(await caseOf(finished!.caseId)).toMatchObject({ status: 'Closed', closureReason: 'follow_up_period_ended' });
  });
});

describe('due and missed visits for the daily scan', () => {
  it('lists each open visit as due or missed by the date in the case’s country, and notifies the owner agency once', async () => {
    const caseId = await newCase();
    const body = await started(caseId, addCalendarDays(today(), -120));
    const [first, second] = body.followUps[0].visits;
    await socialworker.patch(`/api/cases/${caseId}/follow-up/visits/${first.id}`, {
      scheduledOn: addCalendarDays(today(), -7),
      reason: 'Moved',
      version: first.version,
    });
    const now = new Date();
    const alerts = (await asSystem(t.database.db, (tx) => dueAndMissedVisits(tx, now))).filter((alert) => alert.caseId === caseId);
    expect(alerts.find((alert) => alert.visitId === first.id)).toMatchObject({ status: 'due', agencyId: agency.chiangrai });
    expect(alerts.find((alert) => alert.visitId === second.id)).toMatchObject({ status: 'missed' });
    expect(alerts).toHaveLength(body.followUps[0].visits.filter((v: { scheduledOn: string }) => v.scheduledOn <= today()).length);
    const written = await asSystem(t.database.db, (tx) => notifyDueAndMissedVisits(tx, now));
    expect(written).toBeGreaterThan(0);
    expect(await asSystem(t.database.db, (tx) => notifyDueAndMissedVisits(tx, now))).toBe(0);
    const notices = await asSystem(t.database.db, (tx) => tx.select().from(notifications).where(eq(notifications.caseId, caseId)));
    expect(new Set(notices.map((notice) => notice.kind))).toEqual(new Set(['follow_up_visit_due', 'follow_up_visit_missed']));
    expect(new Set(notices.map((notice) => notice.agencyId))).toEqual(new Set([agency.chiangrai]));
  });
});
