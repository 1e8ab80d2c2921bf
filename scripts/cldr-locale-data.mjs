// Writes the few CLDR facts the interface needs per language into small committed JSON files, so that
// the bundle carries these and not the CLDR packages. Run after updating cldr-*-full:
//   node scripts/cldr-locale-data.mjs
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = ['en', 'th', 'km', 'lo', 'my', 'vi', 'zh', 'ja'];

function writeJson(relative, value) {
  fs.writeFileSync(path.join(root, relative), `${JSON.stringify(value, null, 2)}\n`);
}

/** The short date pattern orders a date input's day, month and year fields. */
const shortDatePatterns = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    require(`cldr-dates-full/main/${locale}/ca-gregorian.json`).main[locale].dates.calendars.gregorian.dateFormats.short,
  ]),
);
writeJson('web/src/lib/shortDatePatterns.json', shortDatePatterns);

/** The digits of each language's default numbering system, for the languages whose digits are not 0–9. */
const numberingSystems = require('cldr-core/supplemental/numberingSystems.json').supplemental.numberingSystems;
const digits = {};
for (const locale of LOCALES) {
  const system = require(`cldr-numbers-full/main/${locale}/numbers.json`).main[locale].numbers.defaultNumberingSystem;
  if (system !== 'latn') digits[locale] = numberingSystems[system]._digits;
}
writeJson('web/src/lib/localeDigits.json', digits);
