/**
 * Every count the interface shows goes through here, so that each language writes numbers with its own
 * digits as CLDR says it does: Myanmar digits (၁၂၃) in Burmese, 0–9 elsewhere. Browsers without Burmese
 * CLDR data (Chromium) would otherwise print Latin digits.
 */

import { intlLocaleFor } from './dates';
import { localDigits } from './digits';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(intlLocaleFor(locale), options);
    formatters.set(key, cached);
  }
  return cached;
}

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return localDigits(formatter(locale, options).format(value), locale);
}
