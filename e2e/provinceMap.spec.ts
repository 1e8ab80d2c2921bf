import { expect, test } from '@playwright/test';
import { PROVINCES } from '../packages/contracts/src/provinces';
import { escapeRegExp, label, signIn } from './thaiSession';

const THAI_PROVINCE = new RegExp(PROVINCES.TH.map((province) => escapeRegExp(province.localName)).join('|'));

/**
 * Issue 13's map of aggregates by province: the ministry's data officer reads the cases opened in
 * the last two years by province in Thai, on a map of Thailand drawn from the bundled boundaries.
 */
test('th.data sees the cases opened by province on a map of Thailand, named in Thai', async ({ browser }) => {
  const page = await signIn(browser, 'th.data');
  // Two whole years: the demo's intakes were taken over the last 300 days.
  const year = new Date().getFullYear();
  await page.goto(`/statistics?from=${year - 1}&to=${year}`);
  await expect(page.getByRole('heading', { name: label('statistics.title'), level: 1 })).toBeVisible();

  await page.getByRole('combobox', { name: label('statistics.figure'), exact: true }).click();
  await page.getByRole('option', { name: label('statistics.key.cases_opened.name'), exact: true }).click();
  await page.getByRole('combobox', { name: label('statistics.breakdown.first'), exact: true }).click();
  await page.getByRole('option', { name: label('statistics.breakdown.province'), exact: true }).click();
  await expect(page).toHaveURL(/by=province/);

  const map = page.getByRole('img', { name: new RegExp(`^${escapeRegExp(label('statistics.map.label').split(':')[0]!)}:`) });
  await expect(map).toBeVisible();
  await expect(map).toHaveAttribute('aria-label', /เชียงราย \d+/);
  await expect(map).toHaveAttribute('aria-label', /< 5/);
  await expect(map.locator('canvas')).toBeVisible();
  // The table names the provinces as the map does.
  await expect(page.getByRole('rowheader', { name: 'เชียงราย', exact: true }).first()).toBeVisible();
  await expect(page.getByText(label('statistics.map.attribution'))).toBeVisible();

  const card = page.locator('.mantine-Card-root').filter({ has: map });
  await card.screenshot({ path: 'test-results/province-map.png' });

  // Across the middle of the map, where Thailand is widest: a tooltip names a province and what was published for it.
  const box = (await map.boundingBox())!;
  for (const x of [0.3, 0.4, 0.5, 0.6]) await page.mouse.move(box.x + box.width * x, box.y + box.height * 0.4, { steps: 4 });
  await expect(page.getByText(THAI_PROVINCE).and(page.locator(`xpath=//div[contains(., ': ')]`)).first()).toBeVisible();
});
