import { HTCDS_COLUMNS } from '@seamless/contracts';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';
import { totpCodeAt } from '../../auth/totp.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';

const CSV = 'text/csv';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const labelOf = (name: string) => HTCDS_COLUMNS.find((column) => column.name === name)!.label;
const csvOf = (rows: (string | number | null)[][]) =>
  `${rows.map((row) => row.map((cell) => (cell === null ? '' : /[",\n;]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell))).join(',')).join('\r\n')}\r\n`;

async function workbookOf(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function caseCount(app: TestApp): Promise<number> {
  return asSystem(app.database.db, async (tx) =>
    Number(rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from cases`))[0]!.n),
  );
}

describe('HTCDS import', () => {
  let app: TestApp;
  let data: ApiClient;
  let toolkitImportId: string;
  let knownPersonImportId: string;

  beforeAll(async () => {
    app = await startTestApp();
    data = await app.login('th.data');
  }, 60_000);
  afterAll(async () => app?.close());

  const names = [
    'No.',
    'prs_FirstName',
    'prs_SecondName',
    'prs_Birthdate',
    'prs_Gender',
    'prs_Citizenship',
    'vic_TypeOfExploitation',
    'sls_NameAsWritten',
    'cas_Status',
  ];
  const toolkitRows = () => [
    names,
    names.map((name) => (name === 'No.' ? 'No.' : labelOf(name))),
    [1, 'Somchai', 'Jaidee', new Date(Date.UTC(1998, 4, 17)), 'Masculine', 'TH', 'ForcedLabour;SexualExploitation', 'สมชาย ใจดี', 'Active'],
    [2, 'Dara', 'Sok', '17/05/2541', 'หญิง', 'Cambodia', 'แรงงานบังคับ', 'ដារា សុខ', 'Active'],
    [3, 'Aung', 'Kyaw', '1999-02-03', 'Masculine', 'MMR', 'Forced labour', 'အောင်ကျော်', 'FollowUp'],
    [4],
    [5, null, null, null, null, null, null, null, null],
  ];

  it('reads the IOM toolkit layout, checks it in a dry run that writes nothing, then imports it once', async () => {
    const file = await workbookOf(toolkitRows());
    const before = await caseCount(app);
    const dry = await data.upload('/api/imports/htcds?dryRun=true', { name: 'toolkit.xlsx', type: XLSX, bytes: file });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({
      state: 'done',
      dryRun: true,
      layout: 'toolkit',
      format: 'xlsx',
      rows: 3,
      imported: 3,
      skipped: 0,
      errorCount: 0,
    });
    expect(dry.body.errors).toEqual([]);
    expect(dry.body.columns[0]).toEqual({ position: 1, header: 'No.', field: null, matchedBy: null, held: false });
    expect(dry.body.warnings.map((warning: any) => [warning.row, warning.code])).toEqual([[1, 'unmatched_column']]);
    expect(await caseCount(app)).toBe(before);

    const real = await data.post(`/api/imports/${dry.body.jobId}/import`);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ state: 'done', dryRun: false, rows: 3, imported: 3, matchedExisting: 0, skipped: 0, mine: true });
    toolkitImportId = real.body.jobId;
    expect(await caseCount(app)).toBe(before + 3);

    const again = await data.upload('/api/imports/htcds?dryRun=false', { name: 'again.xlsx', type: XLSX, bytes: file });
    expect(again.body).toMatchObject({ state: 'done', rows: 3, imported: 0, skipped: 3 });
    expect(again.body.warnings.filter((warning: any) => warning.code === 'already_imported').map((warning: any) => warning.row)).toEqual([
      3, 4, 5,
    ]);
    expect(await caseCount(app)).toBe(before + 3);
  }, 60_000);

  it('reports every bad cell with its row and column and imports nothing', async () => {
    const file = csvOf([
      ['prs_FirstName', 'prs_Birthdate', 'vic_TypeOfExploitation', 'prs_Citizenship', 'vic_AgeWhenTrafficked'],
      ['Mali', '31/02/2001', 'ForcedLabour', 'TH', '15'],
      ['Noi', '2001-01-01', 'Sexual Exploitaton', 'TH', '15'],
      [null, '2001-01-01', 'ForcedLabour', 'Atlantis', '300'],
      ['Kham', '2001-01-01', 'ForcedLabour', 'LA', '16'],
    ]);
    const before = await caseCount(app);
    const report = await data.upload('/api/imports/htcds?dryRun=false', { name: 'bad.csv', type: CSV, bytes: Buffer.from(file) });
    expect(report.body).toMatchObject({ state: 'failed', rows: 4, imported: 0, errorCount: 5, layout: 'plain', format: 'csv' });
    expect(report.body.errors.map((error: any) => [error.row, error.column, error.code])).toEqual([
      [2, 'prs_Birthdate', 'not_a_date'],
      [3, 'vic_TypeOfExploitation', 'unknown_value'],
      [4, 'prs_Citizenship', 'not_a_country'],
      [4, 'vic_AgeWhenTrafficked', 'out_of_range'],
      [4, 'prs_FirstName', 'required'],
    ]);
    expect(report.body.errors[1].params.suggestion).toBe('SexualExploitation');
    expect(await caseCount(app)).toBe(before);
  }, 60_000);

  it('refuses unreadable files with a clear report', async () => {
    const cases: [string, Buffer, string][] = [
      ['image.png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'not_a_spreadsheet'],
      ['empty.csv', Buffer.alloc(0), 'empty_file'],
      [
        'broken.csv',
        Buffer.concat([Buffer.from('prs_FirstName\r\nMali\r\n'), Buffer.from([0xc3, 0x28]), Buffer.from('\r\n')]),
        'broken_encoding',
      ],
      [
        'dup.csv',
        Buffer.from(
          csvOf([
            ['prs_FirstName', 'prs_Gender', 'prs_FirstName'],
            ['Mali', 'Feminine', 'Mali'],
          ]),
        ),
        'duplicate_column',
      ],
    ];
    for (const [name, bytes, code] of cases) {
      const report = await data.upload('/api/imports/htcds?dryRun=true', { name, type: CSV, bytes });
      expect(report.status, name).toBe(200);
      expect(report.body.state, name).toBe('failed');
      expect(report.body.errors[0].code, name).toBe(code);
    }
    const tooBig = await data.upload('/api/imports/htcds?dryRun=true', {
      name: 'big.csv',
      type: CSV,
      bytes: Buffer.alloc(50 * 1024 * 1024 + 1, 'a'),
    });
    expectProblem(tooBig, 413, 'payload_too_large');
  }, 60_000);

  it('reads Thai Windows-874 and UTF-16 CSV files', async () => {
    const text = csvOf([
      ['prs_FirstName', 'sls_NameAsWritten', 'prs_Birthdate'],
      ['Wilai', 'วิไล ศรีสุข', '01/02/2540'],
    ]);
    const windows874 = await data.upload('/api/imports/htcds?dryRun=false', {
      name: 'thai.csv',
      type: CSV,
      bytes: iconv.encode(text, 'windows-874'),
    });
    expect(windows874.body).toMatchObject({ state: 'done', imported: 1 });
    const utf16 = await data.upload('/api/imports/htcds?dryRun=true', {
      name: 'utf16.csv',
      type: CSV,
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    });
    // The same row in another encoding is the same record.
    expect(utf16.body).toMatchObject({ state: 'done', rows: 1, imported: 0, skipped: 1 });
  }, 60_000);

  it('links a row to a person already known and reports it', async () => {
    const header = ['prs_FirstName', 'prs_SecondName', 'prs_Birthdate', 'prs_IdentityNumber', 'sls_OpenedOn'];
    const first = await data.upload('/api/imports/htcds?dryRun=false', {
      name: 'first.csv',
      type: CSV,
      bytes: Buffer.from(csvOf([header, ['Lamai', 'Srisuk', '1995-03-04', '1-1001-00001-11-1', '2024-01-05']])),
    });
    expect(first.body).toMatchObject({ imported: 1, matchedExisting: 0 });
    const second = await data.upload('/api/imports/htcds?dryRun=false', {
      name: 'second.csv',
      type: CSV,
      bytes: Buffer.from(csvOf([header, ['Lamai', 'Srisuk', '1995-03-04', '1100100001111', '2025-06-01']])),
    });
    expect(second.body).toMatchObject({ imported: 1, matchedExisting: 1 });
    knownPersonImportId = second.body.jobId;
    // The same person twice in one file: the second row joins the person the first row created.
    const twice = await data.upload('/api/imports/htcds?dryRun=false', {
      name: 'twice.csv',
      type: CSV,
      bytes: Buffer.from(
        csvOf([
          header,
          ['Pranee', 'Wongsa', '1992-08-09', '3-2002-00002-22-2', '2023-01-05'],
          ['Pranee', 'Wongsa', '1992-08-09', '3200200002222', '2024-07-01'],
        ]),
      ),
    });
    expect(twice.body).toMatchObject({ imported: 2, matchedExisting: 1 });
    expect(twice.body.warnings.map((warning: any) => [warning.row, warning.code])).toEqual([[3, 'matched_existing_person']]);
    expect(second.body.warnings.map((warning: any) => [warning.row, warning.code])).toEqual([[2, 'matched_existing_person']]);
  }, 60_000);

  it('shows the importer the records her import wrote, found by a name in another script, and nobody else’s', async () => {
    const records = (id: string, q?: string) => data.get(`/api/imports/${id}/records${q ? `?q=${encodeURIComponent(q)}` : ''}`);
    const all = await records(toolkitImportId);
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((record: any) => [record.row, record.name, record.nameAsWritten, record.matchedExistingPerson])).toEqual([
      [3, 'Somchai Jaidee', 'สมชาย ใจดี', false],
      [4, 'Dara Sok', 'ដារា សុខ', false],
      [5, 'Aung Kyaw', 'အောင်ကျော်', false],
    ]);
    const rowsFound = async (id: string, q: string) => (await records(id, q)).body.items.map((record: any) => record.row);
    expect(await rowsFound(toolkitImportId, 'สมชาย')).toEqual([3]);
    expect(await rowsFound(toolkitImportId, 'Sok Dara')).toEqual([4]);
    expect(await rowsFound(toolkitImportId, 'Mali Boonmee')).toEqual([]);
    expect(await rowsFound(toolkitImportId, 'Kyaw Aung')).toEqual([5]);
    expect(await rowsFound(toolkitImportId, all.body.items[1].caseReference)).toEqual([4]);
    // A person of another import is not found through this one, though the officer imported both.
    expect(await rowsFound(toolkitImportId, 'Lamai Srisuk')).toEqual([]);
    const known = await records(knownPersonImportId, 'ละม้าย ศรีสุข');
    expect(known.body.items.map((record: any) => [record.row, record.name, record.matchedExistingPerson])).toEqual([
      [2, 'Lamai Srisuk', true],
    ]);

    const audit = await asSystem(app.database.db, async (tx) =>
      rowsOf<{ details: { caseIds: string[] } }>(
        await tx.execute(
          sql`select details from audit_events where action = 'import.records_read' and outcome = 'success' and resource_id = ${toolkitImportId}`,
        ),
      ),
    );
    expect(audit.map((event) => event.details.caseIds.length).sort()).toEqual([0, 0, 1, 1, 1, 1, 3]);

    expectProblem(await data.get(`/api/imports/${toolkitImportId}/records?pageSize=500`), 400, 'validation_failed');
    const worker = await app.login('th.socialworker');
    expectProblem(await worker.get(`/api/imports/${toolkitImportId}/records`), 403, 'forbidden');
    const admin = await app.login('admin');
    const agencyId = (await data.get('/api/auth/me')).body.agency.id;
    const created = await admin.post('/api/admin/users', {
      username: 'th.data2',
      displayName: 'Second Data Officer',
      agencyId,
      roleKeys: ['data_officer'],
      password: 'Second-Data-Officer-2026!',
    });
    expect(created.status).toBe(201);
    // A data officer takes files of victims in and out, so the new colleague enrols a second factor first.
    const colleague = await app.login('th.data2', 'Second-Data-Officer-2026!');
    const enrolment = await colleague.post('/api/auth/second-factor/enrol');
    expect((await colleague.post('/api/auth/second-factor/confirm', { code: totpCodeAt(enrolment.body.secret, Date.now()) })).status).toBe(
      200,
    );
    expect((await colleague.get(`/api/imports/${toolkitImportId}`)).body).toMatchObject({ jobId: toolkitImportId, mine: false });
    expectProblem(await colleague.get(`/api/imports/${toolkitImportId}/records?q=Somchai`), 403, 'forbidden');
  }, 60_000);

  it('lets only data officers import, and only their own agency follow an import', async () => {
    const worker = await app.login('th.socialworker');
    const refused = await worker.upload('/api/imports/htcds?dryRun=true', {
      name: 'x.csv',
      type: CSV,
      bytes: Buffer.from('prs_FirstName\r\nA\r\n'),
    });
    expectProblem(refused, 403, 'forbidden');
    const mine = await data.get('/api/imports');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expectProblem(await worker.get(`/api/imports/${mine.body.items[0].jobId}`), 403, 'forbidden');
    expectProblem(await worker.get('/api/exports/htcds?format=csv'), 403, 'forbidden');
    expectProblem(await data.get('/api/exports/htcds?format=csv&identities=true'), 403, 'forbidden');
  }, 60_000);
});

describe('HTCDS export', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await startTestApp();
    second = await startTestApp();
    for (const app of [first, second]) {
      await asSystem(app.database.db, (tx) =>
        tx.execute(sql`update roles set permissions = array_append(permissions, 'export:identities') where key = 'data_officer'`),
      );
    }
  }, 60_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  const richRows = () => [
    [
      'prs_FirstName',
      'prs_SecondName',
      'prs_Birthdate',
      'prs_Gender',
      'prs_Citizenship',
      'sls_NameAsWritten',
      'sls_Aliases',
      'sls_Languages',
      'sls_IdentityDocuments',
      'sls_Contacts',
      'sls_Address',
      'sls_TypeOfExploitation',
      'vic_MethodsOfControl',
      'sls_TraffickingEvents',
      'sls_Perpetrators',
      'sls_CaseComments',
      'sls_CaseReference',
      'sls_OpenedOn',
      'sls_TraffickingStatus',
      'cas_Status',
      'cas_ReasonForCaseClosure',
      'sls_ClosedOn',
      'sls_IntakeNarrative',
      'sls_BirthYear',
      'sls_Pseudonym',
    ],
    [
      'Nang',
      'Hseng',
      '2001-07-08',
      'Feminine',
      'MM;TH',
      'နန်းဆိုင်',
      'Seng;Noi',
      'my;th',
      JSON.stringify([{ documentType: 'pink_card', number: '0-0000-12345-67-8', issuingCountry: 'TH' }]),
      JSON.stringify([
        { kind: 'phone', value: '+66812345678' },
        { kind: 'line', value: 'nang.h' },
      ]),
      'Mae Sot, Tak',
      'ForcedCriminality;DebtBondage',
      'DebtBondage',
      JSON.stringify([
        { eventType: 'Recruitment', country: 'MM', place: 'Myawaddy', startedOn: '2021-02-01', endedOn: null },
        { eventType: 'Exploitation', country: 'KH', place: 'Sihanoukville', startedOn: '2021-03-01', endedOn: '2021-09-30' },
      ]),
      JSON.stringify([
        { roles: ['RecruiterOrIntermediary'], name: 'Ko Min', gender: 'Masculine', nationality: 'MM', relationship: 'Acquainted' },
      ]),
      JSON.stringify([{ section: 'general', body: '=She asked for a female interpreter.', writtenAt: '2021-10-02T03:04:05.000Z' }]),
      'TH-2021-RT0001',
      '2021-10-01',
      'Identified',
      'Closed',
      'reintegration_completed',
      '2022-06-30',
      'Called the hotline from a border checkpoint.',
      null,
      'P-RT0001',
    ],
    [
      'Sok',
      'Pheap',
      null,
      'Masculine',
      'KH',
      null,
      null,
      'km',
      null,
      null,
      null,
      'ForcedLabourFishing',
      null,
      null,
      null,
      null,
      'TH-2020-RT0002',
      '2020-05-05',
      'Presumed',
      'Active',
      null,
      null,
      null,
      1989,
      'P-RT0002',
    ],
  ];

  async function exportCsv(client: ApiClient) {
    const response = await client.download('/api/exports/htcds?format=csv&layout=toolkit&identities=true&openedTo=2022-12-31');
    expect(response.status).toBe(200);
    const text = response.bytes.toString('utf8');
    return { text, data: text.slice(0, text.indexOf('\r\n\r\n')), metadata: text.slice(text.indexOf('\r\n\r\n')) };
  }

  it('round-trips every column we hold: export, import into an empty instance, export again — identical', async () => {
    const source = await first.login('th.data');
    const imported = await source.upload('/api/imports/htcds?dryRun=false', {
      name: 'rich.csv',
      type: CSV,
      bytes: Buffer.from(csvOf(richRows() as (string | number | null)[][])),
    });
    expect(imported.body).toMatchObject({ state: 'done', imported: 2, errorCount: 0 });
    const exported = await exportCsv(source);
    expect(exported.metadata).toContain('CC BY 4.0');
    expect(exported.metadata).toContain('th.data');
    const lines = exported.data.split('\r\n');
    expect(lines).toHaveLength(4);
    expect(exported.data).toContain('နန်းဆိုင်');
    expect(exported.data).toContain("'=She asked");

    const target = await second.login('th.data');
    const reimported = await target.upload('/api/imports/htcds?dryRun=false', {
      name: 'export.csv',
      type: CSV,
      bytes: Buffer.from(exported.text),
    });
    expect(reimported.body).toMatchObject({ state: 'done', layout: 'toolkit', imported: 2, errorCount: 0 });
    const again = await exportCsv(target);
    expect(again.data).toBe(exported.data);

    const xlsx = await target.download('/api/exports/htcds?format=xlsx&layout=plain&openedTo=2022-12-31');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const given = header.indexOf('prs_FirstName') + 1;
    const pseudonym = header.indexOf('sls_Pseudonym') + 1;
    // Without the identities flag, persons appear by pseudonym only.
    expect(sheet.getRow(2).getCell(given).value).toBeNull();
    // Rows come in case reference order: TH-2020-RT0002 first.
    expect(sheet.getRow(2).getCell(pseudonym).value).toBe('P-RT0002');
    expect(workbook.getWorksheet('About')).toBeDefined();
  }, 120_000);
});
