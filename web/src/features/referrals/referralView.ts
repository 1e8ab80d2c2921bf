import {
  type Consent,
  REFERRAL_CONSENT_ENDS,
  type Referral,
  type ReferralConsentEnd,
  type ReferralStatus,
  type ReferralUrgency,
} from '@seamless/contracts';
import { ApiProblem } from '../../api/problem';
import { oneOf } from '../../lib/oneOf';

export const STATUS_COLORS: Record<ReferralStatus, string> = {
  pending: 'yellow',
  accepted: 'blue',
  declined: 'red',
  withdrawn: 'gray',
  completed: 'teal',
  closed: 'gray',
};

export const URGENCY_COLORS: Record<ReferralUrgency, string> = { routine: 'gray', urgent: 'orange', emergency: 'red' };

/** Consents a referral can rest on: active and given for referral or services (the server's rule too). */
export const referralConsents = (consents: readonly Consent[]) =>
  consents.filter(
    (consent) => consent.active && !consent.withdrawnAt && (consent.purpose === 'referral' || consent.purpose === 'services'),
  );

/** Waiting ones first (overdue before the rest, then by due date), then the newest answered. */
export function inboxOrder(referrals: readonly Referral[]): Referral[] {
  const rank = (referral: Referral) => (referral.status === 'pending' ? (referral.overdue ? 0 : 1) : 2);
  return [...referrals].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) < 2 ? (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') : 0) ||
      b.createdAt.localeCompare(a.createdAt),
  );
}

/** Who the referral is with, as the reader's side sees it: the other agency or the outside organisation. */
export function counterpart(referral: Referral, agencyId: string): string {
  if (referral.externalOrganisation) return referral.externalOrganisation;
  const other = referral.toAgency?.id === agencyId ? referral.fromAgency : referral.toAgency;
  return other?.name ?? '';
}

/** A step refused because the referral's consent ended meanwhile (the list the user acted on was older). */
export function consentEndOf(error: unknown): ReferralConsentEnd | null {
  if (!(error instanceof ApiProblem) || error.code !== 'consent_required') return null;
  for (const fieldError of error.errors) {
    const ended = oneOf(fieldError.code, REFERRAL_CONSENT_ENDS);
    if (ended) return ended;
  }
  return null;
}

const OPENED: readonly ReferralStatus[] = ['accepted', 'completed', 'closed'];

/**
 * The receiver reaches the case from the card only while the referral opens it: once accepted,
 * and until its consent ends (a transfer it accepted made it the owner, whatever came after).
 */
export const opensCase = (referral: Referral, incoming: boolean) =>
  !incoming || (OPENED.includes(referral.status) && (referral.consentEnded === null || referral.kind === 'transfer'));
