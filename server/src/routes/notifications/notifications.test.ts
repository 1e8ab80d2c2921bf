import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { cases, users } from '../../db/schema/index.js';
import { notify } from '../../notifications/notify.js';

let t: TestApp;
let ngo: ApiClient;
let socialworker: ApiClient;
const who = {} as Record<string, { id: string; agencyId: string }>;
let chiangRaiCase: { id: string; reference: string };

beforeAll(async () => {
  t = await startTestApp();
  [ngo, socialworker] = await Promise.all([t.login('th.ngo'), t.login('th.socialworker')]);
  await asSystem(t.database.db, async (tx) => {
    const rows = await tx
      .select({ id: users.id, agencyId: users.agencyId, username: users.username })
      .from(users)
      .where(inArray(users.username, ['th.ngo', 'th.socialworker']));
    for (const row of rows) who[row.username] = row;
    const [kase] = await tx
      .select({ id: cases.id, reference: cases.reference, owner: cases.ownerAgencyId })
      .from(cases)
      .where(inArray(cases.ownerAgencyId, [who['th.socialworker']!.agencyId]))
      .limit(1);
    chiangRaiCase = kase!;
  });
}, 120_000);
afterAll(() => t.close());

const noticeFor = (username: string, kind: Parameters<typeof notify>[1]['kind'], caseId?: string) =>
  asSystem(t.database.db, (tx) => notify(tx, { kind, agencyId: who[username]!.agencyId, userId: who[username]!.id, caseId }));

describe('notification centre', () => {
  it('lists my notices unread first, counts the unread, and shows a case reference only for a case I may see', async () => {
    const before = (await socialworker.get('/api/notifications/unread-count')).body.unread;
    await noticeFor('th.socialworker', 'task_due', chiangRaiCase.id);
    await noticeFor('th.socialworker', 'meeting_invited');
    const count = await socialworker.get('/api/notifications/unread-count');
    expect(count.status).toBe(200);
    expect(count.body.unread).toBe(before + 2);

    const page = await socialworker.get('/api/notifications?pageSize=50');
    expect(page.status).toBe(200);
    const due = page.body.items.find((n: { kind: string }) => n.kind === 'task_due');
    expect(due.caseReference).toBe(chiangRaiCase.reference);
    expect(Object.keys(due).sort()).toEqual(['caseId', 'caseReference', 'createdAt', 'dueOn', 'id', 'kind', 'readAt', 'subjectId']);

    // The NGO is notified about a Chiang Rai case it cannot see: the notice comes, the reference does not.
    await noticeFor('th.ngo', 'referral_received', chiangRaiCase.id);
    const ngoPage = await ngo.get('/api/notifications');
    const referral = ngoPage.body.items.find((n: { kind: string }) => n.kind === 'referral_received');
    expect(referral.caseId).toBe(chiangRaiCase.id);
    expect(referral.caseReference).toBeNull();
    expect(ngoPage.body.items.some((n: { kind: string }) => n.kind === 'meeting_invited')).toBe(false);
  });

  it("marks one notice read, puts it after the unread ones, and refuses another user's notice", async () => {
    await noticeFor('th.socialworker', 'assessment_risk');
    const { body } = await socialworker.get('/api/notifications?pageSize=50');
    const first = body.items[0];
    const marked = await socialworker.post(`/api/notifications/${first.id}/read`);
    expect(marked.status).toBe(200);
    expect(marked.body.readAt).not.toBeNull();
    const after = await socialworker.get('/api/notifications?pageSize=50');
    expect(after.body.unread).toBe(body.unread - 1);
    const order = after.body.items.map((n: { readAt: string | null }) => n.readAt !== null);
    expect(order).toEqual([...order].sort((a, b) => Number(a) - Number(b)));

    const unreadOne = after.body.items.find((n: { readAt: string | null }) => n.readAt === null);
    expectProblem(await ngo.post(`/api/notifications/${unreadOne.id}/read`), 404, 'not_found');
    const still = await socialworker.get('/api/notifications?unread=true&pageSize=50');
    expect(still.body.items.map((n: { id: string }) => n.id)).toContain(unreadOne.id);
  });

  it('marks all read for the caller only', async () => {
    await noticeFor('th.ngo', 'task_due');
    const ngoBefore = (await ngo.get('/api/notifications/unread-count')).body.unread;
    const all = await socialworker.post('/api/notifications/read-all');
    expect(all.status).toBe(200);
    expect(all.body.marked).toBeGreaterThan(0);
    expect((await socialworker.get('/api/notifications/unread-count')).body.unread).toBe(0);
    expect((await ngo.get('/api/notifications/unread-count')).body.unread).toBe(ngoBefore);
  });

  it('keeps the digest preference per user and names a bad field', async () => {
    const mine = (await ngo.get('/api/notifications/preferences')).body.dailyDigest;
    const theirs = (await socialworker.get('/api/notifications/preferences')).body;
    expect((await ngo.put('/api/notifications/preferences', { dailyDigest: !mine })).body).toEqual({ dailyDigest: !mine });
    expect((await ngo.get('/api/notifications/preferences')).body).toEqual({ dailyDigest: !mine });
    expect((await socialworker.get('/api/notifications/preferences')).body).toEqual(theirs);
    const bad = await ngo.put('/api/notifications/preferences', { dailyDigest: 'yes' });
    expectProblem(bad, 400, 'validation_failed');
    expect(JSON.stringify(bad.body)).toContain('dailyDigest');
    const badPage = await ngo.get('/api/notifications?pageSize=1000');
    expectProblem(badPage, 400, 'validation_failed');
    expect(JSON.stringify(badPage.body)).toContain('pageSize');
  });

  it('answers 401 without a session', async () => {
    expectProblem(await t.client().get('/api/notifications/unread-count'), 401, 'unauthenticated');
  });
});
