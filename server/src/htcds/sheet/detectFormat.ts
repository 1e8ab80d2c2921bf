import type { SheetFormat } from './cells.js';
import { byteOrderMark, leadingText, looksLikeUtf16le, type TextLayout } from './decodeText.js';
import { SheetError } from './sheetError.js';
import { isZip, readZipDirectory } from './zipArchive.js';

const OLE_COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Excel encrypts an .xlsx by wrapping it in a compound file holding this stream. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const SNIFF_LENGTH = 8 * 1024;

/** Formats that are never text yet may show no NUL byte early on. */
const BINARY_SIGNATURES = ['%PDF-', '\x89PNG', 'GIF8', '\xff\xd8\xff', '\x1f\x8b', '7z\xbc\xaf', 'Rar!', '{\\rtf'].map((signature) =>
  Buffer.from(signature, 'latin1'),
);

/** Markup that Excel's "Web page" and "XML Spreadsheet 2003" formats write, often named .xls. */
const OFFICE_MARKUP = /urn:schemas-microsoft-com:office:(?:spreadsheet|excel)/i;
const MARKUP = /^<(?:\?xml|!doctype|html|table|head|body)\b/i;

/**
 * What the bytes are, judged from their content alone (a file name is whatever the sender
 * chose). Throws a SheetError for anything that is not a CSV or an .xlsx workbook.
 */
export function detectSheetFormat(bytes: Buffer): SheetFormat {
  if (bytes.length === 0) throw new SheetError('empty_file');
  if (bytes.subarray(0, OLE_COMPOUND_FILE.length).equals(OLE_COMPOUND_FILE)) {
    throw new SheetError(bytes.includes(ENCRYPTION_INFO) ? 'password_protected' : 'legacy_workbook');
  }
  if (isZip(bytes)) {
    if (readZipDirectory(bytes)?.has('xl/workbook.xml')) return 'xlsx';
    throw new SheetError('not_a_spreadsheet');
  }
  if (BINARY_SIGNATURES.some((signature) => bytes.subarray(0, signature.length).equals(signature))) {
    throw new SheetError('not_a_spreadsheet');
  }
  const marked = byteOrderMark(bytes);
  const utf16 = marked?.encoding === 'utf16le' || marked?.encoding === 'utf16be' || (!marked && looksLikeUtf16le(bytes));
  if (!utf16 && bytes.subarray(0, SNIFF_LENGTH).includes(0)) throw new SheetError('not_a_spreadsheet');
  const layout: TextLayout = marked ?? { encoding: utf16 ? 'utf16le' : 'utf8', start: 0 };
  const opening = leadingText(bytes, layout, SNIFF_LENGTH).trim();
  // A longer file of blanks is caught by the reader, which finds no row in it.
  if (opening === '' && bytes.length - layout.start <= SNIFF_LENGTH) throw new SheetError('empty_file');
  if (MARKUP.test(opening)) throw new SheetError(OFFICE_MARKUP.test(opening) ? 'legacy_workbook' : 'not_a_spreadsheet');
  return 'csv';
}
