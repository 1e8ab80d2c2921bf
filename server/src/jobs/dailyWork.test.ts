import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../test/harness.js';
import { asActor, asSystem } from '../db/actorContext.js';
import type { Tx } from '../db/client.js';
import {
  cases,
  caseTasks,
  directoryContacts,
  directoryOrganisations,
  mailMessages,
  notifications,
  persons,
  users,
} from '../db/schema/index.js';
import { dueAndMissedVisits } from '../followUp/dueAndMissed.js';
import { createMailer } from '../mail/mailer.js';
import { DEMO_PEOPLE } from '../seed/demoThailand.js';
import { composeDailyDigests } from './dailyDigest.js';
import { scanDueTasks, scanUnverifiedContacts } from './dailyScans.js';
import { EmbeddedJobQueue } from './embeddedQueue.js';
import { registerScheduledWork } from './scheduledWork.js';

let t: TestApp;
let admin: ApiClient;
let agencyadmin: ApiClient;
const who = {} as Record<string, { id: string; agencyId: string }>;
let kase: { id: string; reference: string };
const taskIds = {} as Record<'overdue' | 'today' | 'bangkokToday' | 'future' | 'done', string>;
// 18:00 UTC on 5 December is already 01:00 on 6 December in Bangkok.
const now = new Date('2026-12-05T18:00:00Z');

const scan = (run: (tx: Tx, now: Date) => Promise<number>, at: Date) => asSystem(t.database.db, (tx) => run(tx, at));
const noticesOf = (username: string) =>
  asActor(t.database.db, { userId: who[username]!.id, agencyId: who[username]!.agencyId, scopes: [] }, (tx) =>
    tx.select().from(notifications),
  );

beforeAll(async () => {
  t = await startTestApp();
  [admin, agencyadmin] = await Promise.all([t.login('admin'), t.login('th.agencyadmin')]);
  await asSystem(t.database.db, async (tx) => {
    const rows = await tx
      .select({ id: users.id, agencyId: users.agencyId, username: users.username })
      .from(users)
      .where(inArray(users.username, ['th.socialworker', 'th.agencyadmin', 'th.ngo']));
    for (const row of rows) who[row.username] = row;
    const [owned] = await tx
      .select({ id: cases.id, reference: cases.reference })
      .from(cases)
      .where(and(eq(cases.ownerAgencyId, who['th.socialworker']!.agencyId), eq(cases.countryCode, 'TH')))
      .limit(1);
    kase = owned!;
    const base = { caseId: kase.id, agencyId: who['th.socialworker']!.agencyId, assigneeUserId: who['th.socialworker']!.id };
    const inserted = await tx
      .insert(caseTasks)
      .values([
        { ...base, kind: 'follow_up_visit', dueOn: '2026-12-01' },
        { ...base, kind: 'care_action', dueOn: '2026-12-05' },
        { ...base, kind: 'referral_response', dueOn: '2026-12-06' },
        { ...base, kind: 'assessment_due', dueOn: '2026-12-09' },
        { ...base, kind: 'meeting_action', dueOn: '2026-11-30', doneAt: new Date() },
      ])
      .returning({ id: caseTasks.id, kind: caseTasks.kind });
    const byKind = new Map(inserted.map((row) => [row.kind, row.id]));
    Object.assign(taskIds, {
      overdue: byKind.get('follow_up_visit'),
      today: byKind.get('care_action'),
      bangkokToday: byKind.get('referral_response'),
      future: byKind.get('assessment_due'),
      done: byKind.get('meeting_action'),
    });
  });
}, 120_000);
afterAll(() => t.close());

describe('daily scans', () => {
  it("notifies tasks due today or overdue by the case country's calendar, once per task and day", async () => {
    expect(await scan(scanDueTasks, now)).toBeGreaterThanOrEqual(3);
    const due = (await noticesOf('th.socialworker')).filter((n) => n.kind === 'task_due');
    const subjects = due.map((n) => n.subjectId);
    expect(subjects).toEqual(expect.arrayContaining([taskIds.overdue, taskIds.today, taskIds.bangkokToday]));
    expect(subjects).not.toContain(taskIds.future);
    expect(subjects).not.toContain(taskIds.done);
    // Running again the same day writes nothing; the next day the still-open tasks come again.
    expect(await scan(scanDueTasks, now)).toBe(0);
    expect(await scan(scanDueTasks, new Date('2026-12-06T18:00:00Z'))).toBeGreaterThanOrEqual(3);
    const again = (await noticesOf('th.socialworker')).filter((n) => n.kind === 'task_due' && n.subjectId === taskIds.overdue);
    expect(again).toHaveLength(2);
    expect((await noticesOf('th.ngo')).some((n) => n.subjectId === taskIds.overdue)).toBe(false);
  });

  it('tells the directory managers of the owning agency about contacts unverified for six months, once a month', async () => {
    const contactId = await asSystem(t.database.db, async (tx) => {
      const [organisation] = await tx
        .insert(directoryOrganisations)
        .values({ agencyId: who['th.agencyadmin']!.agencyId, name: 'Test office', organisationType: 'NGO', countryCode: 'TH' })
        .onConflictDoNothing()
        .returning({ id: directoryOrganisations.id });
      const organisationId =
        organisation?.id ??
        (await tx.select().from(directoryOrganisations).where(eq(directoryOrganisations.agencyId, who['th.agencyadmin']!.agencyId)))[0]!.id;
      const [contact] = await tx
        .insert(directoryContacts)
        .values({ organisationId, name: 'Khun Test', lastVerifiedOn: '2026-04-01' })
        .returning({ id: directoryContacts.id });
      await tx.insert(directoryContacts).values({ organisationId, name: 'Khun Fresh', lastVerifiedOn: '2026-11-01' });
      return contact!.id;
    });
    expect(await scan(scanUnverifiedContacts, now)).toBeGreaterThan(0);
    const managerNotices = (await noticesOf('th.agencyadmin')).filter((n) => n.kind === 'directory_contact_unverified');
    expect(managerNotices.map((n) => n.subjectId)).toContain(contactId);
    // A caseworker of the same office does not manage the directory.
    expect((await noticesOf('th.socialworker')).some((n) => n.kind === 'directory_contact_unverified')).toBe(false);
    expect(await scan(scanUnverifiedContacts, now)).toBe(0);
  });
});

describe('daily digest', () => {
  it("mails counts, kinds and case references in the user's locale, never a name", async () => {
    const socialworker = await t.login('th.socialworker');
    await socialworker.put('/api/notifications/preferences', { dailyDigest: true });
    await socialworker.patch('/api/auth/preferences', { locale: 'th' });
    await asSystem(t.database.db, (tx) =>
      tx.update(users).set({ email: 'socialworker@example.test' }).where(eq(users.id, who['th.socialworker']!.id)),
    );
    const mailer = createMailer(t.database.db, { demo: true })!;
    const messages = await asSystem(t.database.db, (tx) => composeDailyDigests(tx, now));
    expect(messages.length).toBeGreaterThanOrEqual(1);
    for (const composed of messages) await mailer.send(composed);
    const mine = await asSystem(t.database.db, (tx) =>
      tx.select().from(mailMessages).where(eq(mailMessages.toAddress, 'socialworker@example.test')),
    );
    expect(mine).toHaveLength(1);
    const [message] = mine;
    expect(message!.subject).toContain('งาน');
    expect(message!.bodyText).toContain(kase.reference);
    expect(message!.bodyText).toContain('ถึงกำหนดเยี่ยมติดตาม');
    const [person] = await asSystem(t.database.db, (tx) =>
      tx
        .select({ pseudonym: persons.pseudonym })
        .from(persons)
        .innerJoin(cases, eq(cases.personId, persons.id))
        .where(eq(cases.id, kase.id)),
    );
    for (const text of [message!.subject, message!.bodyText]) {
      expect(text).not.toContain(person!.pseudonym);
      for (const demo of DEMO_PEOPLE) {
        expect(text).not.toContain(demo.givenName);
        expect(text).not.toContain(demo.familyName);
      }
    }
    // Someone who did not ask gets nothing (the demo seed asked for three caseworkers, not the police).
    const policeMail = await asSystem(t.database.db, (tx) =>
      tx.select().from(mailMessages).where(eq(mailMessages.toAddress, 'th.police@demo.seamless.invalid')),
    );
    expect(policeMail).toEqual([]);
  });

  it('shows the kept mail to the system administrator only', async () => {
    const page = await admin.get('/api/admin/mail');
    expect(page.status).toBe(200);
    expect(page.body.items.map((item: { to: string }) => item.to)).toContain('socialworker@example.test');
    expectProblem(await agencyadmin.get('/api/admin/mail'), 403, 'forbidden');
    process.env.SMTP_URL = 'smtp://mail.example.test:25';
    try {
      expectProblem(await admin.get('/api/admin/mail'), 404, 'not_found');
    } finally {
      delete process.env.SMTP_URL;
    }
  });
});

describe('scheduled work', () => {
  it("runs the scans at 06:00 and the digest at 06:30 in the deployment's zone, on the queue", async () => {
    // 06:00 in Bangkok is 23:00 UTC the evening before.
    let clock = new Date('2026-12-07T22:59:00Z');
    const queue = new EmbeddedJobQueue({ db: t.database.db, now: () => clock, autoStart: false });
    const kept: string[] = [];
    const mailer = { kind: 'demo' as const, send: async (message: { to: string }) => void kept.push(message.to) };
    await registerScheduledWork(queue, {
      db: t.database.db,
      keyRing: t.keyRing,
      mailer,
      log: t.app.log,
      timeZone: 'Asia/Bangkok',
      dailyScansCron: '0 6 * * *',
    });
    expect(await queue.runDue()).toBe(0);
    // The scan job judges visits by the real clock, as the handler does in production.
    const alerts = await asSystem(t.database.db, (tx) => dueAndMissedVisits(tx, new Date()));
    expect(alerts.some((alert) => alert.status === 'missed')).toBe(true);
    clock = new Date('2026-12-07T23:00:30Z');
    expect(await queue.runDue()).toBe(1);
    expect(kept).toEqual([]);
    const visitNotices = await asSystem(t.database.db, (tx) =>
      tx
        .select({ kind: notifications.kind, subjectId: notifications.subjectId, agencyId: notifications.agencyId })
        .from(notifications)
        .where(inArray(notifications.kind, ['follow_up_visit_due', 'follow_up_visit_missed'])),
    );
    for (const alert of alerts)
      expect(visitNotices).toContainEqual({
        kind: alert.status === 'due' ? 'follow_up_visit_due' : 'follow_up_visit_missed',
        subjectId: alert.visitId,
        agencyId: alert.agencyId,
      });
    clock = new Date('2026-12-07T23:30:30Z');
    expect(await queue.runDue()).toBe(1);
    expect(kept).toContain('socialworker@example.test');
    await queue.stop();
  });
});
