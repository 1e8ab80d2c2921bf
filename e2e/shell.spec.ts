import { expect, type Page, test } from '@playwright/test';
import { catalogue } from './catalogue';

const en = catalogue('en');
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Seamless-demo-2026';

/** The Noto family each complex script must be drawn with. */
const SCRIPT_FONTS: Record<string, string> = { th: 'Noto Sans Thai', km: 'Noto Sans Khmer', lo: 'Noto Sans Lao', my: 'Noto Sans Myanmar' };

/** Switches the shell's language and waits until the account has saved the choice. */
async function switchLanguage(page: Page, from: string, to: string) {
  const saved = page.waitForResponse(
    (response) => response.url().endsWith('/api/auth/preferences') && response.request().method() === 'PATCH',
  );
  await page.getByRole('combobox', { name: catalogue(from).shell.language }).click();
  await page.getByRole('option', { name: catalogue(to).language[to] }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
  expect((await saved).status()).toBe(200);
}

/** True when the script's font is loaded and actually covers the text shown (not a fallback box). */
async function fontRenders(page: Page, family: string, text: string) {
  return page.evaluate(
    async ({ family, text }) => {
      await document.fonts.ready;
      await document.fonts.load(`16px "${family}"`, text);
      const loaded = [...document.fonts].some((face) => face.family.replaceAll('"', '') === family && face.status === 'loaded');
      return loaded && document.fonts.check(`16px "${family}"`, text);
    },
    { family, text },
  );
}

test('a social worker signs in, reads the shell in Khmer, Thai, Lao and Burmese, and signs out', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel(en.signIn.username).fill('th.socialworker');
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: en.signIn.submit }).click();

  // The demo social worker works in Thai: the shell opens in her language.
  const th = catalogue('th');
  await expect(page.getByRole('link', { name: th.nav.cases, exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');

  let current = 'th';
  for (const locale of ['km', 'th', 'lo', 'my']) {
    if (locale !== current) await switchLanguage(page, current, locale);
    current = locale;
    const strings = catalogue(locale);
    const cases = page.getByRole('link', { name: strings.nav.cases, exact: true });
    await expect(cases).toBeVisible();
    await expect(page.getByText(strings.caseload.tasks.title, { exact: true })).toBeVisible();
    expect(await fontRenders(page, SCRIPT_FONTS[locale]!, strings.nav.cases)).toBe(true);
    await page.screenshot({ path: `test-results/shell-${locale}.png`, fullPage: true });
  }

  // The choice is kept on the account: a reload stays in Burmese.
  await page.reload();
  await expect(page.getByRole('link', { name: catalogue('my').nav.cases, exact: true })).toBeVisible();

  await page.getByRole('button', { name: catalogue('my').shell.userMenu.replace('{{name}}', 'Nok Wongsakul') }).click();
  await page.getByRole('menuitem', { name: catalogue('my').shell.signOut }).click();
  await expect(page.getByRole('button', { name: catalogue('my').signIn.submit })).toBeVisible();
  const me = await page.request.get('/api/auth/me');
  expect(me.status()).toBe(401);
});
