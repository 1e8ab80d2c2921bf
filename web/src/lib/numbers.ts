/**
 * Every count the interface shows goes through here, so that each language writes numbers with its own
 * digits as CLDR says it does: Myanmar digits (၁၂၃) in Burmese, 0–9 elsewhere. Browsers without Burmese
 * CLDR data (Chromium) would otherwise print Latin digits.
 */

import { intlLocaleFor } from './dates';
import localeDigits from './localeDigits.json';

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

/** Writes 0–9 in the language's own digits; other characters (separators, signs, units) stay. */
export function localDigits(text: string, locale: string): string {
  const digits = (localeDigits as Record<string, string>)[locale];
  if (!digits) return text;
  const glyphs = [...digits];
  return text.replace(/[0-9]/g, (digit) => glyphs[Number(digit)] ?? digit);
}

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return localDigits(formatter(locale, options).format(value), locale);
}
