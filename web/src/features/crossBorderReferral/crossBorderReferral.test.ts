import { MantineProvider } from '@mantine/core';
import {
  CONSENT_REFUSALS,
  type Consent,
  CROSS_BORDER_REFERRAL_ACTIONS,
  CROSS_BORDER_REFERRAL_STATUSES,
  type CrossBorderReferral,
  type FieldError,
  type Notification,
  REPATRIATION_SIDES,
  SUPPORTED_LOCALES,
} from '@seamless/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { en } from '../../locales/en';
import { caseTabsFor } from '../caseRecord/caseTabs';
import { noticeTarget } from '../notifications/noticeView';
import { CrossBorderReferralActions } from './CrossBorderReferralActions';
import { CrossBorderReferralRecord } from './CrossBorderReferralRecord';
import { checkAnswer, checkOutcome, checkWithdrawal, offeredSteps, referralConsents } from './crossBorderReferralView';
import { useCrossBorderReferralFieldErrors } from './useCrossBorderReferralFieldErrors';

const thaiFiles = import.meta.glob<Record<string, unknown>>('../../locales/th/*.json', { eager: true, import: 'default' });
const th = Object.assign({}, ...Object.values(thaiFiles)) as typeof en;

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({ lng: 'en', resources: { en: { translation: en }, th: { translation: th } }, interpolation: { escapeValue: false } }),
);

async function render(element: ReactNode, language = 'en'): Promise<string> {
  await i18n.changeLanguage(language);
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(MantineProvider, null, createElement(I18nextProvider, { i18n }, element)),
    ),
  );
}

/** The visible text of the markup, tags dropped. */
const textOf = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const buttonLabels = (markup: string) =>
  [...markup.matchAll(/<button[^>]*>(.*?)<\/button>/g)].map(([, inner]) => textOf(inner ?? '').trim());

const referral = (over: Partial<CrossBorderReferral> = {}): CrossBorderReferral => ({
  id: '6f1f8f0e-5a43-4c1a-9e0a-1d2b3c4d5e6f',
  side: 'receiving',
  status: 'sent',
  partner: { id: '0b8b9a1e-8f3e-4d1f-9d59-2d4a8c1f6a01', name: 'Ministry of Social Affairs', country: 'KH' },
  caseId: null,
  sendingCaseReference: 'TH-2026-0042',
  serviceArea: 'family_tracing_mediation',
  urgency: 'urgent',
  sections: ['identity'],
  reason: 'Trace her mother in Battambang.',
  details: 'Her mother sold vegetables at Psar Nat market.',
  person: null,
  answer: null,
  outcome: null,
  withdrawal: null,
  consentWithdrawn: false,
  actions: [],
  sentAt: '2026-11-02T03:00:00.000Z',
  updatedAt: '2026-11-02T03:00:00.000Z',
  ...over,
});

const action = en.crossBorderReferral.action;

describe('the steps a referral offers', () => {
  it('are exactly the ones the server lists in actions, withdrawal last and apart', () => {
    expect(offeredSteps(['withdraw', 'answer'])).toEqual({ forward: ['answer'], withdraw: true });
    expect(offeredSteps(['report_outcome'])).toEqual({ forward: ['report_outcome'], withdraw: false });
    expect(offeredSteps([])).toEqual({ forward: [], withdraw: false });
  });

  it('show a button for each listed action and nothing else', async () => {
    expect(buttonLabels(await render(createElement(CrossBorderReferralActions, { referral: referral({ actions: ['answer'] }) })))).toEqual([
      action.answer.button,
    ]);
    expect(
      buttonLabels(
        await render(createElement(CrossBorderReferralActions, { referral: referral({ side: 'sending', actions: ['withdraw'] }) })),
      ),
    ).toEqual([action.withdraw.button]);
    expect(
      buttonLabels(
        await render(
          createElement(CrossBorderReferralActions, { referral: referral({ status: 'accepted', actions: ['report_outcome'] }) }),
        ),
      ),
    ).toEqual([action.report_outcome.button]);
    // A referral this side can no longer act on (declined, or answered by a colleague) offers nothing.
    expect(buttonLabels(await render(createElement(CrossBorderReferralActions, { referral: referral({ status: 'declined' }) })))).toEqual(
      [],
    );
  });
});

describe('the forms', () => {
  it('need a note to decline, not to accept', () => {
    const declined = checkAnswer('decline', '   ');
    expect(declined.ok).toBe(false);
    expect(declined.ok ? [] : declined.errors.map((error) => error.path)).toEqual(['note']);
    expect(checkAnswer('accept', '')).toEqual({ ok: true, data: { decision: 'accept', note: null } });
    expect(checkAnswer('decline', ' No caseworker in Battambang this month. ')).toEqual({
      ok: true,
      data: { decision: 'decline', note: 'No caseworker in Battambang this month.' },
    });
    const undecided = checkAnswer(null, '');
    expect(undecided.ok ? [] : undecided.errors.map((error) => error.path)).toEqual(['decision']);
  });

  it('need a date and a text for the outcome, and a reason to withdraw', () => {
    expect(checkOutcome('2026-12-01', ' Mother found. ')).toEqual({
      ok: true,
      data: { completedOn: '2026-12-01', outcome: 'Mother found.' },
    });
    const outcome = checkOutcome('1 Dec', '  ');
    expect(new Set(outcome.ok ? [] : outcome.errors.map((error) => error.path))).toEqual(new Set(['completedOn', 'outcome']));
    const withdrawal = checkWithdrawal(' ');
    expect(withdrawal.ok ? [] : withdrawal.errors.map((error) => error.path)).toEqual(['reason']);
  });
});

describe('field errors', () => {
  let captured: Record<string, string> = {};
  function Probe({ clientErrors, serverError }: { clientErrors: FieldError[]; serverError: unknown }) {
    captured = useCrossBorderReferralFieldErrors(clientErrors, serverError);
    return null;
  }
  const messagesFor = async (clientErrors: FieldError[], serverError: unknown, language = 'en') => {
    await render(createElement(Probe, { clientErrors, serverError }), language);
    return captured;
  };
  const problem = (status: number, code: ApiProblem['code'], errors: { path: string; code: string }[]) =>
    new ApiProblem({
      type: `urn:seamless:problem:${code}`,
      title: code,
      status,
      code,
      errors: errors.map((error) => ({ ...error, message: 'English text from the server' })),
    });

  it('say why a decline needs a note, on the note, in the reader’s language', async () => {
    const checked = checkAnswer('decline', '');
    const errors = checked.ok ? [] : checked.errors;
    expect(await messagesFor(errors, null)).toEqual({ note: en.crossBorderReferral.answer.noteRequired });
    expect(await messagesFor(errors, null, 'th')).toEqual({ note: th.crossBorderReferral.answer.noteRequired });
    // The server's own refusal of a decline without a note lands in the same place.
    expect(await messagesFor([], problem(400, 'validation_failed', [{ path: 'note', code: 'custom' }]))).toEqual({
      note: en.crossBorderReferral.answer.noteRequired,
    });
  });

  it('put the server’s refusals of a referral on the field they concern', async () => {
    const refused = problem(422, 'consent_required', [{ path: 'consentId', code: 'country_not_covered' }]);
    expect(await messagesFor([], refused)).toEqual({ consentId: en.crossBorderReferral.consentRefusal.country_not_covered });
    expect(await messagesFor([], refused, 'th')).toEqual({ consentId: th.crossBorderReferral.consentRefusal.country_not_covered });
    expect(await messagesFor([], problem(403, 'forbidden', [{ path: 'sections', code: 'forbidden' }]))).toEqual({
      sections: en.crossBorderReferral.refer.sectionNotReadable,
    });
    expect(await messagesFor([], problem(409, 'partner_not_trusted', [{ path: 'partnerId', code: 'partner_not_trusted' }]))).toEqual({
      partnerId: en.problem.partner_not_trusted,
    });
    expect(await messagesFor([], problem(400, 'validation_failed', [{ path: 'reason', code: 'too_small' }]))).toEqual({
      reason: en.validation.too_small,
    });
  });
});

describe('the referral’s page', () => {
  it('says where it stands for this side, and shows what was sent', async () => {
    const text = textOf(await render(createElement(CrossBorderReferralRecord, { referral: referral(), actions: null })));
    expect(text).toContain(en.crossBorderReferral.statusHint.receiving.sent.replace('{{partner}}', 'Ministry of Social Affairs'));
    expect(text).toContain(en.serviceDirectory.areas.family_tracing_mediation);
    expect(text).toContain(en.referrals.urgency.urgent);
    expect(text).toContain('Trace her mother in Battambang.');
    expect(text).toContain('Psar Nat');
    expect(text).not.toContain(en.crossBorderReferral.person.title);
  });

  it('shows who she is only when she was sent and the reader may see her', async () => {
    const person = { name: 'Sokha Chan', sex: 'Feminine', birthDate: '2001-04-12', citizenship: 'KH', homeAddress: 'Battambang' };
    const text = textOf(await render(createElement(CrossBorderReferralRecord, { referral: referral({ person }), actions: null })));
    expect(text).toContain(en.crossBorderReferral.person.title);
    expect(text).toContain('Sokha Chan');
    expect(text).toContain('Battambang');
  });

  it('after her consent is withdrawn, no longer shows why she was referred, and says so', async () => {
    const withheld = referral({ status: 'withdrawn', reason: null, details: null, consentWithdrawn: true });
    const text = textOf(await render(createElement(CrossBorderReferralRecord, { referral: withheld, actions: null })));
    expect(text).toContain(en.crossBorderReferral.sent.withheld);
    expect(text).not.toContain(en.crossBorderReferral.sent.reason);
  });

  it('shows the answer, the outcome and a withdrawal as they came', async () => {
    const answered = referral({
      side: 'sending',
      status: 'declined',
      answer: { decision: 'decline', note: 'No caseworker in Battambang this month.', at: '2026-11-03T03:00:00.000Z' },
    });
    const text = textOf(await render(createElement(CrossBorderReferralRecord, { referral: answered, actions: null }), 'th'));
    expect(text).toContain(th.crossBorderReferral.answer.decisions.decline);
    expect(text).toContain('No caseworker in Battambang this month.');
    expect(text).toContain(th.crossBorderReferral.statusHint.sending.declined.replace('{{partner}}', 'Ministry of Social Affairs'));
  });
});

describe('the consent a referral abroad rests on', () => {
  it('is an active consent to referral, not withdrawn', () => {
    const consent = (id: string, over: Partial<Consent>) =>
      ({ id, active: true, withdrawnAt: null, purpose: 'referral', ...over }) as Consent;
    const onFile = [
      consent('usable', {}),
      consent('repatriation', { purpose: 'repatriation' }),
      consent('expired', { active: false }),
      consent('withdrawn', { withdrawnAt: '2026-11-01T00:00:00Z' }),
    ];
    expect(referralConsents(onFile).map((item) => item.id)).toEqual(['usable']);
  });
});

describe('around the referral', () => {
  it('the case page shows referrals abroad only to those who handle cross-border work', () => {
    expect(caseTabsFor({ permissions: ['case:read'] })).not.toContain('crossBorderReferrals');
    expect(caseTabsFor({ permissions: ['case:read', 'repatriation:manage'] })).toContain('crossBorderReferrals');
  });

  it('its notices lead to it, though the receiving side holds no case', () => {
    const referralId = crypto.randomUUID();
    const notice = (kind: Notification['kind'], caseId: string | null) =>
      noticeTarget({ kind, caseId, caseReference: caseId ? 'TH-1' : null, subjectId: referralId });
    expect(notice('cross_border_referral_received', null)).toEqual({ page: 'crossBorderReferral', referralId });
    expect(notice('cross_border_referral_updated', crypto.randomUUID())).toEqual({ page: 'crossBorderReferral', referralId });
  });
});

describe('the cross-border referral catalogue', () => {
  type Tree = { [key: string]: string | Tree };
  const files = import.meta.glob<{ crossBorderReferral: Tree }>('../../locales/*/crossBorderReferral.json', {
    eager: true,
    import: 'default',
  });
  const lookup = (tree: Tree, path: string) =>
    path.split('.').reduce<Tree | string | undefined>((node, key) => (typeof node === 'object' ? node[key] : undefined), tree);
  const leaves = (tree: Tree, prefix = ''): [string, string][] =>
    Object.entries(tree).flatMap(([key, value]) =>
      typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
    );
  const required: Record<string, readonly string[]> = {
    status: CROSS_BORDER_REFERRAL_STATUSES,
    side: REPATRIATION_SIDES,
    'detail.with': REPATRIATION_SIDES,
    'list.empty': [...REPATRIATION_SIDES, 'all'],
    statusHint: REPATRIATION_SIDES.flatMap((side) => CROSS_BORDER_REFERRAL_STATUSES.map((status) => `${side}.${status}`)),
    consentRefusal: CONSENT_REFUSALS,
    'answer.decisions': ['accept', 'decline'],
    action: CROSS_BORDER_REFERRAL_ACTIONS.flatMap((step) => [`${step}.button`, `${step}.title`, `${step}.submit`]),
  };
  const english = files['../../locales/en/crossBorderReferral.json']?.crossBorderReferral ?? {};

  it.each(SUPPORTED_LOCALES)('labels every status, side, refusal and action in %s', (locale) => {
    const catalogue = files[`../../locales/${locale}/crossBorderReferral.json`]?.crossBorderReferral ?? {};
    const missing = Object.entries(required).flatMap(([group, values]) =>
      values.map((value) => `${group}.${value}`).filter((path) => typeof lookup(catalogue, path) !== 'string'),
    );
    expect(missing).toEqual([]);
  });

  it.each(SUPPORTED_LOCALES.filter((locale) => locale !== 'en'))('is translated in %s, not left in English', (locale) => {
    const catalogue = files[`../../locales/${locale}/crossBorderReferral.json`]?.crossBorderReferral ?? {};
    const untranslated = leaves(english).filter(([path, text]) => lookup(catalogue, path) === text);
    expect(untranslated).toEqual([]);
  });
});
