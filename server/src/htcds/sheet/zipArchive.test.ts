import { describe, expect, it } from 'vitest';
import { readSheetRows } from './readSheet.js';
import { InflateBudget, inflateEntry, readZipDirectory } from './zipArchive.js';
import { workbookOf, zipOf } from './zipFixture.js';

describe('readZipDirectory', () => {
  it('lists the entries, with sizes and offsets written the ZIP64 way too', () => {
    for (const zip64 of [false, true]) {
      const bytes = zipOf({ '/xl/workbook.xml': '<workbook/>', 'docProps/app.xml': 'x'.repeat(1000) }, { zip64 });
      const entries = readZipDirectory(bytes);
      expect([...(entries?.keys() ?? [])]).toEqual(['xl/workbook.xml', 'docProps/app.xml']);
      expect(entries?.get('docProps/app.xml')?.uncompressedSize).toBe(1000);
      expect(inflateEntry(bytes, entries!.get('docProps/app.xml')!, new InflateBudget(1000)).toString()).toBe('x'.repeat(1000));
    }
  });

  it('gives nothing for bytes that only start like a zip', () => {
    expect(readZipDirectory(Buffer.from('PK\x03\x04 then nothing of a zip', 'latin1'))).toBeNull();
    expect(readZipDirectory(zipOf({ 'a.txt': 'a' }).subarray(0, -30))).toBeNull();
  });

  it('lets a ZIP64 workbook be read', async () => {
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>P-1</t></is></c></row>';
    const read = [];
    for await (const row of readSheetRows(workbookOf([{ name: 'Cases', file: 'sheet1.xml', rows }], { zip64: true }))) read.push(row);
    expect(read).toEqual([{ row: 1, cells: ['P-1'] }]);
  });
});
