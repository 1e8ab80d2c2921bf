import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dateFieldOrder, fieldOrder, readDateFields, splitIsoDate } from './dateFields';

const require = createRequire(import.meta.url);

describe('fieldOrder', () => {
  it('reads day, month and year from CLDR short patterns', () => {
    expect(fieldOrder('M/d/yy')).toEqual(['month', 'day', 'year']);
    expect(fieldOrder('d/M/yy')).toEqual(['day', 'month', 'year']);
    expect(fieldOrder('y/MM/dd')).toEqual(['year', 'month', 'day']);
    expect(fieldOrder("d 'de' MMMM 'de' y")).toEqual(['day', 'month', 'year']);
  });

  it('gives each interface language its CLDR order', () => {
    expect(dateFieldOrder('en')).toEqual(['month', 'day', 'year']);
    for (const locale of ['th', 'km', 'lo', 'my', 'vi']) expect(dateFieldOrder(locale)).toEqual(['day', 'month', 'year']);
    for (const locale of ['zh', 'ja']) expect(dateFieldOrder(locale)).toEqual(['year', 'month', 'day']);
  });

  it('holds the short patterns CLDR has now (run scripts/cldr-locale-data.mjs after updating cldr-dates-full)', () => {
    const committed = JSON.parse(readFileSync(new URL('./shortDatePatterns.json', import.meta.url), 'utf8')) as Record<string, string>;
    for (const [locale, pattern] of Object.entries(committed)) {
      const cldr = require(`cldr-dates-full/main/${locale}/ca-gregorian.json`);
      expect(pattern).toBe(cldr.main[locale].dates.calendars.gregorian.dateFormats.short);
    }
  });
});

describe('the Buddhist era in Thai', () => {
  it('shows a stored Common-era year as B.E.', () => {
    expect(splitIsoDate('2003-04-12', 'th')).toEqual({ day: '12', month: '4', year: '2546' });
    expect(splitIsoDate('2003-04-12', 'en')).toEqual({ day: '12', month: '4', year: '2003' });
  });

  it('stores a typed B.E. year as C.E.', () => {
    expect(readDateFields({ day: '12', month: '4', year: '2546' }, 'th')).toEqual({ kind: 'date', iso: '2003-04-12' });
    expect(readDateFields({ day: '12', month: '4', year: '2003' }, 'km')).toEqual({ kind: 'date', iso: '2003-04-12' });
  });

  it('takes a Common-era year typed in Thai for the slip it is', () => {
    expect(readDateFields({ day: '12', month: '4', year: '2003' }, 'th')).toEqual({ kind: 'implausibleYear' });
    expect(readDateFields({ day: '12', month: '4', year: '2546' }, 'en')).toEqual({ kind: 'implausibleYear' });
  });
});

describe('readDateFields', () => {
  it('is empty when nothing is typed and incomplete when a field is missing', () => {
    expect(readDateFields({ day: '', month: '', year: '' }, 'en')).toEqual({ kind: 'empty' });
    expect(readDateFields({ day: '3', month: '', year: '2020' }, 'en')).toEqual({ kind: 'incomplete' });
    expect(readDateFields({ day: '3a', month: '1', year: '2020' }, 'en')).toEqual({ kind: 'incomplete' });
  });

  it('refuses days the month does not have', () => {
    expect(readDateFields({ day: '31', month: '4', year: '2024' }, 'en')).toEqual({ kind: 'noSuchDay' });
    expect(readDateFields({ day: '29', month: '2', year: '2023' }, 'en')).toEqual({ kind: 'noSuchDay' });
    expect(readDateFields({ day: '29', month: '2', year: '2024' }, 'en')).toEqual({ kind: 'date', iso: '2024-02-29' });
    expect(readDateFields({ day: '0', month: '1', year: '2024' }, 'en')).toEqual({ kind: 'noSuchDay' });
  });

  it("takes digits typed in the reader's script", () => {
    expect(readDateFields({ day: '๑๒', month: '4', year: '๒๕๔๖' }, 'th')).toEqual({ kind: 'date', iso: '2003-04-12' });
    expect(readDateFields({ day: '၁၂', month: '4', year: '၂၀၀၃' }, 'my')).toEqual({ kind: 'date', iso: '2003-04-12' });
    expect(readDateFields({ day: '１２', month: '4', year: '２００３' }, 'ja')).toEqual({ kind: 'date', iso: '2003-04-12' });
  });

  it('splits nothing from a value that is not an ISO date', () => {
    expect(splitIsoDate('', 'en')).toEqual({ day: '', month: '', year: '' });
    expect(splitIsoDate('12/04/2003', 'en')).toEqual({ day: '', month: '', year: '' });
  });
});
