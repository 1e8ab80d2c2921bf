import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it, vi } from 'vitest';
import type { SheetNotice, SheetRow } from './cells.js';
import { readSheetRows } from './readSheet.js';
import { SheetError } from './sheetError.js';
import { workbookOf, zipOf } from './zipFixture.js';

async function readAll(bytes: Buffer, notices: SheetNotice[] = []): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  for await (const row of readSheetRows(bytes, { onNotice: (notice) => notices.push(notice) })) rows.push(row);
  return rows;
}

async function refusal(bytes: Buffer): Promise<{ code: string; params: Record<string, string | number> }> {
  try {
    await readAll(bytes);
  } catch (error) {
    if (error instanceof SheetError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error('read without complaint');
}

const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

describe('readSheetRows from CSV', () => {
  it('reads UTF-8 with a byte-order mark, cells as text and empty cells as null', async () => {
    expect(await readAll(Buffer.from('\ufeffperson_id,given_name,age\nP-1,สมชาย,\n'))).toEqual([
      { row: 1, cells: ['person_id', 'given_name', 'age'] },
      { row: 2, cells: ['P-1', 'สมชาย', null] },
    ]);
  });

  it('reads UTF-16LE with a byte-order mark', async () => {
    const text = '\ufeffname\tcountry\r\nសុខា\tKH\r\nအောင်ကျော်\tMM\r\n';
    expect(await readAll(Buffer.from(text, 'utf16le'))).toEqual([
      { row: 1, cells: ['name', 'country'] },
      { row: 2, cells: ['សុខា', 'KH'] },
      { row: 3, cells: ['အောင်ကျော်', 'MM'] },
    ]);
  });

  it('reads Thai saved by Excel in Windows-874 as the same Thai text', async () => {
    const text = 'ชื่อ,จังหวัด,หมายเหตุ\r\nน้ำฝน แก้วมณี,เชียงใหม่,"ผู้เสียหาย, แรงงานประมง"\r\nสมชาย ใจดี,กรุงเทพมหานคร,ก็ได้ ๆ\r\n';
    expect(await readAll(iconv.encode(text, 'windows-874'))).toEqual([
      { row: 1, cells: ['ชื่อ', 'จังหวัด', 'หมายเหตุ'] },
      { row: 2, cells: ['น้ำฝน แก้วมณี', 'เชียงใหม่', 'ผู้เสียหาย, แรงงานประมง'] },
      { row: 3, cells: ['สมชาย ใจดี', 'กรุงเทพมหานคร', 'ก็ได้ ๆ'] },
    ]);
  });

  it('keeps every Thai, Khmer and Burmese character intact across the chunks a large file is read in', async () => {
    const names = Array.from({ length: 20_000 }, (_, index) => `${['สมชาย ใจดี', 'សុខា ចាន់', 'အောင်ကျော်'][index % 3]} ${index}`);
    for (const bytes of [Buffer.from(names.join('\n')), Buffer.from(`\ufeff${names.join('\r\n')}`, 'utf16le')]) {
      expect((await readAll(bytes)).map((row) => row.cells[0])).toEqual(names);
    }
  });

  it('finds the delimiter on the first line with content (semicolons from European Excel, tabs) and takes any line ending', async () => {
    expect(await readAll(Buffer.from('name;amount;"note; quoted"\nLan;1,5;a,b\n'))).toEqual([
      { row: 1, cells: ['name', 'amount', 'note; quoted'] },
      { row: 2, cells: ['Lan', '1,5', 'a,b'] },
    ]);
    expect(await readAll(Buffer.from('\r\nname\tnote\nLan\ta, b; c\r'))).toEqual([
      { row: 2, cells: ['name', 'note'] },
      { row: 3, cells: ['Lan', 'a, b; c'] },
    ]);
  });

  it('numbers rows as a spreadsheet shows them: a quoted line break stays in its row, empty rows are skipped but counted', async () => {
    const text = 'id,note\r\n\r\nP-1,"first line\r\nsecond ""quoted"" line"\r\n,,\r\nP-2, padded \r\n';
    expect(await readAll(Buffer.from(text))).toEqual([
      { row: 1, cells: ['id', 'note'] },
      { row: 3, cells: ['P-1', 'first line\r\nsecond "quoted" line'] },
      { row: 5, cells: ['P-2', ' padded '] },
    ]);
  });

  it('removes the quote our export puts before formula characters, and nothing else', async () => {
    const text = "a,b,c,d,e,f,g\n'=SUM(A1),'+66 81 234 5678,'-5,'@handle,''=kept,'plain,don't\n";
    expect((await readAll(Buffer.from(text)))[1]?.cells).toEqual([
      '=SUM(A1)',
      '+66 81 234 5678',
      '-5',
      '@handle',
      "'=kept",
      "'plain",
      "don't",
    ]);
  });

  it('leaves out the metadata block that ends our exports, only there', async () => {
    const exported = 'id,name\r\nP-1,Lan\r\n\r\n# Exported by: admin\r\n# Filter: {"status":"open"}\r\n';
    expect(await readAll(Buffer.from(exported))).toEqual([
      { row: 1, cells: ['id', 'name'] },
      { row: 2, cells: ['P-1', 'Lan'] },
    ]);
    const edited = 'id,name\r\n\r\n# not the end,\r\nP-1,Lan\r\n# no empty row before,\r\n';
    expect(await readAll(Buffer.from(edited))).toEqual([
      { row: 1, cells: ['id', 'name'] },
      { row: 3, cells: ['# not the end', null] },
      { row: 4, cells: ['P-1', 'Lan'] },
      { row: 5, cells: ['# no empty row before', null] },
    ]);
  });

  it('refuses damaged UTF-8 naming its line, a file without rows, and an unclosed quote', async () => {
    const damaged = Buffer.concat([Buffer.from('id,name\nP-1,Lan\nP-2,'), Buffer.from([0xc3, 0x28]), Buffer.from('\nP-3,Mai\n')]);
    expect(await refusal(damaged)).toEqual({ code: 'broken_encoding', params: { row: 3 } });
    expect(await refusal(Buffer.alloc(0))).toEqual({ code: 'empty_file', params: {} });
    expect(await refusal(Buffer.from(',,\r\n,,\r\n\r\n# Exported by: admin\r\n'))).toEqual({ code: 'empty_file', params: {} });
    expect(await refusal(Buffer.from('id,name\nP-1,"Lan\nP-2,Mai\n'))).toEqual({ code: 'not_a_spreadsheet', params: { row: 2 } });
  });

  it('stops cleanly when the caller stops early', async () => {
    for await (const row of readSheetRows(Buffer.from('id\nP-1\nP-2\n'))) {
      expect(row).toEqual({ row: 1, cells: ['id'] });
      break;
    }
  });
});

async function casesWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases');
  sheet.getRow(1).values = ['person_id', 'date_of_birth', 'age_doubled', 'consent', 'notes', 'link', 'check', 'next_day'];
  sheet.getRow(2).values = ['Person ID', 'Date of birth', 'Age doubled', 'Consent', 'Notes', 'Link', 'Check', 'Next day'];
  sheet.getRow(3).values = [
    'P-1',
    utc(1990, 5, 17),
    { formula: 'A3*2', result: 42 },
    true,
    { richText: [{ text: 'ผู้', font: { bold: true } }, { text: 'เสียหาย' }] },
    { text: 'Case file', hyperlink: 'https://example.org/case' },
    { error: '#N/A' },
    { formula: 'B3+1', result: utc(1990, 5, 18) },
  ];
  sheet.getCell('B3').numFmt = 'yyyy-mm-dd';
  sheet.getCell('H3').numFmt = 'd mmm yyyy';
  sheet.getRow(5).values = ['P-2', null, 7, false, '  spaced  '];
  workbook.addWorksheet('Lists').addRow(['never', 'read']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readSheetRows from XLSX', () => {
  it('reads the first sheet: two header rows, dates, formulas by their result, rich text, links, gaps kept in the numbering', async () => {
    const notices: SheetNotice[] = [];
    expect(await readAll(await casesWorkbook(), notices)).toEqual([
      { row: 1, cells: ['person_id', 'date_of_birth', 'age_doubled', 'consent', 'notes', 'link', 'check', 'next_day'] },
      { row: 2, cells: ['Person ID', 'Date of birth', 'Age doubled', 'Consent', 'Notes', 'Link', 'Check', 'Next day'] },
      { row: 3, cells: ['P-1', utc(1990, 5, 17), 42, true, 'ผู้เสียหาย', 'Case file', null, utc(1990, 5, 18)] },
      { row: 5, cells: ['P-2', null, 7, false, '  spaced  '] },
    ]);
    expect(notices).toEqual([
      { code: 'formula_value_used', row: 3, position: 3 },
      { code: 'formula_value_used', row: 3, position: 8 },
    ]);
  });

  it('reads the text typed, not the phonetic guide Japanese Excel stores beside it', async () => {
    const sharedStrings =
      '<si><t>山田</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/></si>' +
      '<si><r><t xml:space="preserve">Rich </t></r><r><rPr><b/></rPr><t>text</t></r></si>' +
      '<si><t xml:space="preserve"> A &amp; B&#x0E01;_x000D_</t></si><si/>';
    const rows =
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>0</v></c></row>';
    expect(await readAll(workbookOf([{ name: '名簿', file: 'sheet1.xml', rows }], { sharedStrings }))).toEqual([
      { row: 1, cells: ['山田', 'Rich text', ' A & Bก\r', null, '山田'] },
    ]);
  });

  it('reads inline strings, error values, and cached results of text and error formulas', async () => {
    const rows =
      '<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c><c r="B2" t="e"><v>#N/A</v></c>' +
      '<c r="C2" t="str"><f>A2&amp;"x"</f><v>inlinex</v></c><c r="D2" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="E2"><v>12.5</v></c><c r="F2" t="b"><v>1</v></c><c r="H2"><f>E2*2</f></c></row>';
    const notices: SheetNotice[] = [];
    expect(await readAll(workbookOf([{ name: 'Cases', file: 'sheet1.xml', rows }]), notices)).toEqual([
      { row: 2, cells: ['inline', null, 'inlinex', null, 12.5, true] },
    ]);
    expect(notices.map((notice) => notice.position)).toEqual([3, 4, 8]);
  });

  it('keeps Thai, Khmer and Burmese inline text intact however the compressed sheet is cut into chunks', async () => {
    const names = Array.from({ length: 3000 }, (_, index) => `${['สมชาย ใจดี', 'សុខា ចាន់', 'အောင်ကျော်'][index % 3]} ${index}`);
    const rows = names
      .map((name, index) => `<row r="${index + 1}"><c r="A${index + 1}" t="inlineStr"><is><t>${name}</t></is></c></row>`)
      .join('');
    const read = await readAll(workbookOf([{ name: 'Cases', file: 'sheet1.xml', rows }]));
    expect(read.map((row) => row.cells[0])).toEqual(names);
  });

  it('reads the first visible worksheet in tab order, whatever its part is called', async () => {
    const cell = (text: string) => `<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row>`;
    const reordered = workbookOf([
      { name: 'Lookup', file: 'sheet1.xml', rows: cell('hidden lists'), state: 'hidden' },
      { name: 'Cases', file: 'cases.xml', rows: cell('cases') },
      { name: 'Notes', file: 'sheet2.xml', rows: cell('notes') },
    ]);
    expect(await readAll(reordered)).toEqual([{ row: 1, cells: ['cases'] }]);
  });

  it('says once that macros are ignored', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>';
    const notices: SheetNotice[] = [];
    const macroWorkbook = workbookOf([{ name: 'Cases', file: 'sheet1.xml', rows }], {
      parts: { 'xl/vbaProject.bin': Buffer.from([0xd0, 0xcf, 0x11, 0xe0]) },
    });
    expect(await readAll(macroWorkbook, notices)).toEqual([
      { row: 1, cells: [1] },
      { row: 2, cells: [2] },
    ]);
    expect(notices).toEqual([{ code: 'macros_ignored' }]);
  });

  it('refuses a workbook without rows, without sheets, or with a damaged sheet', async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Cases');
    expect(await refusal(Buffer.from(await empty.xlsx.writeBuffer()))).toEqual({ code: 'empty_file', params: {} });
    expect(await refusal(workbookOf([]))).toEqual({ code: 'not_a_spreadsheet', params: {} });
    const damaged = workbookOf([{ name: 'Cases', file: 'sheet1.xml', rows: '<row r="1"><c r="A1"><v>1</v></c></row></wrong>' }]);
    expect(await refusal(damaged)).toEqual({ code: 'not_a_spreadsheet', params: {} });
    const sheetPart = 'xl/worksheets/sheet1.xml';
    const inflatesBadly = workbookOf([{ name: 'Cases', file: 'sheet1.xml', rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }]);
    inflatesBadly.fill(0xff, inflatesBadly.indexOf(sheetPart) + sheetPart.length, inflatesBadly.indexOf(sheetPart) + sheetPart.length + 12);
    expect(await refusal(inflatesBadly)).toEqual({ code: 'not_a_spreadsheet', params: {} });
    const misplaced = workbookOf([{ name: 'Cases', file: 'sheet1.xml', rows: '' }]);
    misplaced.fill(0, misplaced.indexOf(sheetPart) - 30, misplaced.indexOf(sheetPart) - 26);
    expect(await refusal(misplaced)).toEqual({ code: 'not_a_spreadsheet', params: {} });
    const noWorkbookRelationships = zipOf({ 'xl/workbook.xml': '<workbook/>' });
    expect(await refusal(noWorkbookRelationships)).toEqual({ code: 'not_a_spreadsheet', params: {} });
  });

  it('keeps case data off the disk: exceljs never spills the sheet to a temporary file', async () => {
    const exceljsRequire = createRequire(createRequire(import.meta.url).resolve('exceljs'));
    const tmp = exceljsRequire('tmp') as { file: (...args: unknown[]) => void };
    const spill = vi.spyOn(tmp, 'file');
    try {
      expect((await readAll(await casesWorkbook())).length).toBe(4);
      expect(spill).not.toHaveBeenCalled();
    } finally {
      spill.mockRestore();
    }
  });

  it('stops cleanly when the caller stops early', async () => {
    const rows: number[] = [];
    for await (const { row } of readSheetRows(await casesWorkbook())) {
      rows.push(row);
      if (row === 2) break;
    }
    expect(rows).toEqual([1, 2]);
  });
});
