import { type FigureTable, REPORT_TEMPLATES, type ReportTemplate, type StatisticReport } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../../test/harness.js';
import { readPdf } from '../../../test/pdf.js';
import { asSystem } from '../../db/actorContext.js';
import { localToday } from '../../followUp/schedule.js';
import { STATISTIC_DEFINITIONS } from '../../statistics/definitions.js';
import { REPORT_TEXT } from '../../statistics/reports/reportText.js';

/**
 * Issue 13: the shapes asked of a ministry by the US TIP report, the COMMIT process and ASEAN
 * (ACTIP) reporting are templates that are data. th.data generates each for last year from the
 * demo's records: the report holds exactly the template's tables, publishes no small number, and
 * downloads as PDF and XLSX like a national report.
 */
const REGIONAL_TEMPLATES = ['us_tip_annual', 'commit_annual', 'asean_actip_annual'] as const satisfies readonly ReportTemplate[];
const YEAR = Number(localToday('TH', new Date()).slice(0, 4)) - 1;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let data: ApiClient;

beforeAll(async () => {
  t = await startTestApp();
  data = await t.login('th.data');
  // The demo's identifications are recent; moved into last year, the report has numbers to hide or show.
  await asSystem(t.database.db, (tx) => tx.execute(sql`update trafficking_status_decisions set decided_on = ${`${YEAR}-06-15`}::date`));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

/** Every number a reader sees: cells, row and column totals, and the grand total, unless hidden. */
const shownNumbers = (table: FigureTable): number[] =>
  [...table.cells, ...table.margins.flat(), table.total]
    .filter((cell) => !cell.suppressed && cell.value !== null)
    .map((cell) => cell.value as number);

describe('every report template', () => {
  it('breaks each figure down only as its definition allows, by at most two different breakdowns', () => {
    for (const [template, { tables }] of Object.entries(REPORT_TEMPLATES)) {
      for (const table of tables) {
        const name = `${template}: ${table.statistic} by ${table.by.join(' × ') || 'nothing'}`;
        expect(table.by.length, name).toBeLessThanOrEqual(2);
        expect(new Set(table.by).size, name).toBe(table.by.length);
        for (const by of table.by) expect(STATISTIC_DEFINITIONS[table.statistic].breakdowns, name).toContain(by);
      }
    }
  });

  it('lists the national reports first, then the regional and international ones, each of a calendar year, then open data', () => {
    expect(Object.keys(REPORT_TEMPLATES)).toEqual([
      'national_quarterly',
      'national_six_monthly',
      'national_annual',
      ...REGIONAL_TEMPLATES,
      'public_annual',
    ]);
    for (const template of REGIONAL_TEMPLATES) expect(REPORT_TEMPLATES[template].period).toBe('year');
  });
});

describe.each(REGIONAL_TEMPLATES)('the %s report', (template) => {
  let report: StatisticReport;

  beforeAll(async () => {
    const response = await data.post('/api/statistics/reports', { template, year: YEAR });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    report = response.body;
  }, 60_000);

  it('holds exactly the template’s tables, for the calendar year, no shown number below the threshold', () => {
    expect(report).toMatchObject({ template, from: `${YEAR}-01-01`, to: `${YEAR}-12-31`, locale: 'th', status: 'draft' });
    expect(report.tables.map(({ statistic, by }) => ({ statistic, by }))).toEqual(
      REPORT_TEMPLATES[template].tables.map(({ statistic, by }) => ({ statistic, by: [...by] })),
    );
    const shown: number[] = [];
    for (const table of report.tables) {
      expect(table).toMatchObject({ from: `${YEAR}-01-01`, to: `${YEAR}-12-31` });
      expect(table.availability).toBe(STATISTIC_DEFINITIONS[table.statistic].availability);
      if (table.availability === 'not_recorded') continue;
      expect(table.threshold).toBeGreaterThanOrEqual(5);
      const numbers = shownNumbers(table);
      shown.push(...numbers);
      const small = numbers.filter((value) => value !== 0 && value < table.threshold);
      expect(small, `${table.statistic} by ${table.by.join(',')}`).toEqual([]);
    }
    // Not vacuous: the year's identifications show somewhere.
    expect(Math.max(...shown)).toBeGreaterThanOrEqual(5);
  });

  it('downloads as a PDF and as a workbook', async () => {
    const pdf = await data.download(`/api/statistics/reports/${report.id}/file?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    // Extraction drops the space where Thai script meets Latin letters, so spaces are not compared.
    const unspaced = (text: string) => text.replace(/\s+/g, '');
    expect(unspaced((await readPdf(pdf.bytes)).text)).toContain(unspaced(REPORT_TEXT.th.title[template]));
    const xlsx = await data.download(`/api/statistics/reports/${report.id}/file?format=xlsx&locale=en`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(REPORT_TEMPLATES[template].tables.length + 1);
  }, 60_000);
});

describe('the public annual release', () => {
  it('is differentially private, draws its noise once, and says so in every language it is written in', async () => {
    const first = await data.post('/api/statistics/reports', { template: 'public_annual', year: YEAR });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const report = first.body as StatisticReport;
    for (const table of report.tables) {
      expect(table).toMatchObject({ adjustment: 0, differentialPrivacy: { epsilon: 2 } });
      for (const value of shownNumbers(table)) expect(value).toBeGreaterThanOrEqual(table.threshold);
    }
    // Another language, or a new draft, carries the same numbers: a second draw could be averaged with the first.
    const again = await data.post('/api/statistics/reports', { template: 'public_annual', year: YEAR, locale: 'en' });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(report.id);
    expect((again.body as StatisticReport).tables).toEqual(report.tables);

    const pdf = await data.download(`/api/statistics/reports/${again.body.id}/file?format=pdf`);
    const text = (await readPdf(pdf.bytes)).text.replace(/\s+/g, ' ');
    expect(text).toContain('differential privacy: ε = 2 per table, 14 for the whole release');
    expect(text).not.toContain(REPORT_TEXT.en.adjusted.slice(0, 40));
  }, 60_000);
});
