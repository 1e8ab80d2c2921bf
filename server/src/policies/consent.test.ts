import { CONSENT_REFUSALS } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { CONSENT_REFUSAL_MESSAGES, type ConsentTerms, consentActive, consentRefusal, type ShareRequest } from './consent.js';

const NGO = '11111111-1111-4111-8111-111111111111';
const SHELTER = '22222222-2222-4222-8222-222222222222';
const TODAY = '2026-03-15';

const consent = (terms: Partial<ConsentTerms> = {}): ConsentTerms => ({
  purpose: 'services',
  sections: ['identity', 'shelter'],
  agencyIds: [],
  countries: [],
  expiresOn: null,
  withdrawnAt: null,
  ...terms,
});
const request = (share: Partial<ShareRequest> = {}): ShareRequest => ({
  agencyId: NGO,
  agencyCountry: 'TH',
  caseCountry: 'TH',
  sections: ['identity'],
  ...share,
});

describe('consentRefusal', () => {
  it('allows a share the consent covers', () => {
    expect(consentRefusal(consent(), request(), TODAY)).toBeNull();
    expect(consentRefusal(consent({ agencyIds: [NGO] }), request({ sections: [] }), TODAY)).toBeNull();
    expect(consentRefusal(consent({ countries: ['KH'] }), request({ agencyCountry: 'KH' }), TODAY)).toBeNull();
  });

  it('refuses without a consent', () => {
    expect(consentRefusal(null, request(), TODAY)).toBe('no_consent');
  });

  it('refuses a withdrawn consent, even one that would otherwise cover the share', () => {
    expect(consentRefusal(consent({ withdrawnAt: new Date('2026-03-01T00:00:00Z') }), request(), TODAY)).toBe('consent_withdrawn');
  });

  it('counts the day of expiry and refuses from the next day', () => {
    expect(consentRefusal(consent({ expiresOn: TODAY }), request(), TODAY)).toBeNull();
    expect(consentRefusal(consent({ expiresOn: '2026-03-14' }), request(), TODAY)).toBe('consent_expired');
  });

  it('refuses purposes that do not allow sharing, and a purpose other than the one consented to', () => {
    for (const purpose of ['interview', 'data_processing', 'statistics_research', 'media_contact']) {
      expect(consentRefusal(consent({ purpose }), request(), TODAY), purpose).toBe('purpose_not_covered');
    }
    expect(consentRefusal(consent({ purpose: 'referral' }), request({ purpose: 'repatriation' }), TODAY)).toBe('purpose_not_covered');
    expect(consentRefusal(consent({ purpose: 'repatriation' }), request({ purpose: 'repatriation' }), TODAY)).toBeNull();
  });

  it('refuses an agency the consent does not name when it names agencies', () => {
    expect(consentRefusal(consent({ agencyIds: [SHELTER] }), request(), TODAY)).toBe('agency_not_covered');
  });

  it('refuses a receiving agency in another country unless the consent lists that country', () => {
    expect(consentRefusal(consent(), request({ agencyCountry: 'KH' }), TODAY)).toBe('country_not_covered');
    expect(consentRefusal(consent({ countries: ['LA'] }), request({ agencyCountry: 'KH' }), TODAY)).toBe('country_not_covered');
    // Naming the foreign agency is not consent to the record leaving the country.
    expect(consentRefusal(consent({ agencyIds: [NGO] }), request({ agencyCountry: 'KH' }), TODAY)).toBe('country_not_covered');
  });

  it('refuses any section the consent does not cover', () => {
    expect(consentRefusal(consent(), request({ sections: ['identity', 'psychosocial'] }), TODAY)).toBe('section_not_covered');
    expect(consentRefusal(consent({ sections: [] }), request({ sections: ['identity'] }), TODAY)).toBe('section_not_covered');
  });

  it('names the first reason in the order a caseworker would fix them', () => {
    const everythingWrong = consent({ purpose: 'interview', agencyIds: [SHELTER], expiresOn: '2026-01-01', sections: [] });
    expect(consentRefusal(everythingWrong, request({ agencyCountry: 'KH' }), TODAY)).toBe('consent_expired');
    expect(consentRefusal({ ...everythingWrong, expiresOn: null }, request({ agencyCountry: 'KH' }), TODAY)).toBe('purpose_not_covered');
  });

  it('has a plain-English message for every refusal code', () => {
    for (const code of CONSENT_REFUSALS) expect(CONSENT_REFUSAL_MESSAGES[code]).toMatch(/\w+ \w+/);
  });
});

describe('consentActive', () => {
  it('is true until withdrawn or past the last day', () => {
    expect(consentActive({ expiresOn: null, withdrawnAt: null }, TODAY)).toBe(true);
    expect(consentActive({ expiresOn: TODAY, withdrawnAt: null }, TODAY)).toBe(true);
    expect(consentActive({ expiresOn: '2026-03-14', withdrawnAt: null }, TODAY)).toBe(false);
    expect(consentActive({ expiresOn: null, withdrawnAt: new Date() }, TODAY)).toBe(false);
  });
});
