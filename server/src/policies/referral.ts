import type { ConsentPurpose, ReferralAction, ReferralConsentEnd, ReferralKind, ReferralStatus } from '@seamless/contracts';
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

/** Whether the consent behind a referral still holds, as the database decides it at each read. */
export type ReferralStanding = {
  /** Null while the consent (and the share an acceptance opened) holds. */
  consentEnded: ReferralConsentEnd | null;
  /** The actor's agency owns the case now (e.g. it took it over by this very transfer). */
  ownsCase: boolean;
};

/**
 * Withdrawing consent stops further sharing (DESIGN.md §4): once the consent behind a referral
 * ended, its receiver neither reads the referral's text (it is case content and may name the
 * person) nor acts on it. The sender wrote it and keeps it; an owner reads its case in full.
 */
export const receiverCutOff = (actor: Actor, referral: Pick<ReferralParties, 'toAgencyId'>, standing: ReferralStanding) =>
  standing.consentEnded !== null && referral.toAgencyId === actor.agencyId && !standing.ownsCase;

/** Plain English for the problem document; the UI translates by code. */
export const REFERRAL_CONSENT_END_MESSAGES: Record<ReferralConsentEnd, string> = {
  consent_withdrawn: 'The person withdrew the consent this referral relied on.',
  consent_expired: 'The consent this referral relied on has expired.',
  share_revoked: 'The agency that owns the case ended the access this referral gave.',
};

/**
 * What the actor's agency may do next: the receiver answers a pending referral and, once it
 * accepted one, says when the service was delivered or the referral closed; the sender may
 * withdraw while it waits. A transfer needs `case:transfer` on either side.
 */
export function referralActions(actor: Actor, referral: ReferralParties, standing: ReferralStanding): ReferralAction[] {
  if (referral.direction !== 'outgoing') return [];
  const permitted = has(actor, referral.kind === 'transfer' ? 'case:transfer' : 'case:update') && has(actor, 'case:read');
  if (!permitted || receiverCutOff(actor, referral, standing)) return [];
  const receives = referral.toAgencyId === actor.agencyId;
  const sends = referral.fromAgencyId === actor.agencyId;
  if (referral.status === 'pending') return receives ? ['accept', 'decline'] : sends ? ['withdraw'] : [];
  if (referral.status === 'accepted' && referral.kind === 'referral' && receives) return ['complete', 'close'];
  return [];
}
