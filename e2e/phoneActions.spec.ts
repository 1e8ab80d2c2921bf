import { expect, type Locator, type Page, test } from '@playwright/test';
import { catalogue } from './catalogue';
import { type Locale, PHONE, postAs, signInWith } from './onboardingSession';
import { giveAccountThaiBack } from './thaiSession';

/**
 * Issue 14 on a 360 px phone in Thai and Burmese: the case's main actions stay on screen in a bar at the bottom
 * that never hides the end of the page, the caseload's scope fits one line in every language, and the Burmese
 * caseload writes every number in Myanmar digits.
 */
const LOCALES = ['en', 'th', 'km', 'lo', 'my', 'vi', 'zh', 'ja'] as const;

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'element on the page').not.toBeNull();
  return found!;
}

async function scrollTo(page: Page, where: 'top' | 'middle' | 'bottom') {
  await page.evaluate((to) => {
    const end = document.documentElement.scrollHeight - window.innerHeight;
    window.scrollTo(0, to === 'top' ? 0 : to === 'middle' ? end / 2 : end);
  }, where);
  await page.waitForTimeout(100);
}

for (const locale of ['th', 'my'] as Locale[]) {
  const t = catalogue(locale);

  test.describe(`at 360 px in ${locale === 'th' ? 'Thai' : 'Burmese'}`, () => {
    test('the case’s actions stay at the bottom of the screen and never hide the end of a long case page', async ({ browser }) => {
      const page = await signInWith(browser, 'th.socialworker', locale, PHONE);
      const opened = await postAs(page, '/api/cases', {
        person: { givenName: 'Nang', familyName: `Actionbar${locale}`, gender: 'Feminine', birthDate: '2001-05-06', citizenship: ['MM'] },
        intake: { channel: 'border_screening', urgency: 'routine', narrative: 'Met at the border checkpoint.' },
        locale: 'my',
      });
      await page.goto(`/cases/${opened.id}`);
      await expect(page.getByTestId('case-journey')).toBeVisible();
      const bar = page.getByRole('group', { name: t.caseRecord.header.actions });
      await expect(bar).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollHeight / window.innerHeight), 'a long page').toBeGreaterThan(1.5);

      // Without scrolling: the bar sits on the bottom edge of the screen with the journey's next step in it.
      await scrollTo(page, 'top');
      let shown = await box(bar);
      expect(shown.y + shown.height).toBeLessThanOrEqual(PHONE.height + 1);
      expect(shown.y + shown.height).toBeGreaterThan(PHONE.height - 2);
      await expect(bar.getByTestId('journey-next-action')).toBeInViewport();
      await expect(bar.getByTestId('journey-next-action')).toHaveText(t.journey.action.prescreen);
      // The journey card names the step, and the page offers its button once, in the bar.
      await expect(page.getByTestId('journey-next-action')).toHaveCount(1);
      await page.screenshot({ path: test.info().outputPath(`case-actions-top-${locale}-360.png`) });

      await scrollTo(page, 'middle');
      shown = await box(bar);
      expect(shown.y + shown.height).toBeGreaterThan(PHONE.height - 2);

      // At the end of the page the last content ends above the bar, not under it.
      await scrollTo(page, 'bottom');
      shown = await box(bar);
      const lastContent = await box(page.getByRole('tablist').locator('xpath=..'));
      expect(lastContent.y + lastContent.height).toBeLessThanOrEqual(shown.y + 1);
      const lastCard = await box(page.getByRole('tabpanel').locator('.mantine-Card-root').last());
      expect(lastCard.y + lastCard.height).toBeLessThanOrEqual(shown.y + 1);
      await page.screenshot({ path: test.info().outputPath(`case-actions-bottom-${locale}-360.png`) });

      // The action works from the bar, and the bar stays on the tab it leads to.
      await bar.getByTestId('journey-next-action').click();
      await expect(page.getByRole('tab', { name: t.caseRecord.tabs.identification, selected: true })).toBeVisible();
      await expect(bar).toBeInViewport();

      // The intake's Save is on screen from the first field on.
      await page.goto('/cases/new');
      const save = page.getByRole('group', { name: t.common.formActions }).getByRole('button', { name: t.caseload.intake.submit });
      await expect(save).toBeInViewport();
      await page.context().close();
    });

    test('the caseload’s scope fits one line in every language, and the Burmese caseload has no 0–9', async ({ browser }) => {
      const page = await signInWith(browser, 'th.socialworker', locale, PHONE);
      await page.goto('/cases');
      const scope = page.getByTestId('case-scope');
      await expect(scope).toBeVisible();
      for (const language of LOCALES) {
        const strings = catalogue(language);
        if ((await page.locator('html').getAttribute('lang')) !== language) {
          await page.getByRole('banner').getByRole('combobox').click();
          await page.getByRole('option', { name: strings.language[language] }).click();
          await expect(page.locator('html')).toHaveAttribute('lang', language);
        }
        await expect(scope.getByRole('radio', { name: strings.caseload.scopeShort.mine })).toBeAttached();
        const labels = await scope.locator('label').evaluateAll((all) =>
          all.map((label) => {
            const { top, bottom } = label.getBoundingClientRect();
            return { top, bottom, clipped: label.scrollWidth > label.clientWidth + 1, text: label.textContent };
          }),
        );
        expect(labels, `${language}: three scopes`).toHaveLength(3);
        expect(new Set(labels.map((label) => Math.round(label.top))).size, `${language}: one line`).toBe(1);
        expect(
          labels.filter((label) => label.clipped),
          `${language}: no name cut short`,
        ).toEqual([]);
        const control = await box(scope);
        expect(control.x + control.width, `${language}: inside the screen`).toBeLessThanOrEqual(PHONE.width);
      }

      await page.getByRole('banner').getByRole('combobox').click();
      await page.getByRole('option', { name: t.language[locale] }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await page.screenshot({ path: test.info().outputPath(`caseload-scope-${locale}-360.png`) });
      if (locale === 'my') {
        await expect(page.getByRole('main').getByRole('link', { name: /^TH-/ }).first()).toBeVisible();
        // Case references are identifiers typed and searched as they are; every other number is in Myanmar digits.
        const text = await page.evaluate(
          () => `${document.querySelector('main')?.innerText ?? ''} ${document.querySelector('header')?.innerText ?? ''}`,
        );
        const numbers = text.replace(/\b[A-Z]{2}-[0-9]{4}-[0-9A-Z]+\b/g, '').match(/[^\s]*[0-9][^\s]*/g) ?? [];
        expect(numbers, 'Latin digits in the Burmese caseload').toEqual([]);
        expect(text).toMatch(/[၀-၉]/);
      }
      await giveAccountThaiBack(page);
    });
  });
}
