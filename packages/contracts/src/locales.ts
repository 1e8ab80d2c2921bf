/** The eight interface languages (DESIGN.md §6). English is the reference catalogue. */
export const SUPPORTED_LOCALES = ['en', 'th', 'km', 'lo', 'my', 'vi', 'zh', 'ja'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}
