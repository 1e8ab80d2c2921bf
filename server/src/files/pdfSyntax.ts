/**
 * Just enough of the PDF object syntax (ISO 32000 §7.3) to read a stream's dictionary and find
 * where its data ends, the way a reader's parser does, on text read as Latin-1.
 */

const DELIMITERS = '()<>[]{}/%';

const isSpace = (c: string | undefined) => c !== undefined && ' \t\r\n\f\0'.includes(c);
export const isRegular = (c: string | undefined) => c !== undefined && !isSpace(c) && !DELIMITERS.includes(c);

/** A PDF name as the reader sees it: `#xx` escapes decoded, so `/J#61vaScript` is `/JavaScript`. */
export function decodeName(raw: string): string {
  if (!raw.includes('#')) return raw;
  return raw.replace(/#([0-9a-fA-F]{2})/g, (_escape, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** The index of the next token: white space and comments skipped. */
export function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    if (isSpace(text[i])) i++;
    else if (text[i] === '%') {
      while (i < text.length && text[i] !== '\r' && text[i] !== '\n') i++;
    } else break;
  }
  return i;
}

function skipLiteralString(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** The index after the one object at `at` (an indirect reference counts as one), or -1 when it is malformed. */
export function skipObject(text: string, at: number): number {
  const i = skipSpace(text, at);
  const c = text[i];
  if (c === undefined) return -1;
  if (text.startsWith('<<', i)) return parseDictionary(text, i)?.end ?? -1;
  if (c === '[') return parseArray(text, i)?.end ?? -1;
  if (c === '(') return skipLiteralString(text, i);
  if (c === '<') {
    const close = text.indexOf('>', i);
    return close < 0 ? -1 : close + 1;
  }
  if (c === '/') {
    let end = i + 1;
    while (isRegular(text[end])) end++;
    return end;
  }
  if (!isRegular(c)) return -1;
  const reference = /^\d+[\0\t\n\f\r ]+\d+[\0\t\n\f\r ]+R(?![^\0\t\n\f\r ()<>[\]{}/%])/.exec(text.slice(i, i + 32));
  if (reference) return i + reference[0].length;
  let end = i;
  while (isRegular(text[end])) end++;
  return end;
}

export type Dictionary = { entries: Map<string, string>; end: number };

/**
 * The dictionary opening at `at`: each key (escapes decoded) to its value's text. A repeated key
 * makes it `null`: readers differ on which one counts, and a check must not guess.
 */
export function parseDictionary(text: string, at: number): Dictionary | null {
  const entries = new Map<string, string>();
  let i = at + 2;
  for (;;) {
    i = skipSpace(text, i);
    if (text.startsWith('>>', i)) return { entries, end: i + 2 };
    if (text[i] !== '/') return null;
    let keyEnd = i + 1;
    while (isRegular(text[keyEnd])) keyEnd++;
    const key = decodeName(text.slice(i + 1, keyEnd));
    const valueStart = skipSpace(text, keyEnd);
    const valueEnd = skipObject(text, valueStart);
    if (valueEnd < 0 || entries.has(key)) return null;
    entries.set(key, text.slice(valueStart, valueEnd));
    i = valueEnd;
  }
}

/** The array opening at `at`: each element's text. */
export function parseArray(text: string, at: number): { items: string[]; end: number } | null {
  const items: string[] = [];
  let i = at + 1;
  for (;;) {
    i = skipSpace(text, i);
    if (text[i] === ']') return { items, end: i + 1 };
    const end = skipObject(text, i);
    if (end < 0) return null;
    items.push(text.slice(i, end));
    i = end;
  }
}

export const REFERENCE = /^(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+R$/;

export const integerValue = (value: string | undefined) => (value !== undefined && /^[+-]?\d+$/.test(value) ? Number(value) : null);

export const nameValue = (value: string | undefined) => (value?.startsWith('/') ? decodeName(value.slice(1)) : null);
