import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { label, pickOption, signIn } from './thaiSession';

/** Last year in the Buddhist era, as the Thai pickers write it. */
const LAST_YEAR = new Date().getFullYear() - 1;
const LAST_YEAR_BE = String(LAST_YEAR + 543);

/**
 * Issue 13's publications beyond the national report, in Thai: the data officer takes last year's
 * k-anonymised file for a global data collection, and reads the regional figures page, where her
 * own country has not released the chosen report yet.
 */
test('th.data downloads the global collection file of last year and opens the regional figures', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signIn(browser, 'th.data');
  await page.getByRole('link', { name: label('nav.globalCollection'), exact: true }).click();
  await expect(page.getByRole('heading', { name: label('globalCollection.title'), level: 1 })).toBeVisible();
  await pickOption(page, label('globalCollection.year'), LAST_YEAR_BE);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: label('globalCollection.download.csv') }).click();
  const path = 'test-results/e2e-global-collection.csv';
  await (await download).saveAs(path);
  const text = readFileSync(path, 'utf8');
  // The header says what was done to the rows: the year, k, and no total of persons identified.
  expect(text).toContain(`# Year: ${LAST_YEAR}`);
  expect(text).toContain('# k: 10');
  expect(text).not.toMatch(/Persons identified/);
  expect(text).not.toMatch(/TH-[0-9A-Z]{6}/);

  await page.getByRole('link', { name: label('nav.regionalStatistics'), exact: true }).click();
  await expect(page.getByRole('heading', { name: label('regionalStatistics.title'), level: 1 })).toBeVisible();
  await pickOption(page, label('statisticReports.generate.template'), label('statisticReports.template.asean_actip_annual'));
  await pickOption(page, label('statisticReports.generate.year'), LAST_YEAR_BE);
  await expect(page.getByText(label('regionalStatistics.nothingReleased'))).toBeVisible();
  await expect(page.getByText(label('regionalStatistics.notReleased')).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e-regional-figures.png', fullPage: true });
});
