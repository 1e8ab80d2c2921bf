import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { type CellValue, LONGEST_ROW, type SheetRow } from './cells.js';
import { leadingText, textChunks, textLayout } from './decodeText.js';
import { unguardFormula } from './formulaGuard.js';
import { SheetError } from './sheetError.js';

const DELIMITERS = [',', ';', '\t'] as const;
const PROGRESS_EVERY = 1000;

/** The delimiter used most often outside quotes on the first line with content; a comma when there is none. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let quoted = false;
  for (const character of text.replace(/^[\r\n]+/, '')) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && (character === '\n' || character === '\r')) break;
    else if (!quoted && counts.has(character)) counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  return DELIMITERS.reduce((best, delimiter) => ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0) ? delimiter : best));
}

const csvCell = (text: string): CellValue => (text === '' ? null : unguardFormula(text));

/**
 * Every record of a CSV file, empty ones included, numbered as a spreadsheet program numbers
 * its rows (a quoted cell spanning lines stays in one row). Cells are text, or null when empty.
 */
export async function* readCsvRows(bytes: Buffer, onProgress?: (bytesRead: number) => void): AsyncGenerator<SheetRow> {
  const layout = textLayout(bytes);
  let consumed = layout.start;
  const chunks = textChunks(bytes, layout, (byteCount) => {
    consumed += byteCount;
  });
  const parser = Readable.from(chunks).pipe(
    parse({
      delimiter: detectDelimiter(leadingText(bytes, layout)),
      // Files edited by several programs mix line endings; csv-parse would keep the first it meets.
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      // Characters, where LONGEST_ROW counts bytes: a record past it is no row of cases.
      max_record_size: LONGEST_ROW,
      info: true,
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number } }>) {
      yield { row: info.records, cells: record.map(csvCell) };
      if (info.records % PROGRESS_EVERY === 0) onProgress?.(consumed);
    }
  } catch (error) {
    // A quote opened and never closed swallows the rest of the file: name the row it opened in.
    if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE')
      throw Object.assign(new SheetError('sheet_too_large'), { cause: error });
    if (error instanceof CsvError) {
      const row = typeof error.records === 'number' ? error.records + 1 : 1;
      throw Object.assign(new SheetError('not_a_spreadsheet', { row }), { cause: error });
    }
    throw error;
  }
}
