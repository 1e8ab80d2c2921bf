import type { ReferralStatus } from '@seamless/contracts';
import { eq } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { Tx } from '../db/client.js';
import { referrals } from '../db/schema/index.js';
import { notify } from '../notifications/notify.js';
import type { Actor } from '../policies/actor.js';
import { loadReferralFor } from './answerReferral.js';
import { recordCaseEvent } from './recordCaseEvent.js';

export type Finish = { action: 'withdraw'; outcome?: null } | { action: 'complete' | 'close'; outcome?: string | null };

const STATUS_OF = { withdraw: 'withdrawn', complete: 'completed', close: 'closed' } as const satisfies Record<
  Finish['action'],
  ReferralStatus
>;

/**
 * The end of a referral: the sender withdraws one still waiting; the receiver says the service
 * was delivered (completed) or the referral ended otherwise (closed, with the outcome). The
 * access an accepted referral gave stays until the owner or the person's consent ends it.
 */
export async function finishReferral(
  { tx, actor, audit, referralId }: { tx: Tx; actor: Actor; audit: AuditContext; referralId: string },
  finish: Finish,
) {
  const referral = await loadReferralFor(tx, actor, referralId, finish.action);
  const status = STATUS_OF[finish.action];
  await tx
    .update(referrals)
    .set({ status, outcome: finish.outcome ?? null, finishedBy: actor.userId, finishedAt: new Date(), updatedAt: new Date() })
    .where(eq(referrals.id, referral.id));
  const details = { referralId: referral.id, fromAgencyId: referral.fromAgencyId, toAgencyId: referral.toAgencyId };
  const kind = referral.kind === 'transfer' ? 'transfer.withdrawn' : (`referral.${status}` as const);
  await recordCaseEvent(tx, actor, referral.caseId, kind, details);
  await recordAudit(tx, audit, {
    action: 'referral.update',
    resourceType: 'referral',
    resourceId: referral.id,
    details: { ...details, caseId: referral.caseId, kind: referral.kind, status },
  });
  if (finish.action === 'withdraw') {
    await notify(tx, { kind: 'referral_withdrawn', agencyId: referral.toAgencyId!, caseId: referral.caseId, subjectId: referral.id });
  }
}
