import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { REASSESSMENT_DAYS } from '../../assessments/reassessment.js';
import { isoDay } from '../../commands/openCase.js';
import { asSystem } from '../../db/actorContext.js';
import { notifications } from '../../db/schema/index.js';
import { addCalendarDays } from '../../followUp/schedule.js';
import { REINTEGRATION_INSTRUMENT } from '../../seed/reintegrationInstrument.js';

let t: TestApp;
let admin: ApiClient;
let socialworker: ApiClient; // case_manager, Chiang Rai office
let ngo: ApiClient; // case_manager, NGO
let psychologist: ApiClient; // specialist_psychosocial, shelter
let instrumentId: string;
const daysAgo = (days: number) => isoDay(new Date(Date.now() - days * 86_400_000));

/** The items the social worker records: her role holds `care`, not the medical, psychosocial or legal section. */
const ITEMS = REINTEGRATION_INSTRUMENT.domains
  .filter((domain) => domain.section === 'care')
  .flatMap((domain) => domain.items.map((item) => item.key));
/** Every care item at `score`, with overrides. */
const scoresAt = (score: number, overrides: Record<string, number> = {}) => ({
  ...Object.fromEntries(ITEMS.map((key) => [key, score])),
  ...overrides,
});

async function newCase(): Promise<string> {
  const response = await socialworker.post('/api/cases', {
    person: { givenName: 'Dara', familyName: 'Assessed', gender: 'Feminine', estimatedAge: 30 },
    intake: { channel: 'walk_in' },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id;
}

async function assess(caseId: string, scores: Record<string, number>, assessedOn: string, id = instrumentId) {
  return socialworker.post(`/api/cases/${caseId}/assessments`, { instrumentId: id, assessedOn, assessorName: 'Khun Noi', scores });
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, socialworker, ngo, psychologist] = await Promise.all([
    t.login('admin'),
    t.login('th.socialworker'),
    t.login('th.ngo'),
    t.login('th.psychologist'),
  ]);
  const instruments = (await socialworker.get('/api/assessment-instruments')).body.items as { id: string; key: string; version: number }[];
  instrumentId = instruments.find((i) => i.key === 'reintegration' && i.version === 1)!.id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('assessment instruments', () => {
  it('ships the reintegration instrument: seven domains, 1–4 scale, labels in all eight languages', async () => {
    const { items } = (await ngo.get('/api/assessment-instruments')).body;
    const reintegration = items.find((i: { id: string }) => i.id === instrumentId);
    expect(reintegration.domains.map((d: { key: string }) => d.key)).toEqual([
      'safety',
      'health',
      'psychosocial',
      'economic',
      'family_community',
      'education',
      'legal_status',
    ]);
    expect([reintegration.scaleMin, reintegration.scaleMax]).toEqual([1, 4]);
    // Health, psychosocial and legal status are specialist content (DESIGN.md §4).
    expect(reintegration.domains.map((d: { section: string }) => d.section)).toEqual([
      'care',
      'medical',
      'psychosocial',
      'care',
      'care',
      'care',
      'legal',
    ]);
    for (const domain of reintegration.domains) {
      expect(domain.items.length).toBeGreaterThanOrEqual(2);
      expect(Object.keys(domain.labels).sort()).toEqual(['en', 'ja', 'km', 'lo', 'my', 'th', 'vi', 'zh']);
    }
    expect((await t.client().get('/api/assessment-instruments')).status).toBe(401);
  });
});

describe('assessments', () => {
  it('refuses a score outside the scale naming the item, and a missing item', async () => {
    const caseId = await newCase();
    const outside = expectProblem(await assess(caseId, scoresAt(3, { safety_home: 5 }), daysAgo(1)), 422, 'validation_failed');
    expect(outside.errors!.map((e) => e.path)).toEqual(['scores.safety_home']);
    const { economic_debt: _, ...missing } = scoresAt(3);
    const incomplete = expectProblem(await assess(caseId, missing, daysAgo(1)), 422, 'validation_failed');
    expect(incomplete.errors!.map((e) => e.path)).toEqual(['scores.economic_debt']);
    const unknown = expectProblem(await assess(caseId, scoresAt(3, { charm: 2 }), daysAgo(1)), 422, 'validation_failed');
    expect(unknown.errors!.map((e) => e.path)).toEqual(['scores.charm']);
    const future = expectProblem(
      await assess(caseId, scoresAt(3), isoDay(new Date(Date.now() + 3 * 86_400_000))),
      422,
      'validation_failed',
    );
    expect(future.errors!.map((e) => e.path)).toEqual(['assessedOn']);
    expect((await socialworker.get(`/api/cases/${caseId}/assessments`)).body.items).toEqual([]);
  });

  it('scores domains as the mean of their items, flags drops and the lowest band, and notifies the owner agency', async () => {
    const caseId = await newCase();
    const first = await assess(caseId, scoresAt(3, { family_acceptance: 2, community_stigma: 4 }), daysAgo(60));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.domainScores).toEqual({ safety: 3, economic: 3, family_community: 3, education: 3 });
    expect(first.body.overallScore).toBe(3);
    expect(first.body.risks).toEqual([]);

    // Economic falls from 3 to 1.5 (a drop and the lowest band); education from 3 to 2.5 (not a full point).
    const second = await assess(caseId, scoresAt(3, { economic_income: 1, economic_debt: 2, education_access: 2 }), daysAgo(10));
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    expect(second.body.domainScores).toMatchObject({ economic: 1.5, education: 2.5 });
    expect(second.body.risks).toEqual([
      { domain: 'economic', reason: 'dropped' },
      { domain: 'economic', reason: 'lowest_band' },
    ]);
    expect(second.body.overallScore).toBeCloseTo((3 * 2 + 1.5 + 2.5) / 4, 3);
    const notices = await asSystem(t.database.db, (tx) =>
      tx
        .select()
        .from(notifications)
        .where(and(eq(notifications.kind, 'assessment_risk'), eq(notifications.caseId, caseId))),
    );
    expect(notices.length).toBeGreaterThan(0);
    expect(notices.every((n) => n.subjectId === second.body.id)).toBe(true);

    const trend = (await socialworker.get(`/api/cases/${caseId}/assessments/trend`)).body;
    expect(trend.points.map((p: { assessedOn: string }) => p.assessedOn)).toEqual([daysAgo(60), daysAgo(10)]);
    expect(trend.series.find((s: { domain: string }) => s.domain === 'economic').values).toEqual([3, 1.5]);
    expect(trend.series.find((s: { domain: string }) => s.domain === 'safety').values).toEqual([3, 3]);
    expect(trend.series.map((s: { domain: string }) => s.domain)).toEqual(['safety', 'economic', 'family_community', 'education']);
    expect(trend.domains[0].labels.th).toBe('ความปลอดภัย');
  });

  it('reminds the assessing agency to reassess three months on; a newer assessment moves the reminder, a late older one does not', async () => {
    const caseId = await newCase();
    const reminders = async (client: ApiClient) =>
      (
        (await client.get('/api/tasks?scope=team&includeDone=true')).body.items as {
          caseId: string;
          kind: string;
          dueOn: string;
          doneAt: string | null;
        }[]
      )
        .filter((task) => task.caseId === caseId && task.kind === 'assessment_due')
        .map((task) => ({ dueOn: task.dueOn, done: task.doneAt !== null }));
    expect(await reminders(socialworker)).toEqual([]);
    expect((await assess(caseId, scoresAt(3), daysAgo(40))).status).toBe(201);
    expect(await reminders(socialworker)).toEqual([{ dueOn: addCalendarDays(daysAgo(40), REASSESSMENT_DAYS), done: false }]);
    expect((await assess(caseId, scoresAt(3), daysAgo(5))).status).toBe(201);
    expect((await assess(caseId, scoresAt(3), daysAgo(50))).status).toBe(201);
    const after = await reminders(socialworker);
    expect(after.filter((task) => !task.done)).toEqual([{ dueOn: addCalendarDays(daysAgo(5), REASSESSMENT_DAYS), done: false }]);
    expect(after.filter((task) => task.done)).toHaveLength(1);
    expect(await reminders(ngo)).toEqual([]);
  });

  it('is the care section: no role or agency without it reads or records assessments', async () => {
    const caseId = await newCase();
    expect((await assess(caseId, scoresAt(3), daysAgo(2))).status).toBe(201);
    expectProblem(await ngo.get(`/api/cases/${caseId}/assessments`), 404, 'not_found');
    expectProblem(await ngo.get(`/api/cases/${caseId}/assessments/trend`), 404, 'not_found');
    expectProblem(
      await ngo.post(`/api/cases/${caseId}/assessments`, { instrumentId, assessedOn: daysAgo(1), assessorName: 'x', scores: scoresAt(1) }),
      404,
      'not_found',
    );
    expectProblem(await psychologist.get(`/api/cases/${caseId}/assessments`), 404, 'not_found');
    expect((await socialworker.get(`/api/cases/${caseId}/assessments`)).body.items).toHaveLength(1);
  });
  it('keeps the instrument version an assessment was scored on when the instrument changes', async () => {
    const caseId = await newCase();
    expect((await assess(caseId, scoresAt(2), daysAgo(30))).status).toBe(201);
    const changed = {
      ...REINTEGRATION_INSTRUMENT,
      domains: [
        ...REINTEGRATION_INSTRUMENT.domains,
        { key: 'housing', labels: { en: 'Housing' }, items: [{ key: 'housing_stable', labels: { en: 'Stable housing' } }] },
      ],
    };
    expectProblem(await socialworker.post('/api/admin/assessment-instruments', changed), 403, 'forbidden');
    const v2 = await admin.post('/api/admin/assessment-instruments', changed);
    expect(v2.status, JSON.stringify(v2.body)).toBe(201);
    expect(v2.body).toMatchObject({ key: 'reintegration', version: 2, active: true });

    // The old version no longer takes new assessments; the old assessment still names it.
    expectProblem(await assess(caseId, scoresAt(2), daysAgo(1)), 422, 'invalid_reference');
    const next = await assess(caseId, scoresAt(3, { housing_stable: 3 }), daysAgo(1), v2.body.id);
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    const listed = (await socialworker.get(`/api/cases/${caseId}/assessments`)).body.items;
    expect(listed.map((a: { instrumentVersion: number }) => a.instrumentVersion)).toEqual([1, 2]);
    const trend = (await socialworker.get(`/api/cases/${caseId}/assessments/trend`)).body;
    expect(trend.series.find((s: { domain: string }) => s.domain === 'housing').values).toEqual([null, 3]);

    // Retiring and restoring a version is for form administrators.
    expectProblem(await socialworker.patch(`/api/admin/assessment-instruments/${instrumentId}`, { active: true }), 403, 'forbidden');
    const restored = await admin.patch(`/api/admin/assessment-instruments/${instrumentId}`, { active: true });
    expect(restored.body).toMatchObject({ version: 1, active: true });
    // A bad instrument names the field.
    const bad = expectProblem(
      await admin.post('/api/admin/assessment-instruments', { ...changed, scaleLabels: { '1': { en: 'a' } } }),
      400,
      'validation_failed',
    );
    expect(bad.errors!.map((e) => e.path)).toContain('scaleLabels.2');
    // A domain belongs to care or a specialist section, nothing else.
    const [first, ...rest] = changed.domains;
    const section = expectProblem(
      await admin.post('/api/admin/assessment-instruments', { ...changed, domains: [{ ...first, section: 'identity' }, ...rest] }),
      400,
      'validation_failed',
    );
    expect(section.errors!.map((e) => e.path)).toEqual(['domains.0.section']);
    // Saved without one, a domain is care's; the shipped domains keep theirs in the new version.
    expect(v2.body.domains.map((d: { key: string; section: string }) => `${d.key}:${d.section}`)).toEqual([
      'safety:care',
      'health:medical',
      'psychosocial:psychosocial',
      'economic:care',
      'family_community:care',
      'education:care',
      'legal_status:legal',
      'housing:care',
    ]);
  });
});
