import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { SheetError } from './sheetError.js';
import { looksLikeThaiWindows874 } from './thaiWindows874.js';

export type TextEncoding = 'utf8' | 'utf16le' | 'utf16be' | 'windows-874' | 'windows-1252';
/** How to decode a text file: the encoding, and where the text starts (after any byte-order mark). */
export type TextLayout = { encoding: TextEncoding; start: number };

const SNIFF_LENGTH = 8 * 1024;
const CHARDET_SAMPLE = 64 * 1024;
const CHUNK = 64 * 1024;
const CHARDET_MIN_CONFIDENCE = 50;

/**
 * Legacy encodings we accept when chardet is sure of them. Latin-1 is read as Windows-1252, its
 * superset in every printable position (curly quotes, euro sign), as browsers do.
 */
const LEGACY_ENCODINGS: Record<string, TextEncoding> = {
  'windows-874': 'windows-874',
  'tis-620': 'windows-874',
  'iso-8859-11': 'windows-874',
  'windows-1252': 'windows-1252',
  'iso-8859-1': 'windows-1252',
};

export function byteOrderMark(bytes: Uint8Array): TextLayout | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf8', start: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf16le', start: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf16be', start: 2 };
  return null;
}

/** UTF-16LE saved without a byte-order mark: the high byte of every ASCII character is NUL. */
export function looksLikeUtf16le(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, SNIFF_LENGTH) & ~1;
  let highNuls = 0;
  for (let at = 0; at < length; at += 2) {
    if (bytes[at] === 0) return false;
    if (bytes[at + 1] === 0) highNuls++;
  }
  return length > 0 && highNuls * 4 >= length;
}

/** Works out how a CSV file's text is encoded, or throws `broken_encoding` naming the first bad line. */
export function textLayout(bytes: Buffer): TextLayout {
  const marked = byteOrderMark(bytes);
  if (marked && marked.encoding !== 'utf8') return marked;
  const start = marked?.start ?? 0;
  if (!marked && looksLikeUtf16le(bytes)) return { encoding: 'utf16le', start: 0 };
  if (isUtf8(bytes.subarray(start))) return { encoding: 'utf8', start };
  if (!marked) {
    if (looksLikeThaiWindows874(bytes)) return { encoding: 'windows-874', start: 0 };
    const [best] = chardet.analyse(bytes.subarray(0, CHARDET_SAMPLE));
    const legacy = best && best.confidence >= CHARDET_MIN_CONFIDENCE ? LEGACY_ENCODINGS[best.name.toLowerCase()] : undefined;
    if (legacy) return { encoding: legacy, start: 0 };
  }
  throw new SheetError('broken_encoding', { row: lineAt(bytes, firstInvalidUtf8(bytes, start)) });
}

function lineAt(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < offset; at = bytes.indexOf(0x0a, at + 1)) line++;
  return line;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  let at = from;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    if (lead < 0x80) {
      at++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return at;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const second = bytes[at + 1] ?? 0;
    const low = lead === 0xe0 ? 0xa0 : lead === 0xf0 ? 0x90 : 0x80;
    const high = lead === 0xed ? 0x9f : lead === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return at;
    for (let next = 2; next < length; next++) {
      const byte = bytes[at + next] ?? 0;
      if (byte < 0x80 || byte > 0xbf) return at;
    }
    at += length;
  }
  return bytes.length;
}

/**
 * The text as a stream of chunks for csv-parse, which reads UTF-8: UTF-8 bytes pass through
 * untouched, other encodings are decoded chunk by chunk. `onConsumed` counts the input bytes
 * handed on.
 */
export function* textChunks(bytes: Buffer, layout: TextLayout, onConsumed: (byteCount: number) => void): Generator<Buffer | string> {
  const decoder = layout.encoding === 'utf8' ? null : iconv.getDecoder(layout.encoding, { stripBOM: false });
  for (let at = layout.start; at < bytes.length; at += CHUNK) {
    const chunk = bytes.subarray(at, at + CHUNK);
    const text = decoder ? decoder.write(chunk) : chunk;
    onConsumed(chunk.length);
    if (text.length > 0) yield text;
  }
  const rest = decoder?.end();
  if (rest) yield rest;
}

/** The beginning of the text, decoded, to look at before reading the rest. */
export function leadingText(bytes: Buffer, layout: TextLayout, length = SNIFF_LENGTH): string {
  return iconv.decode(bytes.subarray(layout.start, layout.start + length), layout.encoding, { stripBOM: false });
}
