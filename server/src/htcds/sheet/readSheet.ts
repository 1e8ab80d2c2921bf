import { DEFAULT_SHEET_LIMITS, type ReadSheetOptions, type SheetRow } from './cells.js';
import { detectSheetFormat } from './detectFormat.js';
import { dataRows } from './metadataBlock.js';
import { readCsvRows } from './readCsv.js';
import { readXlsxRows } from './readXlsx.js';
import { SheetError } from './sheetError.js';

export type { ReadSheetOptions } from './cells.js';

/**
 * Opens the file (format + encoding checks happen before the first row is yielded) and yields
 * its first worksheet's rows in order, one at a time: empty rows and the metadata block our
 * CSV export ends with are left out. A file without any row is an `empty_file`; one with more
 * rows than `limits.maxRows` fails at the first row too many.
 */
export async function* readSheetRows(bytes: Buffer, options: ReadSheetOptions = {}): AsyncGenerator<SheetRow> {
  const { maxRows } = options.limits ?? DEFAULT_SHEET_LIMITS;
  const rows = detectSheetFormat(bytes) === 'csv' ? readCsvRows(bytes, options.onProgress) : readXlsxRows(bytes, options);
  let found = false;
  for await (const row of dataRows(counted(rows, maxRows))) {
    found = true;
    yield row;
  }
  if (!found) throw new SheetError('empty_file');
  options.onProgress?.(bytes.length);
}

/** Empty rows count too: a million of them cost as much to read as a million cases. */
async function* counted(rows: AsyncIterable<SheetRow>, maxRows: number): AsyncGenerator<SheetRow> {
  let count = 0;
  for await (const row of rows) {
    if (++count > maxRows) throw new SheetError('too_many_rows', { max: maxRows });
    yield row;
  }
}
