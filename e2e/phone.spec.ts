import { type Browser, expect, type Page, test } from '@playwright/test';
import { catalogue, inDigits } from './catalogue';
import { expectNoSidewaysScroll } from './pageChecks';
import { escapeRegExp } from './thaiSession';

/** A cheap Android phone, the screen social workers in district offices carry. */
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1366, height: 768 };
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Seamless-demo-2026';
const en = catalogue('en');

/** Signs in at the given size with the interface in the given language. */
async function signInAs(browser: Browser, username: string, locale: 'th' | 'my', viewport = PHONE): Promise<Page> {
  const text = catalogue(locale);
  const context = await browser.newContext({ viewport, locale: locale === 'th' ? 'th-TH' : 'my-MM' });
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate((chosen) => localStorage.setItem('seamless.locale', chosen), locale);
  await page.reload();
  await page.getByLabel(text.signIn.username).fill(username);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: text.signIn.submit }).click();
  // The signed-in shell, in the account's own language, which sign-in applies.
  await expect(page.locator('#main-content')).toBeVisible();
  const lang = await page.locator('html').getAttribute('lang');
  if (lang !== locale) {
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/auth/preferences') && response.request().method() === 'PATCH',
    );
    await page.getByRole('combobox', { name: catalogue(lang ?? 'en').shell.language }).click();
    await page.getByRole('option', { name: text.language[locale] }).click();
    expect((await saved).status()).toBe(200);
  }
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  return page;
}

async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: false });
}

const caseCards = (page: Page) =>
  page
    .getByRole('main')
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: /^TH-/ }) });

for (const locale of ['th', 'my'] as const) {
  const text = catalogue(locale);

  test.describe(`at 360 px in ${locale === 'th' ? 'Thai' : 'Burmese'}`, () => {
    test('the caseload shows its first case without scrolling, and its filters open, apply and count', async ({ browser }) => {
      const page = await signInAs(browser, 'th.socialworker', locale);
      await page.goto('/cases');
      const first = caseCards(page).first();
      await expect(first).toBeVisible();
      expect(await page.getByRole('table').count()).toBe(0);
      const box = await first.boundingBox();
      expect(box, 'first case card').not.toBeNull();
      expect(box!.y + Math.min(box!.height, 80)).toBeLessThanOrEqual(PHONE.height);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `caseload-${locale}-360`);

      await page.getByRole('button', { name: text.layout.filters.replace('{{count}}', inDigits(0, locale)) }).click();
      const drawer = page.getByRole('dialog', { name: text.layout.filtersTitle });
      await expect(drawer).toBeVisible();
      await drawer.getByRole('combobox', { name: text.caseload.fields.status, exact: true }).click();
      await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(text.caseStatus.Active)}$`) }).click();
      await screenshot(page, `caseload-filters-${locale}-360`);
      await drawer.getByRole('button', { name: text.layout.showResults }).click();
      await expect(drawer).toBeHidden();
      await expect(page).toHaveURL(/status=Active/);
      await expect(page.getByRole('button', { name: text.layout.filters.replace('{{count}}', inDigits(1, locale)) })).toBeVisible();
      await expect(caseCards(page).first()).toBeVisible();
    });

    test('a case page, its follow-up and the directory fit the phone; the home page lists each person once, by urgency', async ({
      browser,
    }) => {
      const page = await signInAs(browser, 'th.socialworker', locale);

      // Home: one card per person, under headings by urgency, and what arrived since the last visit.
      await expect(page.getByRole('heading', { name: text.home.arrivals.title })).toBeVisible();
      const bands = Object.values(text.home.urgency as Record<string, string>).map((band) =>
        escapeRegExp(band.split(' (')[0]!.split('（')[0]!),
      );
      const bandHeadings = page.getByRole('heading', { level: 3, name: new RegExp(`^(${bands.join('|')})`) });
      await expect(bandHeadings.first()).toBeVisible();
      // Each person's card is a section named after her; the urgency bands are named by their heading.
      const references = await page.locator('section[aria-label]').getByRole('link', { name: /^TH-/ }).allTextContents();
      expect(references.length).toBeGreaterThan(0);
      expect(new Set(references).size, 'one entry per case').toBe(references.length);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `home-${locale}-360`);

      await page.goto('/cases?scope=mine');
      await caseCards(page).first().getByRole('link', { name: /^TH-/ }).click();
      await expect(page.getByRole('heading', { level: 1, name: /TH-/ })).toBeVisible();
      // Her own case: emergency access would open nothing, so it is not offered.
      await expect(page.getByRole('button', { name: text.caseRecord.breakGlass.open })).toHaveCount(0);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `case-${locale}-360`);

      await page.getByRole('tab', { name: text.caseRecord.tabs.followUp }).click();
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await page.waitForLoadState('networkidle');
      await expectNoSidewaysScroll(page);
      await screenshot(page, `follow-up-${locale}-360`);

      await page.goto('/directory');
      const organisations = page.getByRole('main').getByRole('heading', { level: 3 });
      await expect(organisations.first()).toBeVisible();
      expect(await page.getByRole('table').count()).toBe(0);
      await expectNoSidewaysScroll(page);
      await screenshot(page, `directory-${locale}-360`);
    });
  });

  test(`the caseload and home page at 1366 px in ${locale === 'th' ? 'Thai' : 'Burmese'} keep the desktop table`, async ({ browser }) => {
    const page = await signInAs(browser, 'th.socialworker', locale, LAPTOP);
    await screenshot(page, `home-${locale}-1366`);
    await page.goto('/cases');
    await expect(page.getByRole('table')).toBeVisible();
    await expect(page.getByRole('combobox', { name: text.caseload.fields.status, exact: true })).toBeVisible();
    await screenshot(page, `caseload-${locale}-1366`);
  });
}

test('a throttled caseload waits, says so in Thai, and shows the cases without a blank page', async ({ browser }) => {
  const th = catalogue('th');
  const page = await signInAs(browser, 'th.socialworker', 'th');
  let refused = 0;
  // Imitates a proxy or the server's limiter answering 429 to the list's first request only:
  // exhausting the real limiter would slow every other journey sharing this server.
  await page.route(/\/api\/cases\?/, async (route) => {
    if (refused > 0) return route.continue();
    refused++;
    await route.fulfill({
      status: 429,
      headers: { 'content-type': 'application/problem+json', 'retry-after': '3' },
      body: JSON.stringify({
        type: 'urn:seamless:problem:too_many_requests',
        title: 'Too Many Requests',
        status: 429,
        code: 'too_many_requests',
      }),
    });
  });
  await page.goto('/cases');
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toContainText(th.connection.busy.title);
  await expect(banner).toContainText(th.connection.busy.waiting.split('{{count}}')[0]!);
  await screenshot(page, 'throttled-th-360');
  await expect(caseCards(page).first()).toBeVisible({ timeout: 15_000 });
  await expect(banner).toBeHidden();
  expect(refused).toBe(1);
  expect(en.connection.busy.title).not.toBe(th.connection.busy.title);
});
