import type { ReferralConsentEnd } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import type { ReferralStanding } from '../policies/referral.js';
import { referrals } from './schema/index.js';

/**
 * Selected with every referral its parties read or act on: the database decides from the consent
 * and the share at this moment (migration 0021), so a consent that lapsed by date counts too.
 */
export const referralStandingColumns = {
  consentEnded: sql<ReferralConsentEnd | null>`app_referral_consent_end(${referrals.id})`,
  ownsCase: sql<boolean>`app_owns_case(${referrals.caseId})`,
} satisfies Record<keyof ReferralStanding, unknown>;
