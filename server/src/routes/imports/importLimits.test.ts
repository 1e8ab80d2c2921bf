import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';
import { repeatedPart, WORKSHEET_XML, workbookOf } from '../../htcds/sheet/zipFixture.js';

const MEGABYTE = 1024 * 1024;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER_ROW = '<row r="1"><c r="A1" t="inlineStr"><is><t>prs_FirstName</t></is></c></row>';
/** A valid row (column A) carrying a long cell no column is read from (column B). */
const paddedRow = (padding: string) =>
  `<row r="2"><c r="A2" t="inlineStr"><is><t>Mali</t></is></c><c r="B2" t="inlineStr"><is><t>${padding}</t></is></c></row>`;

async function caseCount(app: TestApp): Promise<number> {
  return asSystem(app.database.db, async (tx) =>
    Number(rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from cases`))[0]!.n),
  );
}

/** Samples the server's memory (it runs in this process) while `work` runs. */
async function rssGrowthDuring<T>(work: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  try {
    const result = await work();
    return { result, growth: Math.max(peak, process.memoryUsage().rss) - baseline };
  } finally {
    clearInterval(sampler);
  }
}

describe('HTCDS import limits', () => {
  let app: TestApp;
  let data: ApiClient;

  beforeAll(async () => {
    app = await startTestApp({ IMPORT_MAX_ROWS: '5000', IMPORT_MAX_INFLATED_BYTES: String(32 * MEGABYTE) });
    data = await app.login('th.data');
  }, 60_000);
  afterAll(async () => app?.close());

  it('refuses a 1 MB workbook that unpacks to 1 GB, four at once, with memory bounded and nothing written', async () => {
    const bomb = workbookOf([{ name: 'Cases', file: 'sheet1.xml', rows: HEADER_ROW }], {
      parts: {
        'xl/worksheets/sheet1.xml': await repeatedPart(
          `${WORKSHEET_XML.head}${HEADER_ROW}`,
          paddedRow('A'.repeat(64 * 1024)),
          16 * 1024,
          WORKSHEET_XML.tail,
        ),
      },
    });
    expect(bomb.length).toBeLessThan(2 * MEGABYTE);
    const before = await caseCount(app);
    const { result: reports, growth } = await rssGrowthDuring(() =>
      Promise.all([1, 2, 3, 4].map(() => data.upload('/api/imports/htcds?dryRun=false', { name: 'bomb.xlsx', type: XLSX, bytes: bomb }))),
    );
    for (const report of reports) {
      expect(report.status).toBe(200);
      expect(report.body).toMatchObject({ state: 'failed', imported: 0, errorCount: 1 });
      expect(report.body.errors[0]).toMatchObject({ code: 'sheet_too_large', row: null });
    }
    expect(growth).toBeLessThan(150 * MEGABYTE);
    expect(await caseCount(app)).toBe(before);
  }, 120_000);

  it('refuses a file of more rows than IMPORT_MAX_ROWS, naming the limit, and writes none of them', async () => {
    const before = await caseCount(app);
    const csv = Buffer.from(`prs_FirstName\n${'Mali\n'.repeat(1_000_000)}`);
    const report = await data.upload('/api/imports/htcds?dryRun=false', { name: 'million.csv', type: 'text/csv', bytes: csv });
    expect(report.body).toMatchObject({ state: 'failed', imported: 0 });
    expect(report.body.errors[0]).toMatchObject({ code: 'too_many_rows', params: { max: 5000 } });
    expect(report.body.errors[0].message).toBe('The file has more than 5000 rows: split it into smaller files.');
    expect(await caseCount(app)).toBe(before);
  }, 120_000);
});
