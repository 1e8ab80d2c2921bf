import { REPORT_TEMPLATES, type StatisticReport } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { readPdf } from '../../../test/pdf.js';
import { asSystem } from '../../db/actorContext.js';
import { localToday } from '../../followUp/schedule.js';
import { STATISTIC_DEFINITIONS } from '../../statistics/definitions.js';
import { reportPeriodOf } from '../../statistics/reports/reportPeriod.js';
import { REPORT_TEXT } from '../../statistics/reports/reportText.js';

/**
 * Issue 13: statistical reports. th.data generates the national annual report from the demo's
 * records; its tables are the dashboard's figures, frozen; th.director, a second person, signs it
 * and releases it once; it prints in Thai (Buddhist-era years) and as a workbook of numbers.
 */
let t: TestApp;
let data: ApiClient;
let director: ApiClient;
/** Generated before the test that moves the year's records away, for the file tests. */
let printed: StatisticReport;
/** Reports are of periods that have ended: last year, and the last quarter ended, as Thailand counts days. */
const today = localToday('TH', new Date());
const YEAR = Number(today.slice(0, 4)) - 1;
const quarterNow = Math.ceil(Number(today.slice(5, 7)) / 3);
const LAST_QUARTER = quarterNow === 1 ? { year: YEAR, part: 4 } : { year: YEAR + 1, part: quarterNow - 1 };
const QUARTER_NOW = { year: YEAR + 1, part: quarterNow };

beforeAll(async () => {
  t = await startTestApp();
  [data, director] = await Promise.all([t.login('th.data'), t.login('th.director')]);
  printed = created(await data.post('/api/statistics/reports', { template: 'national_annual', year: YEAR }));
}, 120_000);

afterAll(async () => {
  await t?.close();
});

function created(response: { status: number; body: any }): StatisticReport {
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body;
}

function ok(response: { status: number; body: any }): StatisticReport {
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

describe('report templates', () => {
  it('break every figure down only as its definition allows, and cover whole quarters, halves and years', () => {
    for (const template of Object.values(REPORT_TEMPLATES)) {
      for (const table of template.tables) {
        for (const by of table.by) expect(STATISTIC_DEFINITIONS[table.statistic].breakdowns, `${table.statistic} by ${by}`).toContain(by);
      }
    }
    expect(reportPeriodOf({ template: 'national_quarterly', year: 2025, part: 4 })).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(reportPeriodOf({ template: 'national_six_monthly', year: 2024, part: 1 })).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    expect(reportPeriodOf({ template: 'national_annual', year: 2025 })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});

describe('a national report', () => {
  it('holds the dashboard’s figures for the year, frozen when generated, in the country’s language', async () => {
    const report = created(await data.post('/api/statistics/reports', { template: 'national_annual', year: YEAR }));
    expect(report).toMatchObject({
      template: 'national_annual',
      from: `${YEAR}-01-01`,
      to: `${YEAR}-12-31`,
      locale: 'th',
      status: 'draft',
      version: 1,
    });
    expect(report.generated?.name).toBe('Suda Thongdee');
    expect(report.actions).toEqual([]);
    expect(report.tables).toHaveLength(REPORT_TEMPLATES.national_annual.tables.length);
    // One number for one fact: each table is what the statistics page shows for the same question.
    for (const table of report.tables) {
      const query = `statistic=${table.statistic}&from=${table.from}&to=${table.to}${table.by.length ? `&by=${table.by.join(',')}` : ''}`;
      const figure = await data.get(`/api/statistics/figures?${query}`);
      expect(figure.body, query).toEqual(table);
    }
    const identified = report.tables[0]!;
    expect(identified.statistic).toBe('victims_identified');

    // Records change afterwards (every identification moved into the year): the report keeps its numbers.
    await asSystem(t.database.db, (tx) => tx.execute(sql`update trafficking_status_decisions set decided_on = ${`${YEAR}-06-15`}::date`));
    const again = ok(await data.get(`/api/statistics/reports/${report.id}`));
    expect(again.tables).toEqual(report.tables);
    const now = await data.get(`/api/statistics/figures?statistic=victims_identified&from=${YEAR}-01-01&to=${YEAR}-12-31&by=sex,ageBand`);
    expect(now.body.total.value).not.toEqual(identified.total.value);
  });

  it('is signed by a second person, released once, and never changed after', async () => {
    const report = created(await data.post('/api/statistics/reports', { template: 'national_quarterly', ...LAST_QUARTER }));
    const signature = { signatoryName: 'Dr. Kanya Phromma', signatoryPosition: 'Director, Data Centre', version: report.version };
    expectProblem(await data.post(`/api/statistics/reports/${report.id}/approve`, signature), 403, 'forbidden');
    expectProblem(await director.post(`/api/statistics/reports/${report.id}/release`, { version: 1 }), 409, 'conflict');
    const read = ok(await director.get(`/api/statistics/reports/${report.id}`));
    expect(read.actions).toEqual(['approve']);

    const approved = ok(await director.post(`/api/statistics/reports/${report.id}/approve`, signature));
    expect(approved).toMatchObject({ status: 'approved', version: 2, actions: ['release'] });
    expect(approved.approved).toMatchObject({ name: 'Dr. Kanya Phromma', signatoryPosition: 'Director, Data Centre' });
    expectProblem(await director.post(`/api/statistics/reports/${report.id}/approve`, signature), 409, 'conflict');
    // A stale version (a colleague's step in between) is refused, not applied on top.
    expectProblem(await director.post(`/api/statistics/reports/${report.id}/release`, { version: 1 }), 409, 'conflict');

    const released = ok(await director.post(`/api/statistics/reports/${report.id}/release`, { version: 2 }));
    expect(released).toMatchObject({ status: 'released', version: 3, actions: [] });
    expectProblem(await director.post(`/api/statistics/reports/${report.id}/release`, { version: 3 }), 409, 'conflict');

    // The same quarter generated again: it can be signed, but not released over the first.
    const second = created(await data.post('/api/statistics/reports', { template: 'national_quarterly', ...LAST_QUARTER }));
    ok(await director.post(`/api/statistics/reports/${second.id}/approve`, { ...signature, version: 1 }));
    expectProblem(await director.post(`/api/statistics/reports/${second.id}/release`, { version: 2 }), 409, 'conflict');
    expect(ok(await data.get(`/api/statistics/reports/${report.id}`)).tables).toEqual(report.tables);

    // An approver does not sign the figures she generated herself.
    const own = created(await director.post('/api/statistics/reports', { template: 'national_annual', year: YEAR - 1 }));
    expect(own.actions).toEqual([]);
    expectProblem(await director.post(`/api/statistics/reports/${own.id}/approve`, { ...signature, version: 1 }), 403, 'forbidden');
  });

  it('refuses a period the template does not have, or that has not ended, naming the field', async () => {
    const unfinished = expectProblem(
      await data.post('/api/statistics/reports', { template: 'national_quarterly', ...QUARTER_NOW }),
      400,
      'validation_failed',
    );
    expect(unfinished.errors!.map((error: { path: string }) => error.path)).toEqual(['part']);
    const thisYear = expectProblem(
      await data.post('/api/statistics/reports', { template: 'national_annual', year: YEAR + 1 }),
      400,
      'validation_failed',
    );
    expect(thisYear.errors!.map((error: { path: string }) => error.path)).toEqual(['year']);
    const noQuarter = expectProblem(
      await data.post('/api/statistics/reports', { template: 'national_quarterly', year: YEAR }),
      400,
      'validation_failed',
    );
    expect(noQuarter.errors!.map((error: { path: string }) => error.path)).toContain('part');
    const fifthQuarter = expectProblem(
      await data.post('/api/statistics/reports', { template: 'national_quarterly', year: YEAR, part: 5 }),
      400,
      'validation_failed',
    );
    expect(fifthQuarter.errors!.map((error: { path: string }) => error.path)).toContain('part');
    expectProblem(
      await data.post('/api/statistics/reports', { template: 'national_annual', year: YEAR, part: 2 }),
      400,
      'validation_failed',
    );
    expectProblem(await data.post('/api/statistics/reports', { template: 'national_weekly', year: YEAR }), 400, 'validation_failed');
    expectProblem(await data.get('/api/statistics/reports/not-a-uuid'), 400, 'validation_failed');
  });
});

describe('report files', () => {
  const report = {
    get id() {
      return printed.id;
    },
    get tables() {
      return printed.tables;
    },
  };

  it('prints a PDF in Thai with the Buddhist-era year, marked as not released on every page while a draft', async () => {
    const file = await data.download(`/api/statistics/reports/${report.id}/file?format=pdf`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('application/pdf');
    const pdf = await readPdf(file.bytes);
    expect(pdf.text).toContain(REPORT_TEXT.th.title.national_annual);
    expect(pdf.text).toContain(String(YEAR + 543));
    expect(pdf.text).toContain('ผู้เสียหายที่ได้รับการคัดแยก');
    // The banner's first words on every page (extraction may drop the space around its dash).
    expect(pdf.text.split(REPORT_TEXT.th.notReleased.split(' ')[0]!).length - 1).toBeGreaterThanOrEqual(pdf.pages);
    const english = await readPdf((await data.download(`/api/statistics/reports/${report.id}/file?format=pdf&locale=en`)).bytes);
    expect(english.text).toContain('Annual report on trafficking in persons');
    expect(english.text).toContain('Victims identified — Sex × Age band (Persons)');
  });

  it('writes a workbook whose numbers are the report’s, hidden cells as “< 5”', async () => {
    const file = await data.download(`/api/statistics/reports/${report.id}/file?format=xlsx&locale=en`);
    expect(file.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Tables', ...report.tables.map((_, index) => `Table ${index + 1}`)]);
    const first = workbook.getWorksheet('Table 1')!;
    expect(first.getCell('A1').value).toBe('Victims identified — Sex × Age band (Persons)');
    let lastRow = first.getRow(1);
    first.eachRow((row) => {
      if (row.getCell(1).value === 'Total') lastRow = row;
    });
    expect(lastRow.getCell(1).value).toBe('Total');
    const total = report.tables[0]!.total;
    expect(lastRow.getCell(lastRow.actualCellCount).value).toBe(total.suppressed ? '< 5' : total.value);
    const cells = first
      .getSheetValues()
      .flat()
      .filter((value) => typeof value === 'number');
    expect(cells.every((value) => value === 0 || value >= 5)).toBe(true);
    const notRecorded = report.tables.findIndex((table) => table.availability === 'not_recorded');
    expect(workbook.getWorksheet(`Table ${notRecorded + 1}`)!.getCell('A4').value).toContain('No data recorded');
    // A reader of the file learns that totals need not add up, and why.
    const notes = first.getColumn(1).values.filter((value): value is string => typeof value === 'string');
    expect(notes.some((note) => note.startsWith('“< 5”'))).toBe(true);
    expect(notes).toContain(
      'Every number shown is moved up or down by at most 2, by an amount the records it counts decide, so that no number can be subtracted from another to single out a person. A total may differ slightly from the sum of its parts.',
    );
  });
});
