import { DecodeBudget, type DecodeParms, decodeStreamData, UndecodableStream } from './pdfFilters.js';
import { decodeName, integerValue, isRegular, nameValue, parseArray, parseDictionary, REFERENCE, skipSpace } from './pdfSyntax.js';

/**
 * PDF names that make a reader run code or other programs, open other files, or act on its own
 * when the document is opened or a page is shown. A case file never needs them; a crafted one
 * planted on a case would run on the workstation of whoever opens it.
 */
const ACTIVE_NAMES = new Set(['JS', 'JavaScript', 'Launch', 'AA', 'OpenAction', 'RichMedia', 'SubmitForm', 'ImportData', 'XFA']);

/** All streams of one upload decode to at most this much; past it the file is refused, not passed. */
const MAX_DECODED_BYTES = 32 * 1024 * 1024;

/** Writers put a few hundred objects in each object stream; more object streams than this is a file built to exhaust the check. */
const MAX_OBJECT_STREAMS = 10_000;

/** A PDF embedded in a PDF in a PDF… is read this many levels deep; a deeper one is refused. */
const MAX_EMBEDDED_DEPTH = 3;

type Stream = {
  id: string;
  /** The text the stream was found in: the file, or the decoded object stream that holds it. */
  source: string;
  entries: Map<string, string>;
  keywordAt: number;
  dataStart: number;
  dataEnd: number;
};

/** Where each `endstream` keyword of a text is, for finding the first one after a point in logarithmic time. */
class Keywords {
  private readonly positions: number[] = [];

  constructor(text: string, keyword: string) {
    for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + keyword.length)) this.positions.push(at);
  }

  /** The first position at or after `from`, or -1. */
  find(from: number): number {
    let low = 0;
    let high = this.positions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.positions[middle]! < from) low = middle + 1;
      else high = middle;
    }
    return this.positions[low] ?? -1;
  }
}

/** A text streams are found in, with what finding them needs. */
type Source = { text: string; integers: Map<string, number>; endstreams: Keywords };

const sourceOf = (text: string, integers: Map<string, number>): Source => ({ text, integers, endstreams: new Keywords(text, 'endstream') });

/** Why a file is refused although no active name was seen: a part the check could not read. */
class Unreadable extends Error {}

function* namesIn(text: string): Generator<{ name: string; end: number }> {
  // A name ends at PDF white space, which includes NUL (ISO 32000 §7.2.3): `\s` alone let `/OpenAction\0` through.
  for (const match of text.matchAll(/\/([^\0\t\n\f\r /[\]<>(){}%]+)/g))
    yield { name: decodeName(match[1]!), end: match.index + match[0].length };
}

function activeNameIn(text: string): string | null {
  for (const { name } of namesIn(text)) {
    if (ACTIVE_NAMES.has(name)) return name;
  }
  return null;
}

function holdsName(text: string, wanted: string): boolean {
  for (const { name } of namesIn(text)) {
    if (name === wanted) return true;
  }
  return false;
}

/** Objects like `12 0 obj 345 endobj`: where writers keep a stream's /Length once the data is written. */
function directIntegers(text: string): Map<string, number> {
  const integers = new Map<string, number>();
  for (const match of text.matchAll(/(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj[\0\t\n\f\r ]*(\d+)[\0\t\n\f\r ]*endobj/g))
    integers.set(`${match[1]} ${match[2]}`, Number(match[3]));
  return integers;
}

/**
 * The stream object whose value starts at `at`, if it is one. Its data ends where /Length says when
 * `endstream` follows there, else at the first `endstream`, as readers recover from a wrong length.
 */
function streamAt(source: Source, id: string, at: number): Stream | null {
  const { text, integers } = source;
  const open = skipSpace(text, at);
  if (!text.startsWith('<<', open)) return null;
  const dictionary = parseDictionary(text, open);
  if (!dictionary) return null;
  const keywordAt = skipSpace(text, dictionary.end);
  if (!text.startsWith('stream', keywordAt) || isRegular(text[keywordAt + 6])) return null;
  const endOfLine = /\r\n|\r|\n/g;
  endOfLine.lastIndex = keywordAt + 6;
  const lineEnd = endOfLine.exec(text);
  if (!lineEnd) return null;
  const dataStart = lineEnd.index + lineEnd[0].length;
  const lengthValue = dictionary.entries.get('Length');
  const reference = REFERENCE.exec(lengthValue ?? '');
  const length = reference ? integers.get(`${reference[1]} ${reference[2]}`) : integerValue(lengthValue);
  if (length !== undefined && length !== null && length >= 0) {
    const after = skipSpace(text, dataStart + length);
    if (text.startsWith('endstream', after)) {
      return { id, source: text, entries: dictionary.entries, keywordAt, dataStart, dataEnd: dataStart + length };
    }
  }
  const endKeyword = source.endstreams.find(dataStart);
  if (endKeyword < 0) return null;
  const lineBreak = text.startsWith('\r\n', endKeyword - 2) ? 2 : '\r\n'.includes(text[endKeyword - 1]!) ? 1 : 0;
  const dataEnd = Math.max(dataStart, endKeyword - lineBreak);
  return { id, source: text, entries: dictionary.entries, keywordAt, dataStart, dataEnd };
}

/**
 * The streams of a file, found from their `N G obj` headers, also those inside another stream's
 * data: a cross-reference table may point a reader there.
 */
function fileStreams(source: Source): Stream[] {
  const { text } = source;
  const streams: Stream[] = [];
  const headers = /(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj(?![^\0\t\n\f\r ()<>[\]{}/%])/g;
  for (let header = headers.exec(text); header; header = headers.exec(text)) {
    const stream = streamAt(source, `${header[1]} ${header[2]}`, header.index + header[0].length);
    if (stream) streams.push(stream);
  }
  return streams;
}

/** The streams stored inside a decoded object stream, found from its table of object numbers and offsets. */
function objectStreamStreams(stream: Stream, source: Source): Stream[] {
  const content = source.text;
  const first = integerValue(stream.entries.get('First'));
  if (first === null || first < 0 || first > content.length) throw new Unreadable('ObjStm');
  const table = content.slice(0, first).match(/\d+/g) ?? [];
  const streams: Stream[] = [];
  const offsets = new Set<string>();
  for (let i = 0; i + 1 < table.length; i += 2) {
    // The same offset listed twice is one object, read once.
    if (offsets.has(table[i + 1]!)) continue;
    offsets.add(table[i + 1]!);
    const inner = streamAt(source, `${table[i]} 0`, first + Number(table[i + 1]));
    if (inner) streams.push(inner);
  }
  return streams;
}

/** Whether the `stream` keyword at `at` follows a dictionary's `>>`, comments and white space between. */
function followsDictionary(text: string, at: number): boolean {
  let i = at - 1;
  for (;;) {
    while (i >= 0 && ' \t\r\n\f\0'.includes(text[i]!)) i--;
    if (text.startsWith('>>', i - 1)) return true;
    const lineStart = Math.max(text.lastIndexOf('\n', i), text.lastIndexOf('\r', i)) + 1;
    const comment = text.indexOf('%', lineStart);
    if (comment < 0 || comment > i) return false;
    i = comment - 1;
  }
}

/**
 * A stream keyword the search above did not reach (an object header it could not read, say) is a
 * stream a reader may open and this check would not: the file is refused.
 */
function assertEveryStreamFound(text: string, streams: Stream[]): void {
  const found = new Set(streams.map((stream) => stream.keywordAt));
  for (let at = text.indexOf('stream'); at >= 0; at = text.indexOf('stream', at + 6)) {
    if (found.has(at) || isRegular(text[at - 1]) || isRegular(text[at + 6])) continue;
    if (followsDictionary(text, at)) throw new Unreadable('stream');
  }
}

function filtersOf(stream: Stream): { name: string; parms: DecodeParms }[] {
  const filter = stream.entries.get('Filter') ?? stream.entries.get('F');
  if (filter === undefined || filter === 'null') return [];
  const names = filter.startsWith('[') ? parseArray(filter, 0)?.items : [filter];
  const parmsValue = stream.entries.get('DecodeParms') ?? stream.entries.get('DP');
  const parms = parmsValue?.startsWith('[') ? parseArray(parmsValue, 0)?.items : [parmsValue];
  if (!names || !parms) throw new Unreadable('Filter');
  return names.map((value, index) => {
    const name = nameValue(value);
    if (name === null) throw new Unreadable('Filter');
    return { name, parms: decodeParms(parms.length === 1 ? parms[0] : parms[index]) };
  });
}

function decodeParms(value: string | undefined): DecodeParms {
  if (value === undefined || value === 'null') return {};
  const dictionary = value.startsWith('<<') ? parseDictionary(value, 0) : null;
  if (!dictionary) throw new Unreadable('DecodeParms');
  const parms: DecodeParms = {};
  for (const key of ['Predictor', 'Colors', 'BitsPerComponent', 'Columns', 'EarlyChange'] as const) {
    const raw = dictionary.entries.get(key);
    if (raw === undefined) continue;
    const number = integerValue(raw);
    if (number === null) throw new Unreadable('DecodeParms');
    parms[key] = number;
  }
  return parms;
}

function decode(stream: Stream, budget: DecodeBudget): Buffer {
  try {
    // Read bytes count too: overlapping streams would otherwise have the same bytes read again and again.
    budget.take(stream.dataEnd - stream.dataStart);
    const data = Buffer.from(stream.source.slice(stream.dataStart, stream.dataEnd), 'latin1');
    return decodeStreamData(data, filtersOf(stream), budget);
  } catch (error) {
    if (error instanceof UndecodableStream) throw new Unreadable(nameValue(stream.entries.get('Type')) ?? 'stream');
    throw error;
  }
}

/** Objects a reader fetches by number from a stream's data: it needs /First (and /N) for that, not /Type. */
const isObjectStream = (stream: Stream) => stream.entries.has('First') || nameValue(stream.entries.get('Type')) === 'ObjStm';

/** The streams file specifications embed (`/EF << /F 7 0 R >>`), by object number and generation. */
function embeddedFileIds(text: string): Set<string> {
  const ids = new Set<string>();
  for (const { name, end } of namesIn(text)) {
    if (name !== 'EF') continue;
    const open = skipSpace(text, end);
    const dictionary = text.startsWith('<<', open) ? parseDictionary(text, open) : null;
    if (!dictionary) throw new Unreadable('EF');
    for (const value of dictionary.entries.values()) {
      const reference = REFERENCE.exec(value);
      if (reference) ids.add(`${reference[1]} ${reference[2]}`);
    }
  }
  return ids;
}

function scan(buffer: Buffer, depth: number, budget: DecodeBudget): string | null {
  const text = buffer.toString('latin1');
  const direct = activeNameIn(text);
  if (direct) return direct;
  const integers = directIntegers(text);
  const streams = fileStreams(sourceOf(text, integers));
  assertEveryStreamFound(text, streams);
  // Encrypted streams are ciphertext to a check without the key; a reader opens them with the empty password.
  const encrypted = holdsName(text, 'Encrypt');
  const objectTexts = [text];
  const pending = streams.filter(isObjectStream);
  for (let next = 0; next < pending.length; next++) {
    if (encrypted) throw new Unreadable('Encrypt');
    if (next >= MAX_OBJECT_STREAMS) throw new Unreadable('ObjStm');
    const content = decode(pending[next]!, budget).toString('latin1');
    const hidden = activeNameIn(content);
    if (hidden) return hidden;
    const inner = objectStreamStreams(pending[next]!, sourceOf(content, integers));
    assertEveryStreamFound(content, inner);
    objectTexts.push(content);
    for (const stream of inner) {
      streams.push(stream);
      if (isObjectStream(stream)) pending.push(stream);
    }
  }
  const embeddedIds = new Set(objectTexts.flatMap((objectText) => [...embeddedFileIds(objectText)]));
  const streamIds = new Set(streams.map((stream) => stream.id));
  for (const id of embeddedIds) {
    if (!streamIds.has(id)) throw new Unreadable('EmbeddedFile');
  }
  for (const stream of streams) {
    if (!embeddedIds.has(stream.id) && nameValue(stream.entries.get('Type')) !== 'EmbeddedFile') continue;
    if (encrypted) throw new Unreadable('Encrypt');
    // Read as a PDF whatever it claims to be: PDF.js opens a file without a %PDF header too.
    if (depth + 1 >= MAX_EMBEDDED_DEPTH) return 'EmbeddedFile';
    const hidden = scan(decode(stream, budget), depth + 1, budget);
    if (hidden) return hidden;
  }
  return null;
}

/**
 * The first active name (JavaScript, launch or automatic action, embedded forms) a PDF holds, in
 * its plain objects, its object streams or the PDFs embedded in it; or the kind of part that could
 * not be read (a filter not decoded here, a damaged or oversized stream, an encrypted object
 * stream), since what cannot be read cannot be vouched for. `null` for a passive document.
 */
export function pdfActiveContent(bytes: Uint8Array): string | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return scan(buffer, 0, new DecodeBudget(MAX_DECODED_BYTES));
  } catch (error) {
    if (error instanceof Unreadable) return error.message;
    throw error;
  }
}
