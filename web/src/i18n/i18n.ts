import { type Locale, SUPPORTED_LOCALES } from '@seamless/contracts';
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadLocaleData } from '../lib/localeData';
import { type CataloguePart, cataloguePartOf } from './catalogueParts';
import { detectLocale, rememberLocale } from './locale';
import { numberFormatter } from './numberFormatter';

/**
 * Every language's files, English too, are chunks fetched when needed: the reader's language only
 * (the catalogue tests keep every language complete, so nothing falls back to English), and of it
 * the part the screen needs (catalogueParts.ts).
 */
const catalogueFiles = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json');

function loadCatalogue(language: string, part: CataloguePart): Promise<Record<string, unknown>> | undefined {
  const loaders = Object.entries(catalogueFiles).filter(([path]) => {
    const file = cataloguePartOf(path);
    return file?.language === language && file.part === part;
  });
  if (loaders.length === 0) return undefined;
  return Promise.all(loaders.map(([, load]) => load())).then((modules) => Object.assign({}, ...modules.map((module) => module.default)));
}

const lazyCatalogues: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init() {},
  read(language: string, namespace: string, callback: ReadCallback) {
    const loading = loadCatalogue(language, namespace === 'pages' ? 'pages' : 'translation');
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

let initialised: Promise<unknown> | undefined;

export function initI18n(): Promise<unknown> {
  i18next.on('languageChanged', reflectLanguageInDocument);
  initialised = i18next
    .use(lazyCatalogues)
    .use(initReactI18next)
    .use(numberFormatter)
    .init({
      lng: detectLocale(),
      fallbackLng: false,
      supportedLngs: [...SUPPORTED_LOCALES],
      ns: ['translation'],
      defaultNS: 'translation',
      fallbackNS: 'pages',
      // Every value passes the number formatter, so a number in any message is in the language's digits.
      interpolation: { escapeValue: false, alwaysFormat: true },
      react: { useSuspense: false },
    });
  return initialised;
}

/**
 * The catalogue of every page but the first screens, in the current language; once loaded, a change
 * of language fetches it in the new language too before the language changes.
 */
export async function loadPageCatalogue(): Promise<void> {
  // The router may fetch a page while the first part is still on its way (main.tsx starts both at once).
  await initialised;
  await i18next.loadNamespaces('pages');
}

/** Switches the interface language on this device; saving it to the account is the caller's concern. */
export async function applyLocale(locale: Locale): Promise<void> {
  rememberLocale(locale);
  await i18next.changeLanguage(locale);
}
