import type { ReferralStatus } from '@seamless/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { referrals } from '../db/schema/index.js';
import { notify } from '../notifications/notify.js';
import { type CaseEventActor, recordCaseEvent } from './recordCaseEvent.js';

/** A referral still waiting is withdrawn; one under way is closed. Finished ones keep their outcome. */
const ENDED_AS = { pending: 'withdrawn', accepted: 'closed' } as const satisfies Partial<Record<ReferralStatus, ReferralStatus>>;

/**
 * The referrals a withdrawn consent backed end with it, so both parties' lists say so and the
 * receiver is told; why they ended stays readable from the consent (`consentEnded`).
 */
export async function endReferralsOfConsent(
  tx: Tx,
  actor: CaseEventActor,
  audit: AuditContext,
  caseId: string,
  consentId: string,
  now: Date,
) {
  const open = await tx
    .select({
      id: referrals.id,
      kind: referrals.kind,
      status: referrals.status,
      fromAgencyId: referrals.fromAgencyId,
      toAgencyId: referrals.toAgencyId,
    })
    .from(referrals)
    .where(
      and(
        eq(referrals.caseId, caseId),
        eq(referrals.consentId, consentId),
        eq(referrals.direction, 'outgoing'),
        inArray(referrals.status, ['pending', 'accepted']),
      ),
    )
    .for('update');
  for (const referral of open) {
    const status = ENDED_AS[referral.status as keyof typeof ENDED_AS];
    await tx
      .update(referrals)
      .set({ status, finishedBy: actor.userId, finishedAt: now, updatedAt: now })
      .where(eq(referrals.id, referral.id));
    const details = {
      referralId: referral.id,
      fromAgencyId: referral.fromAgencyId,
      toAgencyId: referral.toAgencyId,
      cause: 'consent_withdrawn',
    };
    const kind = referral.kind === 'transfer' ? 'transfer.withdrawn' : (`referral.${status}` as const);
    await recordCaseEvent(tx, actor, caseId, kind, details);
    await recordAudit(tx, audit, {
      action: 'referral.update',
      resourceType: 'referral',
      resourceId: referral.id,
      details: { ...details, caseId, kind: referral.kind, status },
    });
    if (referral.toAgencyId) {
      await notify(tx, { kind: 'referral_withdrawn', agencyId: referral.toAgencyId, caseId, subjectId: referral.id });
    }
  }
}
