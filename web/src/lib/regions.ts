import i18next from 'i18next';
import { intlLocaleFor } from './dates';

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * A country's name in the reader's language, from the language's catalogue (`countryName`, generated
 * from CLDR by scripts/cldr-locale-data.mjs, translators may change a name): the browser's Intl names
 * Khmer, Lao and Burmese countries in English in Chromium. English, which ships in the first bundle
 * without these names, and anything that is not an ISO 3166 code, are named by the browser.
 */
export function regionName(code: string, locale: string): string {
  const upper = code.toUpperCase();
  const fromCatalogue: unknown = i18next.store ? i18next.getResource(locale, 'translation', `countryName.${upper}`) : undefined;
  if (typeof fromCatalogue === 'string') return fromCatalogue;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([intlLocaleFor(locale), 'en'], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(upper) ?? code;
  } catch {
    // Not a well-formed region code; show it as the server sent it.
    return code;
  }
}
