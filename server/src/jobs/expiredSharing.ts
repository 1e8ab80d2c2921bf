import { and, eq, isNull, lt } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { separateAgencyRecords } from '../commands/separateAgencyRecord.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { caseAccess, caseEvents, cases, consents } from '../db/schema/index.js';
import { addCalendarDays, localToday } from '../followUp/schedule.js';

/**
 * Consent given until a date ends the sharing it backs on that date, with nobody pressing a button:
 * the grant already stops opening the case the day after (agency_granted_case reads the date); this
 * marks it ended on the timeline and separates records that rested on it, as a withdrawal does.
 */
export async function endExpiredSharing(tx: Tx, keyRing: KeyRing, now: Date): Promise<number> {
  const rows = await tx
    .select({
      caseId: caseAccess.caseId,
      agencyId: caseAccess.agencyId,
      consentId: caseAccess.consentId,
      expiresOn: consents.expiresOn,
      countryCode: cases.countryCode,
    })
    .from(caseAccess)
    .innerJoin(consents, eq(consents.id, caseAccess.consentId))
    .innerJoin(cases, eq(cases.id, caseAccess.caseId))
    .where(
      and(isNull(caseAccess.revokedAt), isNull(consents.withdrawnAt), lt(consents.expiresOn, addCalendarDays(localToday('UTC', now), 1))),
    );
  let ended = 0;
  for (const grant of rows) {
    if (!grant.expiresOn || grant.expiresOn >= localToday(grant.countryCode, now)) continue;
    await tx
      .update(caseAccess)
      .set({ revokedAt: now })
      .where(and(eq(caseAccess.caseId, grant.caseId), eq(caseAccess.agencyId, grant.agencyId)));
    const details = { agencyId: grant.agencyId, consentId: grant.consentId, cause: 'consent_expired' };
    await tx.insert(caseEvents).values({ caseId: grant.caseId, kind: 'case.unshared', actorUserId: null, actorAgencyId: null, details });
    await recordAudit(tx, {}, { action: 'case.unshare', resourceType: 'case', resourceId: grant.caseId, details });
    await separateAgencyRecords(tx, keyRing, {}, grant.caseId, [grant.agencyId]);
    ended += 1;
  }
  return ended;
}
