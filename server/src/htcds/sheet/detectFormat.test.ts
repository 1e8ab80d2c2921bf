import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { detectSheetFormat } from './detectFormat.js';
import { SheetError } from './sheetError.js';
import { zipOf } from './zipFixture.js';

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const oleFile = (...streamNames: string[]) =>
  Buffer.concat([
    OLE,
    Buffer.alloc(504),
    ...streamNames.map((name) => Buffer.concat([Buffer.from(name, 'utf16le'), Buffer.alloc(64 - name.length * 2)])),
  ]);

function refusal(bytes: Buffer): string {
  try {
    return detectSheetFormat(bytes);
  } catch (error) {
    if (error instanceof SheetError) return error.code;
    throw error;
  }
}

describe('detectSheetFormat', () => {
  it('knows a workbook by the zip part it must hold, whatever else the zip holds', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cases').addRow(['person_id']);
    expect(detectSheetFormat(Buffer.from(await workbook.xlsx.writeBuffer()))).toBe('xlsx');
    expect(refusal(zipOf({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' }))).toBe('not_a_spreadsheet');
    expect(refusal(Buffer.from('PK\x03\x04 but no directory at all', 'latin1'))).toBe('not_a_spreadsheet');
  });

  it('takes text for CSV, in any of the encodings we decode', () => {
    expect(detectSheetFormat(Buffer.from('name,age\nสมชาย,32\n'))).toBe('csv');
    expect(detectSheetFormat(Buffer.from('\ufeffname;age\n'))).toBe('csv');
    expect(detectSheetFormat(Buffer.from('\ufeffname,age\n', 'utf16le'))).toBe('csv');
    expect(detectSheetFormat(Buffer.from('name,age\n', 'utf16le'))).toBe('csv');
    expect(detectSheetFormat(Buffer.from([0xaa, 0xd7, 0xe8, 0xcd, 0x2c, 0x31, 0x0a]))).toBe('csv');
  });

  it('tells an encrypted workbook from an old .xls', () => {
    expect(refusal(oleFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage'))).toBe('password_protected');
    expect(refusal(oleFile('Root Entry', 'Workbook', 'SummaryInformation'))).toBe('legacy_workbook');
  });

  it('reads the web page and XML formats Excel can save as .xls as old workbooks, other markup as no spreadsheet', () => {
    const webPage = '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>1</td></tr></table></body></html>';
    const spreadsheetMl = '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>';
    expect(refusal(Buffer.from(webPage))).toBe('legacy_workbook');
    expect(refusal(Buffer.from(spreadsheetMl))).toBe('legacy_workbook');
    expect(refusal(Buffer.from('  <!DOCTYPE html><html><body>Login</body></html>'))).toBe('not_a_spreadsheet');
  });

  it('refuses other binary content', () => {
    expect(refusal(Buffer.from('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR', 'latin1'))).toBe('not_a_spreadsheet');
    expect(refusal(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'))).toBe('not_a_spreadsheet');
    expect(refusal(Buffer.from('name,age\n\x00\x01\x02binary', 'latin1'))).toBe('not_a_spreadsheet');
  });

  it('calls a file without content empty', () => {
    expect(refusal(Buffer.alloc(0))).toBe('empty_file');
    expect(refusal(Buffer.from(' \r\n\t\n'))).toBe('empty_file');
    expect(refusal(Buffer.from('\ufeff\r\n'))).toBe('empty_file');
    expect(refusal(Buffer.from('\ufeff \n', 'utf16le'))).toBe('empty_file');
  });
});
