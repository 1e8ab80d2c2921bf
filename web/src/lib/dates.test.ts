import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime } from './dates';

const instant = new Date('2026-03-15T05:30:00Z');

describe('formatDate', () => {
  it('shows the Buddhist-era year in Thai', () => {
    expect(formatDate(instant, 'th')).toContain('2569');
    expect(formatDate(instant, 'th')).not.toContain('2026');
  });

  it('shows the Gregorian year in English and the other interface languages', () => {
    expect(formatDate(instant, 'en')).toContain('2026');
    expect(formatDate(instant, 'en')).not.toContain('2569');
    for (const locale of ['km', 'lo', 'vi', 'zh', 'ja']) expect(formatDate(instant, locale)).toContain('2026');
  });

  it('keeps a bare calendar date on its own day', () => {
    expect(formatDate('2026-01-01', 'en')).toBe('Jan 1, 2026');
    expect(formatDate('2026-01-01', 'th')).toContain('2569');
  });

  it('shows nothing for an unreadable date rather than "Invalid Date"', () => {
    expect(formatDate('not a date', 'en')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('carries the era of the locale and the time of day', () => {
    expect(formatDateTime(instant, 'th')).toContain('2569');
    expect(formatDateTime(instant, 'en')).toMatch(/2026.*\d{1,2}:\d{2}/);
  });
});

/**
 * Chromium ships without CLDR data for Khmer, Lao and Burmese; Node has it. These make Node's Intl
 * answer as Chromium's does, on fresh modules so that no cached answer carries over.
 */
function lackIntlDataFor(...languages: string[]): void {
  const without = (tags: string[]) => tags.filter((tag) => !languages.includes(tag.split('-')[0] ?? ''));
  const dateLocales = Intl.DateTimeFormat.supportedLocalesOf.bind(Intl.DateTimeFormat);
  vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation((locales, options) => without(dateLocales(locales, options)));
  const nameLocales = Intl.DisplayNames.supportedLocalesOf.bind(Intl.DisplayNames);
  vi.spyOn(Intl.DisplayNames, 'supportedLocalesOf').mockImplementation((locales, options) => without(nameLocales(locales, options)));
}

async function freshModules() {
  vi.resetModules();
  const dates = await import('./dates');
  const localeData = await import('./localeData');
  const { formatPattern } = await import('./cldrPattern');
  return { ...dates, ...localeData, formatPattern };
}

describe('in a browser without CLDR data for Khmer, Lao and Burmese', () => {
  const evening = new Date(2026, 11, 6, 14, 5);

  beforeEach(() => lackIntlDataFor('km', 'lo', 'my'));
  afterEach(() => vi.restoreAllMocks());

  it('formats Khmer dates from CLDR once the data is loaded', async () => {
    const { formatDate, formatDateTime, formatYear, loadLocaleData, cldrDates } = await freshModules();
    await loadLocaleData('km');
    expect(cldrDates('km')?.monthsWide[11]).toBe('ធ្នូ');
    expect(formatDate(evening, 'km')).toBe('6 ធ្នូ 2026');
    expect(formatDate('2026-12-06', 'km')).toBe('6 ធ្នូ 2026');
    expect(formatDate(new Date(2026, 0, 9), 'km')).toBe('9 មករា 2026');
    expect(formatDateTime(evening, 'km')).toBe('6 ធ្នូ 2026, 2:05 PM');
    expect(formatDateTime(new Date(2026, 11, 6, 0, 30), 'km')).toBe('6 ធ្នូ 2026, 12:30 AM');
    expect(formatYear(1998, 'km')).toBe('1998');
    expect(formatDate('not a date', 'km')).toBe('');
  });

  it('formats Lao and Burmese dates by their own CLDR patterns, Burmese in Myanmar digits', async () => {
    const { formatDate, formatDateTime, loadLocaleData, cldrDates, formatPattern } = await freshModules();
    await Promise.all([loadLocaleData('lo'), loadLocaleData('my')]);
    // Medium dates use CLDR's abbreviated month (Lao ທ.ວ., Burmese ဒီ), as a browser with the data does.
    expect(formatDate(evening, 'lo')).toBe('6 ທ.ວ. 2026');
    expect(formatDateTime(evening, 'lo')).toBe('6 ທ.ວ. 2026, 14:05');
    expect(formatDate(evening, 'my')).toBe('၂၀၂၆ ဒီ ၆');
    expect(formatDateTime(new Date(2026, 11, 6, 9, 5), 'my')).toBe('၂၀၂၆ ဒီ ၆ ၉:၀၅');
    // The wide month names are the loaded ones too.
    const lao = cldrDates('lo');
    const burmese = cldrDates('my');
    expect(lao && formatPattern('d MMMM y', evening, lao)).toBe('6 ທັນວາ 2026');
    expect(burmese && formatPattern('y MMMM d', evening, burmese)).toBe('2026 ဒီဇင်ဘာ 6');
  });

  it('shows what Intl gives until the data has arrived', async () => {
    const { formatDate } = await freshModules();
    expect(formatDate(evening, 'km')).toBe(new Intl.DateTimeFormat('km', { dateStyle: 'medium' }).format(evening));
  });

  it('keeps the Buddhist era in Thai and Intl for the languages the browser has', async () => {
    const { formatDate, formatYear, loadLocaleData, cldrDates } = await freshModules();
    await Promise.all([loadLocaleData('th'), loadLocaleData('vi'), loadLocaleData('km')]);
    expect(cldrDates('th')).toBeUndefined();
    expect(formatDate('2026-12-06', 'th')).toContain('2569');
    expect(formatYear(1998, 'th')).toBe('2541');
    expect(formatDate(evening, 'vi')).toBe(new Intl.DateTimeFormat('vi', { dateStyle: 'medium' }).format(evening));
    expect(formatDate(evening, 'en')).toBe('Dec 6, 2026');
  });
});

describe('in a browser with CLDR data for Khmer, Lao and Burmese', () => {
  it('loads nothing and formats through Intl', async () => {
    const { formatDate, loadLocaleData, cldrDates } = await freshModules();
    const evening = new Date(2026, 11, 6, 14, 5);
    await loadLocaleData('my');
    expect(cldrDates('my')).toBeUndefined();
    // Node's Intl writes Burmese dates in Myanmar digits; the CLDR fallback would not.
    expect(formatDate(evening, 'my')).toBe(new Intl.DateTimeFormat('my', { dateStyle: 'medium' }).format(evening));
    expect(formatDate(evening, 'my')).toContain('၂၀၂၆');
  });
});
