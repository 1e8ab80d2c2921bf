import AxeBuilder from '@axe-core/playwright';
import { type Browser, expect, type Locator, type Page, request, test } from '@playwright/test';
import { catalogue } from './catalogue';

/*
 * WCAG 2.2 AA as axe-core measures it, on every main page in English, Thai and Burmese, on a phone
 * and on a desk screen. Each role signs in once; the language is switched on the device only (the
 * account keeps its own, which the other journeys rely on).
 */
// What axe-core measures is the rendered page, the same on either database: CI's embedded run checks it, its PostgreSQL run need not repeat ten minutes of it.
test.skip(Boolean(process.env.DATABASE_URL), 'accessibility is checked on the embedded-database run');
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Seamless-demo-2026';
const LOCALES = ['en', 'th', 'my'] as const;
type TestLocale = (typeof LOCALES)[number];
const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 1366, height: 768 },
];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const BLOCKING = new Set(['serious', 'critical']);
const FOCUS_RING_MIN_PX = 2;

interface Finding {
  state: string;
  locale: TestLocale;
  width: number;
  rule: string;
  impact: string;
  targets: string[];
}

interface PageState {
  name: string;
  /** Brings the page into the state to check, in the given language's labels. */
  open: (page: Page, strings: any) => Promise<void>;
  /** Leaves the state, when the next one cannot be opened from it (an open dialog). */
  close?: (page: Page) => Promise<void>;
}

/** The page has drawn its data: no request in flight and no loader left in the content. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  await expect(page.locator('main .mantine-Loader-root, [role=status] .mantine-Loader-root')).toHaveCount(0, { timeout: 15_000 });
  await transitionsEnded(page);
}

/** Colours are measured half-way through a fade otherwise (drawers, the navigation on resizing). */
async function transitionsEnded(page: Page) {
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
}

function visit(name: string, path: string): PageState {
  return {
    name,
    open: async (page) => {
      await page.goto(path);
      await settled(page);
    },
  };
}

async function check(page: Page, state: string, locale: TestLocale, findings: Finding[]) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  for (const violation of results.violations) {
    if (!BLOCKING.has(violation.impact ?? '')) continue;
    findings.push({
      state,
      locale,
      width: page.viewportSize()?.width ?? 0,
      rule: violation.id,
      impact: violation.impact ?? '',
      targets: violation.nodes.map((node) => `${node.target.join(' ')} ${node.html.slice(0, 100)}`),
    });
  }
}

/**
 * Every state in one language, each looked at on a phone and on a desk screen: resizing does not
 * reload, so each state is opened once.
 */
async function checkAll(page: Page, locale: TestLocale, states: PageState[], findings: Finding[]) {
  await page.evaluate((chosen) => localStorage.setItem('seamless.locale', chosen), locale);
  const strings = catalogue(locale);
  for (const state of states) {
    await page.setViewportSize(VIEWPORTS[0]!);
    await state.open(page, strings);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await transitionsEnded(page);
      await check(page, state.name, locale, findings);
    }
    await state.close?.(page);
  }
}

/** Fails on any finding, naming rule, page, language, width and the elements; attaches the counts per page and language. */
async function report(findings: Finding[]) {
  const counts: Record<string, number> = {};
  for (const finding of findings) {
    const key = `${finding.state} [${finding.locale}]`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  await test.info().attach('serious and critical rule hits per page and language', {
    body: JSON.stringify(counts, null, 2),
    contentType: 'application/json',
  });
  const lines = findings.map(
    (finding) =>
      `${finding.state} [${finding.locale}, ${finding.width} px] ${finding.impact} ${finding.rule}: ${finding.targets.length} × ${finding.targets.slice(0, 5).join(' | ')}`,
  );
  expect(findings, `serious or critical WCAG violations:\n${lines.join('\n')}`).toEqual([]);
}

async function signIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  const en = catalogue('en');
  await page.evaluate(() => localStorage.setItem('seamless.locale', 'en'));
  await page.reload();
  await page.getByLabel(en.signIn.username).fill(username);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: en.signIn.submit }).click();
  // Signing in stores the account's own language on the device: wait for it before choosing another.
  await expect(page.getByRole('button', { name: en.signIn.submit })).toBeHidden();
  await expect(page.locator('#main-content')).toBeVisible();
  return page;
}

async function signedOut(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto('/sign-in');
  return page;
}

/** The demo's identified Cambodian victim: her case has something on every tab. */
async function demoCaseId(page: Page): Promise<string> {
  const cases = await (await page.request.get('/api/cases?pageSize=100')).json();
  const sreymom = cases.items.find((item: { displayName: string }) => /Sreymom/.test(item.displayName));
  expect(sreymom, 'the demo case with a repatriation').toBeTruthy();
  return sreymom.id;
}

function caseTab(caseId: string, tab: string): PageState {
  return {
    name: `case: ${tab}`,
    open: async (page, strings) => {
      if (!page.url().includes(caseId)) {
        await page.goto(`/cases/${caseId}`);
        await settled(page);
      }
      const control = page.getByRole('tab', { name: strings.caseRecord.tabs[tab], exact: true });
      // The previous tab may still be drawing what it fetched, moving the tab list under the click.
      await expect(async () => {
        await control.click();
        await expect(control).toHaveAttribute('aria-selected', 'true', { timeout: 1_000 });
      }).toPass();
      await settled(page);
    },
  };
}

/** The first page a list links to (a meeting, a form, a shelter): the demo's data, whatever its ids. */
function firstLinked(name: string, listPath: string, linkPrefix: string): PageState {
  return {
    name,
    open: async (page) => {
      await page.goto(listPath);
      await settled(page);
      const href = await page.locator(`main a[href^="${linkPrefix}"]`).first().getAttribute('href');
      expect(href, `a link to ${linkPrefix} on ${listPath}`).toBeTruthy();
      await page.goto(href!);
      await settled(page);
    },
  };
}

/** A dialog opened from a case's tab by its button, whose label the catalogue gives. */
function caseDialog(name: string, caseId: string, tab: string, button: (strings: any) => RegExp | string): PageState {
  return {
    name,
    open: async (page, strings) => {
      await page.goto(`/cases/${caseId}`);
      await settled(page);
      await caseTab(caseId, tab).open(page, strings);
      await page
        .getByRole('button', { name: button(strings) })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await settled(page);
    },
    close: closeDialog,
  };
}

/** A dialog opened from a page by its button. */
function pageDialog(name: string, path: string, button: (strings: any) => string): PageState {
  return {
    name,
    open: async (page, strings) => {
      await page.goto(path);
      await settled(page);
      await page
        .getByRole('button', { name: button(strings), exact: true })
        .first()
        .click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await settled(page);
    },
    close: closeDialog,
  };
}

async function closeDialog(page: Page) {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
}

const either = (...labels: string[]) => new RegExp(`^(${labels.map(escapeRegExp).join('|')})$`);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A POST as the signed-in page makes it: its session, the server's own Origin and the CSRF header. */
async function post(page: Page, path: string, data: object) {
  const origin = new URL(page.url()).origin;
  const csrf = (await page.context().cookies(origin)).find((cookie) => cookie.name === 'csrf_token')?.value ?? '';
  return page.request.post(path, { headers: { origin, 'x-csrf-token': csrf }, data });
}

const PARTNER = `http://127.0.0.1:${process.env.E2E_PARTNER_PORT ?? Number(process.env.E2E_PORT ?? 8181) + 1}`;

/** Thailand trusts Cambodia's instance (the suite starts it beside), as its administrator registers it. */
async function trustPartner(baseURL: string): Promise<string> {
  const admin = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
  expect((await admin.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })).status()).toBe(200);
  const csrf = (await admin.storageState()).cookies.find((cookie) => cookie.name === 'csrf_token')?.value ?? '';
  const identity = await (await admin.get(`${PARTNER}/api/federation/identity`)).json();
  const users = await (await admin.get('/api/admin/users?pageSize=200')).json();
  const receiving = users.items.find((user: { username: string }) => user.username === 'th.socialworker');
  const registered = await admin.post('/api/admin/federation/partners', {
    headers: { 'x-csrf-token': csrf },
    data: {
      documentUrl: `${PARTNER}/api/federation/identity`,
      confirmedFingerprint: identity.fingerprint,
      receivingAgencyId: receiving.agencyId,
    },
  });
  expect([201, 409], await registered.text()).toContain(registered.status());
  const { partners } = await (await admin.get('/api/admin/federation')).json();
  await admin.dispose();
  return partners.find((partner: { country: string }) => partner.country === 'KH').id;
}

const ENDED_REPATRIATIONS = ['declined', 'nationality_not_confirmed', 'withdrawn'];

/**
 * The demo victim's repatriation to Cambodia, on her recorded consent. It is withdrawn once looked
 * at: the federation journey asks for her repatriation itself, and a live one would stand in its way.
 */
function repatriationPage(caseId: string, partnerId: string): PageState {
  let repatriationId = '';
  return {
    name: 'repatriation',
    open: async (page) => {
      const { items } = await (await page.request.get(`/api/cases/${caseId}/repatriations`)).json();
      const live = items.find((item: { status: string }) => !ENDED_REPATRIATIONS.includes(item.status));
      if (live) repatriationId = live.id;
      else {
        const consents = await (await page.request.get(`/api/cases/${caseId}/consents`)).json();
        const consent = consents.items.find((item: { purpose: string; active: boolean }) => item.purpose === 'repatriation' && item.active);
        const requested = await post(page, `/api/cases/${caseId}/repatriations`, {
          partnerId,
          consentId: consent.id,
          sections: ['identity'],
          reason: 'She asks to go home to her family.',
        });
        expect(requested.status(), await requested.text()).toBe(201);
        repatriationId = (await requested.json()).id;
      }
      await page.goto(`/repatriations/${repatriationId}`);
      await settled(page);
    },
    close: async (page) => {
      const withdrawn = await post(page, `/api/repatriations/${repatriationId}/withdraw`, { reason: 'Accessibility check' });
      expect(withdrawn.status(), await withdrawn.text()).toBe(200);
    },
  };
}

/** Her referral to Cambodia for legal help, on a consent to referral naming Cambodia; one stays open and is reused. */
function crossBorderReferralPage(caseId: string, partnerId: string): PageState {
  return {
    name: 'cross-border referral',
    open: async (page) => {
      const { items } = await (await page.request.get(`/api/cases/${caseId}/cross-border-referrals`)).json();
      let referralId: string | undefined = items.find((item: { serviceArea: string }) => item.serviceArea === 'legal')?.id;
      if (!referralId) {
        const consent = await post(page, `/api/cases/${caseId}/consents`, {
          purpose: 'referral',
          sections: ['identity'],
          countries: ['KH'],
          givenBy: 'victim',
          givenOn: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date()),
        });
        expect(consent.status(), await consent.text()).toBe(201);
        const sent = await post(page, `/api/cases/${caseId}/cross-border-referrals`, {
          partnerId,
          consentId: (await consent.json()).id,
          serviceArea: 'legal',
          sections: ['identity'],
          reason: 'She needs a lawyer at home for her claim against the recruiter.',
        });
        expect(sent.status(), await sent.text()).toBe(201);
        referralId = (await sent.json()).id;
      }
      await page.goto(`/cross-border-referrals/${referralId}`);
      await settled(page);
    },
  };
}

/** The demo's case in follow-up: its next visit waits to be recorded. */
async function followUpCaseId(page: Page): Promise<string> {
  const cases = await (await page.request.get('/api/cases?pageSize=100')).json();
  const inFollowUp = cases.items.find((item: { status: string }) => item.status === 'FollowUp');
  expect(inFollowUp, 'the demo case in follow-up').toBeTruthy();
  return inFollowUp.id;
}

/** An intake whose name is one the directory already holds: the possible matches show beside it. */
const INTAKE_MATCHES: PageState = {
  name: 'intake: possible matches',
  open: async (page, strings) => {
    await page.goto('/cases/new');
    await settled(page);
    await page.getByRole('textbox', { name: strings.caseload.intake.givenName, exact: true }).fill('Sreymom');
    await page.getByRole('textbox', { name: strings.caseload.intake.familyName, exact: true }).fill('Chan');
    await expect(page.getByRole('region', { name: strings.matching.title })).toBeVisible();
    await settled(page);
  },
};

const CASE_TABS = [
  'overview',
  'identification',
  'consent',
  'notes',
  'timeline',
  'care',
  'followUp',
  'shelter',
  'referrals',
  'repatriation',
];

interface Journey {
  title: string;
  /** Signed out when absent. */
  username?: string;
  states: (page: Page) => Promise<PageState[]>;
}

const JOURNEYS: Journey[] = [
  { title: 'the sign-in page', states: async () => [visit('sign-in', '/sign-in')] },
  {
    title: "a case manager's lists: dashboard, caseload, intake, directory, shelters, referrals, notifications, account",
    username: 'th.socialworker',
    states: async () => [
      visit('dashboard', '/'),
      visit('caseload', '/cases'),
      visit('new intake', '/cases/new'),
      visit('service directory', '/directory'),
      visit('shelters', '/shelters'),
      visit('referrals', '/referrals'),
      visit('repatriations', '/repatriations'),
      visit('case meetings', '/meetings'),
      visit('account', '/account'),
      pageDialog('account: second factor', '/account', (strings) => strings.account.secondFactor.enable),
      visit('user guide', '/guide'),
      visit('user guide: social worker', '/guide/social-worker'),
      {
        name: 'notifications',
        open: async (page, strings) => {
          await page.goto('/');
          await settled(page);
          await page.getByRole('button', { name: new RegExp(`^${strings.notifications.bell}`) }).click();
          await expect(page.getByRole('dialog')).toBeVisible();
          await settled(page);
        },
      },
    ],
  },
  {
    title: "a case's tabs, as its case manager",
    username: 'th.socialworker',
    states: async (page) => {
      const caseId = await demoCaseId(page);
      return CASE_TABS.map((tab) => caseTab(caseId, tab));
    },
  },
  {
    title:
      "a case manager's records and dialogs: meeting, repatriation, cross-border referral, shelter, interview, care plan, referral, placement, follow-up visit, intake matches",
    username: 'th.socialworker',
    states: async (page) => {
      const partnerId = await trustPartner(new URL(page.url()).origin);
      const caseId = await demoCaseId(page);
      const followUpId = await followUpCaseId(page);
      return [
        firstLinked('case meeting', '/meetings', '/meetings/'),
        repatriationPage(caseId, partnerId),
        crossBorderReferralPage(caseId, partnerId),
        firstLinked('shelter and its units', '/shelters', '/shelters/'),
        caseDialog('dialog: interview', caseId, 'identification', (strings) => strings.caseRecord.interview.new),
        caseDialog('dialog: care plan', caseId, 'care', (strings) => either(strings.carePlan.create, strings.carePlan.revise)),
        caseDialog('dialog: referral', caseId, 'referrals', (strings) => strings.referrals.tab.refer),
        caseDialog('dialog: placement', caseId, 'shelter', (strings) => either(strings.shelters.tab.admit, strings.shelters.tab.transfer)),
        caseDialog('dialog: follow-up visit', followUpId, 'followUp', (strings) => strings.followUp.visit.record),
        INTAKE_MATCHES,
      ];
    },
  },
  {
    title: "a data officer's pages: statistics, statistical reports, reported figures, HTCDS import and export",
    username: 'th.data',
    states: async () => [
      visit('statistics', '/statistics'),
      visit('statistical reports', '/statistics/reports'),
      visit('reported figures', '/statistics/reconciliation'),
      visit('HTCDS import', '/data/import'),
      visit('HTCDS export', '/data/export'),
      visit('global collection', '/statistics/global-collection'),
      visit('regional figures', '/statistics/regional'),
    ],
  },
  {
    title: "an agency administrator's pages: users, agencies, audit log",
    username: 'th.agencyadmin',
    states: async () => [visit('users', '/admin/users'), visit('agencies', '/admin/agencies'), visit('audit log', '/admin/audit')],
  },
  {
    title:
      "a system administrator's configuration: roles, forms, picklists, follow-up policies, instruments, federation partners, user form",
    username: 'admin',
    // The partners page lists Cambodia's instance whichever journey runs first.
    states: async (page) => {
      await trustPartner(new URL(page.url()).origin);
      return [
        visit('roles', '/admin/roles'),
        pageDialog('role editor', '/admin/roles', (strings) => strings.roles.create),
        visit('forms and picklists', '/admin/forms'),
        firstLinked('form editor', '/admin/forms', '/admin/forms/'),
        firstLinked('picklist', '/admin/forms?tab=picklists', '/admin/picklists/'),
        visit('follow-up policies', '/admin/follow-up-policies'),
        visit('assessment instruments', '/admin/assessment-instruments'),
        visit('federation partners', '/admin/federation'),
        pageDialog('dialog: user form', '/admin/users', (strings) => strings.users.create),
      ];
    },
  },
];

test.describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  test.describe.configure({ timeout: 240_000 });

  for (const locale of LOCALES) {
    for (const journey of JOURNEYS) {
      test(`${journey.title}, in ${locale}`, async ({ browser }) => {
        const page = journey.username ? await signIn(browser, journey.username) : await signedOut(browser);
        const findings: Finding[] = [];
        await checkAll(page, locale, await journey.states(page), findings);
        await report(findings);
      });
    }
  }
});

/**
 * The focus ring: the widest outline or box-shadow spread, in px, on the focused element or on the
 * box drawn around it (a password field focuses an input inside the visible field).
 */
async function focusRingWidth(page: Page): Promise<number> {
  return page.evaluate(() => {
    const ring = (element: Element) => {
      const style = getComputedStyle(element);
      const outline = style.outlineStyle === 'none' ? 0 : Number.parseFloat(style.outlineWidth) || 0;
      const spreads = [...style.boxShadow.matchAll(/(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px\s+(-?[\d.]+)px/g)].map((match) =>
        Number(match[4]),
      );
      return Math.max(outline, ...spreads);
    };
    const focused = document.activeElement;
    if (!focused || focused === document.body) return 0;
    const around = [focused, focused.parentElement, focused.parentElement?.parentElement].filter((element) => element != null);
    return Math.max(...around.map(ring));
  });
}

/** Tabs forward until the target has focus, checking that every stop shows a visible ring. */
async function tabTo(page: Page, target: Locator, most = 60) {
  for (let presses = 0; presses < most; presses++) {
    // A page may put the focus on its first field itself (the sign-in page does).
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120) ?? '');
    expect(await focusRingWidth(page), `focus ring on ${label}`).toBeGreaterThanOrEqual(FOCUS_RING_MIN_PX);
  }
  if (await target.evaluate((element) => element === document.activeElement)) return;
  throw new Error(`${target} not reached with ${most} presses of Tab`);
}

test('the main journey with the keyboard only, the focus always visible', async ({ page }) => {
  const en = catalogue('en');
  await page.goto('/sign-in');
  await page.evaluate(() => localStorage.setItem('seamless.locale', 'en'));
  await page.reload();

  await tabTo(page, page.getByLabel(en.signIn.username));
  await page.keyboard.type('th.socialworker');
  await tabTo(page, page.locator('input[type=password]'));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  // Signing in stores the account's own language (Thai) on the device; the journey reads English.
  await expect(page.locator('#main-content')).toBeVisible();
  await page.evaluate(() => localStorage.setItem('seamless.locale', 'en'));
  await page.reload();
  const cases = page.getByRole('link', { name: en.nav.cases, exact: true });
  await expect(cases).toBeVisible();

  await tabTo(page, cases);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases$/);
  await settled(page);
  const firstCase = page
    .getByRole('main')
    .getByRole('link', { name: /^(TH|KH)-/ })
    .first();
  await tabTo(page, firstCase, 120);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}/);
  await settled(page);

  const overview = page.getByRole('tab', { name: en.caseRecord.tabs.overview, exact: true });
  await tabTo(page, overview);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: en.caseRecord.tabs.identification, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: en.caseRecord.tabs.identification, exact: true })).toHaveAttribute('aria-selected', 'true');
  expect(await focusRingWidth(page)).toBeGreaterThanOrEqual(FOCUS_RING_MIN_PX);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(overview).toHaveAttribute('aria-selected', 'true');
  await settled(page);

  const edit = page.getByRole('button', { name: en.caseRecord.person.edit, exact: true });
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();

  // A dialog filled and submitted with the keyboard alone: the name typed again as it was, saved with Enter.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const givenName = dialog.getByRole('textbox', { name: en.caseRecord.person.givenName, exact: true });
  const name = await givenName.inputValue();
  await tabTo(page, givenName);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(name);
  await expect(givenName).toHaveValue(name);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(edit).toBeFocused();
  expect(await focusRingWidth(page)).toBeGreaterThanOrEqual(FOCUS_RING_MIN_PX);
});
