import { type Browser, expect, type Page } from '@playwright/test';
import { catalogue } from './catalogue';
import { signIn, th } from './thaiSession';

export type Locale = 'en' | 'th' | 'my';
export const PHONE = { width: 360, height: 780 };
export const LAPTOP = { width: 1366, height: 820 };

/** Signs in through the Thai helper, then switches the interface to the language asked for. */
export async function signInWith(browser: Browser, username: string, locale: Locale, viewport = LAPTOP): Promise<Page> {
  const page = await signIn(browser, username);
  await page.setViewportSize(viewport);
  if (locale !== 'th') {
    await page.getByRole('combobox', { name: th.shell.language }).click();
    await page.getByRole('option', { name: catalogue(locale).language[locale] }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
  }
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
