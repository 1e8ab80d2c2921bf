import { HTCDS_COLUMNS, HTCDS_IMPORT_MAX_BYTES, HTCDS_ISSUE_CODES, type HtcdsIssue } from '@seamless/contracts';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { en } from '../../locales/en';
import { htcdsExchangeApi } from './api';
import { DEFAULT_EXPORT_FORM, datesInverted, exportPath } from './exportForm';
import { canImport, chosenFileProblem, columnLetter, importProgress, isRunning } from './importJob';
import { EXCHANGE_PROBLEMS, exchangeProblemMessage, issueMessage } from './issueWording';

const t = i18next.createInstance();
beforeAll(() => t.init({ lng: 'en', resources: { en: { translation: en } }, interpolation: { escapeValue: false } }));

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const issue = (code: string, params: HtcdsIssue['params'] = {}, more: Partial<HtcdsIssue> = {}): HtcdsIssue => ({
  row: 5,
  column: 'prs_Birthdate',
  code: code as HtcdsIssue['code'],
  message: 'English from the server',
  params,
  ...more,
});

describe('the catalogue', () => {
  it('words every issue code and every problem of the import routes', () => {
    expect(HTCDS_ISSUE_CODES.filter((code) => typeof en.htcdsExchange.issue[code] !== 'string')).toEqual([]);
    expect(EXCHANGE_PROBLEMS.filter((code) => typeof en.htcdsExchange.problem[code] !== 'string')).toEqual([]);
  });

  it('labels every column an import keeps as written, in every language', async () => {
    const kept = HTCDS_COLUMNS.filter((column) => column.verbatim).map((column) => column.name);
    for (const lang of ['en', 'th', 'km', 'lo', 'my', 'vi', 'zh', 'ja']) {
      const catalogue = (await import(`../../locales/${lang}/htcdsExchange.json`)).default;
      const labels: Record<string, unknown> = catalogue.htcdsExchange.kept.column;
      expect(
        kept.filter((name) => typeof labels[name] !== 'string' || labels[name] === ''),
        lang,
      ).toEqual([]);
    }
  });
});

describe('issueMessage', () => {
  it('words a known code from the catalogue with its params, never with the server’s English', () => {
    expect(issueMessage(t.t, issue('not_a_date', { value: '31/02/1990' }), 'en')).toBe(
      '“31/02/1990” is not a date. Write dates as YYYY-MM-DD.',
    );
    expect(issueMessage(t.t, issue('out_of_range', { value: 140, min: 0, max: 120 }), 'en')).toBe(
      '140 is outside the allowed range, 0 to 120.',
    );
    expect(issueMessage(t.t, issue('unmatched_column', {}, { row: null, column: 'Notes' }), 'en')).toBe(
      'The column “Notes” matches no HTCDS field and is ignored.',
    );
  });

  it('adds the suggestion only when there is one', () => {
    expect(issueMessage(t.t, issue('not_a_country', { value: 'Thialand', suggestion: 'TH' }), 'en')).toBe(
      "“Thialand” is not a known country. Use a two-letter code such as TH, or the country's name. Did you mean “TH”?",
    );
    expect(issueMessage(t.t, issue('unknown_value', { value: 'Maybe', suggestion: '' }), 'en')).toBe(
      '“Maybe” is not one of the values this column accepts.',
    );
  });

  it('states our own size limit in the reader’s units', () => {
    expect(issueMessage(t.t, issue('file_too_large', { max: HTCDS_IMPORT_MAX_BYTES }, { row: null, column: null }), 'en')).toBe(
      'The file is larger than 50 MB.',
    );
  });

  it('falls back to the server’s message for a code it does not know', () => {
    expect(issueMessage(t.t, issue('brand_new_code'), 'en')).toBe('English from the server');
  });
});

describe('exchangeProblemMessage', () => {
  const problem = (status: number, type: string, code: ApiProblem['code']) =>
    new ApiProblem({ type: `urn:seamless:problem:${type}`, title: type, status, code });

  it('reads the import’s own codes from the problem type, which the client keeps', () => {
    expect(exchangeProblemMessage(t.t, problem(409, 'dry_run_has_errors', 'conflict'), 'en')).toBe(
      en.htcdsExchange.problem.dry_run_has_errors,
    );
    expect(exchangeProblemMessage(t.t, problem(400, 'file_required', 'validation_failed'), 'en')).toBe('Choose a file to import.');
  });

  it('takes any 413 for a file too large', () => {
    expect(exchangeProblemMessage(t.t, problem(413, 'payload_too_large', 'payload_too_large'), 'en')).toBe(
      'The file is larger than 50 MB. Split it into smaller files.',
    );
  });

  it('leaves other problems to the shared wording', () => {
    expect(exchangeProblemMessage(t.t, problem(403, 'forbidden', 'forbidden'), 'en')).toBe('You do not have permission to do this.');
  });
});

describe('importProgress', () => {
  const report = { state: 'queued', bytesRead: 0, bytesTotal: 0, processed: 0, rows: 0, skipped: 0 } as const;

  it('follows the bytes read while checking', () => {
    expect(importProgress({ ...report, state: 'validating', bytesRead: 250, bytesTotal: 1000 })).toBe(25);
    expect(importProgress({ ...report, state: 'validating', bytesRead: 0, bytesTotal: 0 })).toBe(0);
  });

  it('follows the rows written while importing, leaving out the skipped ones', () => {
    expect(importProgress({ ...report, state: 'importing', rows: 120, skipped: 20, processed: 50 })).toBe(50);
    expect(importProgress({ ...report, state: 'importing', rows: 3, skipped: 0, processed: 1 })).toBe(33);
    expect(importProgress({ ...report, state: 'importing', rows: 10, skipped: 10, processed: 5 })).toBe(50);
    expect(importProgress({ ...report, state: 'importing', rows: 10, skipped: 2, processed: 12 })).toBe(100);
  });

  it('is empty while queued and full once ended', () => {
    expect(importProgress(report)).toBe(0);
    expect(importProgress({ ...report, state: 'done' })).toBe(100);
    expect(importProgress({ ...report, state: 'failed' })).toBe(100);
  });

  it('tells running jobs from ended ones', () => {
    expect(['queued', 'validating', 'importing', 'done', 'failed'].map((state) => isRunning(state as never))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('canImport', () => {
  const clean = { dryRun: true, state: 'done', errorCount: 0, imported: 3 } as const;

  it('allows only a finished dry run without errors that has something to create', () => {
    expect(canImport(clean)).toBe(true);
    expect(canImport({ ...clean, errorCount: 1 })).toBe(false);
    expect(canImport({ ...clean, state: 'failed' })).toBe(false);
    expect(canImport({ ...clean, state: 'validating' })).toBe(false);
    expect(canImport({ ...clean, imported: 0 })).toBe(false);
    expect(canImport({ ...clean, dryRun: false })).toBe(false);
  });
});

describe('chosenFileProblem', () => {
  it('refuses no file, a file over the limit and other kinds of file', () => {
    expect(chosenFileProblem(null)).toBe('missing');
    expect(chosenFileProblem({ name: 'cases.xlsx', size: HTCDS_IMPORT_MAX_BYTES + 1 })).toBe('too_large');
    expect(chosenFileProblem({ name: 'cases.xls', size: 10 })).toBe('type');
    expect(chosenFileProblem({ name: 'cases.CSV', size: HTCDS_IMPORT_MAX_BYTES })).toBeNull();
    expect(chosenFileProblem({ name: 'ข้อมูล.xlsx', size: 10 })).toBeNull();
  });
});

describe('columnLetter', () => {
  it('names columns as spreadsheets do', () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('exportPath', () => {
  it('asks for the defaults: an xlsx workbook in the toolkit layout, without identities', () => {
    expect(exportPath(DEFAULT_EXPORT_FORM)).toBe('/api/exports/htcds?format=xlsx&layout=toolkit&identities=false');
  });

  it('carries every filter that is set', () => {
    expect(
      exportPath({
        format: 'csv',
        layout: 'plain',
        status: 'Active',
        traffickingStatus: 'Presumed',
        openedFrom: '2024-01-01',
        openedTo: '2024-12-31',
        identities: true,
      }),
    ).toBe(
      '/api/exports/htcds?format=csv&layout=plain&status=Active&traffickingStatus=Presumed&openedFrom=2024-01-01&openedTo=2024-12-31&identities=true',
    );
  });

  it('spots an inverted date range', () => {
    expect(datesInverted({ openedFrom: '2024-05-02', openedTo: '2024-05-01' })).toBe(true);
    expect(datesInverted({ openedFrom: '2024-05-01', openedTo: '2024-05-01' })).toBe(false);
    expect(datesInverted({ openedFrom: '2024-05-02', openedTo: '' })).toBe(false);
  });
});

describe('htcdsExchangeApi', () => {
  const report = { jobId: '7d2f7a52-5d43-4c51-9f0e-1f1f0f6b2a10', state: 'queued' };

  it('sends a dry run as multipart with the CSRF token, asking for an answer at once', async () => {
    vi.stubGlobal('document', { cookie: 'csrf_token=tok' });
    const fetchSpy = vi.fn(async () => Response.json(report, { status: 202 }));
    vi.stubGlobal('fetch', fetchSpy);
    const file = new File(['prs_FirstName\nSomchai\n'], 'cases.csv', { type: 'text/csv' });

    await expect(htcdsExchangeApi.checkFile(file)).resolves.toEqual(report);

    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    const headers = new Headers(init.headers);
    expect(url).toBe('/api/imports/htcds?dryRun=true');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(headers.get('prefer')).toBe('respond-async');
    expect(headers.get('x-csrf-token')).toBe('tok');
    // fetch sets the multipart type and its boundary itself.
    expect(headers.has('content-type')).toBe(false);
    expect(init.body).toBeInstanceOf(FormData);
    expect(((init.body as FormData).get('file') as File).name).toBe('cases.csv');
  });

  it('imports a checked file with an empty POST', async () => {
    vi.stubGlobal('document', { cookie: '' });
    const fetchSpy = vi.fn(async () => Response.json(report, { status: 202 }));
    vi.stubGlobal('fetch', fetchSpy);

    await htcdsExchangeApi.importChecked('job/1');

    const [url, init] = fetchSpy.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/imports/job%2F1/import');
    expect(init.method).toBe('POST');
    expect(init.body).toBeUndefined();
    expect(new Headers(init.headers).get('prefer')).toBe('respond-async');
  });

  it('saves an export under the file name the server gave', async () => {
    const anchor = { href: '', download: '', click: vi.fn(), remove: vi.fn() };
    vi.stubGlobal('document', { cookie: '', createElement: () => anchor, body: { append: vi.fn() } });
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export');
    vi.spyOn(URL, 'revokeObjectURL').mockReturnValue(undefined);
    const fetchSpy = vi.fn(
      async () =>
        new Response('a,b\n', {
          headers: { 'content-disposition': 'attachment; filename="htcds-2024-05-01.csv"', 'content-type': 'text/csv' },
        }),
    );
    vi.stubGlobal('fetch', fetchSpy);

    await htcdsExchangeApi.exportCases({ ...DEFAULT_EXPORT_FORM, format: 'csv' });

    expect((fetchSpy.mock.calls[0] as unknown as [string])[0]).toBe('/api/exports/htcds?format=csv&layout=toolkit&identities=false');
    expect(anchor.download).toBe('htcds-2024-05-01.csv');
    expect(anchor.href).toBe('blob:export');
    expect(anchor.click).toHaveBeenCalledOnce();
  });

  it('throws a refused export as a problem instead of saving it', async () => {
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', async () =>
      Response.json({ type: 'urn:seamless:problem:forbidden', title: 'Forbidden', status: 403, code: 'forbidden' }, { status: 403 }),
    );
    await expect(htcdsExchangeApi.exportCases({ ...DEFAULT_EXPORT_FORM, identities: true })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
