import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import localeDigits from './localeDigits.json';
import { formatNumber, localDigits } from './numbers';

const require = createRequire(import.meta.url);

describe('formatNumber', () => {
  it('writes Burmese counts in Myanmar digits', () => {
    expect(formatNumber(1234, 'my')).toBe('၁,၂၃၄');
    expect(formatNumber(0, 'my')).toBe('၀');
  });

  it('keeps 0–9 where the language uses them, Thai included', () => {
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(1234, 'th')).toBe('1,234');
    for (const locale of ['km', 'lo', 'vi', 'zh', 'ja']) expect(formatNumber(7, locale)).toBe('7');
  });

  it('passes options such as fraction digits on', () => {
    expect(formatNumber(2.345, 'en', { maximumFractionDigits: 1 })).toBe('2.3');
    expect(formatNumber(2.345, 'my', { maximumFractionDigits: 1 })).toBe('၂.၃');
  });
});

describe('localDigits', () => {
  it('leaves all but the digits of a formatted text alone', () => {
    expect(localDigits('Page 12 / 30', 'my')).toBe('Page ၁၂ / ၃၀');
    expect(localDigits('Page 12 / 30', 'th')).toBe('Page 12 / 30');
  });

  it('holds the default numbering systems CLDR has now (run scripts/cldr-locale-data.mjs after updating cldr-numbers-full)', () => {
    const systems = require('cldr-core/supplemental/numberingSystems.json').supplemental.numberingSystems;
    for (const locale of ['en', 'th', 'km', 'lo', 'my', 'vi', 'zh', 'ja']) {
      const system = require(`cldr-numbers-full/main/${locale}/numbers.json`).main[locale].numbers.defaultNumberingSystem;
      expect((localeDigits as Record<string, string>)[locale]).toBe(system === 'latn' ? undefined : systems[system]._digits);
    }
  });
});
