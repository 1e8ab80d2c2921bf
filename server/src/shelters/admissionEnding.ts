import { STAY_LIMIT_WARNING_DAYS } from '@seamless/contracts';
import { and, eq, isNull, lte } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { cases, shelterPlacements } from '../db/schema/index.js';
import { notify } from '../notifications/notify.js';
import { addCalendarDays, localToday } from './countdown.js';

/**
 * Stays nearing their limit, by the calendar of each case's country: the hosting agency's shelter
 * managers hear once a week before (`admission_ending`) and once on the day (`stay_limit_reached`).
 * Runs as often as it likes: each notice is keyed by placement and limit date.
 */
export async function scanAdmissionsEnding(tx: Tx, now: Date): Promise<number> {
  // The earliest calendar in the region is at most a day ahead of UTC.
  const horizon = addCalendarDays(localToday('UTC', now), STAY_LIMIT_WARNING_DAYS + 1);
  const rows = await tx
    .select({
      id: shelterPlacements.id,
      caseId: shelterPlacements.caseId,
      agencyId: shelterPlacements.agencyId,
      stayLimitOn: shelterPlacements.stayLimitOn,
      countryCode: cases.countryCode,
    })
    .from(shelterPlacements)
    .innerJoin(cases, eq(cases.id, shelterPlacements.caseId))
    .where(and(isNull(shelterPlacements.endedOn), lte(shelterPlacements.stayLimitOn, horizon)));
  let written = 0;
  for (const placement of rows) {
    const today = localToday(placement.countryCode, now);
    const reached = placement.stayLimitOn <= today;
    if (!reached && addCalendarDays(placement.stayLimitOn, -STAY_LIMIT_WARNING_DAYS) > today) continue;
    const kind = reached ? 'stay_limit_reached' : 'admission_ending';
    written += await notify(tx, {
      kind,
      agencyId: placement.agencyId,
      caseId: placement.caseId,
      subjectId: placement.id,
      dueOn: placement.stayLimitOn,
      onceKey: `${kind}:${placement.id}:${placement.stayLimitOn}`,
    });
  }
  return written;
}
