import { DEFAULT_LOCALE, isLocale, type Locale } from '@seamless/contracts';

const STORAGE_KEY = 'seamless.locale';

function browserStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Storage can be blocked by the browser's privacy settings; the choice then lasts the visit.
    return undefined;
  }
}

/** The language chosen on this device before, else the browser's first supported one. */
export function detectLocale(): Locale {
  const stored = browserStorage()?.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages;
  for (const tag of preferred) {
    const language = tag.split('-')[0]?.toLowerCase();
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

export function rememberLocale(locale: Locale): void {
  browserStorage()?.setItem(STORAGE_KEY, locale);
}
