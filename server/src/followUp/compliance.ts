import type { FollowUpCompliance } from '@seamless/contracts';
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cases, followUps, followUpVisits } from '../db/schema/index.js';
import { followUpCompliance, localToday } from './schedule.js';

/**
 * How each case's follow-up has been kept (all its periods together), as of `now` in each
 * case's own country: for statistics over many cases. Runs under the caller's row-level
 * security, so it counts only what the caller may read.
 */
export async function complianceByCase(tx: Tx, caseIds: readonly string[], now: Date): Promise<Map<string, FollowUpCompliance>> {
  if (!caseIds.length) return new Map();
  const rows = await tx
    .select({
      followUpId: followUpVisits.followUpId,
      caseId: followUpVisits.caseId,
      countryCode: cases.countryCode,
      graceDays: followUps.graceDays,
      sequence: followUpVisits.sequence,
      scheduledOn: followUpVisits.scheduledOn,
      actualOn: followUpVisits.actualOn,
      cancelledAt: followUpVisits.cancelledAt,
    })
    .from(followUpVisits)
    .innerJoin(followUps, eq(followUps.id, followUpVisits.followUpId))
    .innerJoin(cases, eq(cases.id, followUpVisits.caseId))
    .where(inArray(followUpVisits.caseId, [...caseIds]));
  const byPeriod = new Map<string, typeof rows>();
  for (const row of rows) byPeriod.set(row.followUpId, [...(byPeriod.get(row.followUpId) ?? []), row]);
  const totals = new Map<string, FollowUpCompliance>();
  for (const visits of byPeriod.values()) {
    const { caseId, countryCode, graceDays } = visits[0]!;
    const states = visits.map((visit) => ({ ...visit, cancelled: !!visit.cancelledAt }));
    const counted = followUpCompliance(states, localToday(countryCode, now), graceDays);
    const sum = totals.get(caseId) ?? { dueSoFar: 0, done: 0, missed: 0, unscheduled: 0 };
    totals.set(caseId, {
      dueSoFar: sum.dueSoFar + counted.dueSoFar,
      done: sum.done + counted.done,
      missed: sum.missed + counted.missed,
      unscheduled: sum.unscheduled + counted.unscheduled,
    });
  }
  return totals;
}
