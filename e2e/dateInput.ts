import type { Locator, Page } from '@playwright/test';
import { catalogue } from './catalogue';

/**
 * Types an ISO date into the interface's date input (web/src/components/DateInput.tsx) as a person
 * would: the day and the year typed, the month picked by name, the year in the Buddhist era in Thai.
 */
export async function fillDate(scope: Page | Locator, name: string, iso: string, locale: string): Promise<void> {
  const words = catalogue(locale).dateInput;
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const buddhistEra = locale === 'th';
  const group = scope.getByRole('group', { name, exact: true });
  await group.getByRole('textbox', { name: words.day, exact: true }).fill(String(day));
  await group.getByRole('combobox', { name: words.month, exact: true }).selectOption(String(month));
  await group
    .getByRole('textbox', { name: buddhistEra ? words.yearBuddhistEra : words.year, exact: true })
    .fill(String(buddhistEra ? year + 543 : year));
}
