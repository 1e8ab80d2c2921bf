/*
 * Windows-874 (TIS-620 plus a few punctuation marks) puts Thai in the upper half of the byte
 * range. chardet rarely names it with any confidence on spreadsheet text (short cells, digits,
 * commas), so Thai is recognised here by its spelling rules instead: marks written above or
 * below a letter follow a consonant, vowels written before a consonant precede one, and no
 * byte falls outside the code page. Latin-1 text fails these rules at its first accented
 * letter, UTF-8 Thai at its first continuation byte.
 */

const isConsonant = (byte: number) => byte >= 0xa1 && byte <= 0xce;
const isCombiningMark = (byte: number) => byte === 0xd1 || (byte >= 0xd4 && byte <= 0xda) || (byte >= 0xe7 && byte <= 0xee);
const isLeadingVowel = (byte: number) => byte >= 0xe0 && byte <= 0xe4;
const isThai = (byte: number) => (byte >= 0xa1 && byte <= 0xda) || (byte >= 0xdf && byte <= 0xfb);
/** Euro sign, ellipsis, curly quotes, bullet and dashes: the code page's only non-Thai upper bytes. */
const isWindowsPunctuation = (byte: number) => byte === 0x80 || byte === 0x85 || (byte >= 0x91 && byte <= 0x97) || byte === 0xa0;

export function looksLikeThaiWindows874(bytes: Uint8Array): boolean {
  let runs = 0;
  let longRuns = 0;
  let runLength = 0;
  for (let at = 0; at <= bytes.length; at++) {
    const byte = at < bytes.length ? (bytes[at] as number) : 0;
    if (isThai(byte)) {
      runLength++;
      const previous = bytes[at - 1] ?? 0;
      if (isCombiningMark(byte) && !isConsonant(previous) && !isCombiningMark(previous)) return false;
      if (isLeadingVowel(byte) && !isConsonant(bytes[at + 1] ?? 0)) return false;
      continue;
    }
    if (byte >= 0x80 && !isWindowsPunctuation(byte)) return false;
    if (runLength > 0) {
      runs++;
      if (runLength > 1) longRuns++;
      runLength = 0;
    }
  }
  // Thai is written without spaces between words, so its letters come in runs; a lone upper
  // byte between ASCII characters is far more likely a damaged or foreign character.
  return longRuns * 2 > runs;
}
