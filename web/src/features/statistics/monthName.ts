import { intlLocaleFor } from '../../lib/dates';
import { cldrDates } from '../../lib/localeData';

/**
 * A month's name on its own, as a picker offers it: from the CLDR data localeData.ts loaded where
 * the browser's Intl lacks the language (Chromium would name Khmer, Lao and Burmese months in English).
 */
export function monthName(month: number, locale: string): string {
  const fromCldr = cldrDates(locale)?.monthsWide[month - 1];
  return fromCldr || new Intl.DateTimeFormat(intlLocaleFor(locale), { month: 'long' }).format(new Date(2000, month - 1, 1));
}
