import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, shareWithConsent, startTestApp, type TestApp } from '../../../test/harness.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import { carePlanVersions, caseTasks } from '../../db/schema/index.js';
import { addCalendarDays, localToday } from '../../followUp/schedule.js';

let t: TestApp;
let admin: ApiClient;
let socialworker: ApiClient; // case_manager, Chiang Rai office
let ngo: ApiClient; // case_manager, NGO
let shelter: ApiClient; // shelter_staff
let psychologist: ApiClient; // specialist_psychosocial, shelter (no section:care)
const agency = {} as Record<'chiangrai' | 'ngo' | 'shelter', string>;
const userIds: Record<string, string> = {};
// The actors work in Thailand: their today is Thailand's, whatever the hour in UTC.
const today = () => localToday('TH', new Date());
const inDays = (days: number) => addCalendarDays(today(), days);

async function newCase(): Promise<string> {
  const response = await socialworker.post('/api/cases', {
    person: { givenName: 'Mali', familyName: 'Careplan', gender: 'Feminine', estimatedAge: 24 },
    intake: { channel: 'walk_in' },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

const planBody = (basedOnVersion: number, overrides: Record<string, unknown> = {}) => ({
  basedOnVersion,
  victimGoals: 'Go home safely and learn a trade.',
  agreedOn: today(),
  agreementMethod: 'verbal',
  witnessedBy: 'Interpreter',
  reviewOn: inDays(90),
  goals: [
    {
      serviceArea: 'economic_empowerment',
      goal: 'A steady income',
      actions: [
        { what: 'Sewing course', responsibleAgencyId: agency.chiangrai, responsiblePerson: 'Khun Noi', dueOn: inDays(30) },
        { what: 'Start-up kit', responsibleAgencyId: agency.ngo, dueOn: inDays(40) },
        { what: 'Job fair', responsibleOrganisation: 'Provincial employment office' },
      ],
    },
    { serviceArea: 'family_tracing_mediation', goal: 'Talk with her mother again', status: 'open' },
  ],
  ...overrides,
});

beforeAll(async () => {
  t = await startTestApp();
  [admin, socialworker, ngo, shelter, psychologist] = await Promise.all([
    t.login('admin'),
    t.login('th.socialworker'),
    t.login('th.ngo'),
    t.login('th.shelter'),
    t.login('th.psychologist'),
  ]);
  const agencies = (await admin.get('/api/admin/agencies?pageSize=200')).body.items as {
    id: string;
    acronym: string;
    agencyFunction: string;
  }[];
  agency.chiangrai = agencies.find((a) => a.acronym === 'PSDHS Chiang Rai')!.id;
  agency.ngo = agencies.find((a) => a.agencyFunction === 'ngo')!.id;
  agency.shelter = agencies.find((a) => a.agencyFunction === 'shelter')!.id;
  for (const user of (await admin.get('/api/admin/users?pageSize=200')).body.items as { id: string; username: string }[])
    userIds[user.username] = user.id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('care plan', () => {
  it('starts empty, then keeps every revision as a version', async () => {
    const caseId = await newCase();
    const empty = (await socialworker.get(`/api/cases/${caseId}/care-plan`)).body;
    expect(empty).toMatchObject({ current: null, versions: [], services: [], abilities: { write: true, record: ['care'] } });
    expect(empty.incomeBands.map((band: { value: string }) => band.value)).toEqual(['under_3000', '3000_5999', '6000_9999', 'from_10000']);

    const first = await socialworker.post(`/api/cases/${caseId}/care-plan`, planBody(0));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.current).toMatchObject({ version: 1, victimGoals: 'Go home safely and learn a trade.', agreementMethod: 'verbal' });
    expect(first.body.current.goals.map((g: { serviceArea: string }) => g.serviceArea)).toEqual([
      'economic_empowerment',
      'family_tracing_mediation',
    ]);
    const [course, kit, fair] = first.body.current.goals[0].actions;
    expect(course).toMatchObject({
      what: 'Sewing course',
      responsibleAgencyId: agency.chiangrai,
      responsiblePerson: 'Khun Noi',
      status: 'planned',
    });
    expect(course.responsibleAgencyName).toEqual(expect.any(String));
    expect(fair).toMatchObject({ responsibleOrganisation: 'Provincial employment office', responsibleAgencyId: null, taskId: null });

    // A task goes to the responsible agency only where it can see the case.
    expect(course.taskId).not.toBeNull();
    expect(kit.taskId).toBeNull();
    const [task] = await asSystem(t.database.db, (tx) => tx.select().from(caseTasks).where(eq(caseTasks.id, course.taskId)));
    expect(task).toMatchObject({ kind: 'care_action', agencyId: agency.chiangrai, dueOn: inDays(30), doneAt: null });

    // The revision keeps the action (by key) and drops another: its task stays, the dropped one's closes.
    const revised = await socialworker.post(
      `/api/cases/${caseId}/care-plan`,
      planBody(1, {
        victimGoals: 'Go home and open a sewing shop.',
        goals: [
          {
            serviceArea: 'economic_empowerment',
            goal: 'Her own shop',
            actions: [
              {
                actionKey: course.actionKey,
                what: 'Sewing course',
                responsibleAgencyId: agency.chiangrai,
                dueOn: inDays(30),
                status: 'in_progress',
              },
            ],
          },
        ],
      }),
    );
    expect(revised.status, JSON.stringify(revised.body)).toBe(201);
    expect(revised.body.current.version).toBe(2);
    expect(revised.body.current.goals[0].actions[0]).toMatchObject({
      actionKey: course.actionKey,
      taskId: course.taskId,
      status: 'in_progress',
    });
    expect(revised.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);

    const history = (await socialworker.get(`/api/cases/${caseId}/care-plan?version=1`)).body;
    expect(history.current).toMatchObject({ version: 1, victimGoals: 'Go home safely and learn a trade.' });
    expect(history.current.goals).toHaveLength(2);
    expectProblem(await socialworker.get(`/api/cases/${caseId}/care-plan?version=9`), 404, 'not_found');

    // Two caseworkers revising the same version: the second is told, nothing is written.
    expectProblem(await socialworker.post(`/api/cases/${caseId}/care-plan`, planBody(1)), 409, 'conflict');
    expect((await socialworker.get(`/api/cases/${caseId}/care-plan`)).body.versions).toHaveLength(2);

    // Marking the action done closes its task.
    const done = await socialworker.patch(`/api/cases/${caseId}/care-plan/actions/${revised.body.current.goals[0].actions[0].id}`, {
      status: 'done',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.current.goals[0].actions[0].status).toBe('done');
    const [closed] = await asSystem(t.database.db, (tx) => tx.select().from(caseTasks).where(eq(caseTasks.id, course.taskId)));
    expect(closed!.doneAt).not.toBeNull();
    // An action of an older version is history, not something to update.
    expectProblem(await socialworker.patch(`/api/cases/${caseId}/care-plan/actions/${kit.id}`, { status: 'done' }), 404, 'not_found');
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const caseId = await newCase();
    const badArea = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/care-plan`, planBody(0, { goals: [{ serviceArea: 'space_travel', goal: 'x' }] })),
      400,
      'validation_failed',
    );
    expect(badArea.errors!.map((e) => e.path)).toContain('goals.0.serviceArea');
    const halfAgreed = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/care-plan`, planBody(0, { agreementMethod: null })),
      400,
      'validation_failed',
    );
    expect(halfAgreed.errors!.map((e) => e.path)).toContain('agreementMethod');
    const unknownAgency = expectProblem(
      await socialworker.post(
        `/api/cases/${caseId}/care-plan`,
        planBody(0, {
          goals: [
            {
              serviceArea: 'administrative',
              goal: 'x',
              actions: [{ what: 'y', responsibleAgencyId: '5d0f4a57-0000-4000-8000-000000000000' }],
            },
          ],
        }),
      ),
      422,
      'invalid_reference',
    );
    expect(unknownAgency.errors!.map((e) => e.path)).toEqual(['goals.0.actions.0.responsibleAgencyId']);
    const unknownKey = expectProblem(
      await socialworker.post(
        `/api/cases/${caseId}/care-plan`,
        planBody(0, {
          goals: [
            { serviceArea: 'administrative', goal: 'x', actions: [{ what: 'y', actionKey: '5d0f4a57-0000-4000-8000-000000000000' }] },
          ],
        }),
      ),
      422,
      'invalid_reference',
    );
    expect(unknownKey.errors!.map((e) => e.path)).toEqual(['goals.0.actions.0.actionKey']);
    expect((await socialworker.get(`/api/cases/${caseId}/care-plan`)).body.versions).toEqual([]);
  });

  it('records services with cost and livelihood outcome; income bands come from the country picklist', async () => {
    const caseId = await newCase();
    const service = await socialworker.post(`/api/cases/${caseId}/care-services`, {
      deliveredOn: today(),
      providerName: 'Skill Development Centre',
      serviceArea: 'economic_empowerment',
      description: 'Sewing course',
      costAmount: 8500,
      costCurrency: 'THB',
      outcome: 'employed',
      incomeBand: '6000_9999',
    });
    expect(service.status, JSON.stringify(service.body)).toBe(201);
    expect(service.body).toMatchObject({
      costAmount: 8500,
      costCurrency: 'THB',
      outcome: 'employed',
      incomeBand: '6000_9999',
      providerAgencyId: null,
    });
    const band = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/care-services`, {
        deliveredOn: today(),
        providerAgencyId: agency.ngo,
        serviceArea: 'economic_empowerment',
        description: 'Kit',
        incomeBand: 'millionaire',
      }),
      422,
      'invalid_reference',
    );
    expect(band.errors!.map((e) => e.path)).toEqual(['incomeBand']);
    const cost = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/care-services`, {
        deliveredOn: today(),
        providerAgencyId: agency.ngo,
        serviceArea: 'medical',
        description: 'Check-up',
        costAmount: 100,
      }),
      400,
      'validation_failed',
    );
    expect(cost.errors!.map((e) => e.path)).toContain('costCurrency');
    const plan = (await socialworker.get(`/api/cases/${caseId}/care-plan`)).body;
    expect(plan.services.map((s: { id: string }) => s.id)).toEqual([service.body.id]);
  });
});

describe('care action referred to another agency', () => {
  it('carries the referral of its own case and shows the referral’s status; the agency gets its task once it sees the case', async () => {
    const caseId = await newCase();
    const consent = await socialworker.post(`/api/cases/${caseId}/consents`, {
      purpose: 'referral',
      sections: ['care'],
      givenBy: 'victim',
      givenOn: today(),
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    const plan = await socialworker.post(`/api/cases/${caseId}/care-plan`, planBody(0));
    const kit = plan.body.current.goals[0].actions[1];
    expect(kit.taskId).toBeNull();
    const referral = await socialworker.post(`/api/cases/${caseId}/referrals`, {
      toAgencyId: agency.ngo,
      serviceArea: 'economic_empowerment',
      consentId: consent.body.id,
      sections: ['care'],
      reason: 'Start-up kit',
      urgency: 'routine',
    });
    expect(referral.status, JSON.stringify(referral.body)).toBe(201);

    // A referral of another case does not attach.
    const otherCase = await newCase();
    expectProblem(
      await socialworker.patch(`/api/cases/${otherCase}/care-plan/actions/${kit.id}`, { referralId: referral.body.id }),
      404,
      'not_found',
    );
    await socialworker.post(`/api/cases/${otherCase}/care-plan`, planBody(0));
    const otherAction = (await socialworker.get(`/api/cases/${otherCase}/care-plan`)).body.current.goals[0].actions[0];
    const foreign = expectProblem(
      await socialworker.patch(`/api/cases/${otherCase}/care-plan/actions/${otherAction.id}`, { referralId: referral.body.id }),
      422,
      'invalid_reference',
    );
    expect(foreign.errors!.map((e) => e.path)).toEqual(['referralId']);

    const linked = await socialworker.patch(`/api/cases/${caseId}/care-plan/actions/${kit.id}`, { referralId: referral.body.id });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.current.goals[0].actions[1]).toMatchObject({ referralId: referral.body.id, referralStatus: 'pending' });

    // Once the NGO accepted (and so sees the case with care), a revision that moves the due date gives it the task.
    expect((await ngo.post(`/api/referrals/${referral.body.id}/accept`)).status).toBe(200);
    expect((await ngo.get(`/api/cases/${caseId}/care-plan`)).body.current.goals[0].actions[1].referralStatus).toBe('accepted');
    const revised = await socialworker.post(
      `/api/cases/${caseId}/care-plan`,
      planBody(1, {
        goals: [
          {
            serviceArea: 'economic_empowerment',
            goal: 'A steady income',
            actions: [{ actionKey: kit.actionKey, what: 'Start-up kit', responsibleAgencyId: agency.ngo, dueOn: inDays(50) }],
          },
        ],
      }),
    );
    const moved = revised.body.current.goals[0].actions[0];
    expect(moved).toMatchObject({ referralId: referral.body.id });
    expect(moved.taskId).not.toBeNull();
    const [task] = await asSystem(t.database.db, (tx) => tx.select().from(caseTasks).where(eq(caseTasks.id, moved.taskId)));
    expect(task).toMatchObject({ kind: 'care_action', agencyId: agency.ngo, dueOn: inDays(50) });
  });

  it('links the referral the sender got back, not the newest one for the same need', async () => {
    const caseId = await newCase();
    const consent = await socialworker.post(`/api/cases/${caseId}/consents`, {
      purpose: 'referral',
      sections: ['care'],
      givenBy: 'victim',
      givenOn: today(),
    });
    const kit = (await socialworker.post(`/api/cases/${caseId}/care-plan`, planBody(0))).body.current.goals[0].actions[1];
    const send = () =>
      socialworker.post(`/api/cases/${caseId}/referrals`, {
        toAgencyId: agency.ngo,
        serviceArea: 'economic_empowerment',
        consentId: consent.body.id,
        sections: ['care'],
        reason: 'Start-up kit',
        urgency: 'routine',
      });
    const mine = await send();
    // A colleague refers the same need to the same agency before the first dialog links its referral.
    const theirs = await send();
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(mine.body.id).not.toBe(theirs.body.id);

    const linked = await socialworker.patch(`/api/cases/${caseId}/care-plan/actions/${kit.id}`, { referralId: mine.body.id });
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.current.goals[0].actions[1]).toMatchObject({ referralId: mine.body.id, referralStatus: 'pending' });
  });
});

describe('care section: role and agency', () => {
  it('needs section:care in the role and care on the case for the agency', async () => {
    const caseId = await newCase();
    expect((await socialworker.post(`/api/cases/${caseId}/care-plan`, planBody(0))).status).toBe(201);
    // Another agency without any share does not learn the case exists.
    expectProblem(await ngo.get(`/api/cases/${caseId}/care-plan`), 404, 'not_found');
    expectProblem(await ngo.post(`/api/cases/${caseId}/care-plan`, planBody(1)), 404, 'not_found');

    // Shared without care: the agency sees the case, not its care section.
    await shareWithConsent(socialworker, caseId, agency.shelter, ['identity']);
    expectProblem(await shelter.get(`/api/cases/${caseId}/care-plan`), 403, 'forbidden');
    // Shared including care: shelter staff read and write it; the psychologist's role holds no care section.
    await shareWithConsent(socialworker, caseId, agency.shelter, ['identity', 'care']);
    const read = await shelter.get(`/api/cases/${caseId}/care-plan`);
    expect(read.status).toBe(200);
    expect(read.body.current.version).toBe(1);
    expect(read.body.abilities.write).toBe(true);
    expectProblem(await psychologist.get(`/api/cases/${caseId}/care-plan`), 403, 'forbidden');
    expect((await shelter.post(`/api/cases/${caseId}/care-plan`, planBody(1, { goals: [] }))).status).toBe(201);

    // Row-level security without the route: the NGO's queries see no plan rows at all.
    const rows = await asActor(t.database.db, { userId: userIds['th.ngo']!, agencyId: agency.ngo, scopes: [] }, (tx) =>
      tx.select().from(carePlanVersions).where(eq(carePlanVersions.caseId, caseId)),
    );
    expect(rows).toEqual([]);
    await expect(
      asActor(t.database.db, { userId: userIds['th.ngo']!, agencyId: agency.ngo, scopes: [] }, (tx) =>
        tx
          .insert(carePlanVersions)
          .values({ caseId, version: 9, victimGoals: 'planted', recordedBy: userIds['th.ngo']!, recordedByAgencyId: agency.ngo }),
      ),
    ).rejects.toThrow();
  });

  it('audits reads and changes with ids and parts only', async () => {
    const caseId = await newCase();
    await socialworker.post(`/api/cases/${caseId}/care-plan`, planBody(0));
    await socialworker.get(`/api/cases/${caseId}/care-plan`);
    const events = (await admin.get(`/api/admin/audit?resourceId=${caseId}&pageSize=100`)).body.items as {
      action: string;
      details: Record<string, unknown>;
    }[];
    const care = events.filter((e) => String(e.details.part ?? '').startsWith('care'));
    expect(care.map((e) => `${e.action}:${e.details.part}`).sort()).toEqual(['case.read:care_plan', 'case.update:care_plan']);
    expect(JSON.stringify(care)).not.toContain('learn a trade');
  });
});
