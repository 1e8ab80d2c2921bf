import { expect, type Page, test } from '@playwright/test';
import { catalogue } from './catalogue';

const en = catalogue('en');
const th = catalogue('th');
const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Seamless-demo-2026';

/** Every CSP violation the page reports, kept on the window so navigations can be read back. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const store = window as { cspViolations?: string[] };
      store.cspViolations = store.cspViolations ?? [];
      store.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

const violationsOn = (page: Page) => page.evaluate(() => (window as { cspViolations?: string[] }).cspViolations ?? []);

test('the app renders under a CSP without unsafe-inline or eval, and nothing breaks it', async ({ page }) => {
  await recordViolations(page);
  const shell = await page.goto('/');
  const policy = shell?.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/style-src 'self' 'nonce-[^']+'/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).toContain("frame-ancestors 'none'");

  await page.getByLabel(en.signIn.username).fill('th.socialworker');
  await page.locator('input[type=password]').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: en.signIn.submit }).click();
  await expect(page.getByRole('link', { name: th.nav.cases, exact: true })).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);

  // Mantine's theme variables arrive as style elements: applied only because they carry the nonce.
  const styles = await page.evaluate(() => [...document.querySelectorAll('style')].map((style) => style.nonce.length > 0));
  expect(styles.length).toBeGreaterThan(0);
  expect(styles.every(Boolean)).toBe(true);
  const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--mantine-primary-color-filled'));
  expect(primary.trim()).not.toBe('');

  for (const url of ['/cases', '/cases/new']) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    expect(await violationsOn(page), url).toEqual([]);
  }
  // A dropdown renders in a portal with positioning styles of its own.
  await page.getByRole('button', { name: th.shell.userMenu.replace('{{name}}', 'Nok Wongsakul') }).click();
  await expect(page.getByRole('menuitem', { name: th.shell.signOut })).toBeVisible();
  expect(await violationsOn(page)).toEqual([]);
});
