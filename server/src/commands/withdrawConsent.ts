import { and, eq, isNull } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import { endCrossBorderReferralsOfConsent } from '../crossBorderReferral/consentWithdrawn.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { caseAccess, consents } from '../db/schema/index.js';
import type { OutboxSettings } from '../federation/outbox.js';
import { conflict, notFound } from '../http/problem.js';
import { announceConsentWithdrawal } from '../repatriation/consentWithdrawn.js';
import { endReferralsOfConsent } from './endReferralsOfConsent.js';
import { type CaseEventActor, recordCaseEvent } from './recordCaseEvent.js';
import { separateAgencyRecords } from './separateAgencyRecord.js';

export type WithdrawConsentProps = {
  tx: Tx;
  keyRing: KeyRing;
  /** Repatriations sent on the consent tell their partner instance through it. */
  outbox: OutboxSettings;
  actor: CaseEventActor;
  audit: AuditContext;
  caseId: string;
  consentId: string;
  reason: string;
  now?: Date;
};

/**
 * Withdrawing consent stops further sharing (DESIGN.md §4) at once: every agency whose access
 * relies on it loses the case in the same transaction, not at the next clean-up.
 */
export async function withdrawConsent({
  tx,
  keyRing,
  outbox,
  actor,
  audit,
  caseId,
  consentId,
  reason,
  now = new Date(),
}: WithdrawConsentProps) {
  const [current] = await tx
    .select()
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.caseId, caseId)))
    .for('update');
  if (!current) throw notFound();
  if (current.withdrawnAt) {
    throw conflict('This consent was already withdrawn.', { withdrawnAt: current.withdrawnAt.toISOString() });
  }
  const [withdrawn] = await tx
    .update(consents)
    .set({ withdrawnAt: now, withdrawnBy: actor.userId, withdrawalReason: reason })
    .where(eq(consents.id, consentId))
    .returning();
  const revoked = await tx
    .update(caseAccess)
    .set({ revokedAt: now })
    .where(and(eq(caseAccess.caseId, caseId), eq(caseAccess.consentId, consentId), isNull(caseAccess.revokedAt)))
    .returning({ agencyId: caseAccess.agencyId });
  const revokedAgencyIds = revoked.map((row) => row.agencyId);

  // The reason is the person's words and stays on the consent; the trail keeps only ids.
  await recordCaseEvent(tx, actor, caseId, 'consent.withdrawn', { consentId, revokedAgencyIds });
  for (const agencyId of revokedAgencyIds) {
    await recordCaseEvent(tx, actor, caseId, 'case.unshared', { agencyId, consentId, cause: 'consent_withdrawn' });
    await recordAudit(tx, audit, {
      action: 'case.unshare',
      resourceType: 'case',
      resourceId: caseId,
      details: { agencyId, consentId, cause: 'consent_withdrawn' },
    });
  }
  await separateAgencyRecords(tx, keyRing, audit, caseId, revokedAgencyIds);
  await endReferralsOfConsent(tx, actor, audit, caseId, consentId, now);
  const repatriationIds = await announceConsentWithdrawal(tx, keyRing, outbox, consentId, actor.userId, now);
  const crossBorderReferralIds = await endCrossBorderReferralsOfConsent(tx, keyRing, outbox, consentId, actor.userId, now);
  await recordAudit(tx, audit, {
    action: 'consent.withdraw',
    resourceType: 'consent',
    resourceId: consentId,
    details: {
      caseId,
      revokedAgencyIds,
      ...(repatriationIds.length ? { repatriationIds } : {}),
      ...(crossBorderReferralIds.length ? { crossBorderReferralIds } : {}),
    },
  });
  return withdrawn!;
}
