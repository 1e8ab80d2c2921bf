import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { REPORT_TEMPLATES } from '../packages/contracts/src/statisticReports';
import { REPORT_TEXT } from '../server/src/statistics/reports/reportText';
import { readPdf, renderPdfPage } from '../server/test/pdf';
import { label, pickOption, signIn } from './thaiSession';

/**
 * Issue 13's acceptance journey: the ministry's data officer reads the statistics in Thai,
 * narrows them to children in 2025, then generates the national annual report for 2025 and
 * downloads it as a PDF (read back and drawn as an image) and as a workbook.
 */
test('th.data filters the statistics to children in 2025 and downloads the annual report as PDF and XLSX', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signIn(browser, 'th.data');
  await page
    .getByRole('link', { name: label('nav.statistics') })
    .first()
    .click();
  await expect(page.getByRole('heading', { name: label('statistics.title'), level: 1 })).toBeVisible();

  await pickOption(page, label('statistics.period.year'), '2568');
  await pickOption(page, label('statistics.filter.age'), label('statistics.filter.child'));
  await expect(page).toHaveURL(/year=2025/);
  await expect(page).toHaveURL(/age=child/);
  await expect(page.getByRole('table').first()).toBeVisible();

  await page.getByRole('link', { name: label('statisticReports.open') }).click();
  await pickOption(page, label('statisticReports.generate.template'), label('statisticReports.template.national_annual'));
  await pickOption(page, label('statisticReports.generate.year'), '2568');
  await page.getByRole('button', { name: label('statisticReports.generate.submit') }).click();
  await expect(page.getByRole('heading', { name: label('statisticReports.template.national_annual') })).toBeVisible();

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: label('statisticReports.download.pdf') }).click();
  const pdfPath = 'test-results/e2e-annual-report.pdf';
  await (await pdfDownload).saveAs(pdfPath);
  const pdf = readFileSync(pdfPath);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { text, pages } = await readPdf(pdf);
  expect(text).toContain(REPORT_TEXT.th.title.national_annual);
  expect(text).toContain('2568');
  expect(text).toContain(REPORT_TEXT.th.statistic.victims_identified);
  // Drawn as a viewer draws it: the first page carries the title, the figures and their tables.
  for (let number = 1; number <= pages; number++) {
    expect((await renderPdfPage(pdf, number, 50)).inkRatio).toBeGreaterThan(0.01);
  }

  const xlsxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: label('statisticReports.download.xlsx') }).click();
  const xlsxPath = 'test-results/e2e-annual-report.xlsx';
  await (await xlsxDownload).saveAs(xlsxPath);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(xlsxPath) as unknown as ArrayBuffer);
  expect(workbook.worksheets).toHaveLength(REPORT_TEMPLATES.national_annual.tables.length + 1);
  expect(workbook.worksheets[1]!.getCell('A1').value).toContain(REPORT_TEXT.th.statistic.victims_identified);
});
