import type { ConsentRefusal, ReferralAction } from '@seamless/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import { rowsOf, type Tx } from '../db/client.js';
import { referralStandingColumns } from '../db/referralStanding.js';
import { caseTasks, referrals } from '../db/schema/index.js';
import { AppError, forbidden, notFound } from '../http/problem.js';
import { notify } from '../notifications/notify.js';
import type { Actor } from '../policies/actor.js';
import { consentRefused } from '../policies/consent.js';
import { REFERRAL_CONSENT_END_MESSAGES, receiverCutOff, referralActions } from '../policies/referral.js';
import { recordCaseEvent } from './recordCaseEvent.js';

export type ReferralRow = typeof referrals.$inferSelect;

/**
 * The referral as the actor's agency may act on it: 404 when row-level security hides it, 422
 * when its consent ended (the receiver learns why, as on accepting), 403 when the step is not its to take.
 */
export async function loadReferralFor(tx: Tx, actor: Actor, referralId: string, action: ReferralAction) {
  const [found] = await tx
    .select({ referral: referrals, ...referralStandingColumns })
    .from(referrals)
    .where(eq(referrals.id, referralId))
    .for('update', { of: referrals });
  if (!found) throw notFound();
  const { referral, ...standing } = found;
  if (receiverCutOff(actor, referral, standing)) {
    const message = REFERRAL_CONSENT_END_MESSAGES[standing.consentEnded!];
    throw new AppError(422, 'consent_required', message, [{ path: 'consentId', code: standing.consentEnded!, message }]);
  }
  if (!referralActions(actor, referral, standing).includes(action)) {
    throw forbidden('This referral does not wait for this step from your agency.');
  }
  return referral;
}

/** The response task (if the sender could give one) is done once the receiver answered. */
async function closeResponseTask(tx: Tx, actor: Actor, referral: ReferralRow) {
  await tx
    .update(caseTasks)
    .set({ doneAt: new Date(), doneBy: actor.userId })
    .where(
      and(
        eq(caseTasks.caseId, referral.caseId),
        eq(caseTasks.agencyId, actor.agencyId),
        eq(caseTasks.kind, 'referral_response'),
        isNull(caseTasks.doneAt),
      ),
    );
}

export type AnswerProps = { tx: Tx; actor: Actor; audit: AuditContext; referralId: string };

/**
 * The receiver accepts: the database opens the case to it (or hands the case over) in the same
 * transaction, and only while the person's consent still holds.
 */
export async function acceptReferral({ tx, actor, audit, referralId }: AnswerProps) {
  const referral = await loadReferralFor(tx, actor, referralId, 'accept');
  const result = await tx.execute(sql`select accept_referral(${referral.id}::uuid) as refusal`);
  const refusal = rowsOf<{ refusal: ConsentRefusal | null }>(result)[0]?.refusal ?? null;
  if (refusal) throw consentRefused(refusal);
  const transfer = referral.kind === 'transfer';
  const details = {
    referralId: referral.id,
    fromAgencyId: referral.fromAgencyId,
    toAgencyId: referral.toAgencyId,
    sections: referral.sections,
  };
  await recordCaseEvent(tx, actor, referral.caseId, transfer ? 'transfer.accepted' : 'referral.accepted', details);
  await closeResponseTask(tx, actor, referral);
  await recordAudit(tx, audit, {
    action: transfer ? 'case.transfer' : 'referral.answer',
    resourceType: transfer ? 'case' : 'referral',
    resourceId: transfer ? referral.caseId : referral.id,
    details: { ...details, caseId: referral.caseId, status: 'accepted' },
  });
  await notify(tx, {
    kind: transfer ? 'transfer_accepted' : 'referral_accepted',
    agencyId: referral.fromAgencyId!,
    userId: referral.sentBy,
    caseId: referral.caseId,
    subjectId: referral.id,
  });
}

/** The receiver declines, saying why; the case stays where it was. */
export async function declineReferral({ tx, actor, audit, referralId, reason }: AnswerProps & { reason: string }) {
  const referral = await loadReferralFor(tx, actor, referralId, 'decline');
  await tx
    .update(referrals)
    .set({ status: 'declined', declineReason: reason, answeredBy: actor.userId, answeredAt: new Date(), updatedAt: new Date() })
    .where(eq(referrals.id, referral.id));
  const details = { referralId: referral.id, fromAgencyId: referral.fromAgencyId, toAgencyId: referral.toAgencyId };
  await recordCaseEvent(tx, actor, referral.caseId, referral.kind === 'transfer' ? 'transfer.declined' : 'referral.declined', details);
  await closeResponseTask(tx, actor, referral);
  await recordAudit(tx, audit, {
    action: 'referral.answer',
    resourceType: 'referral',
    resourceId: referral.id,
    details: { ...details, caseId: referral.caseId, kind: referral.kind, status: 'declined' },
  });
  await notify(tx, {
    kind: 'referral_declined',
    agencyId: referral.fromAgencyId!,
    userId: referral.sentBy,
    caseId: referral.caseId,
    subjectId: referral.id,
  });
}
