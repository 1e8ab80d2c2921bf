import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SheetError } from './sheetError.js';
import { decodeXmlText } from './workbookXml.js';

const STRING_ITEM = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
const TEXT_RUN = /<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
/** Phonetic guides: the kana reading Japanese Excel stores beside the text typed. */
const PHONETIC_RUN = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
/** No single string comes near this (a cell holds at most 32,767 characters). */
const LONGEST_ITEM = 8 * 1024 * 1024;
/**
 * What the table may take on the heap, estimated: a million distinct texts of 30 characters, five
 * per row of a 200,000-row file. Its XML is counted by the inflate budget; this bounds what is
 * kept of it, as a bomb of millions of one-letter strings costs far more in objects than in text.
 */
const MOST_HELD = 96 * 1024 * 1024;
/** V8's cost of a string and its slot in the table beyond its characters, rounded up. */
const STRING_OVERHEAD = 40;

/**
 * A copy that does not point into the chunk it was cut from: V8 keeps a whole chunk alive for
 * any substring of it, and the table lives until the sheet is read.
 */
const detached = (text: string): string => ` ${text}`.slice(1);

const itemText = (item: string): string => {
  let text = '';
  for (const [, run] of item.replace(PHONETIC_RUN, '').matchAll(TEXT_RUN)) text += decodeXmlText(run ?? '');
  return text;
};

/**
 * The workbook's shared strings (`xl/sharedStrings.xml`) as plain text, read a chunk at a time.
 * exceljs's own parser keeps only the last text element of a plain item, which for Japanese
 * text with a phonetic guide is the kana reading rather than the name itself. Rich text becomes
 * its text.
 */
export async function readSharedStrings(xml: Readable): Promise<string[]> {
  const strings: string[] = [];
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let held = 0;
  for await (const chunk of xml as AsyncIterable<Buffer>) {
    pending += decoder.write(chunk);
    let consumed = 0;
    for (const match of pending.matchAll(STRING_ITEM)) {
      const text = detached(itemText(match[1] ?? ''));
      held += STRING_OVERHEAD + 2 * text.length;
      if (held > MOST_HELD) throw new SheetError('sheet_too_large');
      strings.push(text);
      consumed = (match.index ?? 0) + match[0].length;
    }
    pending = pending.slice(consumed);
    if (pending.length > LONGEST_ITEM) throw new RangeError('Shared string too long');
  }
  return strings;
}
