import { HTCDS_COLUMNS } from '@seamless/contracts';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const labelOf = (name: string) => HTCDS_COLUMNS.find((column) => column.name === name)!.label;

/** Free text a worker typed in another system: each could name or locate her. */
const CLOSURE_TEXT = 'She went home to her family in Tachileik and asked us not to call again.';
const INCOMING_DETAILS = 'Found at a karaoke bar on Phahonyothin Road by the night patrol.';
const OUTGOING_DETAILS = 'Needs a safe place near her sister in Chiang Mai.';
const REFERRING_WORKER = 'Pol. Lt. Somsak Inthawong';
const EVENT_DESCRIPTION = 'Recruited through a cousin who promised restaurant work.';

const NAMES = [
  'prs_FirstName',
  'prs_SecondName',
  'prs_Gender',
  'sls_CaseReference',
  'sls_OpenedOn',
  'vic_TraffickingStatus',
  'vic_TraffickingStatusDecisionMakingOrg',
  'cas_Status',
  'cas_ReasonForCaseClosure',
  'sls_ClosedOn',
  'con_Consent',
  'cas_ReferringOrganisation',
  'cas_IncomingReferralDate',
  'cas_ReferringPrimaryCaseWorker',
  'cas_ReasonForIncomingReferral',
  'cas_IncomingReferralDetails',
  'cas_ReferredOrganisation',
  'cas_ReferredPrimaryCaseWorker',
  'cas_ReasonForOutgoingReferral',
  'cas_OutgoingReferralDate',
  'cas_OutgoingReferralDetails',
  'prs_MaritalStatus',
  'hte_Description',
] as const;
type Name = (typeof NAMES)[number];
type Row = Partial<Record<Name, string | boolean>>;

const ROWS: Row[] = [
  {
    prs_FirstName: 'Mya',
    prs_SecondName: 'Thandar',
    prs_Gender: 'Feminine',
    sls_CaseReference: 'TH-2024-HC0001',
    sls_OpenedOn: '2024-03-04',
    vic_TraffickingStatus: 'ActualVictimOfTrafficking',
    vic_TraffickingStatusDecisionMakingOrg: 'Police',
    cas_Status: 'Closed',
    cas_ReasonForCaseClosure: CLOSURE_TEXT,
    sls_ClosedOn: '2024-11-30',
    con_Consent: true,
    cas_ReferringOrganisation: 'Mae Sai Police Station',
    cas_IncomingReferralDate: '2024-03-01',
    cas_ReferringPrimaryCaseWorker: REFERRING_WORKER,
    cas_ReasonForIncomingReferral: 'AdditionalServicesRequired',
    cas_IncomingReferralDetails: INCOMING_DETAILS,
    cas_ReferredOrganisation: 'Foundation for Women',
    cas_ReferredPrimaryCaseWorker: 'Khun Ratana',
    cas_ReasonForOutgoingReferral: 'MigrationOrChangeOfLocation',
    cas_OutgoingReferralDate: '2024-06-15',
    cas_OutgoingReferralDetails: OUTGOING_DETAILS,
    prs_MaritalStatus: 'Single',
    hte_Description: EVENT_DESCRIPTION,
  },
  {
    prs_FirstName: 'Kham',
    prs_SecondName: 'Phommachanh',
    prs_Gender: 'Masculine',
    sls_CaseReference: 'TH-2024-HC0002',
    sls_OpenedOn: '2024-05-06',
    vic_TraffickingStatus: 'PossibleVictimOfTrafficking',
    vic_TraffickingStatusDecisionMakingOrg: 'NGO',
    cas_Status: 'Closed',
    // A closure reason of ours, written as its Thai label: held as the case's reason.
    cas_ReasonForCaseClosure: 'ขาดการติดต่อ',
    sls_ClosedOn: '2024-12-01',
    con_Consent: false,
    // The police agency's acronym, in another casing: linked to the directory's entry for it.
    cas_ReferringOrganisation: 'atpd',
    cas_IncomingReferralDate: '2024-05-05',
    cas_ReasonForIncomingReferral: 'Other',
  },
  {
    prs_FirstName: 'Soe',
    prs_SecondName: 'Win',
    prs_Gender: 'Masculine',
    sls_CaseReference: 'TH-2024-HC0003',
    sls_OpenedOn: '2024-07-08',
    vic_TraffickingStatus: 'ActualVictimOfTrafficking',
    vic_TraffickingStatusDecisionMakingOrg: 'CourtOrProsecution',
    cas_Status: 'Active',
  },
];

/** What the export writes for a cell: a known closure reason by its value name, the rest as the file wrote it. */
const canonical = (row: Row, name: Name) => (row[name] === 'ขาดการติดต่อ' ? 'lost_contact' : (row[name] ?? null));

/** The IOM toolkit's layout: field names, then their labels, then one case per row. */
async function toolkitWorkbook(rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases');
  sheet.addRow([...NAMES]);
  sheet.addRow(NAMES.map(labelOf));
  for (const row of rows) sheet.addRow(NAMES.map((name) => row[name] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The cells of the export's first sheet, by field name, one record per data row. */
async function exportedWorkbook(client: ApiClient): Promise<Record<string, unknown>[]> {
  const response = await client.download('/api/exports/htcds?format=xlsx&layout=toolkit&identities=true');
  expect(response.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(header.map(labelOf));
  const records: Record<string, unknown>[] = [];
  sheet.eachRow((row, number) => {
    if (number <= 2) return;
    const values = (row.values as unknown[]).slice(1);
    records.push(Object.fromEntries(header.map((name, index) => [name, values[index] ?? null])));
  });
  return records;
}

async function exportedCsv(client: ApiClient, identities: boolean) {
  const response = await client.download(`/api/exports/htcds?format=csv&layout=plain&identities=${identities}`);
  expect(response.status).toBe(200);
  const text = response.bytes.toString('utf8');
  return { text, rows: parse(text.slice(0, text.indexOf('\r\n\r\n')), { columns: true, bom: true }) as Record<string, string>[] };
}

async function counts(t: TestApp) {
  return asSystem(
    t.database.db,
    async (tx) =>
      rowsOf<{ cases: number; consents: number; decisions: number; kept: number; referrals: number }>(
        await tx.execute(sql`select
        (select count(*)::int from cases) as cases,
        (select count(*)::int from consents) as consents,
        (select count(*)::int from trafficking_status_decisions) as decisions,
        (select count(*)::int from case_htcds_values) as kept,
        (select count(*)::int from referrals) as referrals`),
      )[0]!,
  );
}

let t: TestApp;
let data: ApiClient;
let worker: ApiClient;
let caseIdOf: Map<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  // The data officer imports for the Chiang Rai office, whose case manager then works the cases.
  await asSystem(t.database.db, (tx) =>
    tx.execute(
      sql`update users set agency_id = (select agency_id from users where username = 'th.socialworker') where username = 'th.data'`,
    ),
  );
  await asSystem(t.database.db, (tx) =>
    tx.execute(sql`update roles set permissions = array_append(permissions, 'export:identities') where key = 'data_officer'`),
  );
  // The directory lists an outside NGO, and the police agency (unless the demo directory already does).
  await asSystem(t.database.db, (tx) =>
    tx.execute(sql`insert into directory_organisations (name, organisation_type, country_code)
      values ('Foundation for Women', 'NGO', 'TH')`),
  );
  await asSystem(t.database.db, (tx) =>
    tx.execute(sql`insert into directory_organisations (agency_id, name, organisation_type, country_code)
      select id, name, organisation_type, country_code from agencies where acronym = 'ATPD'
      on conflict do nothing`),
  );
  data = await t.login('th.data');
  worker = await t.login('th.socialworker');
}, 60_000);
afterAll(async () => t?.close());

describe('an IOM toolkit workbook with consent, decision, closure and referral values', () => {
  it('checks in a dry run with no error and no "not kept" warning, writing nothing', async () => {
    const before = await counts(t);
    const dry = await data.upload('/api/imports/htcds?dryRun=true', { name: 'care.xlsx', type: XLSX, bytes: await toolkitWorkbook(ROWS) });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ state: 'done', layout: 'toolkit', rows: 3, imported: 3, errorCount: 0 });
    expect(dry.body.errors).toEqual([]);
    expect(dry.body.warnings).toEqual([]);
    expect(dry.body.columns.every((column: { held: boolean; matchedBy: string }) => column.held && column.matchedBy === 'name')).toBe(true);
    expect(await counts(t)).toEqual(before);
  }, 60_000);

  it('imports into consent, status decision and the values kept with the case', async () => {
    const before = await counts(t);
    const report = await data.upload('/api/imports/htcds?dryRun=false', {
      name: 'care.xlsx',
      type: XLSX,
      bytes: await toolkitWorkbook(ROWS),
    });
    expect(report.body).toMatchObject({ state: 'done', imported: 3, errorCount: 0 });
    expect(report.body.warnings).toEqual([]);
    const records = await data.get(`/api/imports/${report.body.jobId}/records`);
    caseIdOf = new Map(records.body.items.map((item: { caseReference: string; caseId: string }) => [item.caseReference, item.caseId]));
    expect(caseIdOf.size).toBe(3);
    // Only the "yes" is a consent; the other two rows keep what they said (or said nothing).
    expect(await counts(t)).toEqual({
      cases: before.cases + 3,
      consents: before.consents + 1,
      decisions: before.decisions + 3,
      kept: before.kept + 2,
      referrals: before.referrals + 3,
    });

    const consents = await worker.get(`/api/cases/${caseIdOf.get('TH-2024-HC0001')}/consents`);
    expect(consents.body.items).toEqual([
      expect.objectContaining({
        purpose: 'data_processing',
        sections: [],
        agencies: [],
        givenBy: 'victim',
        givenOn: '2024-03-04',
        active: true,
      }),
    ]);
    expect((await worker.get(`/api/cases/${caseIdOf.get('TH-2024-HC0002')}/consents`)).body.items).toEqual([]);

    const decisions = await asSystem(t.database.db, async (tx) =>
      rowsOf<{ reference: string; to_status: string; decision_making_org: string; decided_on: string }>(
        await tx.execute(sql`select c.reference, d.to_status, d.decision_making_org, d.decided_on::text
          from trafficking_status_decisions d join cases c on c.id = d.case_id
          where c.reference like 'TH-2024-HC%' order by c.reference`),
      ),
    );
    expect(decisions).toEqual([
      { reference: 'TH-2024-HC0001', to_status: 'Identified', decision_making_org: 'Police', decided_on: '2024-03-04' },
      { reference: 'TH-2024-HC0002', to_status: 'Potential', decision_making_org: 'NGO', decided_on: '2024-05-06' },
      { reference: 'TH-2024-HC0003', to_status: 'Identified', decision_making_org: 'CourtOrProsecution', decided_on: '2024-07-08' },
    ]);

    const directory = await asSystem(t.database.db, async (tx) =>
      rowsOf<{ id: string; name: string }>(
        await tx.execute(sql`select d.id, d.name from directory_organisations d
        left join agencies a on a.id = d.agency_id where d.name = 'Foundation for Women' or a.acronym = 'ATPD'`),
      ),
    );
    const directoryId = (name: string) =>
      directory.find((each) => each.name === name)?.id ?? directory.find((each) => each.name !== 'Foundation for Women')!.id;
    const first = await worker.get(`/api/cases/${caseIdOf.get('TH-2024-HC0001')}/referrals`);
    expect(first.status).toBe(200);
    const byDirection = Object.fromEntries(first.body.items.map((item: { direction: string }) => [item.direction, item]));
    expect(first.body.items).toHaveLength(2);
    expect(byDirection.incoming).toMatchObject({
      kind: 'referral',
      externalOrganisation: 'Mae Sai Police Station',
      directoryOrganisationId: null,
      externalCaseWorker: REFERRING_WORKER,
      reason: 'AdditionalServicesRequired',
      details: INCOMING_DETAILS,
      referredOn: '2024-03-01',
      fromAgency: null,
    });
    expect(byDirection.outgoing).toMatchObject({
      externalOrganisation: 'Foundation for Women',
      directoryOrganisationId: directoryId('Foundation for Women'),
      externalCaseWorker: 'Khun Ratana',
      reason: 'MigrationOrChangeOfLocation',
      details: OUTGOING_DETAILS,
      referredOn: '2024-06-15',
      toAgency: null,
    });
    const second = await worker.get(`/api/cases/${caseIdOf.get('TH-2024-HC0002')}/referrals`);
    expect(second.body.items).toEqual([
      expect.objectContaining({
        direction: 'incoming',
        externalOrganisation: 'atpd',
        directoryOrganisationId: directoryId('ATPD'),
        reason: 'Other',
      }),
    ]);
    // Nothing reaches the police: the file's word is no consent to share.
    const police = await (await t.login('th.police')).get('/api/referrals');
    expect(JSON.stringify(police.body)).not.toContain('TH-2024-HC0002');

    const kase = await worker.get(`/api/cases/${caseIdOf.get('TH-2024-HC0002')}`);
    expect(kase.body.closureReason ?? kase.body.kase?.closureReason).toBe('lost_contact');
  }, 60_000);

  it('shows the values kept as written on the case, to those who read her identity', async () => {
    const kept = await worker.get(`/api/cases/${caseIdOf.get('TH-2024-HC0001')}/htcds-values`);
    expect(kept.status).toBe(200);
    const byField = Object.fromEntries(kept.body.items.map((item: { field: string; value: unknown }) => [item.field, item.value]));
    expect(byField).toEqual({
      cas_ReasonForCaseClosure: CLOSURE_TEXT,
      prs_MaritalStatus: 'Single',
      hte_Description: EVENT_DESCRIPTION,
    });
    const refused = await (await t.login('th.ngo')).get(`/api/cases/${caseIdOf.get('TH-2024-HC0001')}/htcds-values`);
    expect(refused.status).toBe(404);
    const audit = await asSystem(t.database.db, async (tx) =>
      rowsOf<{ details: { part: string; fields: string[] } }>(
        await tx.execute(sql`select details from audit_events where action = 'case.read' and details->>'part' = 'htcdsValues'`),
      ),
    );
    expect(audit.at(-1)!.details.fields).toContain('hte_Description');
    expect(JSON.stringify(audit)).not.toContain('Tachileik');
  });

  it('writes the same values back on export, cell by cell', async () => {
    const exported = await exportedWorkbook(data);
    for (const row of ROWS) {
      const written = exported.find((each) => each.sls_CaseReference === row.sls_CaseReference)!;
      expect(written, row.sls_CaseReference as string).toBeDefined();
      for (const name of NAMES) expect(written[name], `${row.sls_CaseReference} ${name}`).toEqual(canonical(row, name));
    }
  }, 60_000);

  it('leaves free text out of an export without identities, and keeps what names nobody', async () => {
    const { text, rows } = await exportedCsv(data, false);
    for (const words of [CLOSURE_TEXT, INCOMING_DETAILS, OUTGOING_DETAILS, REFERRING_WORKER, EVENT_DESCRIPTION]) {
      expect(text).not.toContain(words);
    }
    const first = rows.find((row) => row.sls_CaseReference === 'TH-2024-HC0001')!;
    expect(first).toMatchObject({
      cas_ReasonForCaseClosure: '',
      cas_IncomingReferralDetails: '',
      cas_OutgoingReferralDetails: '',
      cas_ReferringPrimaryCaseWorker: '',
      cas_ReferringOrganisation: 'Mae Sai Police Station',
      cas_ReasonForIncomingReferral: 'AdditionalServicesRequired',
      cas_IncomingReferralDate: '2024-03-01',
      cas_ReferredOrganisation: 'Foundation for Women',
      con_Consent: 'TRUE',
      vic_TraffickingStatusDecisionMakingOrg: 'Police',
    });
    const second = rows.find((row) => row.sls_CaseReference === 'TH-2024-HC0002')!;
    expect(second).toMatchObject({
      cas_ReasonForCaseClosure: 'lost_contact',
      con_Consent: '',
      vic_TraffickingStatusDecisionMakingOrg: 'NGO',
    });
  }, 60_000);
});
