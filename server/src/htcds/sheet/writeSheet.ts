import { Readable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { CellValue, SheetFormat, SheetMetadata } from './cells.js';
import { guardFormula } from './formulaGuard.js';
import { metadataCell } from './metadataBlock.js';

export type WriteSheetOptions = { format: SheetFormat; sheetName: string; metadata: SheetMetadata; metadataSheetName: string };
type Rows = AsyncIterable<CellValue[]> | Iterable<CellValue[]>;

/** Streams the rows to `out` and resolves when the file is completely written (`out` is ended). */
export function writeSheet(rows: Rows, out: NodeJS.WritableStream, options: WriteSheetOptions): Promise<void> {
  return options.format === 'csv' ? writeCsv(rows, out, options.metadata) : writeXlsx(rows, out, options);
}

const isoDate = (date: Date): string => (Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10));

function csvText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDate(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return guardFormula(value);
}

async function* csvRecords(rows: Rows, metadata: SheetMetadata): AsyncGenerator<string[]> {
  for await (const cells of rows) yield cells.map(csvText);
  if (metadata.length === 0) return;
  yield [];
  for (const [key, value] of metadata) yield [metadataCell(key, value)];
}

/**
 * UTF-8 with a byte-order mark (without one Excel reads Thai, Khmer or Burmese as Windows code
 * page garbage), comma-separated, CRLF. Cells holding a line break, a semicolon or a tab are
 * quoted too, so no reader can take them for another row or another delimiter.
 */
function writeCsv(rows: Rows, out: NodeJS.WritableStream, metadata: SheetMetadata): Promise<void> {
  const csv = stringify({ bom: true, delimiter: ',', record_delimiter: '\r\n', quoted_match: /[\r\n;\t]/ });
  return pipeline(Readable.from(csvRecords(rows, metadata)), csv, out);
}

const DATE_FORMAT = 'yyyy-mm-dd';
/** Excel refuses a workbook whose sheet names exceed 31 characters or hold any of these. */
const SHEET_NAME_LENGTH = 31;
const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/g;

function sheetTitle(name: string): string {
  let title = '';
  for (const character of name.replace(SHEET_NAME_FORBIDDEN, ' ').trim()) {
    if (title.length + character.length > SHEET_NAME_LENGTH) break;
    title += character;
  }
  return title.replace(/^'+|'+$/g, '');
}

const xlsxValue = (value: CellValue): ExcelJS.CellValue => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  return value;
};

/**
 * exceljs's streaming writer: each row is committed (written out and forgotten) as it comes.
 * Text is always written as text, never as a formula. The first row, the header, is bold.
 * exceljs does not notice when `out` fails (a download cancelled): the rows stop being read then.
 */
async function writeXlsx(rows: Rows, out: NodeJS.WritableStream, options: WriteSheetOptions): Promise<void> {
  const written = finished(out, { readable: false });
  let failure: { error: unknown } | undefined;
  written.catch((error: unknown) => {
    failure = { error };
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out as unknown as ExcelJS.stream.xlsx.WorkbookWriterOptions['stream'],
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet(sheetTitle(options.sheetName));
  let header = true;
  for await (const cells of rows) {
    if (failure) throw failure.error;
    const row = sheet.addRow(cells.map(xlsxValue));
    cells.forEach((value, index) => {
      if (value instanceof Date) row.getCell(index + 1).numFmt = DATE_FORMAT;
    });
    if (header) row.font = { bold: true };
    header = false;
    row.commit();
  }
  sheet.commit();
  const about = workbook.addWorksheet(sheetTitle(options.metadataSheetName));
  for (const [key, value] of options.metadata) about.addRow([key, value]).commit();
  about.commit();
  await Promise.all([workbook.commit(), written]);
}
