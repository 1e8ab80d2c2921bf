import { expect, test } from '@playwright/test';
import { catalogue } from './catalogue';
import { LAPTOP, type Locale, PHONE, signInWith } from './onboardingSession';
import { expectNoSidewaysScroll } from './pageChecks';
import { escapeRegExp, giveAccountThaiBack } from './thaiSession';

/**
 * Issue 16, one score: the possible matches beside an intake show one likelihood, in words and as
 * a number, with reasons in words — no second percentage beside it — and say that the search
 * covered only the records the worker may see. On a 360 px phone in Thai and on a laptop in English.
 */
const SCREENS: { locale: Locale; viewport: typeof PHONE; label: string }[] = [
  { locale: 'th', viewport: PHONE, label: '360 px in Thai' },
  { locale: 'en', viewport: LAPTOP, label: 'a laptop in English' },
];

for (const { locale, viewport, label } of SCREENS) {
  test(`possible matches read as one likelihood with reasons in words, on ${label}`, async ({ browser }) => {
    const t = catalogue(locale);
    const page = await signInWith(browser, 'th.socialworker', locale, viewport);
    await page.goto('/cases/new');
    // A person of the demo directory, typed family name first as a caller may give it.
    await page.getByRole('textbox', { name: t.caseload.intake.givenName, exact: true }).fill('Chan');
    await page.getByRole('textbox', { name: t.caseload.intake.familyName, exact: true }).fill('Sreymom');

    const matches = page.getByRole('region', { name: t.matching.title });
    const card = matches.getByRole('article').filter({ hasText: 'Sreymom Chan' });
    await expect(card).toBeVisible();
    const bands = Object.values(t.matching.likelihood as Record<string, string>).map(
      (message) => `${escapeRegExp(message.split('{{')[0]!)}\\S*\\s?%`,
    );
    const likelihood = card.getByText(new RegExp(`^(${bands.join('|')})$`));
    await expect(likelihood).toHaveCount(1);
    await expect(card.getByRole('listitem').filter({ hasText: t.matching.reason.name_same })).toBeVisible();
    await expect(card.getByRole('listitem').filter({ hasText: t.matching.reason.name_order_differs })).toBeVisible();
    // The one percentage is the likelihood's: no reason carries a number of its own.
    for (const reason of await card.getByRole('listitem').allTextContents()) expect(reason).not.toMatch(/%/u);
    await expect(matches.getByText(t.matchingScope.note)).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page);
    // The language chosen is saved on the account; later journeys expect the social worker in Thai.
    await giveAccountThaiBack(page);
  });
}
