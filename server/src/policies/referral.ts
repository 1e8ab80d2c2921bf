import type { ConsentPurpose, ReferralAction, ReferralKind, ReferralStatus } from '@seamless/contracts';
import { type Actor, has } from './actor.js';
import { type CaseInvolvement, canCase } from './case.js';

/** A referral asks another agency to serve the person: the consent must be for referral or services. */
export const REFERRAL_PURPOSES: readonly ConsentPurpose[] = ['referral', 'services'];

/** Handing the case over is the stronger action: its own permission, by the owner only. */
export const canTransfer = (actor: Actor, involvement: CaseInvolvement) =>
  has(actor, 'case:transfer') && canCase(actor, 'update', involvement);

/** Inbox and lists: any role that works on cases; row-level security narrows to the two parties. */
export const canListReferrals = (actor: Actor) => has(actor, 'case:read') && has(actor, 'case:update');

export type ReferralParties = {
  kind: ReferralKind;
  status: ReferralStatus;
  direction: 'outgoing' | 'incoming';
  fromAgencyId: string | null;
  toAgencyId: string | null;
};

/**
 * What the actor's agency may do next: the receiver answers a pending referral and, once it
 * accepted one, says when the service was delivered or the referral closed; the sender may
 * withdraw while it waits. A transfer needs `case:transfer` on either side.
 */
export function referralActions(actor: Actor, referral: ReferralParties): ReferralAction[] {
  if (referral.direction !== 'outgoing') return [];
  const permitted = has(actor, referral.kind === 'transfer' ? 'case:transfer' : 'case:update') && has(actor, 'case:read');
  if (!permitted) return [];
  const receives = referral.toAgencyId === actor.agencyId;
  const sends = referral.fromAgencyId === actor.agencyId;
  if (referral.status === 'pending') return receives ? ['accept', 'decline'] : sends ? ['withdraw'] : [];
  if (referral.status === 'accepted' && referral.kind === 'referral' && receives) return ['complete', 'close'];
  return [];
}
