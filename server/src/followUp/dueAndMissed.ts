import type { FollowUpVisitStatus } from '@seamless/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cases, followUps, followUpVisits } from '../db/schema/index.js';
import { notify } from '../notifications/notify.js';
import { localToday, visitStatus } from './schedule.js';

export type VisitAlert = {
  visitId: string;
  caseId: string;
  /** The case's owner agency, whose task the visit is. */
  agencyId: string;
  scheduledOn: string;
  status: Extract<FollowUpVisitStatus, 'due' | 'missed'>;
};

/**
 * Planned visits of running follow-ups that are due or missed today, each case judged by the
 * date in its own country. For the daily scan, which runs without an actor.
 */
export async function dueAndMissedVisits(tx: Tx, now: Date): Promise<VisitAlert[]> {
  const rows = await tx
    .select({
      visitId: followUpVisits.id,
      caseId: followUpVisits.caseId,
      scheduledOn: followUpVisits.scheduledOn,
      graceDays: followUps.graceDays,
      agencyId: cases.ownerAgencyId,
      countryCode: cases.countryCode,
    })
    .from(followUpVisits)
    .innerJoin(followUps, eq(followUps.id, followUpVisits.followUpId))
    .innerJoin(cases, eq(cases.id, followUpVisits.caseId))
    .where(and(eq(followUps.status, 'active'), isNull(followUpVisits.actualOn), isNull(followUpVisits.cancelledAt)));
  return rows.flatMap((row) => {
    if (!row.scheduledOn) return [];
    const status = visitStatus(
      { scheduledOn: row.scheduledOn, actualOn: null, cancelled: false },
      localToday(row.countryCode, now),
      row.graceDays,
    );
    return status === 'due' || status === 'missed'
      ? [{ visitId: row.visitId, caseId: row.caseId, agencyId: row.agencyId, scheduledOn: row.scheduledOn, status }]
      : [];
  });
}

/** Tells the owner agency's care staff once when a visit falls due and once when it is missed. */
export async function notifyDueAndMissedVisits(tx: Tx, now: Date): Promise<number> {
  let written = 0;
  for (const alert of await dueAndMissedVisits(tx, now)) {
    written += await notify(tx, {
      kind: alert.status === 'due' ? 'follow_up_visit_due' : 'follow_up_visit_missed',
      agencyId: alert.agencyId,
      caseId: alert.caseId,
      subjectId: alert.visitId,
      dueOn: alert.scheduledOn,
      onceKey: `follow_up_${alert.status}:${alert.visitId}:${alert.scheduledOn}`,
    });
  }
  return written;
}
