import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { regionName } from './regions';

describe('regionName', () => {
  it('names a country in the reader’s language', () => {
    expect(regionName('KH', 'en')).toBe('Cambodia');
    expect(regionName('TH', 'th')).toBe('ไทย');
    expect(regionName('VN', 'vi')).toBe('Việt Nam');
  });

  it('falls back to the code for what is not a country', () => {
    expect(regionName('not-a-code', 'en')).toBe('not-a-code');
  });
});

describe('regionName in a browser without CLDR data for Khmer, Lao and Burmese', () => {
  beforeEach(() => {
    // As Chromium answers: Node's Intl has these languages, Chromium's does not.
    const without = (tags: string[]) => tags.filter((tag) => !['km', 'lo', 'my'].includes(tag.split('-')[0] ?? ''));
    const dateLocales = Intl.DateTimeFormat.supportedLocalesOf.bind(Intl.DateTimeFormat);
    vi.spyOn(Intl.DateTimeFormat, 'supportedLocalesOf').mockImplementation((locales, options) => without(dateLocales(locales, options)));
    const nameLocales = Intl.DisplayNames.supportedLocalesOf.bind(Intl.DisplayNames);
    vi.spyOn(Intl.DisplayNames, 'supportedLocalesOf').mockImplementation((locales, options) => without(nameLocales(locales, options)));
    vi.resetModules();
  });
  afterEach(() => vi.restoreAllMocks());

  it('names countries from CLDR once the data is loaded', async () => {
    const { regionName: name } = await import('./regions');
    const { loadLocaleData, cldrTerritories } = await import('./localeData');
    await Promise.all([loadLocaleData('km'), loadLocaleData('lo'), loadLocaleData('my')]);
    expect(cldrTerritories('km')).toBeDefined();
    expect(cldrTerritories('th')).toBeUndefined();
    expect(name('KH', 'km')).toBe('កម្ពុជា');
    expect(name('th', 'km')).toBe('ថៃ');
    expect(name('KH', 'lo')).toBe('ກຳປູເຈຍ');
    expect(name('KH', 'my')).toBe('ကမ္ဘောဒီးယား');
    expect(name('not-a-code', 'km')).toBe('not-a-code');
    expect(name('TH', 'th')).toBe('ไทย');
  });
});
