import type { AgencyDirectoryEntry, CaseSection, Consent, ConsentPurpose, ConsentRefusal } from '@seamless/contracts';

/** Purposes under which a person may agree to her record being shared with another agency. */
export const SHARING_PURPOSES: readonly ConsentPurpose[] = [
  'referral',
  'services',
  'information_sharing_cross_border',
  'repatriation',
  'family_tracing',
  'legal_proceedings',
  'follow_up',
];

interface ShareIntent {
  agency: Pick<AgencyDirectoryEntry, 'id' | 'countryCode'>;
  caseCountry: string;
  sections: readonly CaseSection[];
}

/**
 * Why the chosen consent would not cover this share, checked before sending so the user can fix
 * the form; the server checks again and its answer is the one that counts.
 */
export function consentGap(
  consent: Pick<Consent, 'active' | 'withdrawnAt' | 'purpose' | 'sections' | 'agencies' | 'countries'> | null,
  intent: ShareIntent,
): ConsentRefusal | null {
  if (!consent) return 'no_consent';
  if (consent.withdrawnAt) return 'consent_withdrawn';
  if (!consent.active) return 'consent_expired';
  if (!SHARING_PURPOSES.includes(consent.purpose)) return 'purpose_not_covered';
  if (consent.agencies.length > 0 && !consent.agencies.some((agency) => agency.id === intent.agency.id)) return 'agency_not_covered';
  if (intent.sections.some((section) => !consent.sections.includes(section))) return 'section_not_covered';
  if (intent.agency.countryCode !== intent.caseCountry && !consent.countries.includes(intent.agency.countryCode))
    return 'country_not_covered';
  return null;
}
export type ConsentState = 'active' | 'withdrawn' | 'expired';

/** A consent is withdrawn, or else active or expired as the server judged it today. */
export function consentState(consent: Pick<Consent, 'active' | 'withdrawnAt'>): ConsentState {
  if (consent.withdrawnAt) return 'withdrawn';
  return consent.active ? 'active' : 'expired';
}
