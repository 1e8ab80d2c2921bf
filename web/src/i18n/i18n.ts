import { DEFAULT_LOCALE, type Locale, SUPPORTED_LOCALES } from '@seamless/contracts';
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadLocaleData } from '../lib/localeData';
import { en } from '../locales/en';
import { detectLocale, rememberLocale } from './locale';
import { numberFormatter } from './numberFormatter';

/**
 * English ships in the entry bundle as the reference and fallback; each other language's files
 * are separate chunks fetched only when someone picks that language, then merged into one catalogue.
 */
const catalogueFiles = import.meta.glob<{ default: Record<string, unknown> }>(['../locales/*/*.json', '!../locales/en/*.json']);

function loadCatalogue(language: string): Promise<Record<string, unknown>> | undefined {
  const prefix = `../locales/${language}/`;
  const loaders = Object.entries(catalogueFiles).filter(([path]) => path.startsWith(prefix));
  if (loaders.length === 0) return undefined;
  return Promise.all(loaders.map(([, load]) => load())).then((modules) => Object.assign({}, ...modules.map((module) => module.default)));
}

const lazyCatalogues: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language: string, _namespace: string, callback: ReadCallback) {
    const loading = loadCatalogue(language);
    if (!loading) {
      callback(new Error(`No catalogue for language "${language}"`), false);
      return;
    }
    // Dates and country names need CLDR data where the browser lacks it for the language (lib/localeData.ts).
    Promise.all([loading, loadLocaleData(language)]).then(
      ([catalogue]) => callback(null, catalogue),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

function reflectLanguageInDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export async function initI18n(): Promise<void> {
  i18next.on('languageChanged', reflectLanguageInDocument);
  await i18next
    .use(lazyCatalogues)
    .use(initReactI18next)
    .use(numberFormatter)
    .init({
      lng: detectLocale(),
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...SUPPORTED_LOCALES],
      resources: { en: { translation: en } },
      partialBundledLanguages: true,
      // Every value passes the number formatter, so a number in any message is in the language's digits.
      interpolation: { escapeValue: false, alwaysFormat: true },
      react: { useSuspense: false },
    });
}

/** Switches the interface language on this device; saving it to the account is the caller's concern. */
export async function applyLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  await i18next.changeLanguage(locale);
}
