import { describe, expect, it } from 'vitest';
import { DEFAULT_SHEET_LIMITS, type SheetLimits } from './cells.js';
import { readSheetRows } from './readSheet.js';
import { SheetError } from './sheetError.js';
import { repeatedPart, SHARED_STRINGS_XML, WORKSHEET_XML, workbookOf } from './zipFixture.js';

const MEGABYTE = 1024 * 1024;
const GIGABYTE = 1024 * MEGABYTE;
const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>prs_FirstName</t></is></c></row>';
const inlineRow = (text: string) => `<row r="2"><c r="A2" t="inlineStr"><is><t>${text}</t></is></c></row>`;

/** A workbook whose one worksheet (or shared-string table) repeats `body` `times` times. */
async function bombOf(part: 'worksheet' | 'sharedStrings', head: string, body: string, times: number): Promise<Buffer> {
  const xml = part === 'worksheet' ? WORKSHEET_XML : SHARED_STRINGS_XML;
  const name = part === 'worksheet' ? 'xl/worksheets/sheet1.xml' : 'xl/sharedStrings.xml';
  return workbookOf([{ name: 'Cases', file: 'sheet1.xml', rows: HEADER_ROW }], {
    parts: { [name]: await repeatedPart(`${xml.head}${head}`, body, times, xml.tail) },
  });
}

/** Reads the file to its end or its failure, and how far the process's memory rose meanwhile. */
async function readThrough(bytes: Buffer, limits: SheetLimits) {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const sampler = setInterval(sample, 10);
  let rows = 0;
  let failure: unknown;
  const started = Date.now();
  try {
    for await (const _ of readSheetRows(bytes, { limits })) {
      if (++rows % 100 === 0) sample();
    }
  } catch (error) {
    failure = error;
  } finally {
    clearInterval(sampler);
    sample();
  }
  return { rows, failure, rssGrowth: peak - baseline, seconds: (Date.now() - started) / 1000 };
}

const codeOf = (failure: unknown) => (failure instanceof SheetError ? { code: failure.code, params: failure.params } : failure);

describe('reading a file within limits', () => {
  it('stops inflating a worksheet once its parts pass the byte limit: a 1 GB sheet in a 1 MB file', async () => {
    const bytes = await bombOf('worksheet', HEADER_ROW, inlineRow('A'.repeat(64 * 1024)), GIGABYTE / (64 * 1024));
    expect(bytes.length).toBeLessThan(2 * MEGABYTE);
    const read = await readThrough(bytes, { maxRows: DEFAULT_SHEET_LIMITS.maxRows, maxInflatedBytes: 32 * MEGABYTE });
    expect(codeOf(read.failure)).toEqual({ code: 'sheet_too_large', params: {} });
    expect(read.rows).toBeLessThanOrEqual(32 * 16);
    expect(read.rssGrowth).toBeLessThan(150 * MEGABYTE);
  }, 60_000);

  it('refuses a row that never ends rather than gathering it: one cell of 1 GB', async () => {
    const bytes = await bombOf('worksheet', `${HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>`, 'A'.repeat(MEGABYTE), 1024);
    const read = await readThrough(bytes, DEFAULT_SHEET_LIMITS);
    expect(codeOf(read.failure)).toEqual({ code: 'sheet_too_large', params: {} });
    expect(read.rows).toBe(1);
    expect(read.rssGrowth).toBeLessThan(150 * MEGABYTE);
  }, 60_000);

  it('bounds the shared-string table: 50 million strings in a 2 MB file', async () => {
    const bytes = await bombOf('sharedStrings', '', '<si><t>ab</t></si>', 50_000_000);
    expect(bytes.length).toBeLessThan(4 * MEGABYTE);
    const read = await readThrough(bytes, DEFAULT_SHEET_LIMITS);
    expect(codeOf(read.failure)).toEqual({ code: 'sheet_too_large', params: {} });
    expect(read.rssGrowth).toBeLessThan(150 * MEGABYTE);
  }, 60_000);

  it('refuses more rows than allowed, at the first row too many, in a CSV file and a workbook', async () => {
    const csv = Buffer.from(`prs_FirstName\n${'Mali\n'.repeat(1_000_000)}`);
    const csvRead = await readThrough(csv, DEFAULT_SHEET_LIMITS);
    expect(codeOf(csvRead.failure)).toEqual({ code: 'too_many_rows', params: { max: DEFAULT_SHEET_LIMITS.maxRows } });
    expect(csvRead.rows).toBe(DEFAULT_SHEET_LIMITS.maxRows);

    const workbook = await bombOf('worksheet', HEADER_ROW, inlineRow('Mali'), 1_000_000);
    const workbookRead = await readThrough(workbook, { ...DEFAULT_SHEET_LIMITS, maxRows: 1000 });
    expect(codeOf(workbookRead.failure)).toEqual({ code: 'too_many_rows', params: { max: 1000 } });
    expect(workbookRead.rows).toBe(1000);
  }, 60_000);

  it('reads a file just within its limits whole', async () => {
    const csv = Buffer.from(`prs_FirstName\n${'Mali\n'.repeat(999)}`);
    expect(await readThrough(csv, { ...DEFAULT_SHEET_LIMITS, maxRows: 1000 })).toMatchObject({ rows: 1000, failure: undefined });
  });
});
