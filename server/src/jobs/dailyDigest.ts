import type { CaseTaskKind, Locale, NotificationKind } from '@seamless/contracts';
import { and, eq, isNotNull, isNull, lte, or } from 'drizzle-orm';
import { asSystem } from '../db/actorContext.js';
import type { Db } from '../db/client.js';
import { cases, caseTasks, notificationPreferences, notifications, users } from '../db/schema/index.js';
import { addCalendarDays, localToday } from '../followUp/schedule.js';
import { type DigestContent, digestText } from '../mail/digestText.js';
import type { Mailer } from '../mail/mailer.js';

/** Most references listed per kind: the e-mail points to Seamless, it does not replace it. */
const MAX_REFERENCES = 10;

/** What one user's digest holds, read as the system (the job has no signed-in actor). */
export async function digestContentOf(db: Db, user: { id: string; agencyId: string }, now: Date): Promise<DigestContent> {
  return asSystem(db, async (tx) => {
    // The furthest "today" of any zone bounds the query; each task is then judged by its case's calendar.
    const latestToday = addCalendarDays(localToday('UTC', now), 1);
    const taskRows = await tx
      .select({ kind: caseTasks.kind, dueOn: caseTasks.dueOn, caseReference: cases.reference, countryCode: cases.countryCode })
      .from(caseTasks)
      .innerJoin(cases, eq(cases.id, caseTasks.caseId))
      .where(
        and(
          eq(caseTasks.agencyId, user.agencyId),
          isNull(caseTasks.doneAt),
          lte(caseTasks.dueOn, latestToday),
          or(eq(caseTasks.assigneeUserId, user.id), and(isNull(caseTasks.assigneeUserId), eq(cases.ownerUserId, user.id))),
        ),
      )
      .orderBy(caseTasks.dueOn);
    const tasks = taskRows
      .map((row) => ({ ...row, today: localToday(row.countryCode, now) }))
      .filter((row) => row.dueOn <= row.today)
      .map((row) => ({
        kind: row.kind as CaseTaskKind,
        caseReference: row.caseReference,
        dueOn: row.dueOn,
        overdue: row.dueOn < row.today,
      }));

    const noticeRows = await tx
      .select({ kind: notifications.kind, caseReference: cases.reference })
      .from(notifications)
      .leftJoin(cases, eq(cases.id, notifications.caseId))
      .where(and(eq(notifications.userId, user.id), isNull(notifications.readAt)));
    const byKind = new Map<NotificationKind, { references: Set<string>; count: number }>();
    for (const row of noticeRows) {
      const entry = byKind.get(row.kind) ?? { references: new Set<string>(), count: 0 };
      entry.count += 1;
      // The reference only when the user's agency may see the case (a referral not yet accepted: none).
      if (row.caseReference && entry.references.size < MAX_REFERENCES) entry.references.add(row.caseReference);
      byKind.set(row.kind, entry);
    }
    const notices = [...byKind].map(([kind, entry]) => ({ kind, caseReferences: [...entry.references], count: entry.count }));
    return { tasks, notices };
  });
}

/** Sends each user who asked for it her digest; a user with nothing due and nothing unread gets none. */
export async function sendDailyDigests(db: Db, mailer: Mailer, now: Date): Promise<number> {
  const recipients = await asSystem(db, (tx) =>
    tx
      .select({ id: users.id, agencyId: users.agencyId, email: users.email, locale: users.locale })
      .from(users)
      .innerJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
      .where(and(eq(notificationPreferences.dailyDigest, true), eq(users.active, true), isNotNull(users.email))),
  );
  let sent = 0;
  for (const user of recipients) {
    const content = await digestContentOf(db, user, now);
    if (!content.tasks.length && !content.notices.length) continue;
    const { subject, text } = digestText(user.locale as Locale, content);
    await mailer.send({ to: user.email!, subject, text });
    sent += 1;
  }
  return sent;
}
