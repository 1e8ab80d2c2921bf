import type { Referral, ServiceArea } from '@seamless/contracts';

/**
 * The referral just sent for an action: the newest outgoing referral of the case for the goal's
 * service area (and the action's agency, when it names one) that no action carries yet.
 */
export function referralForAction(
  referrals: readonly Referral[],
  need: { serviceArea: ServiceArea; agencyId: string | null },
  linked: ReadonlySet<string>,
): Referral | null {
  const candidates = referrals
    .filter((referral) => referral.kind === 'referral' && referral.direction === 'outgoing' && !linked.has(referral.id))
    .filter((referral) => referral.serviceArea === need.serviceArea)
    .filter((referral) => !need.agencyId || referral.toAgency?.id === need.agencyId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return candidates[0] ?? null;
}
