/**
 * "Case assigned to you": the worker a case is assigned to is told, nobody else, and the notice
 * carries the case and nothing about the person.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../test/harness.js';
import { asSystem } from '../db/actorContext.js';
import { notifications, users } from '../db/schema/index.js';

let t: TestApp;
let socialworker: ApiClient; // case manager at the Chiang Rai office
let officehead: ApiClient; // heads the Chiang Rai office, case manager too
const userId: Record<string, string> = {};

const noticesOfCase = (caseId: string) =>
  asSystem(t.database.db, (tx) => tx.select().from(notifications).where(eq(notifications.caseId, caseId)));

async function newCase() {
  const created = await socialworker.post('/api/cases', {
    person: { givenName: 'Sao', familyName: 'Kham', gender: 'Feminine', birthDate: '2001-01-09' },
    intake: { channel: 'walk_in' },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: string; reference: string; version: number };
}

beforeAll(async () => {
  t = await startTestApp();
  [socialworker, officehead] = await Promise.all([t.login('th.socialworker'), t.login('th.officehead')]);
  const rows = await asSystem(t.database.db, (tx) =>
    tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(users.username, ['th.socialworker', 'th.officehead', 'th.agencyadmin', 'th.ngo'])),
  );
  for (const row of rows) userId[row.username] = row.id;
});
afterAll(() => t?.close());

describe('assigning a case to a worker', () => {
  it('notifies the assignee alone, with the case reference and nothing about the person', async () => {
    const kase = await newCase();
    const assigned = await socialworker.patch(`/api/cases/${kase.id}`, { version: kase.version, ownerUserId: userId['th.officehead'] });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);

    const rows = await noticesOfCase(kase.id);
    expect(rows.map((row) => [row.kind, row.userId])).toEqual([['case_assigned', userId['th.officehead']]]);
    expect(rows[0]).toMatchObject({ subjectId: null, dueOn: null });

    const page = (await officehead.get('/api/notifications?pageSize=100')).body;
    const notice = page.items.find((item: { kind: string; caseId: string }) => item.kind === 'case_assigned' && item.caseId === kase.id);
    expect(notice).toMatchObject({ caseReference: kase.reference, subjectId: null, dueOn: null, readAt: null });
    expect(JSON.stringify(notice)).not.toMatch(/Sao|Kham|2001-01-09/);
    // The arrivals card counts unread notices: this one is among them.
    const unread = (await officehead.get('/api/notifications?unread=true&pageSize=50')).body.items;
    expect(unread.map((item: { id: string }) => item.id)).toContain(notice.id);

    // Nobody else hears of it: not the one who assigned it, not the agency's administrator.
    for (const client of [socialworker, await t.login('th.agencyadmin'), await t.login('th.ngo')]) {
      const items = (await client.get('/api/notifications?pageSize=100')).body.items;
      expect(items.filter((item: { kind: string }) => item.kind === 'case_assigned')).toEqual([]);
    }
  });

  it('tells nobody when a worker takes the case herself or the case is unassigned', async () => {
    const kase = await newCase();
    const unassigned = await socialworker.patch(`/api/cases/${kase.id}`, { version: kase.version, ownerUserId: null });
    expect(unassigned.status, JSON.stringify(unassigned.body)).toBe(200);
    const taken = await socialworker.patch(`/api/cases/${kase.id}`, {
      version: unassigned.body.version,
      ownerUserId: userId['th.socialworker'],
    });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(await noticesOfCase(kase.id)).toEqual([]);
  });

  it('writes no notice when the assignment is refused', async () => {
    const kase = await newCase();
    const refused = expectProblem(
      await socialworker.patch(`/api/cases/${kase.id}`, { version: kase.version, ownerUserId: userId['th.ngo'] }),
      422,
      'invalid_reference',
    );
    expect(refused.errors?.[0]?.path).toBe('ownerUserId');
    expect(await noticesOfCase(kase.id)).toEqual([]);
  });

  it('refuses a colleague whose roles cannot open the case (probe: the agency administrator), and leaves the case as it was', async () => {
    const kase = await newCase();
    const refused = expectProblem(
      await socialworker.patch(`/api/cases/${kase.id}`, { version: kase.version, ownerUserId: userId['th.agencyadmin'] }),
      422,
      'invalid_reference',
    );
    expect(refused.errors?.[0]?.path).toBe('ownerUserId');
    expect(await noticesOfCase(kase.id)).toEqual([]);
    const after = (await socialworker.get(`/api/cases/${kase.id}`)).body;
    expect({ version: after.version, ownerUserId: after.ownerUserId }).toEqual({
      version: kase.version,
      ownerUserId: userId['th.socialworker'],
    });
  });
});
