import type { CaseTaskKind, Locale, NotificationKind } from '@seamless/contracts';
import { and, eq, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cases, caseTasks, notificationPreferences, notifications, users } from '../db/schema/index.js';
import { addCalendarDays, localToday } from '../followUp/schedule.js';
import { type DigestContent, digestText } from '../mail/digestText.js';
import type { MailMessage } from '../mail/mailer.js';

/** Most references listed per kind: the e-mail points to Seamless, it does not replace it. */
const MAX_REFERENCES = 10;

/** What one user's digest holds; the caller reads as the system (a job has no signed-in actor). */
export async function digestContentOf(tx: Tx, user: { id: string; agencyId: string }, now: Date): Promise<DigestContent> {
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
}

/**
 * The digests owed today, one per user who asked for it and has something due or unread.
 * Composed inside the caller's transaction and sent after it: a mail server is never waited on
 * while the database is held.
 */
export async function composeDailyDigests(tx: Tx, now: Date): Promise<MailMessage[]> {
  const recipients = await tx
    .select({ id: users.id, agencyId: users.agencyId, email: users.email, locale: users.locale })
    .from(users)
    .innerJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(and(eq(notificationPreferences.dailyDigest, true), eq(users.active, true), isNotNull(users.email)));
  const messages: MailMessage[] = [];
  for (const user of recipients) {
    const content = await digestContentOf(tx, user, now);
    if (!content.tasks.length && !content.notices.length) continue;
    messages.push({ to: user.email!, ...digestText(user.locale as Locale, content) });
  }
  return messages;
}
