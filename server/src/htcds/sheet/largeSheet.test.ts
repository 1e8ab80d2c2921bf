import { PassThrough } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { CellValue, SheetFormat } from './cells.js';
import { readSheetRows } from './readSheet.js';
import { writeSheet } from './writeSheet.js';

const NAMES = ['สมชาย ใจดี', 'សុខា ចាន់', 'အောင်ကျော်', '王小明', 'Nguyễn Văn An', 'ສົມພອນ'];
const HEADER = ['person_id', 'name', 'date_of_birth', 'age', 'consent', 'phone', 'country', 'industry', 'note', 'score'];

function* caseRows(count: number): Generator<CellValue[]> {
  yield HEADER;
  for (let index = 1; index <= count; index++) {
    yield [
      `P-${index}`,
      `${NAMES[index % NAMES.length]} ${index}`,
      new Date(Date.UTC(1970 + (index % 40), index % 12, 1 + (index % 28))),
      18 + (index % 50),
      index % 2 === 0,
      `+66 8${index % 10} ${String(index).padStart(7, '0')}`,
      ['TH', 'KH', 'MM', 'LA', 'VN'][index % 5] ?? null,
      index % 3 === 0 ? null : 'fishing',
      `Case note ${index}: met at the shelter, interview planned`,
      index / 7,
    ];
  }
}

async function written(format: SheetFormat, count: number): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeSheet(caseRows(count), out, { format, sheetName: 'HTCDS', metadata: [['Export', 'test']], metadataSheetName: 'About' });
  return Buffer.concat(chunks);
}

/** A full collection on demand, so heap figures show what is kept rather than garbage not yet swept. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Reads every row, keeping none, and reports how far the live heap grew above where it started. */
async function streamThrough(bytes: Buffer) {
  const progress: number[] = [];
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  let count = 0;
  let last: { row: number; cells: CellValue[] } | undefined;
  for await (const row of readSheetRows(bytes, { onProgress: (bytesRead) => progress.push(bytesRead) })) {
    count++;
    last = row;
    if (count % 20_000 === 0) {
      collectGarbage();
      peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
  }
  return { count, last, progress, heapGrowth: peak - baseline };
}

const MEGABYTE = 1024 * 1024;

describe('reading a large file', () => {
  it('streams 100,000 CSV rows', async () => {
    const bytes = await written('csv', 100_000);
    const { count, last, progress, heapGrowth } = await streamThrough(bytes);
    expect(count).toBe(100_001);
    expect(last).toEqual({
      row: 100_001,
      cells: [
        'P-100000',
        `${NAMES[100_000 % NAMES.length]} 100000`,
        '1970-05-13',
        '18',
        'TRUE',
        '+66 80 0100000',
        'TH',
        'fishing',
        'Case note 100000: met at the shelter, interview planned',
        String(100_000 / 7),
      ],
    });
    expect(progress.length).toBeGreaterThan(90);
    expect(progress[0]).toBeLessThan(bytes.length * 0.9);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(bytes.length);
    expect(heapGrowth).toBeLessThan(40 * MEGABYTE);
  });

  it('streams 100,000 XLSX rows', async () => {
    const bytes = await written('xlsx', 100_000);
    const { count, last, progress, heapGrowth } = await streamThrough(bytes);
    expect(count).toBe(100_001);
    expect(last).toEqual({
      row: 100_001,
      cells: [
        'P-100000',
        `${NAMES[100_000 % NAMES.length]} 100000`,
        new Date(Date.UTC(1970, 4, 13)),
        18,
        true,
        '+66 80 0100000',
        'TH',
        'fishing',
        'Case note 100000: met at the shelter, interview planned',
        100_000 / 7,
      ],
    });
    expect(progress.length).toBeGreaterThan(90);
    expect(progress[0]).toBeLessThan(bytes.length * 0.9);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(bytes.length);
    // Its shared strings (every distinct text in the file) are kept while the sheet is read.
    expect(heapGrowth).toBeLessThan(100 * MEGABYTE);
  });
});
