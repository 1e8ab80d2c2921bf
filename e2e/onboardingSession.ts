import { type Browser, expect, type Page } from '@playwright/test';
import { catalogue } from './catalogue';

export type Locale = 'en' | 'th' | 'my';
export const PHONE = { width: 360, height: 780 };
export const LAPTOP = { width: 1366, height: 820 };
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Seamless-demo-2026';

/**
 * Signs in and switches the interface to the language asked for, whatever language the account
 * was left in by an earlier journey (the choice is saved on the account). Every catalogue names
 * each language in its own script, so the option reads the same from any language.
 */
export async function signInWith(browser: Browser, username: string, locale: Locale, viewport = LAPTOP): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'th-TH', viewport: LAPTOP });
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('seamless.locale', 'th'));
  await page.reload();
  const th = catalogue('th');
  await page.getByLabel(th.signIn.username).fill(username);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: th.signIn.submit }).click();
  const language = page.getByRole('banner').getByRole('combobox');
  await expect(language).toBeVisible();
  if ((await page.locator('html').getAttribute('lang')) !== locale) {
    await language.click();
    await page.getByRole('option', { name: catalogue(locale).language[locale] }).click();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await page.setViewportSize(viewport);
  return page;
}

/** A write as the signed-in browser makes it: same origin, the session's CSRF token. */
export async function postAs(page: Page, path: string, data: unknown) {
  const origin = new URL(page.url()).origin;
  const csrf = (await page.context().cookies(origin)).find((cookie) => cookie.name === 'csrf_token')?.value ?? '';
  const response = await page.request.post(path, { headers: { origin, 'x-csrf-token': csrf }, data });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response.json();
}
