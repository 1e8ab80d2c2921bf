import { expect, type Page, test } from '@playwright/test';
import { catalogue } from './catalogue';
import { fillDate } from './dateInput';
import { type Locale, PHONE, signInWith } from './onboardingSession';
import { expectNoSidewaysScroll, textPattern } from './pageChecks';
import { escapeRegExp, giveAccountThaiBack } from './thaiSession';

/**
 * Issue 14's acceptance: the first hour of a hotline operator, a social worker and a data officer,
 * on a 360 px phone in Thai and in Burmese, as a newcomer works — through the navigation, with a
 * reload in the middle of the intake and of the interview that loses nothing.
 */
type Strings = ReturnType<typeof catalogue>;

/** Through the navigation drawer, as a phone user gets anywhere. */
async function openFromNavigation(page: Page, t: Strings, name: string) {
  await page.getByRole('button', { name: t.shell.openNavigation }).click();
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

async function pick(page: Page, label: string, option: string | RegExp, typed?: string) {
  const box = page.getByRole('combobox', { name: label, exact: true });
  await box.click();
  if (typed) {
    // Typed into a searchable list, the first match is taken with the keyboard, as on a phone's
    // keyboard; the list may open off the foot of the screen, above the action bar's Save.
    await box.fill(typed);
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect(box).toHaveValue(typeof option === 'string' ? new RegExp(`^${escapeRegExp(option)}`) : option);
    return;
  }
  await page
    .getByRole('listbox')
    .getByRole('option', { name: typeof option === 'string' ? new RegExp(`^${escapeRegExp(option)}`) : option })
    .first()
    .click();
}

/** Drafts are written a moment after the last keystroke. */
async function draftWritten(page: Page) {
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('seamless.draft.')).length))
    .toBeGreaterThan(0);
  await page.waitForTimeout(600);
}

for (const locale of ['th', 'my'] as Locale[]) {
  const t = catalogue(locale);
  const familyName = `Firsthour${locale === 'th' ? 'Thai' : 'Burmese'}`;
  const account = `She was recruited at the market and kept on the boat without pay (${locale})`;

  test.describe(`first hour at 360 px in ${locale === 'th' ? 'Thai' : 'Burmese'}`, () => {
    // The social worker takes the case the hotline recorded.
    test.describe.configure({ mode: 'serial' });
    let caseId = '';

    test('the hotline operator records a call, reloads halfway, sees the possible matches and saves', async ({ browser }) => {
      test.setTimeout(150_000);
      const page = await signInWith(browser, 'th.hotline', locale, PHONE);
      await expectNoSidewaysScroll(page);
      await openFromNavigation(page, t, t.nav.cases);
      await page
        .getByRole('link', { name: t.caseload.newIntake })
        .or(page.getByRole('button', { name: t.caseload.newIntake }))
        .first()
        .click();
      await expect(page).toHaveURL(/\/cases\/new/);

      await pick(page, t.caseload.intake.channel, t.vocab.intakeChannel.hotline_call);
      await pick(page, t.caseload.intake.urgency, t.vocab.urgency.urgent);
      const given = page.getByRole('textbox', { name: t.caseload.intake.givenName, exact: true });
      const family = page.getByRole('textbox', { name: t.caseload.intake.familyName, exact: true });
      const story = page.getByRole('textbox', { name: t.caseload.intake.narrative });
      await given.fill('Hnin');
      await family.fill(familyName);
      await story.fill(`Called from Mae Sai at night, ${familyName}`);
      await pick(page, t.caseload.intake.gender, t.gender.Feminine);
      await fillDate(page, t.caseload.intake.birthDate, '2002-08-17', locale);
      await draftWritten(page);

      // Halfway through, the page is reloaded (a dropped connection, a tap on the wrong button).
      await page.reload();
      await expect(page.getByText(textPattern(t.drafts.restored))).toBeVisible();
      await expect(given).toHaveValue('Hnin');
      await expect(family).toHaveValue(familyName);
      await expect(story).toHaveValue(`Called from Mae Sai at night, ${familyName}`);
      await expect(page.getByRole('combobox', { name: t.caseload.intake.gender, exact: true })).toHaveValue(t.gender.Feminine);
      const born = page.getByRole('group', { name: t.caseload.intake.birthDate, exact: true });
      await expect(born.getByRole('textbox', { name: t.dateInput.day, exact: true })).toHaveValue(/^(17|១៧|၁၇)$/);

      await page.getByRole('checkbox', { name: t.vocab.exploitationType.ForcedLabour, exact: true }).check();
      await pick(page, t.caseload.intake.assignTo, /เชียงราย|Chiang Rai/, 'เชียงราย');

      // The possible matches come before Save on a phone, and say they searched only what she may see.
      const matches = page.getByRole('region', { name: t.matching.title });
      const save = page.getByRole('button', { name: t.caseload.intake.submit });
      await expect(matches.getByText(t.matchingScope.note)).toBeVisible();
      // Save stays in the phone's action bar at the foot of the screen; the matches show above it.
      await matches.scrollIntoViewIfNeeded();
      expect((await matches.boundingBox())!.y).toBeLessThan((await save.boundingBox())!.y);
      await expectNoSidewaysScroll(page);

      await save.click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
      caseId = page.url().match(/\/cases\/([0-9a-f-]{36})/)![1]!;
      const recorded = await (await page.request.get(`/api/cases/${caseId}`)).json();
      expect(recorded).toMatchObject({ urgency: 'urgent', exploitationTypes: ['ForcedLabour'], ownerUserId: null });
      expect(recorded.displayName).toContain(familyName);
      await expect(page.getByTestId('case-journey')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: test.info().outputPath(`hotline-${locale}-360.png`) });
      await giveAccountThaiBack(page);
    });

    test('the social worker finds the case, takes it, interviews with a reload in the middle, and decides', async ({ browser }) => {
      test.setTimeout(180_000);
      expect(caseId, 'the hotline journey recorded the case').not.toBe('');
      const page = await signInWith(browser, 'th.socialworker', locale, PHONE);
      await openFromNavigation(page, t, t.nav.cases);
      await page.goto(`/cases?q=${familyName}`);
      await page.getByRole('main').getByRole('link', { name: /^TH-/ }).first().click();
      await expect(page).toHaveURL(new RegExp(caseId));

      await page.getByRole('button', { name: t.caseRecord.header.take }).click();
      const next = page.getByTestId('journey-next-action');
      await expect(next).toBeVisible();
      await next.click();
      await expect(page.getByRole('tab', { name: t.caseRecord.tabs.identification, selected: true })).toBeVisible();
      await expectNoSidewaysScroll(page);

      await page.getByRole('button', { name: t.caseRecord.interview.new }).click();
      let dialog = page.getByRole('dialog', { name: t.caseRecord.interview.newTitle });
      for (const indicator of ['recruitment', 'deception', 'forced_labour']) {
        await dialog.getByRole('checkbox', { name: t.identification.indicator[indicator], exact: true }).check();
      }
      await dialog.getByRole('textbox', { name: t.caseRecord.interview.account }).fill(account);
      await dialog.getByRole('textbox', { name: t.caseRecord.interview.place, exact: true }).fill('Chiang Rai');
      await draftWritten(page);

      await page.reload();
      await page.getByRole('tab', { name: t.caseRecord.tabs.identification }).click();
      await page.getByRole('button', { name: t.caseRecord.interview.new }).click();
      dialog = page.getByRole('dialog', { name: t.caseRecord.interview.newTitle });
      await expect(dialog.getByText(textPattern(t.drafts.restored))).toBeVisible();
      await expect(dialog.getByRole('textbox', { name: t.caseRecord.interview.account })).toHaveValue(account);
      await expect(dialog.getByRole('textbox', { name: t.caseRecord.interview.place, exact: true })).toHaveValue('Chiang Rai');
      await expect(dialog.getByRole('checkbox', { name: t.identification.indicator.forced_labour, exact: true })).toBeChecked();
      await dialog.getByRole('switch', { name: t.caseRecord.interview.completed }).check();
      await dialog.getByRole('button', { name: t.caseRecord.interview.save }).click();
      await expect(dialog).toBeHidden();

      await page.getByRole('radio', { name: t.traffickingStatus.Presumed, exact: true }).check();
      await pick(page, t.caseRecord.decision.decidingAgency, /ATPD/, 'ATPD');
      await page.getByRole('textbox', { name: t.caseRecord.decision.decidedBy, exact: true }).fill('Pol. Lt. Col. Somchai');
      await page.getByRole('textbox', { name: t.caseRecord.decision.reasons, exact: true }).fill('Deceived about the job, wages withheld');
      await page.getByRole('button', { name: t.caseRecord.decision.save }).click();
      await expect(page.getByRole('status').filter({ hasText: t.traffickingStatus.Presumed }).first()).toBeVisible();
      await expectNoSidewaysScroll(page);

      const identification = await (await page.request.get(`/api/cases/${caseId}/identification`)).json();
      expect(identification.interviews).toHaveLength(1);
      expect(identification.interviews[0]).toMatchObject({ status: 'completed', account });
      expect((await (await page.request.get(`/api/cases/${caseId}`)).json()).traffickingStatus).toBe('Presumed');
      // Saved, the interview leaves no draft on the device.
      await expect
        .poll(() => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('seamless.draft.')).length))
        .toBe(0);
      await page.screenshot({ path: test.info().outputPath(`socialworker-${locale}-360.png`), fullPage: true });
      await giveAccountThaiBack(page);
    });

    test('the data officer reads the national figures and finds the HTCDS import', async ({ browser }) => {
      test.setTimeout(120_000);
      const page = await signInWith(browser, 'th.data', locale, PHONE);
      await openFromNavigation(page, t, t.nav.statistics);
      await expect(page).toHaveURL(/\/statistics$/);
      const figures = page.getByRole('main').getByRole('table').first();
      await expect(figures).toBeVisible();
      // Counts are written in the language's own digits (Myanmar digits in Burmese).
      const digits = locale === 'my' ? /[၀-၉]/ : /[0-9]/;
      await expect(figures).toContainText(digits);
      await expectNoSidewaysScroll(page);
      await page.screenshot({ path: test.info().outputPath(`data-officer-${locale}-360.png`) });

      await openFromNavigation(page, t, t.nav.htcdsImport);
      await expect(page).toHaveURL(/\/data\/import/);
      await expect(page.locator('input[type=file]')).toBeAttached();
      await expectNoSidewaysScroll(page);
      await giveAccountThaiBack(page);
    });
  });
}
