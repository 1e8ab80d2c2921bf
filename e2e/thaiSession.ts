import { type Browser, expect, type Page } from '@playwright/test';
import { catalogue } from './catalogue';

/** Signing in to the demo instance in the Thai interface, shared by the browser journeys. */
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Seamless-demo-2026';
export const th = catalogue('th');
export const en = catalogue('en');

/** A Thai label by catalogue key (English where Thai has none, which the catalogue test forbids). */
export function label(key: string): string {
  const find = (source: unknown) =>
    key
      .split('.')
      .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), source);
  const value = find(th) ?? find(en);
  if (typeof value !== 'string') throw new Error(`no catalogue entry ${key}`);
  return value;
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export async function signIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'th-TH' });
  const page = await context.newPage();
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('seamless.locale', 'th'));
  await page.reload();
  await page.getByLabel(th.signIn.username).fill(username);
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: th.signIn.submit }).click();
  // An earlier journey may have left the account in another language (the choice is saved on it):
  // every catalogue names Thai in Thai, so the option reads the same from any language.
  const language = page.getByRole('banner').getByRole('combobox');
  await expect(language).toBeVisible();
  if ((await page.locator('html').getAttribute('lang')) !== 'th') {
    await language.click();
    await page.getByRole('option', { name: th.language.th }).click();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'th');
  return page;
}

/** Chooses an option of a labelled select: the whole option text, or a pattern. */
export async function pickOption(page: Page, name: string, option: string | RegExp) {
  await page.getByRole('combobox', { name, exact: true }).click();
  await page
    .getByRole('listbox')
    .getByRole('option', { name: typeof option === 'string' ? new RegExp(`^${escapeRegExp(option)}$`) : option })
    .first()
    .click();
}

/** The demo accounts work in Thai; the journeys of other specs expect to find them so. */
export async function giveAccountThaiBack(page: Page) {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'csrf_token')?.value ?? '';
  const saved = await page.request.patch('/api/auth/preferences', { data: { locale: 'th' }, headers: { 'x-csrf-token': csrf } });
  expect(saved.status()).toBe(200);
  await page.context().close();
}
