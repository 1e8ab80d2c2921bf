import type { CrossBorderReferralAction, CrossBorderReferralStatus, RepatriationSide } from '@seamless/contracts';
import { type Actor, has } from './actor.js';
import { canRepatriate } from './repatriation.js';

/**
 * Work across a border is the focal point's (DESIGN.md §3): whoever holds repatriation for the
 * agency sends and answers its referrals to and from partner countries too.
 */
export const canReferAcrossBorder = canRepatriate;

export type CrossBorderReferralStanding = {
  side: RepatriationSide;
  status: CrossBorderReferralStatus;
  consentWithdrawn: boolean;
  /** Nothing can be sent to a partner suspended or revoked. */
  partnerTrusted: boolean;
};

/**
 * What the actor's agency may do next on its side. Row-level security already limits the record
 * to the agency holding it; this decides the step. Once her consent is withdrawn nothing more is
 * done with what was sent.
 */
export function crossBorderReferralActions(actor: Actor, standing: CrossBorderReferralStanding): CrossBorderReferralAction[] {
  if (!canReferAcrossBorder(actor) || !has(actor, 'case:update')) return [];
  if (!standing.partnerTrusted || standing.consentWithdrawn) return [];
  const { side, status } = standing;
  if (side === 'receiving') {
    if (status === 'sent') return ['answer'];
    if (status === 'accepted') return ['report_outcome'];
    return [];
  }
  return status === 'sent' || status === 'accepted' ? ['withdraw'] : [];
}
