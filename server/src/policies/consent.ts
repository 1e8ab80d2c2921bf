import type { CaseSection, ConsentPurpose, ConsentRefusal } from '@seamless/contracts';
import { AppError } from '../http/problem.js';

/**
 * Purposes under which a person can agree to her record going to another agency. Consent to be
 * interviewed, to data processing, to research or to speak to the media never opens the record
 * to anyone else.
 */
export const SHARING_PURPOSES: readonly ConsentPurpose[] = [
  'referral',
  'services',
  'information_sharing_cross_border',
  'repatriation',
  'family_tracing',
  'legal_proceedings',
  'follow_up',
];

/** What a recorded consent covers, as far as sharing is concerned. */
export type ConsentTerms = {
  purpose: string;
  sections: readonly CaseSection[];
  /** Empty: any agency in the covered countries. */
  agencyIds: readonly string[];
  /** Countries other than the case's own the record may go to. */
  countries: readonly string[];
  expiresOn: string | null;
  withdrawnAt: Date | null;
};

export type ShareRequest = {
  agencyId: string;
  agencyCountry: string;
  caseCountry: string;
  sections: readonly CaseSection[];
  /** When the share serves one purpose, the consent must be for that purpose. */
  purpose?: ConsentPurpose;
};

/** A consent counts on `today` (YYYY-MM-DD) until withdrawn or past its last day. */
export const consentActive = (consent: Pick<ConsentTerms, 'expiresOn' | 'withdrawnAt'>, today: string) =>
  !consent.withdrawnAt && (!consent.expiresOn || consent.expiresOn >= today);

/**
 * DESIGN.md §4: sharing with another agency or country needs recorded consent — who, what,
 * purpose, until when. Answers why a share is refused (null: the consent covers it), so the
 * caseworker learns what to ask the person for rather than only that it failed.
 */
export function consentRefusal(consent: ConsentTerms | null, request: ShareRequest, today: string): ConsentRefusal | null {
  if (!consent) return 'no_consent';
  if (consent.withdrawnAt) return 'consent_withdrawn';
  if (!consentActive(consent, today)) return 'consent_expired';
  const purpose = consent.purpose as ConsentPurpose;
  if (!SHARING_PURPOSES.includes(purpose) || (request.purpose && request.purpose !== purpose)) return 'purpose_not_covered';
  if (consent.agencyIds.length > 0 && !consent.agencyIds.includes(request.agencyId)) return 'agency_not_covered';
  if (request.agencyCountry !== request.caseCountry && !consent.countries.includes(request.agencyCountry)) return 'country_not_covered';
  if (request.sections.some((section) => !consent.sections.includes(section))) return 'section_not_covered';
  return null;
}

/**
 * Sharing with a partner country (a repatriation, a referral across the border): the consent
 * names that country even when it is the case's own, and names no agency — a consent naming
 * agencies names agencies of this instance, never one abroad.
 */
export function crossBorderConsentRefusal(
  consent: ConsentTerms | null,
  request: { partnerCountry: string; caseCountry: string; sections: readonly CaseSection[]; purpose: ConsentPurpose },
  today: string,
): ConsentRefusal | null {
  const { partnerCountry, caseCountry, sections, purpose } = request;
  const refusal = consentRefusal(consent, { agencyId: '', agencyCountry: partnerCountry, caseCountry, sections, purpose }, today);
  if (refusal) return refusal;
  return consent!.countries.includes(partnerCountry) ? null : 'country_not_covered';
}

/** Plain English for the problem document; the UI translates by code. */
export const CONSENT_REFUSAL_MESSAGES: Record<ConsentRefusal, string> = {
  no_consent: 'No consent recorded on this case supports this sharing.',
  consent_withdrawn: 'The person withdrew this consent.',
  consent_expired: 'This consent has expired.',
  agency_not_covered: 'This consent does not name the receiving agency.',
  section_not_covered: 'This consent does not cover every section to be shared.',
  country_not_covered: 'The receiving agency is in another country that this consent does not cover.',
  purpose_not_covered: 'This consent was given for a purpose that does not allow sharing.',
};

/** The answer to a share, referral or packet its consent does not cover: 422 naming `consentId` and why. */
export function consentRefused(refusal: ConsentRefusal) {
  const message = CONSENT_REFUSAL_MESSAGES[refusal];
  return new AppError(422, 'consent_required', message, [{ path: 'consentId', code: refusal, message }]);
}
