/**
 * Characters that carry no meaning when a value is typed by hand: spacing (including the
 * zero-width spaces Thai, Lao, Khmer and Burmese text uses as word breaks), separators and
 * brackets ('Sexual exploitation', 'sexual_exploitation', 'SEXUAL-EXPLOITATION', 'Myanmar (Burma)').
 */
const IGNORED = /[\s_./()'‘’ʼ\p{Pd}\u200B-\u200D\u2060\uFEFF]/gu;

/** en-GB and en-US spellings of the same word: the HTCDS names are British, sheets often are not. */
const SPELLINGS: readonly [RegExp, string][] = [
  [/(lab|harb|behavi|neighb|col|fav|hon)our/g, '$1or'],
  [/isation/g, 'ization'],
  [/defence/g, 'defense'],
  [/centre/g, 'center'],
  [/travell/g, 'travel'],
  [/programme/g, 'program'],
];

/**
 * The form in which typed values are compared: compatibility forms folded (full-width letters,
 * brackets), case folded without locale rules (scripts of the region have no case and stay as
 * NFKC made them), meaningless characters dropped, '&' read as 'and', British spelling.
 */
export function matchKey(text: string): string {
  let key = text.normalize('NFKC').toLowerCase().replace(IGNORED, '').replaceAll('&', 'and');
  for (const [spelling, replacement] of SPELLINGS) key = key.replace(spelling, replacement);
  return key;
}

/** First code points of the digit blocks of Thai, Lao, Burmese and Khmer. */
const NATIVE_ZEROS = [0x0e50, 0x0ed0, 0x1040, 0x17e0];
const NATIVE_DIGIT = /[\u0E50-\u0E59\u0ED0-\u0ED9\u1040-\u1049\u17E0-\u17E9]/g;

/** Numbers and dates written with the region's own digits (๑๕/๐๓/๒๕๖๘) read like ASCII ones. */
export function asciiDigits(text: string): string {
  return text.normalize('NFKC').replace(NATIVE_DIGIT, (digit) => {
    const code = digit.codePointAt(0)!;
    const zero = NATIVE_ZEROS.find((first) => code >= first && code <= first + 9)!;
    return String(code - zero);
  });
}
