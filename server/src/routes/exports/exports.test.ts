import { HTCDS_COLUMNS } from '@seamless/contracts';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { rowsOf } from '../../db/client.js';

let t: TestApp;
let worker: ApiClient;
let dataOfficer: ApiClient;
let kase: { id: string; reference: string };

/** Words a worker typed or places below the province: each could name or find the person. */
const COMMENT = 'Her sister Nuan works at the Golden Lotus karaoke bar.';
const INTAKE_PLACE = 'Ban Huai Khrai';
const EVENT_PLACE = 'Soi 9 Tha Khi Lek';
const RECRUITMENT_PLACE = 'Wiang Phang Kham market';
const PERPETRATOR = 'Chaiwat Khamsuk';
const DISTRICT_ANSWER = 'Mae Sai, Ban Pa Yang';

/** The export's data rows as records by column name (the CSV's metadata block left out). */
async function exported(client: ApiClient, identities: boolean) {
  const response = await client.download(`/api/exports/htcds?format=csv&layout=plain&identities=${identities}`);
  expect(response.status).toBe(200);
  const text = response.bytes.toString('utf8');
  const data = text.slice(0, text.indexOf('\r\n\r\n'));
  return { text, rows: parse(data, { columns: true, bom: true }) as Record<string, string>[] };
}

async function auditOf(action: string) {
  const result = await asSystem(t.database.db, (tx) =>
    tx.execute(sql`select resource_id, details from audit_events where action = ${action} order by seq`),
  );
  return rowsOf(result) as { resource_id: string | null; details: Record<string, unknown> }[];
}

beforeAll(async () => {
  t = await startTestApp();
  worker = await t.login('th.socialworker');
  const created = await worker.post('/api/cases', {
    person: { givenName: 'Lamai', familyName: 'Thongkham', gender: 'Feminine', estimatedAge: 19, citizenship: ['TH'] },
    intake: { channel: 'walk_in', location: INTAKE_PLACE },
    victimContext: { recruitmentPlace: RECRUITMENT_PLACE, recruitmentCountry: 'TH', exploitationTypes: ['ForcedLabour'] },
    formAnswers: { incident_province: 'TH-57', incident_district: DISTRICT_ANSWER },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  kase = created.body;
  for (const [path, body] of [
    ['comments', { body: COMMENT }],
    ['events', { eventType: 'Exploitation', country: 'TH', place: EVENT_PLACE, startedOn: '2025-01-10' }],
    ['perpetrators', { roles: ['RecruiterOrIntermediary'], name: PERPETRATOR, gender: 'Masculine', nationality: 'TH' }],
  ] as const) {
    const response = await worker.post(`/api/cases/${kase.id}/${path}`, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }
  // The data officer of the owning agency exports the office's cases; identities are granted per test.
  await asSystem(t.database.db, (tx) =>
    tx.execute(sql`update users set agency_id = (select owner_agency_id from cases where id = ${kase.id}) where username = 'th.data'`),
  );
  dataOfficer = await t.login('th.data');
});
afterAll(() => t.close());

describe('the HTCDS column catalogue', () => {
  it('says of every text column that can hold what a worker typed or a place below the province', () => {
    // Text columns outside any section that hold codes, references, organisations or staff usernames only.
    // The closure reason leaves as a reason of ours; the words it was written in only with identities.
    const codes = [
      'cas_CaseOwner',
      'cas_ReasonForCaseClosure',
      'cas_ReferredOrganisation',
      'cas_ReferringOrganisation',
      'hte_State',
      'sls_CaseReference',
      'sls_Pseudonym',
    ];
    const unclassified = HTCDS_COLUMNS.filter(
      (column) => column.held && column.kind === 'text' && !column.section && !column.identifying && !codes.includes(column.name),
    );
    expect(unclassified.map((column) => column.name)).toEqual([]);
    const flagged = HTCDS_COLUMNS.filter((column) => column.identifying).map((column) => column.name);
    expect(flagged).toEqual(
      expect.arrayContaining(['cco_CaseComment', 'sls_CaseComments', 'hte_City', 'sls_IntakeLocation', 'vic_LocationOfRecruitment']),
    );
  });
});

describe('a pseudonymised export', () => {
  it('carries no free text and no place below the province', async () => {
    const { text, rows } = await exported(dataOfficer, false);
    const row = rows.find((each) => each.sls_CaseReference === kase.reference)!;
    expect(row).toBeDefined();
    for (const column of ['cco_CaseComment', 'sls_CaseComments', 'hte_City', 'sls_IntakeLocation', 'vic_LocationOfRecruitment']) {
      expect(row[column], column).toBe('');
    }
    for (const value of [COMMENT, 'Golden Lotus', INTAKE_PLACE, EVENT_PLACE, RECRUITMENT_PLACE, PERPETRATOR, DISTRICT_ANSWER]) {
      expect(text).not.toContain(value);
    }
    // What is not identifying still leaves: the event without its place, the province answer.
    expect(JSON.parse(row.sls_TraffickingEvents!)).toEqual([
      { eventType: 'Exploitation', country: 'TH', startedOn: '2025-01-10', endedOn: null },
    ]);
    expect(JSON.parse(row.sls_FormAnswers!)).toEqual({ incident_province: 'TH-57' });
    expect(row.hte_Country).toBe('TH');
  });

  it('carries them with the identities, for those allowed to take identities out', async () => {
    await asSystem(t.database.db, (tx) =>
      tx.execute(sql`update roles set permissions = array_append(permissions, 'export:identities') where key = 'data_officer'`),
    );
    const withIdentities = await t.login('th.data');
    const { rows } = await exported(withIdentities, true);
    const row = rows.find((each) => each.sls_CaseReference === kase.reference)!;
    expect(row).toMatchObject({ cco_CaseComment: COMMENT, hte_City: EVENT_PLACE, sls_IntakeLocation: INTAKE_PLACE });
    expect(JSON.parse(row.sls_FormAnswers!)).toMatchObject({ incident_district: DISTRICT_ANSWER });
    await asSystem(t.database.db, (tx) =>
      tx.execute(sql`update roles set permissions = array_remove(permissions, 'export:identities') where key = 'data_officer'`),
    );
  });
});

describe('the audit of an export', () => {
  it('names every case whose row left, under the export’s id', async () => {
    const before = (await auditOf('export.cases')).length;
    const { rows } = await exported(dataOfficer, false);
    const [created] = (await auditOf('export.created')).slice(-1);
    const pages = (await auditOf('export.cases')).slice(before);
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.every((page) => page.resource_id === created!.resource_id)).toBe(true);
    const auditedIds = pages.flatMap((page) => page.details.caseIds as string[]);
    const references = await asSystem(t.database.db, async (tx) =>
      rowsOf(await tx.execute(sql`select reference from cases where id = any(${`{${auditedIds.join(',')}}`}::uuid[])`)),
    );
    expect((references as { reference: string }[]).map((each) => each.reference).sort()).toEqual(
      rows.map((row) => row.sls_CaseReference).sort(),
    );
    expect(auditedIds).toContain(kase.id);
  });
});
