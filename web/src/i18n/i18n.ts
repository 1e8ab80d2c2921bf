import { DEFAULT_LOCALE, type Locale, SUPPORTED_LOCALES } from '@seamless/contracts';
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en/translation.json';
import { detectLocale, rememberLocale } from './locale';

/**
 * English ships in the entry bundle as the reference and fallback; each other catalogue is a
 * separate chunk fetched only when someone picks that language.
 */
const catalogueLoaders = import.meta.glob<{ default: typeof en }>(['../locales/*/translation.json', '!../locales/en/translation.json']);

const lazyCatalogues: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language: string, _namespace: string, callback: ReadCallback) {
    const load = catalogueLoaders[`../locales/${language}/translation.json`];
    if (!load) {
      callback(new Error(`No catalogue for language "${language}"`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
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
    .init({
      lng: detectLocale(),
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...SUPPORTED_LOCALES],
      resources: { en: { translation: en } },
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
}

/** Switches the interface language on this device; saving it to the account is the caller's concern. */
export async function applyLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  await i18next.changeLanguage(locale);
}
