import { MantineProvider } from '@mantine/core';
import type { HtcdsImportReport } from '@seamless/contracts';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../locales/en';
import { ImportReport } from './ImportReport';

const thaiFiles = import.meta.glob<Record<string, unknown>>('../../locales/th/*.json', { eager: true, import: 'default' });
const th = Object.assign({}, ...Object.values(thaiFiles));

const i18n = i18next.createInstance();
beforeAll(() =>
  i18n.init({
    lng: 'en',
    resources: { en: { translation: en }, th: { translation: th } },
    interpolation: { escapeValue: false },
  }),
);

const dryRun: HtcdsImportReport = {
  jobId: '0b8b9a1e-8f3e-4d1f-9d59-2d4a8c1f6a01',
  state: 'done',
  dryRun: true,
  fileName: 'cases-2024.xlsx',
  format: 'xlsx',
  layout: 'toolkit',
  rows: 14,
  imported: 12,
  matchedExisting: 3,
  skipped: 2,
  processed: 14,
  bytesRead: 5000,
  bytesTotal: 5000,
  errorCount: 0,
  errors: [],
  warnings: [],
  columns: [
    { position: 1, header: 'prs_FirstName', field: 'prs_FirstName', matchedBy: 'name', held: true },
    { position: 2, header: 'Marital Status', field: 'prs_MaritalStatus', matchedBy: 'label', held: false },
    { position: 28, header: 'Notes', field: null, matchedBy: null, held: false },
  ],
  createdAt: '2024-05-01T08:00:00.000Z',
  finishedAt: '2024-05-01T08:00:02.000Z',
  mine: true,
};

const withErrors: HtcdsImportReport = {
  ...dryRun,
  imported: 11,
  errorCount: 2,
  errors: [
    { row: 7, column: 'prs_Birthdate', code: 'not_a_date', message: 'Not a date', params: { value: '31/02/1990' } },
    { row: null, column: null, code: 'macros_ignored', message: 'Macros ignored', params: {} },
  ],
  warnings: [
    { row: 9, column: 'prs_Gender', code: 'unknown_value', message: 'Unknown value', params: { value: 'F', suggestion: 'Female' } },
  ],
};

async function render(report: HtcdsImportReport, language = 'en'): Promise<string> {
  await i18n.changeLanguage(language);
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(
        MantineProvider,
        null,
        createElement(
          I18nextProvider,
          { i18n },
          createElement(ImportReport, { report, onImport: () => {}, importPending: false, caseListLink: 'CASE-LIST-LINK' }),
        ),
      ),
    ),
  );
}

/** The text of each body row of the table whose section has this heading. */
function tableRows(markup: string, heading: string): string[][] {
  const start = markup.indexOf(`>${heading}</h3>`);
  if (start === -1) throw new Error(`No section headed ${heading}`);
  const body = markup.slice(start, markup.indexOf('</section>', start)).split('<tbody')[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map(([, row]) =>
    [...(row ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map(([, cell]) => (cell ?? '').replace(/<[^>]+>/g, '')),
  );
}

const count = (markup: string, id: string) => new RegExp(`data-testid="${id}" data-value="(\\d+)"`).exec(markup)?.[1];

describe('ImportReport', () => {
  it('shows the counts of a dry run, each where a test can read it', async () => {
    const markup = await render(dryRun);
    expect(markup).toContain('data-testid="import-counts"');
    expect(['count-rows', 'count-imported', 'count-matched', 'count-skipped', 'count-errors'].map((id) => count(markup, id))).toEqual([
      '14',
      '12',
      '3',
      '2',
      '0',
    ]);
    expect(markup).toContain('data-testid="import-state" data-state="done"');
    expect(markup).toContain('Cases to be created');
  });

  it('previews how each column was understood', async () => {
    expect(tableRows(await render(dryRun), 'Columns')).toEqual([
      ['A', 'prs_FirstName', 'prs_FirstName', 'Field name'],
      ['B', 'Marital Status', 'prs_MaritalStatusNot kept', 'Label'],
      ['AB', 'Notes', 'Not kept', 'Not recognised'],
    ]);
  });

  it('offers the import only for a dry run without errors', async () => {
    const clean = await render(dryRun);
    expect(clean).toContain('Import 12 cases');
    expect(clean).toContain('No errors.');

    const faulty = await render(withErrors);
    expect(faulty).not.toContain('Import 11 cases');
    expect(faulty).toContain('The file has errors');
  });

  it('words errors and warnings from the catalogue, with their row and column', async () => {
    const markup = await render(withErrors);
    expect(tableRows(markup, 'Errors')).toEqual([
      ['7', 'prs_Birthdate', '“31/02/1990” is not a date. Write dates as YYYY-MM-DD.'],
      ['Whole file', '', 'The workbook contains macros; they were ignored and never run.'],
    ]);
    expect(tableRows(markup, 'Warnings')).toEqual([
      ['9', 'prs_Gender', '“F” is not one of the values this column accepts. Did you mean “Female”?'],
    ]);
    expect(markup).not.toContain('Not a date');
  });

  it('speaks the reader’s language', async () => {
    const markup = await render(withErrors, 'th');
    const thai = th as typeof en;
    expect(markup).toContain(`>${thai.htcdsExchange.report.errors}</h3>`);
    expect(tableRows(markup, thai.htcdsExchange.report.errors)[0]?.[2]).toBe(
      thai.htcdsExchange.issue.not_a_date.replace('{{value}}', '31/02/1990'),
    );
  });

  it('shows progress while a job runs, and no counts yet', async () => {
    const markup = await render({ ...dryRun, state: 'validating', bytesRead: 400, bytesTotal: 1000 });
    expect(markup).toContain('role="progressbar"');
    expect(markup).toContain('aria-label="Checking the file…"');
    expect(markup).toContain('aria-valuenow="40"');
    expect(markup).toContain('data-state="validating"');
    expect(markup).not.toContain('data-testid="import-counts"');
  });

  it('says plainly when a real import failed', async () => {
    const failed = await render({ ...withErrors, dryRun: false, state: 'failed', imported: 0, matchedExisting: 0 });
    expect(failed).toContain('Nothing was imported');
    expect(failed).not.toContain('CASE-LIST-LINK');
    expect(failed).not.toContain('>Columns</h3>');

    const done = await render({ ...dryRun, dryRun: false });
    expect(done).toContain('Import finished');
    expect(done).toContain('CASE-LIST-LINK');
    expect(done).toContain('Cases created');
    // Only the officer who ran the import looks through the records it wrote.
    expect(done).toContain('Records this import created');
    expect(await render({ ...dryRun, dryRun: false, mine: false })).not.toContain('Records this import created');
    expect(failed).not.toContain('Records this import created');
  });
});
