// Writes the few CLDR facts the interface needs per language into small committed JSON files, so that
// the bundle carries these and not the CLDR packages. Run after updating cldr-*-full:
//   node scripts/cldr-locale-data.mjs            adds what is new, keeps the country and language names translators changed
//   node scripts/cldr-locale-data.mjs --refresh  takes every country and language name CLDR has from CLDR again
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const LOCALES = ['en', 'th', 'km', 'lo', 'my', 'vi', 'zh', 'ja'];
const refresh = process.argv.includes('--refresh');

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

/**
 * Country names for the ISO 3166 codes the product accepts (packages/contracts/src/isoCountries.ts), in
 * each language's catalogue: the browser's Intl lacks Khmer, Lao and Burmese names in Chromium, and a
 * translator may prefer another name than CLDR's (a name already in the catalogue is kept).
 */
const isoCountries = fs.readFileSync(path.join(root, 'packages/contracts/src/isoCountries.ts'), 'utf8');
const countryCodes = [...isoCountries.matchAll(/\b[A-Z]{2}\b/g)]
  .map(([code]) => code)
  .filter((code) => code !== 'EU' && code !== 'XK' && code !== 'ZZ');
for (const locale of LOCALES) {
  const territories = require(`cldr-localenames-full/main/${locale}/territories.json`).main[locale].localeDisplayNames.territories;
  const file = `web/src/locales/${locale}/countries.json`;
  const existing =
    !refresh && fs.existsSync(path.join(root, file)) ? JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')).countryName : {};
  const names = {};
  for (const code of [...new Set(countryCodes)].sort()) {
    const name = existing[code] ?? territories[code];
    if (!name) throw new Error(`CLDR has no ${locale} name for ${code}`);
    names[code] = name;
  }
  writeJson(file, { countryName: names });
}

/**
 * Names of the spoken languages the product records (SPOKEN_LANGUAGES in packages/contracts/src/vocabulary.ts),
 * in each language's catalogue (`languageName`): CLDR's name where CLDR has one, as for countries (a name
 * already in the catalogue is kept unless --refresh). CLDR does not name the region's smaller languages (Isan,
 * S'gaw Karen, Akha…): those keep the translators' names, which must be in the catalogue.
 * The same names are written to `vocab.spokenLanguage` in vocabulary.json, where the server's HTCDS import
 * (server/src/htcds/values/catalogueLabels.ts) reads the words a sheet filled in by hand uses.
 */
const vocabulary = fs.readFileSync(path.join(root, 'packages/contracts/src/vocabulary.ts'), 'utf8');
const spokenBlock = vocabulary.slice(vocabulary.indexOf('SPOKEN_LANGUAGES = ['));
const spokenCodes = [...spokenBlock.slice(0, spokenBlock.indexOf('] as const')).matchAll(/'([a-z]{2,3})'/g)].map(([, code]) => code);
for (const locale of LOCALES) {
  const cldrNames = require(`cldr-localenames-full/main/${locale}/languages.json`).main[locale].localeDisplayNames.languages;
  const file = `web/src/locales/${locale}/languages.json`;
  const existing = fs.existsSync(path.join(root, file)) ? JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')).languageName : {};
  const names = {};
  for (const code of spokenCodes) {
    const name = (refresh ? undefined : existing[code]) ?? cldrNames[code] ?? existing[code];
    if (!name) throw new Error(`Neither CLDR nor ${file} names the language ${code}: add the translators' name there`);
    names[code] = name;
  }
  writeJson(file, { languageName: names });
  const vocabularyFile = `web/src/locales/${locale}/vocabulary.json`;
  const catalogue = JSON.parse(fs.readFileSync(path.join(root, vocabularyFile), 'utf8'));
  catalogue.vocab.spokenLanguage = names;
  writeJson(vocabularyFile, catalogue);
}
