import { type APIRequestContext, type Browser, expect, type Locator, type Page, request, test } from '@playwright/test';
import { catalogue } from './catalogue';
import { fillDate } from './dateInput';
import { escapeRegExp, label, signIn } from './thaiSession';

/**
 * Issue 12's acceptance journey across two running instances: Thailand's (the suite's server)
 * and Cambodia's beside it (playwright.config.ts starts both). th.socialworker asks for the
 * repatriation of an identified Cambodian victim; kh.socialworker, in Khmer, verifies, assesses
 * the family, accepts and plans the handover; both sign it; Cambodia opens its case with the
 * Thai identification and sends two follow-up reports that appear in the Thai case.
 */
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Seamless-demo-2026';
const TH = `http://127.0.0.1:${process.env.E2E_PORT ?? 8181}`;
const KH = `http://127.0.0.1:${process.env.E2E_PARTNER_PORT ?? Number(process.env.E2E_PORT ?? 8181) + 1}`;
const km = catalogue('km');

/** A Khmer label by catalogue key. */
function khmer(key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as any)[part] : undefined), km);
  if (typeof value !== 'string') throw new Error(`no Khmer catalogue entry ${key}`);
  return value;
}

/** An API session as a script holds one: the session cookie, the server's own Origin and the CSRF header. */
async function apiAs(baseURL: string, username: string): Promise<{ api: APIRequestContext; headers: Record<string, string> }> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  const login = await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const csrf = (await api.storageState()).cookies.find((cookie) => cookie.name === 'csrf_token')?.value ?? '';
  return { api, headers: { 'x-csrf-token': csrf } };
}

/** Each admin trusts the other instance from its identity document, as two admins confirming a fingerprint would. */
async function trustEachOther() {
  const register = async (baseURL: string, admin: string, partnerBase: string, receivingUser: string) => {
    const { api, headers } = await apiAs(baseURL, admin);
    const partner = await (await api.get(`${partnerBase}/api/federation/identity`)).json();
    const users = await (await api.get('/api/admin/users?pageSize=200')).json();
    const receiving = users.items.find((user: { username: string }) => user.username === receivingUser);
    const registered = await api.post('/api/admin/federation/partners', {
      headers,
      data: {
        documentUrl: `${partnerBase}/api/federation/identity`,
        confirmedFingerprint: partner.fingerprint,
        receivingAgencyId: receiving.agencyId,
      },
    });
    expect([201, 409], await registered.text()).toContain(registered.status());
    await api.dispose();
  };
  await register(TH, 'admin', KH, 'th.socialworker');
  await register(KH, 'kh.admin', TH, 'kh.socialworker');
}

async function signInCambodia(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: KH, locale: 'km-KH' });
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('seamless.locale', 'km'));
  await page.reload();
  await page.getByLabel(km.signIn.username).fill(username);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: km.signIn.submit }).click();
  await expect(page.getByRole('link', { name: km.nav.dashboard, exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'km');
  return page;
}

async function pick(scope: Page | Locator, name: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name, exact: true }).click();
  const page = 'page' in scope ? scope.page() : scope;
  await page
    .getByRole('listbox')
    .getByRole('option', { name: typeof option === 'string' ? new RegExp(escapeRegExp(option)) : option })
    .first()
    .click();
}

/** Opens one action's form on the repatriation page, fills it and sends it; the dialog closes when the server took it. */
async function act(page: Page, text: (key: string) => string, action: string, fill: (dialog: Locator) => Promise<void>) {
  await page.getByRole('button', { name: text(`repatriation.action.${action}.button`), exact: true }).click();
  const dialog = page.getByRole('dialog');
  await fill(dialog);
  await dialog.getByRole('button', { name: text(`repatriation.action.${action}.submit`), exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Waits, reloading, for the other side's packet to move this side's status. */
async function untilStatus(page: Page, text: (key: string) => string, status: string) {
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(text(`repatriation.status.${status}`), { exact: true }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
}

test('Thailand asks, Cambodia verifies, assesses and accepts, both sign the handover, Cambodia opens its case with the Thai identification and reports back twice', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  await trustEachOther();

  // 1. Thailand asks, from the case of the demo's identified Cambodian victim.
  const th = await signIn(browser, 'th.socialworker');
  const cases = await (await th.request.get('/api/cases?pageSize=100')).json();
  const sreymom = cases.items.find((item: { displayName: string }) => /Sreymom/.test(item.displayName));
  expect(sreymom, 'the demo case ready to repatriate').toBeTruthy();
  await th.goto(`/cases/${sreymom.id}#repatriation`);
  await th.getByRole('button', { name: label('repatriation.tab.request') }).click();
  const requestForm = th.getByRole('dialog');
  await pick(requestForm, label('repatriation.request.partner'), /Cambodia/);
  await pick(requestForm, label('repatriation.request.consent'), /.+/);
  await requestForm.getByRole('textbox', { name: label('repatriation.request.reason') }).fill('เธอขอกลับไปอยู่กับครอบครัวที่พระตะบอง');
  await requestForm.getByRole('button', { name: label('repatriation.request.submit') }).click();
  await expect(requestForm).toBeHidden();
  await expect(th.getByText(label('repatriation.status.requested'), { exact: true }).first()).toBeVisible();
  const repatriationId: string = (await (await th.request.get(`/api/cases/${sreymom.id}/repatriations`)).json()).items[0].id;

  // 2. Cambodia, in Khmer: the request waits in the incoming queue with who she is and how she was identified.
  const kh = await signInCambodia(browser, 'kh.socialworker');
  await expect(async () => {
    await kh.goto('/repatriations');
    await expect(kh.getByRole('link', { name: new RegExp(escapeRegExp(sreymom.reference)) }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await kh.goto(`/repatriations/${repatriationId}`);
  await expect(kh.getByText('ចាន់ ស្រីមុំ').first()).toBeVisible();

  await act(kh, khmer, 'verify', async (dialog) => {
    await dialog.getByRole('radio', { name: khmer('repatriation.verification.outcomes.confirmed') }).check();
    await dialog.getByRole('textbox', { name: khmer('repatriation.verification.method') }).fill('បញ្ជីអត្តសញ្ញាណជាតិ');
  });
  await act(kh, khmer, 'assess_family', async (dialog) => {
    await dialog.getByRole('checkbox', { name: khmer('repatriation.family.familyTraced') }).check();
    await pick(dialog, khmer('repatriation.family.outcome'), khmer('repatriation.family.outcomes.safe_to_return'));
    await dialog.getByRole('textbox', { name: khmer('repatriation.family.summary') }).fill('ម្តាយ និងមីងរង់ចាំនាងនៅផ្ទះ');
  });
  await act(kh, khmer, 'decide', async (dialog) => {
    await dialog.getByRole('radio', { name: khmer('repatriation.decision.decisions.accept') }).check();
    await dialog.getByRole('textbox', { name: khmer('repatriation.decision.reason') }).fill('សញ្ជាតិបានបញ្ជាក់ គ្រួសារមានសុវត្ថិភាព');
  });
  const handoverDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Phnom_Penh' }).format(new Date(Date.now() + 7 * 86_400_000));
  await act(kh, khmer, 'plan_handover', async (dialog) => {
    await fillDate(dialog, khmer('repatriation.plan.date'), handoverDay, 'km');
    await pick(dialog, khmer('repatriation.plan.channel'), khmer('repatriation.plan.channels.border_liaison'));
    await dialog.getByRole('textbox', { name: khmer('repatriation.plan.handoverPoint') }).fill('ច្រកព្រំដែនអន្តរជាតិប៉ោយប៉ែត');
  });

  // 3. Both sign the handover, each its own part.
  await th.goto(`/repatriations/${repatriationId}`);
  await untilStatus(th, label, 'handover_planned');
  const sign = (text: (key: string) => string, officer: string) => async (dialog: Locator) => {
    await dialog.getByRole('textbox', { name: text('repatriation.signature.officerName') }).fill(officer);
    await dialog.getByRole('textbox', { name: text('repatriation.signature.belongings') }).fill('1 bag');
    await dialog.getByRole('textbox', { name: text('repatriation.signature.documents') }).fill('Travel document');
  };
  await act(th, label, 'sign_handover', sign(label, 'นางสาวนก วงศ์สกุล'));
  await kh.reload();
  await act(kh, khmer, 'sign_handover', sign(khmer, 'លោក សុខ វណ្ណា'));
  await untilStatus(th, label, 'handed_over');

  // 4. Cambodia opens its own case from the request: her name and the Thai identification, no new interview.
  await kh.getByRole('button', { name: khmer('repatriation.action.open_case.button'), exact: true }).click();
  await kh
    .getByRole('dialog')
    .getByRole('button', { name: khmer('repatriation.action.open_case.submit'), exact: true })
    .click();
  await kh.getByRole('link', { name: khmer('repatriation.action.open_case.goToCase') }).click();
  const opened = await (await kh.request.get(`/api/repatriations/${repatriationId}`)).json();
  await expect(kh).toHaveURL(new RegExp(`/cases/${opened.caseId}`));
  await expect(kh.getByText('ចាន់ ស្រីមុំ').first()).toBeVisible();
  await expect(kh.getByText(khmer('traffickingStatus.Identified'), { exact: true }).first()).toBeVisible();

  // 5. With her consent to follow-up reports to Thailand, Cambodia reports back twice.
  const consent = await kh.request.post(`/api/cases/${opened.caseId}/consents`, {
    headers: {
      origin: KH,
      'x-csrf-token': (await kh.context().cookies(KH)).find((cookie) => cookie.name === 'csrf_token')?.value ?? '',
    },
    data: {
      purpose: 'follow_up',
      countries: ['TH'],
      givenBy: 'victim',
      givenOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Phnom_Penh' }).format(new Date()),
    },
  });
  expect(consent.status(), await consent.text()).toBe(201);
  await kh.goto(`/repatriations/${repatriationId}`);
  for (const summary of ['នាងបានត្រឡប់ទៅរៀនវិញ', 'នាងមានការងារនៅហាងកាត់ដេរ']) {
    await act(kh, khmer, 'report_follow_up', async (dialog) => {
      await pick(dialog, khmer('repatriation.action.report_follow_up.consent'), /.+/);
      await pick(dialog, khmer('repatriation.followUp.outlook'), khmer('repatriation.followUp.outlooks.reintegrating'));
      await dialog.getByRole('textbox', { name: khmer('repatriation.followUp.summary') }).fill(summary);
    });
  }

  // 6. Both reports appear in the Thai case's repatriation.
  await th.goto(`/repatriations/${repatriationId}`);
  await expect(async () => {
    await th.reload();
    await expect(th.getByText('នាងបានត្រឡប់ទៅរៀនវិញ')).toBeVisible({ timeout: 2_000 });
    await expect(th.getByText('នាងមានការងារនៅហាងកាត់ដេរ')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});

test('Thailand refers her to Cambodia for family tracing; Cambodia, in Khmer, accepts and reports the outcome, which Thailand reads', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  await trustEachOther();

  // 1. With her consent to referral naming Cambodia, Chiang Rai refers her from the case.
  const th = await signIn(browser, 'th.socialworker');
  const cases = await (await th.request.get('/api/cases?pageSize=100')).json();
  const sreymom = cases.items.find((item: { displayName: string }) => /Sreymom/.test(item.displayName));
  const consent = await th.request.post(`/api/cases/${sreymom.id}/consents`, {
    headers: {
      origin: TH,
      'x-csrf-token': (await th.context().cookies(TH)).find((cookie) => cookie.name === 'csrf_token')?.value ?? '',
    },
    data: {
      purpose: 'referral',
      sections: ['identity'],
      countries: ['KH'],
      givenBy: 'victim',
      givenOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date()),
    },
  });
  expect(consent.status(), await consent.text()).toBe(201);
  await th.goto(`/cases/${sreymom.id}#crossBorderReferrals`);
  await th.getByRole('button', { name: label('crossBorderReferral.tab.refer') }).click();
  const referForm = th.getByRole('dialog');
  await pick(referForm, label('crossBorderReferral.refer.partner'), /Cambodia/);
  await pick(referForm, label('crossBorderReferral.refer.consent'), /.+/);
  await pick(referForm, label('crossBorderReferral.refer.serviceArea'), label('serviceDirectory.areas.family_tracing_mediation'));
  await referForm.getByRole('textbox', { name: label('crossBorderReferral.refer.reason') }).fill('ขอให้ติดตามหาแม่ของเธอที่พระตะบอง');
  await referForm.getByRole('button', { name: label('crossBorderReferral.refer.submit') }).click();
  await expect(referForm).toBeHidden();
  await expect(th.getByText(label('crossBorderReferral.status.sent'), { exact: true }).first()).toBeVisible();
  const referralId: string = (await (await th.request.get(`/api/cases/${sreymom.id}/cross-border-referrals`)).json()).items[0].id;

  // 2. Cambodia finds it in its incoming queue, with who she is, and accepts it.
  const kh = await signInCambodia(browser, 'kh.socialworker');
  await expect(async () => {
    await kh.goto('/cross-border-referrals');
    await expect(kh.getByText(sreymom.reference).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await kh.goto(`/cross-border-referrals/${referralId}`);
  await expect(kh.getByText('ចាន់ ស្រីមុំ').first()).toBeVisible();
  await expect(kh.getByText('ขอให้ติดตามหาแม่ของเธอที่พระตะบอง')).toBeVisible();
  const step = async (action: string, fill: (dialog: Locator) => Promise<void>) => {
    await kh.getByRole('button', { name: khmer(`crossBorderReferral.action.${action}.button`), exact: true }).click();
    const dialog = kh.getByRole('dialog');
    await fill(dialog);
    await dialog.getByRole('button', { name: khmer(`crossBorderReferral.action.${action}.submit`), exact: true }).click();
    await expect(dialog).toBeHidden();
  };
  await step('answer', async (dialog) => {
    await dialog.getByRole('radio', { name: khmer('crossBorderReferral.answer.choices.accept') }).check();
  });
  await step('report_outcome', async (dialog) => {
    await dialog.getByRole('textbox', { name: khmer('crossBorderReferral.outcome.outcome') }).fill('បានរកឃើញម្តាយរបស់នាងនៅបាត់ដំបង');
  });
  await expect(kh.getByText(khmer('crossBorderReferral.status.completed'), { exact: true }).first()).toBeVisible();

  // 3. Thailand reads the outcome on its own referral.
  await th.goto(`/cross-border-referrals/${referralId}`);
  await expect(async () => {
    await th.reload();
    await expect(th.getByText(label('crossBorderReferral.status.completed'), { exact: true }).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(th.getByText('បានរកឃើញម្តាយរបស់នាងនៅបាត់ដំបង')).toBeVisible();
});
