import {
  REFERRAL_CONSENT_ENDS,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
  type Referral,
  SERVICE_AREAS,
  SUPPORTED_LOCALES,
} from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { consentEndOf, counterpart, inboxOrder, opensCase, referralConsents } from './referralView';

const referral = (overrides: Partial<Referral>): Referral =>
  ({
    id: 'r',
    kind: 'referral',
    status: 'pending',
    consentEnded: null,
    overdue: false,
    dueOn: null,
    createdAt: '2026-01-01T00:00:00Z',
    fromAgency: { id: 'a', name: 'Chiang Rai' },
    toAgency: { id: 'b', name: 'NGO' },
    externalOrganisation: null,
    ...overrides,
  }) as Referral;

describe('the referral inbox order', () => {
  it('puts overdue waiting referrals first, then waiting ones by due date, then answered ones newest first', () => {
    const sorted = inboxOrder([
      referral({ id: 'answered-old', status: 'accepted', createdAt: '2026-01-01T00:00:00Z' }),
      referral({ id: 'waiting-late', dueOn: '2026-03-10' }),
      referral({ id: 'answered-new', status: 'declined', createdAt: '2026-02-01T00:00:00Z' }),
      referral({ id: 'overdue', overdue: true, dueOn: '2026-01-05' }),
      referral({ id: 'waiting-soon', dueOn: '2026-03-01' }),
    ]);
    expect(sorted.map((item) => item.id)).toEqual(['overdue', 'waiting-soon', 'waiting-late', 'answered-new', 'answered-old']);
  });

  it('names the other side: the sender to the receiver, the receiver to the sender, or the outside organisation', () => {
    expect(counterpart(referral({}), 'b')).toBe('Chiang Rai');
    expect(counterpart(referral({}), 'a')).toBe('NGO');
    expect(counterpart(referral({ externalOrganisation: 'Foundation', toAgency: null }), 'a')).toBe('Foundation');
  });

  it('offers only active consents for referral or services', () => {
    const consent = (purpose: string, active = true, withdrawnAt: string | null = null) =>
      ({ id: purpose, purpose, active, withdrawnAt }) as never;
    const usable = referralConsents([
      consent('referral'),
      consent('services'),
      consent('interview'),
      consent('services', false),
      consent('referral', true, 'x'),
    ]);
    expect(usable.map((item: { id: string }) => item.id)).toEqual(['referral', 'services']);
  });
});

describe('a referral whose consent ended', () => {
  it('no longer opens the case to its receiver, while the sender keeps its link', () => {
    expect(opensCase(referral({ status: 'accepted' }), true)).toBe(true);
    expect(opensCase(referral({ status: 'pending' }), true)).toBe(false);
    expect(opensCase(referral({ status: 'closed', consentEnded: 'consent_withdrawn' }), true)).toBe(false);
    expect(opensCase(referral({ status: 'accepted', consentEnded: 'consent_expired' }), true)).toBe(false);
    expect(opensCase(referral({ status: 'closed', consentEnded: 'consent_withdrawn' }), false)).toBe(true);
    expect(opensCase(referral({ kind: 'transfer', status: 'accepted', consentEnded: 'consent_withdrawn' }), true)).toBe(true);
  });

  it('tells a step refused for it apart from other consent refusals', () => {
    const problem = (code: string) =>
      new ApiProblem({ type: 'x', title: 'x', status: 422, code: 'consent_required', errors: [{ path: 'consentId', code, message: '' }] });
    expect(consentEndOf(problem('share_revoked'))).toBe('share_revoked');
    expect(consentEndOf(problem('consent_withdrawn'))).toBe('consent_withdrawn');
    expect(consentEndOf(problem('agency_not_covered'))).toBeNull();
    expect(consentEndOf(new Error('offline'))).toBeNull();
  });
});

describe('the referrals catalogue', () => {
  const files = import.meta.glob<{ referrals: Record<string, Record<string, string>> }>('../../locales/*/referrals.json', {
    eager: true,
    import: 'default',
  });

  it.each(SUPPORTED_LOCALES)('labels every status and urgency in %s', (locale) => {
    const referrals = files[`../../locales/${locale}/referrals.json`]?.referrals;
    for (const status of REFERRAL_STATUSES) expect(referrals?.status?.[status], status).toBeTruthy();
    for (const urgency of REFERRAL_URGENCIES) expect(referrals?.urgency?.[urgency], urgency).toBeTruthy();
  });

  it.each(SUPPORTED_LOCALES)('says why a referral ended with its consent in %s', (locale) => {
    const referrals = files[`../../locales/${locale}/referrals.json`]?.referrals;
    for (const ended of REFERRAL_CONSENT_ENDS) expect(referrals?.consentEnded?.[ended], ended).toBeTruthy();
  });
});

describe('service-area labels', () => {
  const files = import.meta.glob<{ serviceDirectory: { areas: Record<string, string> } }>('../../locales/*/serviceDirectory.json', {
    eager: true,
    import: 'default',
  });

  // The directory's catalogue is the one source: referrals and care plans word a need the same way.
  it.each(SUPPORTED_LOCALES)('label every service area in %s', (locale) => {
    const areas = files[`../../locales/${locale}/serviceDirectory.json`]?.serviceDirectory.areas;
    for (const area of SERVICE_AREAS) expect(areas?.[area], area).toBeTruthy();
  });
});
