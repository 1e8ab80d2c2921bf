import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { label, signIn } from './thaiSession';

/**
 * Issue 5's acceptance journey: the ministry's data officer brings in a workbook in the IOM
 * toolkit's layout from the Thai interface, reads the dry run's report, imports it, and finds
 * the people her file wrote in Thai script by typing their names in Latin letters.
 */
const FIELDS = [
  'No.',
  'prs_FirstName',
  'prs_SecondName',
  'prs_Birthdate',
  'prs_Gender',
  'prs_Citizenship',
  'vic_TypeOfExploitation',
  'cas_Status',
];
const LABELS = ['No.', 'First Name', 'Second Name', 'Birthdate', 'Gender', 'Citizenship', 'Type of Exploitation', 'Case Status'];

async function toolkitWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases');
  sheet.addRow(FIELDS);
  sheet.addRow(LABELS);
  // Thai-script names, Buddhist-era and spreadsheet dates, labels in Thai: the file as agencies keep it.
  sheet.addRow([1, 'บุญมี', 'แก้วใส', '12/03/2540', 'หญิง', 'TH', 'แรงงานบังคับ', 'Active']);
  sheet.addRow([
    2,
    'จันทร์เพ็ญ',
    'ทองคำ',
    new Date(Date.UTC(2001, 6, 9)),
    'Feminine',
    'Thailand',
    'SexualExploitation;ForcedLabour',
    'Active',
  ]);
  sheet.addRow([3, 'สมศรี', 'มีสุข', '1999-11-30', 'Feminine', 'LA', 'Servitude', 'FollowUp']);
  sheet.addRow([4]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('th.data imports a toolkit workbook in Thai, checks it, imports it and finds the people in Latin letters', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signIn(browser, 'th.data');
  await page.getByRole('link', { name: label('nav.htcdsImport') }).click();
  await expect(page.getByRole('heading', { name: label('htcdsExchange.import.title') })).toBeVisible();

  await page.getByLabel(label('htcdsExchange.import.file')).setInputFiles({
    name: 'ทะเบียนผู้เสียหาย-2567.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await toolkitWorkbook(),
  });
  await page.getByRole('button', { name: label('htcdsExchange.import.check') }).click();

  // The dry run: three rows would become three cases, no errors, nothing written yet.
  await expect(page.getByRole('heading', { name: label('htcdsExchange.report.dryRunTitle') })).toBeVisible();
  await expect(page.getByTestId('import-state')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('count-rows')).toHaveAttribute('data-value', '3');
  await expect(page.getByTestId('count-imported')).toHaveAttribute('data-value', '3');
  await expect(page.getByTestId('count-errors')).toHaveAttribute('data-value', '0');
  await expect(page.getByText(label('htcdsExchange.import.readyTitle'), { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: label('htcdsExchange.report.columns') })).toBeVisible();
  const before = await (await page.request.get('/api/imports')).json();
  expect(before.items.filter((job: { dryRun: boolean }) => !job.dryRun)).toEqual([]);

  await page.getByRole('button', { name: label('htcdsExchange.import.start_other').replace('{{count}}', '3') }).click();
  await expect(page.getByRole('heading', { name: label('htcdsExchange.report.importTitle') })).toBeVisible();
  await expect(page.getByTestId('import-state')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('count-imported')).toHaveAttribute('data-value', '3');
  await expect(page.getByText(label('htcdsExchange.import.finishedTitle'), { exact: true })).toBeVisible();
  // A data officer reads no cases: the report does not send her to a case list she cannot open.
  await expect(page.getByRole('link', { name: label('htcdsExchange.import.openCases') })).toHaveCount(0);

  // Her own import's records, looked up in another script than the file's.
  const records = page.getByTestId('import-records');
  await expect(records.getByRole('row')).toHaveCount(4);
  const search = page.getByRole('textbox', { name: label('htcdsExchange.records.search') });
  await search.fill('Boonmee Kaewsai');
  await expect(records.getByRole('row')).toHaveCount(2);
  await expect(records.getByRole('row').nth(1)).toContainText('บุญมี แก้วใส');
  await search.fill('Chanpen Thongkham');
  await expect(records.getByRole('row')).toHaveCount(2);
  await expect(records.getByRole('row').nth(1)).toContainText('จันทร์เพ็ญ ทองคำ');
  await search.fill('Somchai Jaidee');
  await expect(page.getByText(label('htcdsExchange.records.empty'))).toBeVisible();
  await search.fill('Somsri Meesuk');
  await expect(records.getByRole('row').nth(1)).toContainText('สมศรี มีสุข');
  await expect(records.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('5');

  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: 'test-results/htcds-import-th.png', fullPage: true });
});
