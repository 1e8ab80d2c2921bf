import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { asActor, asSystem } from '../db/actorContext.js';
import { cases, notifications, users } from '../db/schema/index.js';
import { notify } from './notify.js';

let t: TestApp;
const who = {} as Record<string, { id: string; agencyId: string }>;

beforeAll(async () => {
  t = await startTestApp();
  const rows = await asSystem(t.database.db, (tx) =>
    tx
      .select({ id: users.id, agencyId: users.agencyId, username: users.username })
      .from(users)
      .where(inArray(users.username, ['th.socialworker', 'th.ngo', 'th.shelter', 'th.police', 'th.agencyadmin'])),
  );
  for (const row of rows) who[row.username] = row;
}, 120_000);
afterAll(() => t.close());

const as = (username: string) => ({ userId: who[username]!.id, agencyId: who[username]!.agencyId, scopes: [] });
const noticesOf = (username: string) => asActor(t.database.db, as(username), (tx) => tx.select().from(notifications));

describe('notify', () => {
  it('lets an actor notify another agency inside her own transaction; only its users who may act read it', async () => {
    const written = await asActor(t.database.db, as('th.socialworker'), (tx) =>
      notify(tx, { kind: 'referral_received', agencyId: who['th.ngo']!.agencyId, subjectId: crypto.randomUUID(), dueOn: '2026-12-10' }),
    );
    expect(written).toBeGreaterThanOrEqual(1);
    const ngoNotices = await noticesOf('th.ngo');
    expect(ngoNotices.map((n) => n.kind)).toContain('referral_received');
    expect(ngoNotices.every((n) => n.userId === who['th.ngo']!.id)).toBe(true);
    // The sender's own agency and a third agency read nothing of it.
    expect((await noticesOf('th.socialworker')).some((n) => n.kind === 'referral_received')).toBe(false);
    expect((await noticesOf('th.shelter')).some((n) => n.kind === 'referral_received')).toBe(false);
  });

  it('sends an agency-wide notice only to users whose roles hold the acting permission', async () => {
    const agencyId = who['th.socialworker']!.agencyId;
    await asActor(t.database.db, as('th.ngo'), (tx) => notify(tx, { kind: 'transfer_offered', agencyId }));
    expect((await noticesOf('th.socialworker')).some((n) => n.kind === 'transfer_offered')).toBe(true);
    // The agency admin of the same office holds no case:transfer.
    expect((await noticesOf('th.agencyadmin')).some((n) => n.kind === 'transfer_offered')).toBe(false);
  });

  it('writes to a named user only when she belongs to the agency', async () => {
    const wrong = await asActor(t.database.db, as('th.socialworker'), (tx) =>
      notify(tx, { kind: 'meeting_invited', agencyId: who['th.socialworker']!.agencyId, userId: who['th.ngo']!.id }),
    );
    expect(wrong).toBe(0);
    const right = await asActor(t.database.db, as('th.socialworker'), (tx) =>
      notify(tx, { kind: 'meeting_invited', agencyId: who['th.ngo']!.agencyId, userId: who['th.ngo']!.id }),
    );
    expect(right).toBe(1);
  });

  it('writes to a named user only when her roles hold the acting permission, so no notice names a case she cannot open', async () => {
    const [kase] = await asSystem(t.database.db, (tx) =>
      tx.select({ id: cases.id }).from(cases).where(eq(cases.ownerAgencyId, who['th.socialworker']!.agencyId)).limit(1),
    );
    const caseId = kase!.id;
    const toAdmin = await asActor(t.database.db, as('th.socialworker'), (tx) =>
      notify(tx, { kind: 'case_assigned', agencyId: who['th.agencyadmin']!.agencyId, userId: who['th.agencyadmin']!.id, caseId }),
    );
    expect(toAdmin).toBe(0);
    expect((await noticesOf('th.agencyadmin')).some((n) => n.caseId === caseId)).toBe(false);
    const toCaseworker = await asActor(t.database.db, as('th.agencyadmin'), (tx) =>
      notify(tx, { kind: 'case_assigned', agencyId: who['th.socialworker']!.agencyId, userId: who['th.socialworker']!.id, caseId }),
    );
    expect(toCaseworker).toBe(1);
  });

  it('rolls back with the change it tells about and writes a once-key only once', async () => {
    await expect(
      asActor(t.database.db, as('th.socialworker'), async (tx) => {
        await notify(tx, { kind: 'assessment_risk', agencyId: who['th.shelter']!.agencyId });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect((await noticesOf('th.shelter')).some((n) => n.kind === 'assessment_risk')).toBe(false);
    const notice = {
      kind: 'task_due' as const,
      agencyId: who['th.ngo']!.agencyId,
      userId: who['th.ngo']!.id,
      onceKey: 'task:x:2026-12-05',
    };
    expect(await asSystem(t.database.db, (tx) => notify(tx, notice))).toBe(1);
    expect(await asSystem(t.database.db, (tx) => notify(tx, notice))).toBe(0);
  });

  it('refuses a kind outside the list and lets no one write notices directly', async () => {
    await expect(
      asActor(t.database.db, as('th.socialworker'), (tx) =>
        notify(tx, { kind: 'victim_name_is_kanya' as never, agencyId: who['th.ngo']!.agencyId }),
      ),
    ).rejects.toThrow();
    await expect(
      asActor(t.database.db, as('th.socialworker'), (tx) =>
        tx.insert(notifications).values({ kind: 'task_due', agencyId: who['th.ngo']!.agencyId, userId: who['th.ngo']!.id }),
      ),
    ).rejects.toThrow();
    const mine = await noticesOf('th.ngo');
    const [first] = mine;
    // Marking another user's notice read changes nothing.
    const changed = await asActor(t.database.db, as('th.police'), (tx) =>
      tx.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, first!.id)).returning(),
    );
    expect(changed).toHaveLength(0);
  });
});
