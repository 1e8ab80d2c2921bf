import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { localDigits } from './digits';
import localeDigits from './localeDigits.json';

const require = createRequire(import.meta.url);

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
