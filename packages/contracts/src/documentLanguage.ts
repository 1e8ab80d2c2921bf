import { isLocale, type Locale } from './locales.js';

/** The language most people of a country read, where it is one of the interface languages. */
const COUNTRY_LANGUAGE: Readonly<Record<string, Locale>> = {
  TH: 'th',
  KH: 'km',
  LA: 'lo',
  MM: 'my',
  VN: 'vi',
  CN: 'zh',
  JP: 'ja',
};

export const countryLanguageOf = (countryCode: string): Locale | null => COUNTRY_LANGUAGE[countryCode.toUpperCase()] ?? null;

/** Where a document's default language came from, so the screen can say why it was chosen. */
export const DOCUMENT_LANGUAGE_SOURCES = ['spoken', 'citizenship', 'interface'] as const;
export type DocumentLanguageSource = (typeof DOCUMENT_LANGUAGE_SOURCES)[number];

/**
 * The language a document for or about a person is written in unless another is chosen: the first
 * language she speaks that documents are written in, else the main language of her first citizenship
 * that has one, else the reader's own.
 */
export function documentLanguageOf(
  person: { languages: readonly string[]; citizenship: readonly string[] },
  fallback: Locale,
): { locale: Locale; source: DocumentLanguageSource } {
  const spoken = person.languages.find(isLocale);
  if (spoken) return { locale: spoken, source: 'spoken' };
  const national = person.citizenship.map(countryLanguageOf).find((locale) => locale !== null);
  if (national) return { locale: national, source: 'citizenship' };
  return { locale: fallback, source: 'interface' };
}
