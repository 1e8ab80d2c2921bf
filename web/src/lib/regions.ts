import { intlLocaleFor } from './dates';
import { cldrTerritories } from './localeData';

const displayNames = new Map<string, Intl.DisplayNames>();

/**
 * A country's name in the reader's language from the browser's own CLDR data, which knows
 * every ISO 3166 code in every interface language; the catalogues do not repeat it.
 */
export function regionName(code: string, locale: string): string {
  // Where the browser lacks the language's CLDR data (Khmer, Lao, Burmese in Chromium), from the CLDR JSON.
  const fromCldr = cldrTerritories(locale)?.[code.toUpperCase()];
  if (fromCldr) return fromCldr;
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([intlLocaleFor(locale), 'en'], { type: 'region', fallback: 'code' });
    displayNames.set(locale, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    // Not a well-formed region code; show it as the server sent it.
    return code;
  }
}
