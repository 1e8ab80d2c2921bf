import { DEFAULT_LOCALE, isLocale, type Locale } from '@seamless/contracts';
import { useTranslation } from 'react-i18next';

/** The interface language, re-rendering the caller when it changes. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : DEFAULT_LOCALE;
}
