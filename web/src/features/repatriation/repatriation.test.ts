import {
  type Attachment,
  BILATERAL_MEETING_MODES,
  CONSENT_REFUSALS,
  type Consent,
  FAMILY_ASSESSMENT_OUTCOMES,
  REINTEGRATION_OUTLOOKS,
  REPATRIATION_ACTIONS,
  REPATRIATION_CHANNELS,
  REPATRIATION_SIDES,
  REPATRIATION_STATUSES,
  type Repatriation,
  SUPPORTED_LOCALES,
  VERIFICATION_OUTCOMES,
} from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { caseTabsFor } from '../caseRecord/caseTabs';
import { sendableFiles } from './FilesToSend';
import {
  consentUnusable,
  instantOf,
  localDateTimeValue,
  PROGRESS_STEPS,
  repatriationProgress,
  requestConsentGap,
} from './repatriationView';

type Held = Pick<Repatriation, 'status' | 'verification' | 'familyAssessment' | 'decision' | 'plan'>;

const verified = { outcome: 'confirmed', method: 'civil registry', verifiedOn: '2026-11-02', notes: null } as const;
const assessed = {
  outcome: 'safe_to_return',
  familyTraced: true,
  assessedOn: '2026-11-09',
  summary: 'Mother and brother at home.',
} as const;
const accepted = { decision: 'accept', reason: 'Family ready.' } as const;
const plan = { date: '2026-12-01', channel: 'border_liaison', handoverPoint: 'Poipet', notes: null } as const;

const record = (over: Partial<Held>): Held => ({
  status: 'requested',
  verification: null,
  familyAssessment: null,
  decision: null,
  plan: null,
  ...over,
});

describe('the way home', () => {
  it('shows how many steps are done, the step in hand next', () => {
    expect(repatriationProgress(record({}))).toEqual({ completed: 1, stoppedBy: null });
    expect(repatriationProgress(record({ status: 'nationality_verified', verification: verified }))).toEqual({
      completed: 2,
      stoppedBy: null,
    });
    expect(
      repatriationProgress(record({ status: 'handed_over', verification: verified, familyAssessment: assessed, decision: accepted, plan })),
    ).toEqual({ completed: 6, stoppedBy: null });
  });

  it('shows where one that stopped stopped, and why', () => {
    expect(
      repatriationProgress(record({ status: 'nationality_not_confirmed', verification: { ...verified, outcome: 'not_confirmed' } })),
    ).toEqual({ completed: 1, stoppedBy: 'nationality_not_confirmed' });
    expect(
      repatriationProgress(
        record({ status: 'declined', verification: verified, familyAssessment: assessed, decision: { decision: 'decline', reason: 'x' } }),
      ),
    ).toEqual({ completed: 3, stoppedBy: 'declined' });
    expect(
      repatriationProgress(record({ status: 'withdrawn', verification: verified, familyAssessment: assessed, decision: accepted, plan })),
    ).toEqual({ completed: 5, stoppedBy: 'withdrawn' });
  });

  it('goes through the statuses a repatriation moves along, in order', () => {
    expect(PROGRESS_STEPS.every((step) => (REPATRIATION_STATUSES as readonly string[]).includes(step))).toBe(true);
  });
});

describe('the consent a repatriation rests on', () => {
  const consent = (over: Partial<Consent>) =>
    ({ active: true, withdrawnAt: null, purpose: 'repatriation', countries: ['KH'], sections: ['identity', 'family'], ...over }) as Consent;

  it('is one given for the purpose, still active and not withdrawn; the others say why not', () => {
    expect(consentUnusable(consent({}), 'repatriation')).toBeNull();
    expect(consentUnusable(consent({ withdrawnAt: '2026-11-01T00:00:00Z' }), 'repatriation')).toBe('consent_withdrawn');
    expect(consentUnusable(consent({ active: false }), 'repatriation')).toBe('consent_expired');
    expect(consentUnusable(consent({ purpose: 'referral' }), 'repatriation')).toBe('purpose_not_covered');
    expect(consentUnusable(consent({ purpose: 'follow_up' }), 'follow_up')).toBeNull();
  });

  it("must name the partner's country and every section sent", () => {
    expect(requestConsentGap(consent({}), { country: 'KH', sections: ['identity'] })).toBeNull();
    expect(requestConsentGap(consent({}), { country: 'LA', sections: ['identity'] })).toBe('country_not_covered');
    expect(requestConsentGap(consent({}), { country: 'KH', sections: ['identity', 'medical'] })).toBe('section_not_covered');
  });
});

describe('the request', () => {
  it('carries only files filed under a section it sends', () => {
    const file = (id: string, section: Attachment['section']) => ({ id, section }) as Attachment;
    const files = [file('passport', 'identity'), file('note', 'general'), file('report', 'medical')];
    expect(sendableFiles(files, ['identity', 'family']).map((item) => item.id)).toEqual(['passport']);
  });
});

describe('the handover signature', () => {
  it("takes the time on the officer's clock and sends the instant it names", () => {
    const now = new Date(2026, 11, 1, 9, 5);
    expect(localDateTimeValue(now)).toBe('2026-12-01T09:05');
    expect(instantOf('2026-12-01T09:05')).toBe(now.toISOString());
    expect(instantOf('')).toBe('');
    expect(instantOf('not a time')).toBe('');
  });
});

describe('the case page', () => {
  it('shows the repatriation tab only to those who handle repatriations', () => {
    expect(caseTabsFor({ permissions: ['case:read'] })).not.toContain('repatriation');
    expect(caseTabsFor({ permissions: ['case:read', 'repatriation:manage'] })).toContain('repatriation');
    expect(caseTabsFor({ permissions: ['case:read'] })).toContain('referrals');
  });
});

describe('the repatriation catalogue', () => {
  type Tree = { [key: string]: string | Tree };
  const files = import.meta.glob<{ repatriation: Tree }>('../../locales/*/repatriation.json', { eager: true, import: 'default' });
  const lookup = (tree: Tree, path: string) =>
    path.split('.').reduce<Tree | string | undefined>((node, key) => (typeof node === 'object' ? node[key] : undefined), tree);
  const required: Record<string, readonly string[]> = {
    status: REPATRIATION_STATUSES,
    step: PROGRESS_STEPS,
    side: REPATRIATION_SIDES,
    'detail.with': REPATRIATION_SIDES,
    'list.empty': REPATRIATION_SIDES,
    'plan.channels': REPATRIATION_CHANNELS,
    'verification.outcomes': VERIFICATION_OUTCOMES,
    'family.outcomes': FAMILY_ASSESSMENT_OUTCOMES,
    'followUp.outlooks': REINTEGRATION_OUTLOOKS,
    consentRefusal: CONSENT_REFUSALS,
    'meetings.modes': BILATERAL_MEETING_MODES,
    'meetings.proposedBy': REPATRIATION_SIDES,
    'meetings.recordedBy': REPATRIATION_SIDES,
    action: REPATRIATION_ACTIONS.flatMap((action) => [`${action}.button`, `${action}.title`, `${action}.submit`]),
  };

  it.each(SUPPORTED_LOCALES)('labels every value and every action in %s', (locale) => {
    const repatriation = files[`../../locales/${locale}/repatriation.json`]?.repatriation ?? {};
    const missing = Object.entries(required).flatMap(([group, values]) =>
      values.map((value) => `${group}.${value}`).filter((path) => typeof lookup(repatriation, path) !== 'string'),
    );
    expect(missing).toEqual([]);
  });
});
