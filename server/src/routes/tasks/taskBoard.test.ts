import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { caseTasks, users } from '../../db/schema/index.js';
import { addCalendarDays, localToday } from '../../followUp/schedule.js';

let t: TestApp;
let socialworker: ApiClient;
let agencyadmin: ApiClient;
let ngo: ApiClient;
let data: ApiClient;
let chiangRaiCases: { id: string; reference: string; displayName: string; ownerUserId: string | null }[];
let agencyId: string;
let socialworkerId: string;
const today = localToday('TH', new Date());

type Group = {
  caseId: string;
  displayName: string;
  overdue: number;
  tasks: { id: string; kind: string; dueOn: string; overdue: boolean }[];
};

beforeAll(async () => {
  t = await startTestApp();
  [socialworker, agencyadmin, ngo, data] = await Promise.all([
    t.login('th.socialworker'),
    t.login('th.agencyadmin'),
    t.login('th.ngo'),
    t.login('th.data'),
  ]);
  const list = await socialworker.get('/api/cases?scope=team&pageSize=100');
  chiangRaiCases = list.body.items.filter((c: { involvement: string }) => c.involvement === 'owner');
  const [me] = await asSystem(t.database.db, (tx) => tx.select().from(users).where(eq(users.username, 'th.socialworker')));
  agencyId = me!.agencyId;
  socialworkerId = me!.id;
  // Tasks other parts write (referral response, follow-up visit), on two cases, one of them overdue.
  const [first, second] = chiangRaiCases;
  await asSystem(t.database.db, (tx) =>
    tx.insert(caseTasks).values([
      { caseId: first!.id, kind: 'referral_response', dueOn: addCalendarDays(today, -3), agencyId, assigneeUserId: socialworkerId },
      { caseId: first!.id, kind: 'follow_up_visit', dueOn: addCalendarDays(today, 5), agencyId, assigneeUserId: socialworkerId },
      { caseId: first!.id, kind: 'care_action', dueOn: addCalendarDays(today, -1), agencyId, assigneeUserId: socialworkerId },
      { caseId: second!.id, kind: 'follow_up_visit', dueOn: addCalendarDays(today, 2), agencyId, assigneeUserId: socialworkerId },
    ]),
  );
}, 120_000);
afterAll(() => t.close());

describe('task board', () => {
  it('groups open tasks into one card per case, overdue first, with the name the reader may see', async () => {
    const response = await socialworker.get('/api/tasks/board?scope=mine');
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const groups: Group[] = response.body.groups;
    expect(new Set(groups.map((g) => g.caseId)).size).toBe(groups.length);
    const first = groups.find((g) => g.caseId === chiangRaiCases[0]!.id)!;
    expect(first.displayName).toBe(chiangRaiCases[0]!.displayName);
    expect(first.tasks.map((task) => task.kind)).toEqual(expect.arrayContaining(['referral_response', 'care_action', 'follow_up_visit']));
    const dues = first.tasks.map((task) => task.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect(first.overdue).toBe(first.tasks.filter((task) => task.overdue).length);
    expect(first.overdue).toBeGreaterThanOrEqual(2);
    // Cards with overdue tasks come before cards without.
    const overdueFlags = groups.map((g) => g.overdue > 0);
    expect(overdueFlags).toEqual([...overdueFlags].sort((a, b) => Number(b) - Number(a)));
    expect(response.body.total).toBe(groups.reduce((sum, g) => sum + g.tasks.length, 0));
    expect(response.body.caseCount).toBe(groups.length);
    // A shorter board keeps the most urgent card and still counts them all.
    const one = await socialworker.get('/api/tasks/board?scope=mine&cases=1');
    expect(one.body.groups.map((g: Group) => g.caseId)).toEqual([groups[0]!.caseId]);
    expect(one.body.groups[0].displayName).toBe(groups[0]!.displayName);
    expect(one.body.caseCount).toBe(groups.length);
  });

  it('filters by kind and by overdue', async () => {
    const visits = await socialworker.get('/api/tasks/board?scope=team&kind=follow_up_visit');
    const kinds = (visits.body.groups as Group[]).flatMap((g) => g.tasks.map((task) => task.kind));
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    expect(new Set(kinds)).toEqual(new Set(['follow_up_visit']));
    const overdue = await socialworker.get('/api/tasks/board?scope=team&overdue=true');
    const tasks = (overdue.body.groups as Group[]).flatMap((g) => g.tasks);
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((task) => task.overdue && task.dueOn < today)).toBe(true);
    expectProblem(await socialworker.get('/api/tasks/board?kind=nonsense'), 400, 'validation_failed');
  });

  it('shows the pseudonym in pseudonym mode', async () => {
    await socialworker.patch('/api/auth/preferences', { pseudonymMode: true });
    const board = await socialworker.get('/api/tasks/board?scope=mine');
    const first = (board.body.groups as Group[]).find((g) => g.caseId === chiangRaiCases[0]!.id)!;
    expect(first.displayName).toMatch(/^P-[2-9A-Z]{6}$/);
    await socialworker.patch('/api/auth/preferences', { pseudonymMode: false });
  });

  it('keeps another agency and roles without case access out', async () => {
    const foreign = await ngo.get('/api/tasks/board?scope=team');
    expect(foreign.status).toBe(200);
    const ids = new Set((foreign.body.groups as Group[]).flatMap((g) => g.tasks.map((task) => task.id)));
    const ours = (await socialworker.get('/api/tasks/board?scope=team')).body.groups as Group[];
    expect(ours.flatMap((g) => g.tasks).filter((task) => ids.has(task.id))).toEqual([]);
    expectProblem(await data.get('/api/tasks/board'), 403, 'forbidden');
    expectProblem(await agencyadmin.get('/api/tasks/board'), 403, 'forbidden');
  });
});
