import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { decodeXmlText } from './workbookXml.js';

const STRING_ITEM = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
const TEXT_RUN = /<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
/** Phonetic guides: the kana reading Japanese Excel stores beside the text typed. */
const PHONETIC_RUN = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g;
/** No single string comes near this (a cell holds at most 32,767 characters). */
const LONGEST_ITEM = 8 * 1024 * 1024;
/** Several times what a 50 MB upload holds in earnest; a zip bomb stops here, not at the heap limit. */
const MOST_XML = 512 * 1024 * 1024;

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
  let total = 0;
  for await (const chunk of xml as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MOST_XML) throw new RangeError('Shared strings too large');
    pending += decoder.write(chunk);
    let consumed = 0;
    for (const match of pending.matchAll(STRING_ITEM)) {
      strings.push(detached(itemText(match[1] ?? '')));
      consumed = (match.index ?? 0) + match[0].length;
    }
    pending = pending.slice(consumed);
    if (pending.length > LONGEST_ITEM) throw new RangeError('Shared string too long');
  }
  return strings;
}
