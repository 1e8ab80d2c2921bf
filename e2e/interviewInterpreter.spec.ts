import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { catalogue } from './catalogue';
import { escapeRegExp, signIn } from './thaiSession';

/**
 * An interview with an interpreter only requested is saved as a draft, and the form says what to
 * do first (issue 14), in Burmese at a phone's width; the screenshot goes to test-results/.
 */
const my = catalogue('my');
const text = (key: string): string => key.split('.').reduce<any>((node, part) => node?.[part], my);

test('the interview form holds completion while an interpreter is requested, in Burmese at 360 px', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signIn(browser, 'th.socialworker');
  await page.setViewportSize({ width: 360, height: 780 });
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'csrf_token')?.value ?? '';
  const created = await page.request.post('/api/cases', {
    data: { person: { givenName: 'Nang', familyName: 'Seng', gender: 'Feminine', citizenship: ['MM'], languages: ['shn'] } },
    headers: { 'x-csrf-token': csrf },
  });
  expect(created.status(), await created.text()).toBe(201);
  await page.evaluate(() => localStorage.setItem('seamless.locale', 'my'));
  await page.goto(`/cases/${(await created.json()).id}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'my');
  await page.getByRole('tab', { name: text('caseRecord.tabs.identification') }).click();
  await page.getByRole('button', { name: text('caseRecord.interview.new') }).click();
  const dialog = page.getByRole('dialog');
  const completed = dialog.getByRole('switch', { name: text('caseRecord.interview.completed') });
  await expect(completed).toBeEnabled();
  await dialog.getByRole('combobox', { name: text('caseRecord.interview.interpreterLanguage'), exact: true }).click();
  await page
    .getByRole('option', { name: new RegExp(escapeRegExp(text('vocab.spokenLanguage.shn'))) })
    .first()
    .click();
  await expect(completed).toBeDisabled();
  const hint = dialog.getByText(text('fieldChecks.interview.interpreterFirst'));
  await hint.scrollIntoViewIfNeeded();
  await expect(hint).toBeVisible();
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/interview-interpreter-my-360.png' });
});
