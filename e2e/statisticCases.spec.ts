import { expect, test } from '@playwright/test';
import { escapeRegExp, label, pickOption, signIn } from './thaiSession';

const CHIANG_RAI = /\(PSDHS Chiang Rai\)$/;
/** The demo's cases were all opened in the last ten months: this year, in the Buddhist era. */
const THIS_YEAR = String(new Date().getFullYear() + 543);

/** The drawer's page size (CellCasesDrawer). */
const CASES_PER_PAGE = 20;
/** The number in a catalogue sentence such as "คดีที่คุณเปิดดูได้: 5". */
const countIn = (text: string) => Number(text.replace(/\D+/g, ''));

/**
 * Issue 13's drill-down and reconciliation down to the records: the head of the Chiang Rai
 * office reads the national figure of cases opened this year, opens the cases behind it (her
 * office's only) and one of them; then enters the number her office's annual return printed and
 * reads the records behind it, with what makes the two differ.
 */
test('th.officehead opens the cases behind a figure and the records behind a reported line', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signIn(browser, 'th.officehead');
  await page.goto('/statistics?statistic=cases_opened&by=sex');
  await expect(page.getByRole('heading', { name: label('statistics.title'), level: 1 })).toBeVisible();
  await expect(page.getByText(label('statisticCases.hint')).first()).toBeVisible();

  const figureTable = page.getByRole('table').first();
  await figureTable.locator('tfoot').getByRole('button').last().click();
  const drawer = page.getByRole('dialog', { name: label('statisticCases.title') });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText(label('statisticCases.scope'))).toBeVisible();
  const total = drawer.getByText(new RegExp(`^${escapeRegExp(label('statisticCases.total').replace('{{total}}', ''))}`));
  await expect(total).toBeVisible();
  const listed = drawer.getByRole('link', { name: /^TH-/ });
  await expect(listed.first()).toBeVisible();
  // The drawer lists twenty a page; specs before this one may have opened more cases in Chiang Rai.
  expect(await listed.count()).toBe(Math.min(countIn(await total.innerText()), CASES_PER_PAGE));
  await page.screenshot({ path: 'test-results/e2e-statistic-cases.png', fullPage: true });
  await listed.first().click();
  await expect(page).toHaveURL(/\/cases\/[0-9a-f-]{36}$/);

  await page.getByRole('link', { name: label('nav.reconciliation'), exact: true }).click();
  await pickOption(page, label('reconciliation.choice.agency'), CHIANG_RAI);
  await pickOption(page, label('statistics.figure'), label('statistics.key.cases_opened.name'));
  await pickOption(page, label('statistics.period.year'), THIS_YEAR);
  await page.getByRole('textbox', { name: label('reconciliation.choice.source'), exact: true }).fill('Provincial return');
  await page.getByRole('textbox', { name: label('reconciliation.enter.total'), exact: true }).fill('40');
  await page.getByRole('button', { name: label('reconciliation.enter.submit') }).click();
  await expect(page).toHaveURL(/\/statistics\/reconciliation\/[0-9a-f-]{36}$/);

  const lines = page.getByRole('region', { name: label('reconciliation.table.label') }).getByRole('table');
  await lines
    .locator('tfoot')
    .getByRole('button', { name: label('reconciliation.records.openLine').replace('{{line}}', label('reconciliation.table.total')) })
    .click();
  const records = page.getByRole('dialog', { name: label('reconciliation.records.title') });
  await expect(records).toBeVisible();
  const [before] = label('reconciliation.records.counted').split('{{cases}}');
  await expect(records.getByText(new RegExp(`^${escapeRegExp(before!)}`))).toBeVisible();
  await expect(records.getByText(label('reconciliation.records.missing'))).toBeVisible();
  const recordLinks = records.getByRole('link', { name: /^TH-/ });
  await expect(recordLinks.first()).toBeVisible();
  await page.screenshot({ path: 'test-results/e2e-line-records.png', fullPage: true });
});
