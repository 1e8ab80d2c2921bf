import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cases, caseTasks, directoryContacts, directoryOrganisations, users } from '../db/schema/index.js';
import { addCalendarDays, localToday } from '../followUp/schedule.js';
import { notify } from '../notifications/notify.js';

/** A directory contact nobody has checked for this long is likely to be out of date. */
const CONTACT_VERIFY_MONTHS = 6;

/**
 * Open tasks due today or overdue, by the calendar of each case's country: one `task_due` notice
 * per task and day to whoever it is assigned to (or the case owner, or the agency's caseworkers).
 * Runs as often as it likes: the day is part of the notice's once-key.
 */
export async function scanDueTasks(tx: Tx, now: Date): Promise<number> {
  const latestToday = addCalendarDays(localToday('UTC', now), 1);
  const rows = await tx
    .select({
      id: caseTasks.id,
      caseId: caseTasks.caseId,
      agencyId: caseTasks.agencyId,
      assigneeUserId: caseTasks.assigneeUserId,
      dueOn: caseTasks.dueOn,
      countryCode: cases.countryCode,
      ownerAgencyId: cases.ownerAgencyId,
      ownerUserId: cases.ownerUserId,
    })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(and(isNull(caseTasks.doneAt), lte(caseTasks.dueOn, latestToday)));
  let written = 0;
  for (const task of rows) {
    const today = localToday(task.countryCode, now);
    if (task.dueOn > today) continue;
    const owner = task.ownerAgencyId === task.agencyId ? task.ownerUserId : null;
    written += await notify(tx, {
      kind: 'task_due',
      agencyId: task.agencyId,
      userId: task.assigneeUserId ?? owner,
      caseId: task.caseId,
      subjectId: task.id,
      dueOn: task.dueOn,
      onceKey: `task_due:${task.id}:${today}`,
    });
  }
  return written;
}

/**
 * Directory contacts unverified for six months: a notice to the directory managers of the agency
 * the organisation is (or, for an outside organisation, of whoever verified it last), once a month.
 */
export async function scanUnverifiedContacts(tx: Tx, now: Date): Promise<number> {
  const today = localToday('UTC', now);
  const cutoff = sql`(${today}::date - make_interval(months => ${CONTACT_VERIFY_MONTHS}))::date`;
  const rows = await tx
    .select({
      id: directoryContacts.id,
      lastVerifiedOn: directoryContacts.lastVerifiedOn,
      agencyId: sql<string | null>`coalesce(${directoryOrganisations.agencyId}, ${users.agencyId})`,
    })
    .from(directoryContacts)
    .innerJoin(directoryOrganisations, eq(directoryOrganisations.id, directoryContacts.organisationId))
    .leftJoin(users, eq(users.id, directoryContacts.verifiedBy))
    .where(
      and(
        eq(directoryOrganisations.active, true),
        or(isNull(directoryContacts.lastVerifiedOn), lt(directoryContacts.lastVerifiedOn, cutoff)),
      ),
    );
  let written = 0;
  for (const contact of rows) {
    if (!contact.agencyId) continue;
    written += await notify(tx, {
      kind: 'directory_contact_unverified',
      agencyId: contact.agencyId,
      subjectId: contact.id,
      dueOn: contact.lastVerifiedOn,
      onceKey: `directory_contact_unverified:${contact.id}:${today.slice(0, 7)}`,
    });
  }
  return written;
}
