/**
 * The digits each language writes numbers with, as CLDR says (its default numbering system): Myanmar
 * digits (၁၂၃) in Burmese, 0–9 elsewhere. Browsers without Burmese CLDR data (Chromium) print 0–9.
 */

import localeDigits from './localeDigits.json';

/** Writes 0–9 in the language's own digits; other characters (separators, signs, units) stay. */
export function localDigits(text: string, locale: string): string {
  const digits = (localeDigits as Record<string, string>)[locale];
  if (!digits) return text;
  const glyphs = [...digits];
  return text.replace(/[0-9]/g, (digit) => glyphs[Number(digit)] ?? digit);
}
