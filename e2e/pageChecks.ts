import { expect, type Page } from '@playwright/test';
import { escapeRegExp } from './thaiSession';

/** A catalogue text with its {{variables}} as wildcards. */
export const textPattern = (text: string) =>
  new RegExp(
    text
      .split(/\{\{\s*\w+\s*\}\}/)
      .map(escapeRegExp)
      .join('.+'),
  );

/** The page itself never scrolls sideways (once the navigation's slide on resizing has ended); only a table's own container may. */
export async function expectNoSidewaysScroll(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { message: 'page wider than the window' })
    .toBeLessThanOrEqual(0);
}
