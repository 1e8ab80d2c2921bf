import { expect, test } from '@playwright/test';
import { RECONCILIATION_VERDICTS } from '../packages/contracts/src/statisticSubmissions';
import { escapeRegExp, label, pickOption, signIn } from './thaiSession';

/** The ministry's agency, as its option reads in the agency picker: name, then acronym. */
const MINISTRY = /\(DATIP\)$/;
/** A past year, offered by the year picker in the Buddhist era (2024 is 2567). */
const YEAR = '2567';
const SEXES = ['female', 'male', 'other', 'unknown'] as const;

const sexLabel = (sex: (typeof SEXES)[number]) => (sex === 'unknown' ? label('common.notRecorded') : label(`shelters.sex.${sex}`));

/**
 * Issue 13's reconciliation: the ministry's data officer enters the figures its annual report
 * printed for a past year, broken down by sex, and reads them beside the figures counted from
 * the ministry's records, one line per sex with a verdict on each.
 */
test('th.data enters an annual report’s figures by sex and reads them beside the computed ones', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signIn(browser, 'th.data');
  await page.getByRole('link', { name: label('nav.reconciliation'), exact: true }).click();
  await expect(page.getByRole('heading', { name: label('reconciliation.title'), level: 1 })).toBeVisible();

  await pickOption(page, label('reconciliation.choice.agency'), MINISTRY);
  await pickOption(page, label('statistics.figure'), label('statistics.key.victims_identified.name'));
  await pickOption(page, label('statistics.period.year'), YEAR);
  await pickOption(page, label('statistics.breakdown.first'), label('statistics.breakdown.sex'));
  await page.getByRole('textbox', { name: label('reconciliation.choice.source'), exact: true }).fill('Annual report');

  await page.getByRole('textbox', { name: sexLabel('female'), exact: true }).fill('12');
  await page.getByRole('textbox', { name: sexLabel('male'), exact: true }).fill('7');
  await page.getByRole('textbox', { name: label('reconciliation.enter.total'), exact: true }).fill('19');
  await page.getByRole('button', { name: label('reconciliation.enter.submit') }).click();

  await expect(page).toHaveURL(/\/statistics\/reconciliation\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: label('statistics.key.victims_identified.name'), level: 1 })).toBeVisible();
  await expect(page.getByText(label('reconciliation.view.summary'), { exact: true })).toBeVisible();

  const table = page.getByRole('region', { name: label('reconciliation.table.label') }).getByRole('table');
  await expect(table).toBeVisible();
  const lines = table.locator('tbody tr');
  const sexes = (await lines.getByRole('rowheader').allInnerTexts()).map((text) => text.trim());
  // One line per sex: every value the ministry reported, and any the records hold that it did not.
  expect(new Set(sexes).size).toBe(sexes.length);
  expect(sexes).toEqual(expect.arrayContaining([sexLabel('female'), sexLabel('male')]));
  for (const sex of sexes) expect(SEXES.map(sexLabel)).toContain(sex);

  const verdict = new RegExp(
    `^(${RECONCILIATION_VERDICTS.map((each) => escapeRegExp(label(`reconciliation.verdict.${each}`))).join('|')})$`,
  );
  for (const line of await lines.all()) await expect(line.getByText(verdict)).toHaveCount(1);
  await expect(table.locator('tfoot').getByText(verdict)).toHaveCount(1);

  const female = lines.filter({ has: page.getByRole('rowheader', { name: sexLabel('female'), exact: true }) });
  await expect(female.getByRole('cell').first()).toHaveText('12');

  await page.getByRole('link', { name: label('reconciliation.view.back') }).click();
  await expect(page.getByRole('cell', { name: 'Annual report', exact: true }).first()).toBeVisible();
});
