import type { CaseSection } from '@seamless/contracts';

/** The share form as the worker fills it in. */
export interface ShareDraft {
  agencyId: string | null;
  consentId: string | null;
  sections: CaseSection[];
  kind: 'shared' | 'referral';
}

export const EMPTY_SHARE: ShareDraft = { agencyId: null, consentId: null, sections: [], kind: 'shared' };

/**
 * Choosing the consent a share relies on ticks nothing: what a consent allows is the most that
 * may be shared, not what should be, so every section is chosen on purpose (DESIGN.md §4).
 */
export const withConsent = (draft: ShareDraft, consentId: string | null): ShareDraft => ({ ...draft, consentId });
