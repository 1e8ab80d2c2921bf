import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { GUIDE_ROLES, GUIDE_SLUGS, type GuideRole, ROLE_GUIDES, screenshotName } from '../web/src/features/onboarding/roleGuides';
import { catalogue } from './catalogue';
import { LAPTOP, PHONE, signInWith } from './onboardingSession';

/**
 * The pictures of the in-app user guide: each role's demo account opens the places its guide
 * talks about, in English, and the screenshots go to docs/screenshots/ (committed; the web
 * bundle serves them to the guide pages). Run it again after a screen changes.
 */
// The pictures do not depend on the database: CI's embedded run takes them, its PostgreSQL run need not.
test.skip(Boolean(process.env.DATABASE_URL), 'the guide screenshots are taken on the embedded-database run');
const DOCS = 'docs/screenshots';
mkdirSync(DOCS, { recursive: true });
const en = catalogue('en');

const DEMO_ACCOUNT: Record<GuideRole, string> = {
  hotline_operator: 'th.hotline',
  case_manager: 'th.socialworker',
  screener: 'th.police',
  shelter_staff: 'th.shelter',
  data_officer: 'th.data',
  statistics_approver: 'th.director',
  agency_admin: 'th.agencyadmin',
};

for (const role of GUIDE_ROLES) {
  test(`user guide for the ${en.onboarding.role[role].name}: screenshots and the guide page`, async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await signInWith(browser, DEMO_ACCOUNT[role], 'en', LAPTOP);
    for (const step of ROLE_GUIDES[role]) {
      if (step.to) {
        await page.goto(step.to);
      } else if (role === 'case_manager' && step.key === 'nextStep') {
        const mine = await (await page.request.get('/api/cases?scope=mine&pageSize=1')).json();
        await page.goto(`/cases/${mine.items[0].id}`);
        await expect(page.getByTestId('case-journey')).toBeVisible();
      } else {
        continue;
      }
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${DOCS}/${screenshotName(role, step)}` });
    }

    await page.goto(`/guide/${GUIDE_SLUGS[role]}`);
    await expect(page.getByRole('heading', { level: 1, name: en.onboarding.role[role].name, exact: true })).toBeVisible();
    for (const step of ROLE_GUIDES[role]) {
      await expect(
        page.getByRole('heading', { level: 2, name: en.onboarding.role[role].steps[step.key].title, exact: true }),
      ).toBeVisible();
    }
  });
}

test('the guide index lists every role, her own first, and is linked from the user menu', async ({ browser }) => {
  const page = await signInWith(browser, 'th.hotline', 'en', LAPTOP);
  await page.getByRole('button', { name: en.shell.userMenu.replace('{{name}}', 'Pim Saelee') }).click();
  await page.getByRole('menuitem', { name: en.onboarding.menu.guide }).click();
  await expect(page).toHaveURL(/\/guide$/);
  const links = page.getByRole('main').getByRole('link');
  await expect(links.first()).toHaveText(en.onboarding.role.hotline_operator.name);
  for (const role of GUIDE_ROLES) await expect(page.getByRole('link', { name: en.onboarding.role[role].name })).toBeVisible();
});

test('the guide pages read in Thai and Burmese on a phone, with the screenshots of the last run', async ({ browser }) => {
  for (const locale of ['th', 'my'] as const) {
    const page = await signInWith(browser, 'th.shelter', locale, PHONE);
    await page.goto(`/guide/${GUIDE_SLUGS.shelter_staff}`);
    const guide = catalogue(locale).onboarding;
    await expect(page.getByRole('heading', { level: 1, name: guide.role.shelter_staff.name })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: guide.role.shelter_staff.steps.shelters.title })).toBeVisible();
    await page.screenshot({ path: `test-results/guided-work/guide-${locale}-360.png`, fullPage: true });
    // The choice of language is saved on the account: give it back its Thai.
    if (locale === 'my') {
      await page.getByRole('combobox', { name: catalogue('my').shell.language }).click();
      await page.getByRole('option', { name: catalogue('my').language.th }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'th');
    }
  }
});
