import { readFile } from 'node:fs/promises';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, shareWithConsent, startTestApp, type TestApp } from '../../../test/harness.js';
import { domainScores, risksOf } from '../../assessments/scoring.js';
import { asActor, asSystem } from '../../db/actorContext.js';
import {
  assessmentInstruments,
  carePlanActions,
  carePlanGoals,
  carePlanVersions,
  careServices,
  caseAssessments,
  caseEvents,
  caseTasks,
  notifications,
} from '../../db/schema/index.js';
import { addCalendarDays, localToday } from '../../followUp/schedule.js';
import { REINTEGRATION_INSTRUMENT } from '../../seed/reintegrationInstrument.js';

/**
 * DESIGN.md §4: specialist content (medical, psychosocial, legal) stays closed to those without
 * the section, also inside the care plan and the assessments that `care` opens (probe finding F4).
 */
let t: TestApp;
let socialworker: ApiClient; // case_manager, Chiang Rai office: care, no specialist section
let ngo: ApiClient; // case_manager, NGO
let psychologist: ApiClient; // specialist_psychosocial, shelter: psychosocial, no care, no case:update
const agency = {} as Record<'chiangrai' | 'ngo' | 'shelter', string>;
const userIds: Record<string, string> = {};
let instrumentId: string;
const today = () => localToday('TH', new Date());
const inDays = (days: number) => addCalendarDays(today(), days);

const SPECIALIST_DOMAINS = ['health', 'psychosocial', 'legal_status'];
const CARE_DOMAINS = ['safety', 'economic', 'family_community', 'education'];
const itemsOf = (domains: string[]) =>
  REINTEGRATION_INSTRUMENT.domains
    .filter((domain) => domains.includes(domain.key))
    .flatMap((domain) => domain.items.map((item) => item.key));
const scoresOf = (domains: string[], score: number) => Object.fromEntries(itemsOf(domains).map((key) => [key, score]));
const ALL_SCORES = { ...scoresOf(CARE_DOMAINS, 3), ...scoresOf(SPECIALIST_DOMAINS, 1) };
const SECRET_NOTE = 'Nightmares about the boat every night';
const SECRET_GOAL = 'Counselling sessions every two weeks';
const SECRET_SERVICE = 'HIV test and treatment';

async function newCase(): Promise<string> {
  const response = await socialworker.post('/api/cases', {
    person: { givenName: 'Suda', familyName: 'Sections', gender: 'Feminine', estimatedAge: 27 },
    intake: { channel: 'walk_in' },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

/**
 * A case the way a multidisciplinary team leaves it: an assessment of every domain with a note on
 * the psychosocial one, a care plan with an economic and a psychosocial goal, and a medical and an
 * economic service. Written as the owner's records, directly, since no demo role holds all sections.
 */
async function caseWithSpecialistCare(): Promise<string> {
  const caseId = await newCase();
  const recorded = { recordedBy: userIds['th.socialworker']!, recordedByAgencyId: agency.chiangrai };
  await asSystem(t.database.db, async (tx) => {
    const scored = domainScores(REINTEGRATION_INSTRUMENT, ALL_SCORES);
    await tx.insert(caseAssessments).values({
      caseId,
      instrumentId,
      assessedOn: addCalendarDays(today(), -3),
      assessorName: 'MDT',
      scores: ALL_SCORES,
      domainNotes: { psychosocial: SECRET_NOTE, economic: 'Debt to the broker' },
      ...scored,
      risks: risksOf(scored.domainScores, null, 1),
      ...recorded,
    });
    const [plan] = await tx
      .insert(carePlanVersions)
      .values({ caseId, version: 1, victimGoals: 'Work and send money home', ...recorded })
      .returning({ id: carePlanVersions.id });
    const goals = await tx
      .insert(carePlanGoals)
      .values([
        {
          planVersionId: plan!.id,
          caseId,
          position: 0,
          serviceArea: 'economic_empowerment',
          goal: 'A steady income',
          status: 'open',
          recordedByAgencyId: agency.chiangrai,
        },
        {
          planVersionId: plan!.id,
          caseId,
          position: 1,
          serviceArea: 'psychosocial',
          goal: 'Sleep well again',
          status: 'open',
          recordedByAgencyId: agency.chiangrai,
        },
      ])
      .returning({ id: carePlanGoals.id });
    await tx.insert(carePlanActions).values([
      { goalId: goals[0]!.id, caseId, position: 0, what: 'Sewing course', status: 'planned', recordedByAgencyId: agency.chiangrai },
      {
        goalId: goals[1]!.id,
        caseId,
        position: 0,
        what: SECRET_GOAL,
        responsibleAgencyId: agency.chiangrai,
        dueOn: inDays(20),
        status: 'in_progress',
        recordedByAgencyId: agency.chiangrai,
      },
    ]);
    await tx.insert(careServices).values([
      {
        caseId,
        deliveredOn: today(),
        providerName: 'Provincial hospital',
        serviceArea: 'medical',
        description: SECRET_SERVICE,
        ...recorded,
      },
      {
        caseId,
        deliveredOn: today(),
        providerName: 'Skills centre',
        serviceArea: 'economic_empowerment',
        description: 'Sewing course',
        ...recorded,
      },
    ]);
  });
  return caseId;
}

type Seen = {
  scores: Record<string, number>;
  domainScores: Record<string, number>;
  domainNotes: Record<string, string>;
  risks: { domain: string }[];
  overallScore: number | null;
};
const domainsSeen = (item: Seen) => [
  ...new Set([...Object.keys(item.domainScores), ...Object.keys(item.domainNotes), ...item.risks.map((risk) => risk.domain)]),
];

beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.login('admin');
  [socialworker, ngo, psychologist] = await Promise.all([t.login('th.socialworker'), t.login('th.ngo'), t.login('th.psychologist')]);
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
  const instruments = (await socialworker.get('/api/assessment-instruments')).body.items as { id: string; key: string; version: number }[];
  instrumentId = instruments.find((i) => i.key === 'reintegration' && i.version === 1)!.id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('specialist parts of the care section', () => {
  it('th.socialworker (care, no specialist section) reads and records only the care parts', async () => {
    const caseId = await caseWithSpecialistCare();

    const listed = await socialworker.get(`/api/cases/${caseId}/assessments`);
    expect(listed.status).toBe(200);
    const [assessment] = listed.body.items as Seen[];
    expect(domainsSeen(assessment!).sort()).toEqual([...CARE_DOMAINS].sort());
    expect(Object.keys(assessment!.scores).sort()).toEqual(itemsOf(CARE_DOMAINS).sort());
    expect(assessment!.domainNotes).toEqual({ economic: 'Debt to the broker' });
    // With the four care domains she sees, the overall mean would give back the hidden ones.
    expect(assessment!.overallScore).toBeNull();
    expect(listed.body.abilities.record).toEqual(['care']);
    const trend = (await socialworker.get(`/api/cases/${caseId}/assessments/trend`)).body;
    expect(trend.domains.map((d: { key: string }) => d.key)).toEqual(['safety', 'economic', 'family_community', 'education']);
    expect(trend.points[0].overallScore).toBeNull();
    expect(Object.keys(trend.points[0].domainScores).sort()).toEqual([...CARE_DOMAINS].sort());

    const plan = await socialworker.get(`/api/cases/${caseId}/care-plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.current.goals.map((g: { serviceArea: string }) => g.serviceArea)).toEqual(['economic_empowerment']);
    expect(plan.body.services.map((s: { serviceArea: string }) => s.serviceArea)).toEqual(['economic_empowerment']);
    expect(plan.body.current.victimGoals).toBe('Work and send money home');
    expect(plan.body.abilities).toEqual({ write: true, record: ['care'] });
    const body = JSON.stringify([listed.body, trend, plan.body]);
    for (const secret of [SECRET_NOTE, SECRET_GOAL, SECRET_SERVICE, 'psychosocial_mood', '"psychosocial"', 'health_'])
      expect(body).not.toContain(secret);

    // Recording follows reading: a psychosocial score, goal or service is refused by name, nothing written.
    const assessedOn = addCalendarDays(today(), -1);
    const refused = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/assessments`, { instrumentId, assessedOn, assessorName: 'Nok', scores: ALL_SCORES }),
      403,
      'forbidden',
    );
    expect(refused.errors!.map((e) => e.path)).toContain('scores.psychosocial_mood');
    const noted = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/assessments`, {
        instrumentId,
        assessedOn,
        assessorName: 'Nok',
        scores: scoresOf(CARE_DOMAINS, 3),
        domainNotes: { psychosocial: 'planted' },
      }),
      403,
      'forbidden',
    );
    expect(noted.errors!.map((e) => e.path)).toEqual(['domainNotes.psychosocial']);
    const own = await socialworker.post(`/api/cases/${caseId}/assessments`, {
      instrumentId,
      assessedOn,
      assessorName: 'Nok',
      scores: scoresOf(CARE_DOMAINS, 2),
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(Object.keys(own.body.domainScores).sort()).toEqual([...CARE_DOMAINS].sort());
    expect(own.body.overallScore).toBe(2);
    // A care domain missing from her assessment is still required.
    const incomplete = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/assessments`, {
        instrumentId,
        assessedOn,
        assessorName: 'Nok',
        scores: scoresOf(['safety'], 2),
      }),
      422,
      'validation_failed',
    );
    expect(incomplete.errors!.map((e) => e.path)).toContain('scores.economic_income');

    const goal = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/care-plan`, {
        basedOnVersion: 1,
        victimGoals: 'Work and send money home',
        goals: [
          { serviceArea: 'economic_empowerment', goal: 'A steady income' },
          { serviceArea: 'psychosocial', goal: 'planted' },
        ],
      }),
      403,
      'forbidden',
    );
    expect(goal.errors!.map((e) => e.path)).toEqual(['goals.1.serviceArea']);
    const service = expectProblem(
      await socialworker.post(`/api/cases/${caseId}/care-services`, {
        deliveredOn: today(),
        providerName: 'Clinic',
        serviceArea: 'medical',
        description: 'planted',
      }),
      403,
      'forbidden',
    );
    expect(service.errors!.map((e) => e.path)).toEqual(['serviceArea']);

    // Her revision changes her goals; the psychosocial goal she cannot see goes on unchanged.
    const revised = await socialworker.post(`/api/cases/${caseId}/care-plan`, {
      basedOnVersion: 1,
      victimGoals: 'Work, and see her mother at New Year',
      goals: [{ serviceArea: 'economic_empowerment', goal: 'A steady income from sewing' }],
    });
    expect(revised.status, JSON.stringify(revised.body)).toBe(201);
    expect(revised.body.current.goals.map((g: { goal: string }) => g.goal)).toEqual(['A steady income from sewing']);
    const stored = await asSystem(t.database.db, (tx) =>
      tx
        .select({ version: carePlanVersions.version, goal: carePlanGoals.goal, what: carePlanActions.what, status: carePlanActions.status })
        .from(carePlanGoals)
        .innerJoin(carePlanVersions, eq(carePlanVersions.id, carePlanGoals.planVersionId))
        .leftJoin(carePlanActions, eq(carePlanActions.goalId, carePlanGoals.id))
        .where(and(eq(carePlanGoals.caseId, caseId), eq(carePlanGoals.serviceArea, 'psychosocial')))
        .then((rows) => rows.filter((row) => row.what === SECRET_GOAL).map(({ version, goal, status }) => ({ version, goal, status }))),
    );
    expect(stored.filter((row) => row.goal === 'Sleep well again').sort((a, b) => a.version - b.version)).toEqual([
      { version: 1, goal: 'Sleep well again', status: 'in_progress' },
      { version: 2, goal: 'Sleep well again', status: 'in_progress' },
    ]);
  });

  it('th.psychologist (psychosocial, no care) reads only the psychosocial parts once her agency holds that section', async () => {
    const caseId = await caseWithSpecialistCare();
    // Her agency given care only: her role reads no part of it.
    await shareWithConsent(socialworker, caseId, agency.shelter, ['care']);
    expectProblem(await psychologist.get(`/api/cases/${caseId}/assessments`), 403, 'forbidden');
    expectProblem(await psychologist.get(`/api/cases/${caseId}/care-plan`), 403, 'forbidden');

    // Her agency given psychosocial without the care work: the psychosocial parts are her section's (DESIGN.md §4).
    await shareWithConsent(socialworker, caseId, agency.shelter, ['psychosocial']);
    const listed = await psychologist.get(`/api/cases/${caseId}/assessments`);
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const [assessment] = listed.body.items as Seen[];
    expect(domainsSeen(assessment!)).toEqual(['psychosocial']);
    expect(Object.keys(assessment!.scores).sort()).toEqual(itemsOf(['psychosocial']).sort());
    expect(assessment!.domainNotes).toEqual({ psychosocial: SECRET_NOTE });
    expect(assessment!.risks).toEqual([{ domain: 'psychosocial', reason: 'lowest_band' }]);
    expect(assessment!.overallScore).toBeNull();
    // Her role records nothing (no case:update).
    expect(listed.body.abilities.record).toEqual([]);
    const trend = (await psychologist.get(`/api/cases/${caseId}/assessments/trend`)).body;
    expect(trend.series.map((s: { domain: string }) => s.domain)).toEqual(['psychosocial']);

    const plan = await psychologist.get(`/api/cases/${caseId}/care-plan`);
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body.current.goals.map((g: { goal: string }) => g.goal)).toEqual(['Sleep well again']);
    expect(plan.body.current.goals[0].actions.map((a: { what: string }) => a.what)).toEqual([SECRET_GOAL]);
    // The plan's terms, the economic goal and the medical service are not hers.
    expect(plan.body.current.victimGoals).toBeNull();
    expect(plan.body.services).toEqual([]);
    expect(plan.body.abilities).toEqual({ write: false, record: [] });
    const body = JSON.stringify([listed.body, trend, plan.body]);
    for (const secret of [
      'Work and send money home',
      'A steady income',
      'Sewing course',
      'Debt to the broker',
      SECRET_SERVICE,
      'safety_',
      'health_',
    ])
      expect(body).not.toContain(secret);
    expectProblem(
      await psychologist.post(`/api/cases/${caseId}/assessments`, {
        instrumentId,
        assessedOn: today(),
        assessorName: 'Dr. Ploy',
        scores: scoresOf(['psychosocial'], 2),
      }),
      403,
      'forbidden',
    );

    // th.shelter of the same agency (care, no psychosocial in her role) reads none of it: her agency holds no care.
    const shelter = await t.login('th.shelter');
    expectProblem(await shelter.get(`/api/cases/${caseId}/assessments`), 403, 'forbidden');
    expectProblem(await shelter.get(`/api/cases/${caseId}/care-plan`), 403, 'forbidden');

    // With care as well she reads the same psychosocial parts.
    await shareWithConsent(socialworker, caseId, agency.shelter, ['care', 'psychosocial']);
    const both = await psychologist.get(`/api/cases/${caseId}/assessments`);
    expect(both.status).toBe(200);
    expect(domainsSeen(both.body.items[0])).toEqual(['psychosocial']);
  });

  it('an agency given only care by a referral reads the care parts, not the specialist ones', async () => {
    const caseId = await caseWithSpecialistCare();
    const consent = await socialworker.post(`/api/cases/${caseId}/consents`, {
      purpose: 'referral',
      sections: ['identity', 'care'],
      agencyIds: [],
      countries: [],
      givenBy: 'victim',
      givenOn: today(),
    });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    const referral = await socialworker.post(`/api/cases/${caseId}/referrals`, {
      toAgencyId: agency.ngo,
      serviceArea: 'economic_empowerment',
      consentId: consent.body.id,
      sections: ['care'],
      reason: 'Start-up kit',
      urgency: 'routine',
      dueOn: inDays(5),
    });
    expect(referral.status, JSON.stringify(referral.body)).toBe(201);
    expect((await ngo.post(`/api/referrals/${referral.body.id}/accept`)).status).toBe(200);

    const plan = await ngo.get(`/api/cases/${caseId}/care-plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.current.goals.map((g: { serviceArea: string }) => g.serviceArea)).toEqual(['economic_empowerment']);
    expect(plan.body.services.map((s: { serviceArea: string }) => s.serviceArea)).toEqual(['economic_empowerment']);
    const listed = await ngo.get(`/api/cases/${caseId}/assessments`);
    expect(domainsSeen(listed.body.items[0]).sort()).toEqual([...CARE_DOMAINS].sort());
    const body = JSON.stringify([plan.body, listed.body, (await ngo.get(`/api/cases/${caseId}/assessments/trend`)).body]);
    for (const secret of [SECRET_NOTE, SECRET_GOAL, SECRET_SERVICE, 'psychosocial_mood', 'health_']) expect(body).not.toContain(secret);
    // It records what care covers on the case it works on, and nothing specialist.
    expect(
      (
        await ngo.post(`/api/cases/${caseId}/care-services`, {
          deliveredOn: today(),
          providerAgencyId: agency.ngo,
          serviceArea: 'economic_empowerment',
          description: 'Start-up kit',
        })
      ).status,
    ).toBe(201);
    expectProblem(
      await ngo.post(`/api/cases/${caseId}/care-services`, {
        deliveredOn: today(),
        providerAgencyId: agency.ngo,
        serviceArea: 'psychosocial',
        description: 'planted',
      }),
      403,
      'forbidden',
    );
  });

  it('migration 0023 gives an instrument saved before sections existed the sections of its domains', async () => {
    const legacy = ['health_check', 'psychosocial_wellbeing', 'legal_aid', 'housing'].map((key) => ({
      key,
      labels: { en: key },
      items: [{ key: `${key}_item`, labels: { en: key } }],
    }));
    const migration = await readFile(new URL('../../db/migrations/0023_care_sections.sql', import.meta.url), 'utf8');
    const domains = await asSystem(t.database.db, async (tx) => {
      const [row] = await tx
        .insert(assessmentInstruments)
        .values({
          key: 'legacy_sections',
          version: 1,
          name: { en: 'Legacy' },
          scaleMin: 1,
          scaleMax: 4,
          scaleLabels: {},
          domains: legacy as never,
        })
        .returning({ id: assessmentInstruments.id });
      await tx.execute(sql.raw(migration));
      const [after] = await tx.select().from(assessmentInstruments).where(eq(assessmentInstruments.id, row!.id));
      return after!.domains;
    });
    expect(domains.map((domain) => [domain.key, domain.section])).toEqual([
      ['health_check', 'medical'],
      ['psychosocial_wellbeing', 'psychosocial'],
      ['legal_aid', 'legal'],
      ['housing', 'care'],
    ]);
    // The shipped instrument, migrated again, keeps the sections it was seeded with.
    const shipped = (await socialworker.get('/api/assessment-instruments')).body.items.find((i: { id: string }) => i.id === instrumentId);
    expect(shipped.domains.map((d: { section: string }) => d.section)).toEqual([
      'care',
      'medical',
      'psychosocial',
      'care',
      'care',
      'care',
      'legal',
    ]);
  });

  it('a psychologist allowed to record assesses her domains; the care readers of the owner neither see it nor are told of its risk', async () => {
    const caseId = await newCase();
    await shareWithConsent(socialworker, caseId, agency.shelter, ['care', 'psychosocial']);
    const admin = await t.login('admin');
    const role = (await admin.get('/api/admin/roles')).body.items.find((r: { key: string }) => r.key === 'specialist_psychosocial');
    const updated = await admin.patch(`/api/admin/roles/${role.id}`, {
      version: role.version,
      permissions: [...role.permissions, 'case:update'],
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const recorder = await t.login('th.psychologist');

    const care = expectProblem(
      await recorder.post(`/api/cases/${caseId}/assessments`, {
        instrumentId,
        assessedOn: today(),
        assessorName: 'Dr. Ploy',
        scores: ALL_SCORES,
      }),
      403,
      'forbidden',
    );
    expect(care.errors!.map((e) => e.path)).toContain('scores.safety_home');
    const recorded = await recorder.post(`/api/cases/${caseId}/assessments`, {
      instrumentId,
      assessedOn: today(),
      assessorName: 'Dr. Ploy',
      scores: scoresOf(['psychosocial'], 1),
      domainNotes: { psychosocial: SECRET_NOTE },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    // She sees every domain it scored, so its overall score too.
    expect(recorded.body).toMatchObject({ domainScores: { psychosocial: 1 }, overallScore: 1 });
    expect(recorded.body.risks).toEqual([{ domain: 'psychosocial', reason: 'lowest_band' }]);
    expect((await recorder.get(`/api/cases/${caseId}/assessments`)).body.abilities.record).toEqual(['psychosocial']);

    expect((await socialworker.get(`/api/cases/${caseId}/assessments`)).body.items).toEqual([]);
    const timeline = JSON.stringify((await socialworker.get(`/api/cases/${caseId}/timeline`)).body);
    expect(timeline).not.toContain(recorded.body.id);
    const [told, entry] = await asSystem(t.database.db, async (tx) => [
      await tx.select().from(notifications).where(eq(notifications.subjectId, recorded.body.id)),
      await tx
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'assessment.recorded'))),
    ]);
    // The owner agency has no one holding psychosocial: no one there is told of a risk she could not see.
    expect(told).toEqual([]);
    expect(entry.map((event) => [event.section, event.details])).toEqual([
      ['psychosocial', { assessmentId: recorded.body.id, riskDomains: ['psychosocial'] }],
    ]);

    // With care as well she plans: the task for a counselling action does not carry its words,
    // since every user of the responsible agency reads its tasks.
    const withCare = await admin.patch(`/api/admin/roles/${role.id}`, {
      version: updated.body.version,
      permissions: [...updated.body.permissions, 'section:care'],
    });
    expect(withCare.status, JSON.stringify(withCare.body)).toBe(200);
    const planner = await t.login('th.psychologist');
    const planned = await planner.post(`/api/cases/${caseId}/care-plan`, {
      basedOnVersion: 0,
      victimGoals: 'Sleep, then work',
      goals: [
        {
          serviceArea: 'psychosocial',
          goal: 'Sleep well again',
          actions: [{ what: SECRET_GOAL, responsibleAgencyId: agency.shelter, dueOn: inDays(14) }],
        },
        {
          serviceArea: 'economic_empowerment',
          goal: 'Income',
          actions: [{ what: 'Sewing course', responsibleAgencyId: agency.shelter, dueOn: inDays(30) }],
        },
      ],
    });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const tasks = await asSystem(t.database.db, (tx) =>
      tx
        .select({ title: caseTasks.title, dueOn: caseTasks.dueOn })
        .from(caseTasks)
        .where(and(eq(caseTasks.caseId, caseId), eq(caseTasks.kind, 'care_action'))),
    );
    expect(tasks.sort((x, y) => x.dueOn.localeCompare(y.dueOn))).toEqual([
      { title: null, dueOn: inDays(14) },
      { title: 'Sewing course', dueOn: inDays(30) },
    ]);

    // The timeline tells of a counselling session only those who read psychosocial content.
    const service = (area: string) => ({
      deliveredOn: today(),
      providerAgencyId: agency.shelter,
      serviceArea: area,
      description: 'Session',
    });
    const counselling = await planner.post(`/api/cases/${caseId}/care-services`, service('psychosocial'));
    const course = await planner.post(`/api/cases/${caseId}/care-services`, service('economic_empowerment'));
    expect([counselling.status, course.status]).toEqual([201, 201]);
    const shownTimeline = JSON.stringify((await socialworker.get(`/api/cases/${caseId}/timeline`)).body);
    expect(shownTimeline).toContain(course.body.id);
    expect(shownTimeline).not.toContain(counselling.body.id);
  });

  it('a psychologist allowed to record, her agency given psychosocial only, records psychosocial parts and nothing of care', async () => {
    const caseId = await caseWithSpecialistCare();
    await shareWithConsent(socialworker, caseId, agency.shelter, ['psychosocial']);
    const admin = await t.login('admin');
    const role = (await admin.get('/api/admin/roles')).body.items.find((r: { key: string }) => r.key === 'specialist_psychosocial');
    if (!role.permissions.includes('case:update')) {
      const updated = await admin.patch(`/api/admin/roles/${role.id}`, {
        version: role.version,
        permissions: [...role.permissions, 'case:update'],
      });
      expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    }
    const recorder = await t.login('th.psychologist');
    expect((await recorder.get(`/api/cases/${caseId}/assessments`)).body.abilities.record).toEqual(['psychosocial']);

    const care = expectProblem(
      await recorder.post(`/api/cases/${caseId}/assessments`, {
        instrumentId,
        assessedOn: today(),
        assessorName: 'Dr. Ploy',
        scores: ALL_SCORES,
      }),
      403,
      'forbidden',
    );
    expect(care.errors!.map((e) => e.path)).toContain('scores.safety_home');
    const recorded = await recorder.post(`/api/cases/${caseId}/assessments`, {
      instrumentId,
      assessedOn: today(),
      assessorName: 'Dr. Ploy',
      scores: scoresOf(['psychosocial'], 2),
      domainNotes: { psychosocial: 'Sleeps better' },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({
      domainScores: { psychosocial: 2 },
      overallScore: 2,
      domainNotes: { psychosocial: 'Sleeps better' },
    });
    const listed = (await recorder.get(`/api/cases/${caseId}/assessments`)).body.items as (Seen & { id: string })[];
    expect(listed.map((item) => item.id)).toContain(recorded.body.id);
    expect(listed.map(domainsSeen)).toEqual([['psychosocial'], ['psychosocial']]);

    // A counselling session is hers to record; an economic one and the plan's revision are care's.
    const service = (area: string) => ({
      deliveredOn: today(),
      providerAgencyId: agency.shelter,
      serviceArea: area,
      description: 'Session',
    });
    const counselling = await recorder.post(`/api/cases/${caseId}/care-services`, service('psychosocial'));
    expect(counselling.status, JSON.stringify(counselling.body)).toBe(201);
    expectProblem(await recorder.post(`/api/cases/${caseId}/care-services`, service('economic_empowerment')), 403, 'forbidden');
    expectProblem(
      await recorder.post(`/api/cases/${caseId}/care-plan`, {
        basedOnVersion: 1,
        victimGoals: 'Sleep',
        goals: [{ serviceArea: 'psychosocial', goal: 'Sleep well again' }],
      }),
      403,
      'forbidden',
    );
    const plan = (await recorder.get(`/api/cases/${caseId}/care-plan`)).body;
    expect(plan.services.map((s: { id: string }) => s.id)).toEqual([counselling.body.id]);
    expect(plan.abilities).toEqual({ write: false, record: ['psychosocial'] });
    // Progress on her section's action is hers to record.
    const action = plan.current.goals[0].actions[0];
    const progressed = await recorder.patch(`/api/cases/${caseId}/care-plan/actions/${action.id}`, { status: 'done' });
    expect(progressed.status, JSON.stringify(progressed.body)).toBe(200);
    expect(progressed.body.current.goals[0].actions[0].status).toBe('done');

    // Row-level security, not only the route, keeps the care rows from her agency.
    const rows = await asActor(
      t.database.db,
      { userId: userIds['th.psychologist']!, agencyId: agency.shelter, scopes: [] },
      async (tx) => ({
        services: (await tx.select({ area: careServices.serviceArea }).from(careServices).where(eq(careServices.caseId, caseId))).map(
          (row) => row.area,
        ),
        goals: (await tx.select({ area: carePlanGoals.serviceArea }).from(carePlanGoals).where(eq(carePlanGoals.caseId, caseId))).map(
          (row) => row.area,
        ),
        actions: (await tx.select({ what: carePlanActions.what }).from(carePlanActions).where(eq(carePlanActions.caseId, caseId))).map(
          (row) => row.what,
        ),
        assessments: (await tx.select({ id: caseAssessments.id }).from(caseAssessments).where(eq(caseAssessments.caseId, caseId))).length,
      }),
    );
    expect(rows).toEqual({ services: ['psychosocial'], goals: ['psychosocial'], actions: [SECRET_GOAL], assessments: 2 });
    const planted = await asActor(t.database.db, { userId: userIds['th.psychologist']!, agencyId: agency.shelter, scopes: [] }, (tx) =>
      tx.insert(careServices).values({
        caseId,
        deliveredOn: today(),
        providerName: 'Skills centre',
        serviceArea: 'economic_empowerment',
        description: 'planted',
        recordedBy: userIds['th.psychologist']!,
        recordedByAgencyId: agency.shelter,
      }),
    ).then(
      () => 'written',
      (error: Error) => String(error.cause ?? error.message),
    );
    expect(planted).toContain('row-level security');

    // The owner's social worker (care, no psychosocial) sees neither; the stored rows are the shelter's.
    const owner = await socialworker.get(`/api/cases/${caseId}/assessments`);
    expect(owner.body.items.map((item: { id: string }) => item.id)).not.toContain(recorded.body.id);
    const stored = await asSystem(t.database.db, (tx) =>
      tx.select({ agency: caseAssessments.recordedByAgencyId }).from(caseAssessments).where(eq(caseAssessments.id, recorded.body.id)),
    );
    expect(stored).toEqual([{ agency: agency.shelter }]);
  });
});
