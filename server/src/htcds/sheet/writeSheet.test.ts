import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetFormat, SheetRow } from './cells.js';
import { readSheetRows } from './readSheet.js';
import { writeSheet } from './writeSheet.js';

const METADATA = [
  ['Export', 'HTCDS 2.0 cases from Seamless'],
  ['Filter', '{"status":"open"}'],
] as const;

async function written(format: SheetFormat, rows: Iterable<CellValue[]> | AsyncIterable<CellValue[]>): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeSheet(rows, out, { format, sheetName: 'HTCDS', metadata: METADATA, metadataSheetName: 'About' });
  return Buffer.concat(chunks);
}

async function readAll(bytes: Buffer): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readSheetRows(bytes)) rows.push(row);
  return rows;
}

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

const ROWS: CellValue[][] = [
  ['person_id', 'given_name', 'date_of_birth', 'age', 'consent', 'phone', 'note'],
  ['Person ID', 'Given name', 'Date of birth', 'Age', 'Consent', 'Phone', 'Note'],
  ['P-1', 'สมชาย', utc(1990, 5, 17), 34, true, '+66 81 234 5678', '=HYPERLINK("http://evil.example")'],
  ['P-2', 'សុខា', null, 0.5, false, null, 'says "hello", then\nleaves'],
  [],
  ['P-3', 'အောင်ကျော်', utc(2001, 1, 31), -3, null, '-12', "'=already quoted"],
  ['P-4', '王小明', null, null, null, '@home', 'a;b\tc'],
];

/** How the rows come back from a CSV: all text, booleans as TRUE/FALSE, dates in ISO form. */
const ROWS_FROM_CSV: SheetRow[] = [
  { row: 1, cells: ['person_id', 'given_name', 'date_of_birth', 'age', 'consent', 'phone', 'note'] },
  { row: 2, cells: ['Person ID', 'Given name', 'Date of birth', 'Age', 'Consent', 'Phone', 'Note'] },
  { row: 3, cells: ['P-1', 'สมชาย', '1990-05-17', '34', 'TRUE', '+66 81 234 5678', '=HYPERLINK("http://evil.example")'] },
  { row: 4, cells: ['P-2', 'សុខា', null, '0.5', 'FALSE', null, 'says "hello", then\nleaves'] },
  { row: 6, cells: ['P-3', 'အောင်ကျော်', '2001-01-31', '-3', null, '-12', "'=already quoted"] },
  { row: 7, cells: ['P-4', '王小明', null, null, null, '@home', 'a;b\tc'] },
];

describe('writeSheet to CSV', () => {
  it('writes UTF-8 with a byte-order mark, CRLF, quoted where needed, formula characters guarded, metadata last', async () => {
    const bytes = await written('csv', [
      ['id', 'note', 'when'],
      ['P-1', '=1+2', utc(2024, 1, 5)],
      ['P-2', 'a, "b"\nc', true],
    ]);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString('utf8')).toBe(
      'id,note,when\r\nP-1,\'=1+2,2024-01-05\r\nP-2,"a, ""b""\nc",TRUE\r\n\r\n# Export: HTCDS 2.0 cases from Seamless\r\n"# Filter: {""status"":""open""}"\r\n',
    );
  });

  it('reads back exactly what it wrote, without the metadata', async () => {
    expect(await readAll(await written('csv', ROWS))).toEqual(ROWS_FROM_CSV);
  });
});

describe('writeSheet to XLSX', () => {
  it('reads back exactly what it wrote, values keeping their types', async () => {
    async function* rows() {
      yield* ROWS;
    }
    expect(await readAll(await written('xlsx', rows()))).toEqual([
      { row: 1, cells: ROWS[0] },
      { row: 2, cells: ROWS[1] },
      { row: 3, cells: ROWS[2] },
      { row: 4, cells: ['P-2', 'សុខា', null, 0.5, false, null, 'says "hello", then\nleaves'] },
      { row: 6, cells: ROWS[5] },
      { row: 7, cells: ROWS[6] },
    ]);
  });

  it('writes text as text, dates as dates, a bold header, and the metadata on a second sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type, narrower than Node's.
    await workbook.xlsx.load((await written('xlsx', ROWS)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['HTCDS', 'About']);
    const [data, about] = workbook.worksheets;
    expect(data?.getCell('G3').value).toBe('=HYPERLINK("http://evil.example")');
    expect(data?.getCell('G3').formula).toBeUndefined();
    expect(data?.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    expect(data?.getCell('A1').font?.bold).toBe(true);
    expect(data?.getCell('A3').font?.bold).toBeUndefined();
    expect(
      about
        ?.getSheetValues()
        .slice(1)
        .map((row) => (row as CellValue[]).slice(1)),
    ).toEqual(METADATA.map((pair) => [...pair]));
  });
});

describe('writeSheet when the download is cancelled', () => {
  it('stops reading rows and fails', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      let served = 0;
      async function* endless(): AsyncGenerator<CellValue[]> {
        for (;;) {
          served++;
          // Rows come from the database: other work runs between them.
          await new Promise((resolve) => setImmediate(resolve));
          yield ['P', 'x'.repeat(1000)];
        }
      }
      const out = new PassThrough();
      out.resume();
      setTimeout(() => out.destroy(new Error('client went away')), 20);
      await expect(writeSheet(endless(), out, { format, sheetName: 'HTCDS', metadata: [], metadataSheetName: 'About' })).rejects.toThrow(
        'client went away',
      );
      const servedAtFailure = served;
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(served).toBe(servedAtFailure);
    }
  });
});
