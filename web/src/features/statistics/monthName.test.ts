import { afterEach, describe, expect, it, vi } from 'vitest';
import { MONTHS } from './period';

/** Node's Intl knows Khmer; Chromium's does not. This makes Node answer as Chromium does, on fresh modules. */
function lackIntlDataForKhmer(): void {
  const withoutKhmer = (tags: string[]) => tags.filter((tag) => !tag.startsWith('km'));
  const dateLocales = Intl.DateTimeFormat.supportedLocalesOf.bind(Intl.DateTimeFormat);
  vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation((locales, options) => withoutKhmer(dateLocales(locales, options)));
  const nameLocales = Intl.DisplayNames.supportedLocalesOf.bind(Intl.DisplayNames);
  vi.spyOn(Intl.DisplayNames, 'supportedLocalesOf').mockImplementation((locales, options) => withoutKhmer(nameLocales(locales, options)));
}

describe('month names', () => {
  afterEach(() => vi.restoreAllMocks());

  it("names the months in the reader's language", async () => {
    const { monthName } = await import('./monthName');
    expect(MONTHS.map((month) => monthName(month, 'en'))).toEqual([
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ]);
    expect(monthName(3, 'th')).toBe('มีนาคม');
    expect(monthName(3, 'ja')).toBe('3月');
  });

  it('takes Khmer month names from the CLDR data where the browser lacks them', async () => {
    lackIntlDataForKhmer();
    vi.resetModules();
    const { loadLocaleData } = await import('../../lib/localeData');
    const { monthName } = await import('./monthName');
    await loadLocaleData('km');
    expect(monthName(1, 'km')).toBe('មករា');
    expect(monthName(12, 'km')).toBe('ធ្នូ');
  });
});
