import { expect, type Locator, type Page, test } from '@playwright/test';
import { catalogue } from './catalogue';
import { fillDate } from './dateInput';
import { signIn } from './thaiSession';

const th = catalogue('th');
const my = catalogue('my');

/** Switches the shell's language, as a person does from the header. */
async function switchLanguage(page: Page, from: string, to: string) {
  await page.getByRole('combobox', { name: catalogue(from).shell.language, exact: true }).click();
  await page
    .getByRole('listbox')
    .getByRole('option', { name: catalogue(to).language[to] })
    .click();
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

/** The accessible names of a date input's fields, left to right. */
async function fieldOrder(group: Locator): Promise<string[]> {
  return group.locator('input, select').evaluateAll((fields) => fields.map((field) => field.getAttribute('aria-label') ?? ''));
}

/** Picks options of a multi-select by their visible names. */
async function choose(page: Page, name: string, options: string[]) {
  const input = page.getByRole('combobox', { name, exact: true });
  for (const option of options) {
    await input.click();
    await page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
  }
  await page.keyboard.press('Escape');
}

/** Help text whose lines are spaced for stacked marks: at least 14 px and 1.6 times the font size apart. */
async function helpTextSpacing(page: Page): Promise<{ size: number; ratio: number }[]> {
  return page.locator('.mantine-InputWrapper-description').evaluateAll((elements) =>
    elements.map((element) => {
      const style = getComputedStyle(element);
      const size = Number.parseFloat(style.fontSize);
      return { size, ratio: Number.parseFloat(style.lineHeight) / size };
    }),
  );
}

/** Chosen values cut short: a pill label narrower than its text, or drawn with an ellipsis. */
async function cutPills(page: Page): Promise<string[]> {
  return page
    .locator('.mantine-Pill-label')
    .evaluateAll((labels) =>
      labels
        .filter((label) => label.scrollWidth > label.clientWidth + 1 || getComputedStyle(label).textOverflow === 'ellipsis')
        .map((label) => label.textContent ?? ''),
    );
}

for (const width of [360, 1366]) {
  test(`intake in Thai and Burmese at ${width} px: dates in the reader's order and era, names in the reader's language, help and chosen values readable`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const page = await signIn(browser, 'th.hotline');
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/cases/new');

    // Thai: day, month by name, Buddhist-era year; stored as the Common-era date.
    const birthDate = page.getByRole('group', { name: th.caseload.intake.birthDate, exact: true });
    await expect(birthDate).toBeVisible();
    expect(await fieldOrder(birthDate)).toEqual([th.dateInput.day, th.dateInput.month, th.dateInput.yearBuddhistEra]);
    await expect(birthDate.getByRole('combobox').locator('option', { hasText: 'เมษายน' })).toHaveCount(1);
    await fillDate(page, th.caseload.intake.birthDate, '2003-04-12', 'th');
    await expect(page.getByText(/12 เม\.ย\. 2546/)).toBeVisible();
    await birthDate.getByRole('textbox', { name: th.dateInput.yearBuddhistEra }).fill('2003');
    await page.getByRole('textbox', { name: th.caseload.intake.givenName, exact: true }).click();
    await expect(page.getByText(th.dateInput.implausibleYear.replace('{{example}}', String(new Date().getFullYear() + 543)))).toBeVisible();
    await birthDate.getByRole('textbox', { name: th.dateInput.yearBuddhistEra }).fill('2546');

    const thaiValues = [th.vocab.spokenLanguage.tts, th.vocab.spokenLanguage.nod, th.vocab.spokenLanguage.kac];
    await choose(page, th.caseload.intake.languages, thaiValues);
    expect(await cutPills(page)).toEqual([]);
    for (const { size, ratio } of await helpTextSpacing(page)) {
      expect(size).toBeGreaterThanOrEqual(13);
      expect(ratio).toBeGreaterThanOrEqual(1.5);
    }
    await birthDate.locator('xpath=ancestor::fieldset[1]').screenshot({ path: testInfo.outputPath(`intake-th-${width}.png`) });

    // Burmese: the same date kept, now in Burmese month names and the Common era; countries in Burmese.
    await switchLanguage(page, 'th', 'my');
    const burmeseBirthDate = page.getByRole('group', { name: my.caseload.intake.birthDate, exact: true });
    await expect(burmeseBirthDate).toBeVisible();
    expect(await fieldOrder(burmeseBirthDate)).toEqual([my.dateInput.day, my.dateInput.month, my.dateInput.year]);
    await expect(burmeseBirthDate.getByRole('textbox', { name: my.dateInput.year })).toHaveValue('2003');
    await expect(burmeseBirthDate.getByRole('combobox')).toHaveValue('4');
    await expect(burmeseBirthDate.getByRole('combobox').locator('option:checked')).toHaveText('ဧပြီ');
    await choose(page, my.caseload.intake.citizenship, [my.countryName.MM]);
    expect(await cutPills(page)).toEqual([]);
    for (const { size, ratio } of await helpTextSpacing(page)) {
      expect(size).toBeGreaterThanOrEqual(14);
      expect(ratio).toBeGreaterThanOrEqual(1.6);
    }
    await burmeseBirthDate.locator('xpath=ancestor::fieldset[1]').screenshot({ path: testInfo.outputPath(`intake-my-${width}.png`) });

    // Counts in Myanmar digits.
    await page.goto('/cases');
    await expect(page.getByText(new RegExp(`^${my.common.totalResults.replace(/\{\{total[^}]*\}\}/, '[၀-၉][၀-၉,]*')}$`))).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`cases-my-${width}.png`), fullPage: true });
    // The switch is saved to the account; the next sign-in expects Thai.
    await switchLanguage(page, 'my', 'th');
    await page.context().close();
  });
}
