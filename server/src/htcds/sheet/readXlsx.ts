import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { type CellValue, DEFAULT_SHEET_LIMITS, denseCells, LONGEST_ROW, type ReadSheetOptions, type SheetRow } from './cells.js';
import { readSharedStrings } from './sharedStrings.js';
import { SheetError } from './sheetError.js';
import { type WorkbookLayout, workbookLayout } from './workbookXml.js';
import { InflateBudget, inflateEntry, inflateEntryStream, readZipDirectory, type ZipEntry } from './zipArchive.js';

const PROGRESS_EVERY = 1000;
const MILLISECONDS_PER_DAY = 24 * 60 * 60 * 1000;
/** Days from each date system's day 0 to 1970-01-01. */
const EPOCH_SERIAL = { 1900: 25569, 1904: 24107 };

/** A limit reached stays what it is; any other failure means the file is not a readable workbook. */
const unreadable = (cause: unknown) =>
  cause instanceof SheetError ? cause : Object.assign(new SheetError('not_a_spreadsheet'), { cause });

/** The date test exceljs applies to a cell's number format, once quoted text and [codes] are removed. */
const isDateFormat = (format: string | undefined): boolean =>
  !!format && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('') || null;
  if ('text' in value) return plainValue(value.text);
  return null;
}

/**
 * A cell's value as a spreadsheet program shows it: a formula gives its cached result (never
 * evaluated here), a date-formatted formula result its date, an error value (#N/A…) nothing.
 */
function cellValue(cell: ExcelJS.Cell, date1904: boolean): { value: CellValue; formula: boolean } {
  const value = cell.value;
  if (value === null || typeof value !== 'object' || !('formula' in value || 'sharedFormula' in value)) {
    return { value: plainValue(value), formula: false };
  }
  const result = value.result;
  if (typeof result === 'number' && Number.isFinite(result) && isDateFormat(cell.numFmt)) {
    const epoch = date1904 ? EPOCH_SERIAL[1904] : EPOCH_SERIAL[1900];
    return { value: new Date(Math.round((result - epoch) * MILLISECONDS_PER_DAY)), formula: true };
  }
  return { value: result === undefined || (typeof result === 'object' && 'error' in result) ? null : plainValue(result), formula: true };
}

/**
 * The parts of exceljs's streaming reader used here, its own parsers for the workbook part, the
 * styles (needed to tell dates from numbers) and a worksheet (exceljs 4.4). Its public entry
 * point unzips the file itself, and so: spills sheets met before the shared strings to temporary
 * files, putting case data on disk; waits forever when a sheet's compressed data is damaged; and
 * decodes each chunk on its own, garbling a Thai or Khmer character split between two chunks.
 * Here the parts are unzipped and decoded by us and handed to those parsers.
 */
type ExcelJsParsers = {
  sharedStrings: string[];
  _parseWorkbook(part: Readable): Promise<void>;
  _parseStyles(part: Readable): Promise<void>;
  _parseWorksheet(text: AsyncIterable<string>, sheetNumber: string): Iterable<{ value: ExcelJS.stream.xlsx.WorksheetReader }>;
};

async function* decodedText(xml: Readable, onChunk: (byteCount: number) => void): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of xml as AsyncIterable<Buffer>) {
    onChunk(chunk.length);
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The rows of the workbook's first worksheet, streamed; other sheets are never inflated. */
export async function* readXlsxRows(
  bytes: Buffer,
  { onNotice, onProgress, limits = DEFAULT_SHEET_LIMITS }: ReadSheetOptions = {},
): AsyncGenerator<SheetRow> {
  const entries = readZipDirectory(bytes);
  const part = (name: string): ZipEntry | undefined => entries?.get(name);
  const workbookPart = part('xl/workbook.xml');
  const relationshipsPart = part('xl/_rels/workbook.xml.rels');
  if (!workbookPart || !relationshipsPart) throw new SheetError('not_a_spreadsheet');
  const budget = new InflateBudget(limits.maxInflatedBytes);

  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    worksheets: 'emit',
    sharedStrings: 'ignore',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as ExcelJsParsers;
  let layout: WorkbookLayout | null;
  try {
    const workbookXml = inflateEntry(bytes, workbookPart, budget);
    layout = workbookLayout(workbookXml.toString('utf8'), inflateEntry(bytes, relationshipsPart, budget).toString('utf8'));
    await workbook._parseWorkbook(Readable.from([workbookXml]));
    const stylesPart = part('xl/styles.xml');
    if (stylesPart) await workbook._parseStyles(Readable.from([inflateEntry(bytes, stylesPart, budget)]));
    const stringsPart = part('xl/sharedStrings.xml');
    workbook.sharedStrings = stringsPart ? await readSharedStrings(inflateEntryStream(bytes, stringsPart, budget)) : [];
  } catch (error) {
    throw unreadable(error);
  }
  const worksheetPart = layout && part(layout.firstWorksheet);
  if (!layout || !worksheetPart) throw new SheetError('not_a_spreadsheet');
  if (part('xl/vbaProject.bin')) onNotice?.({ code: 'macros_ignored' });

  let consumed = bytes.length - worksheetPart.compressedSize;
  let worksheetXml: Readable;
  try {
    worksheetXml = inflateEntryStream(bytes, worksheetPart, budget, (byteCount) => {
      consumed += byteCount;
    });
  } catch (error) {
    throw unreadable(error);
  }
  // exceljs takes the next chunk only once every row of the last one was taken: a row still
  // open after LONGEST_ROW bytes (one endless cell, a million cells) is refused, not gathered.
  let sinceLastRow = 0;
  const text = decodedText(worksheetXml, (byteCount) => {
    sinceLastRow += byteCount;
    if (sinceLastRow > LONGEST_ROW) throw new SheetError('sheet_too_large');
  });
  const [worksheet] = workbook._parseWorksheet(text, '1');
  if (!worksheet) throw new SheetError('not_a_spreadsheet');
  const { date1904 } = layout;
  let count = 0;
  try {
    for await (const row of guarded(worksheet.value)) {
      sinceLastRow = 0;
      const cells: CellValue[] = [];
      row.eachCell((cell, column) => {
        const { value, formula } = cellValue(cell, date1904);
        if (formula) onNotice?.({ code: 'formula_value_used', row: row.number, position: column });
        cells[column - 1] = value;
      });
      yield { row: row.number, cells: denseCells(cells) };
      if (++count % PROGRESS_EVERY === 0) onProgress?.(consumed);
    }
  } finally {
    worksheetXml.destroy();
  }
}

/** Iterates exceljs's output, reporting its failures (bad XML, damaged compressed data) as an unreadable file. */
async function* guarded<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let step: IteratorResult<T>;
      try {
        step = await iterator.next();
      } catch (error) {
        throw unreadable(error);
      }
      if (step.done) return;
      yield step.value;
    }
  } finally {
    await iterator.return?.();
  }
}
