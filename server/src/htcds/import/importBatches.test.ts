import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness.js';
import { asSystem } from '../../db/actorContext.js';
import { placeOf } from '../../db/cipherPlace.js';
import { rowsOf } from '../../db/client.js';
import {
  caseHtcdsValues,
  cases,
  htcdsImports,
  personContacts,
  personDocuments,
  personNames,
  persons,
  referrals,
  users,
} from '../../db/schema/index.js';
import { sha256Of } from '../../files/attachmentStore.js';
import { normaliseDocumentNumber, normalisePhone } from '../../matching/indexPersonNames.js';
import { nameKeysOf } from '../../matching/nameKeys.js';
import { ImportFiles } from './importFiles.js';
import { runImport } from './runImport.js';

type Json = Record<string, any>;

const HEADER = [
  'prs_FirstName',
  'prs_SecondName',
  'sls_NameAsWritten',
  'sls_Aliases',
  'prs_Birthdate',
  'prs_Gender',
  'prs_Citizenship',
  'prs_IdentityNumber',
  'prs_MobilePhone',
  'sls_CaseReference',
  'sls_OpenedOn',
  'cas_Status',
  'sls_ClosedOn',
  'vic_TraffickingStatus',
  'vic_TraffickingStatusDecisionMakingOrg',
  'vic_TypeOfExploitation',
  'hte_Type',
  'hte_Date',
  'hte_Country',
  'con_Consent',
  'cas_ReferringOrganisation',
  'cas_IncomingReferralDate',
  'prs_MaritalStatus',
];
const ROWS = [
  // The same person as the fourth row: the fourth joins her, though both are in one batch.
  [
    'Somchai',
    'Jaidee',
    'สมชาย ใจดี',
    'Chai;Som',
    '1998-05-17',
    'Masculine',
    'TH',
    '1-1001-00001-11-1',
    '081-555-0199',
    'TH-2024-BT0001',
    '2024-02-01',
    'Active',
    '',
    'ActualVictimOfTrafficking',
    'Police',
    'ForcedLabour',
    'Recruitment',
    '2023-12-01',
    'MM',
    'true',
    'Mae Sai Police Station',
    '2024-01-30',
    'Single',
  ],
  [
    'Dara',
    'Sok',
    'ដារា សុខ',
    '',
    '2001-03-09',
    'Feminine',
    'KH',
    '',
    '+855 12 345 678',
    'TH-2024-BT0002',
    '2024-03-01',
    'Closed',
    '2024-09-30',
    'PossibleVictimOfTrafficking',
    '',
    'SexualExploitation',
    '',
    '',
    '',
    'false',
    '',
    '',
    '',
  ],
  // Its reference is the first row's: it keeps a generated one and says so.
  [
    'Aung',
    'Kyaw',
    'အောင်ကျော်',
    '',
    '1999-02-03',
    'Masculine',
    'MM',
    'MB123456',
    '',
    'TH-2024-BT0001',
    '2024-04-01',
    'Active',
    '',
    'ActualVictimOfTrafficking',
    'NGO',
    'ForcedLabour',
    'Exploitation',
    '2024-03-15',
    'TH',
    '',
    '',
    '',
    '',
  ],
  [
    'Somchai',
    'Jaidee',
    '',
    '',
    '1998-05-17',
    'Masculine',
    'TH',
    '1100100001111',
    '',
    'TH-2024-BT0004',
    '2024-05-01',
    'Active',
    '',
    'ActualVictimOfTrafficking',
    '',
    'ForcedLabour',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ],
  [
    'Noy',
    'Phommachanh',
    'ນ້ອຍ ພົມມະຈັນ',
    '',
    '',
    'Feminine',
    'LA',
    '',
    '',
    'TH-2024-BT0005',
    '2024-06-01',
    'Active',
    '',
    'PossibleVictimOfTrafficking',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ],
];
const csvOf = (rows: string[][]) =>
  Buffer.from(`${rows.map((row) => row.map((cell) => (/[",;]/.test(cell) ? `"${cell}"` : cell)).join(',')).join('\r\n')}\r\n`);

async function officerOf(app: TestApp) {
  const [officer] = await asSystem(app.database.db, (tx) => tx.select().from(users).where(eq(users.username, 'th.data')));
  return officer!;
}

/** Records an import job as the upload route does, already claimed by this test's worker. */
async function recordJob(app: TestApp, bytes: Buffer) {
  const officer = await officerOf(app);
  const files = new ImportFiles(path.join(app.config.dataDir, 'imports'), app.keyRing);
  const id = randomUUID();
  await files.put(id, bytes);
  const [job] = await asSystem(app.database.db, (tx) =>
    tx
      .insert(htcdsImports)
      .values({
        id,
        agencyId: officer.agencyId,
        userId: officer.id,
        dryRun: false,
        fileNameEnc: app.keyRing.encrypt('batch.csv', placeOf(htcdsImports.fileNameEnc, id)),
        fileBytes: bytes.length,
        fileSha256: sha256Of(bytes),
        format: 'csv',
        lockedUntil: sql`now() + interval '1 hour'`,
        attempts: 1,
      })
      .returning(),
  );
  const run = (writeBatch?: number) =>
    runImport(
      {
        db: app.database.db,
        keyRing: app.keyRing,
        files,
        instanceCountry: 'TH',
        username: 'th.data',
        writeBatch,
        keepGoing: async () => true,
      },
      job!,
    );
  return { id, run };
}

const query = async (app: TestApp, statement: ReturnType<typeof sql>) =>
  asSystem(app.database.db, async (tx) => rowsOf<Json>(await tx.execute(statement)));

/**
 * Everything one import stored, told by file row rather than by id, with every ciphertext
 * decrypted: what two imports of the same file must agree on to have written the same records.
 */
async function storedRecords(app: TestApp, importId: string) {
  const { keyRing } = app;
  const open = (value: string | null, column: Parameters<typeof placeOf>[0], id: string) => keyRing.decrypt(value, placeOf(column, id));
  const imported = await query(
    app,
    sql`select r.row_number, r.matched_existing_person, c.*, to_jsonb(v) - 'case_id' - 'created_at' - 'updated_at' as victim_context
      from htcds_import_rows r join cases c on c.id = r.case_id left join victim_contexts v on v.case_id = c.id
      where r.import_id = ${importId}::uuid order by r.row_number`,
  );
  const rowOfCase = new Map(imported.map((row) => [row.id as string, row.row_number as number]));
  const firstRowOfPerson = new Map<string, number>();
  for (const row of imported) if (!firstRowOfPerson.has(row.person_id)) firstRowOfPerson.set(row.person_id, row.row_number);
  const records = [];
  for (const row of imported) {
    const caseId = row.id as string;
    const personId = row.person_id as string;
    const [person] = await query(app, sql`select * from persons where id = ${personId}::uuid`);
    const names = await query(app, sql`select * from person_names where person_id = ${personId}::uuid`);
    const documents = await query(app, sql`select * from person_documents where person_id = ${personId}::uuid`);
    const contacts = await query(app, sql`select * from person_contacts where person_id = ${personId}::uuid`);
    const versions = await query(app, sql`select * from person_identity_versions where person_id = ${personId}::uuid`);
    const events = await query(app, sql`select * from trafficking_events where case_id = ${caseId}::uuid`);
    const timeline = await query(app, sql`select kind, details from case_events where case_id = ${caseId}::uuid order by id`);
    const consents = await query(app, sql`select purpose, given_by, given_on from consents where case_id = ${caseId}::uuid`);
    const decisions = await query(
      app,
      sql`select from_status, to_status, decision_making_org, decided_on from trafficking_status_decisions where case_id = ${caseId}::uuid`,
    );
    const referred = await query(app, sql`select * from referrals where case_id = ${caseId}::uuid`);
    const kept = await query(app, sql`select * from case_htcds_values where case_id = ${caseId}::uuid`);
    const sorted = <T>(items: T[]) => items.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    records.push({
      row: row.row_number,
      matchedExistingPerson: row.matched_existing_person,
      personOfRow: firstRowOfPerson.get(personId),
      kase: {
        reference: /^TH-2024-BT/.test(row.reference) ? row.reference : 'generated',
        ...Object.fromEntries(
          [
            'country_code',
            'status',
            'stage',
            'trafficking_status',
            'closure_reason',
            'intake_channel',
            'urgency',
            'locale',
            'age_at_intake',
            'form_answers',
            'owner_agency_id',
            'intake_by_agency_id',
          ].map((key) => [key, row[key]]),
        ),
        openedAt: new Date(row.opened_at).toISOString(),
        closedAt: row.closed_at ? new Date(row.closed_at).toISOString() : null,
        narrative: open(row.intake_narrative_enc, cases.intakeNarrativeEnc, caseId),
        victimContext: row.victim_context,
      },
      person: {
        givenName: open(person!.given_name_enc, persons.givenNameEnc, personId),
        familyName: open(person!.family_name_enc, persons.familyNameEnc, personId),
        nameAsWritten: open(person!.name_as_written_enc, persons.nameAsWrittenEnc, personId),
        birthDate: open(person!.birth_date_enc, persons.birthDateEnc, personId),
        ...Object.fromEntries(
          ['birth_year', 'birth_year_estimated', 'gender', 'citizenship', 'languages', 'version', 'created_by_agency_id'].map((key) => [
            key,
            person![key],
          ]),
        ),
      },
      names: sorted(
        names.map((name) => ({
          kind: name.kind,
          name: open(name.name_enc, personNames.nameEnc, name.id),
          keys: [name.search_key, name.phonetic_key, name.syllable_keys, name.keys_version],
          recordedBy: name.recorded_by_agency_id,
        })),
      ),
      // Each database has its own key ring: a blind index is checked against the one its number makes.
      documents: sorted(
        documents.map((document) => {
          const number = open(document.number_enc, personDocuments.numberEnc, document.id)!;
          return [document.document_type, number, document.number_bidx === keyRing.blindIndex('document', normaliseDocumentNumber(number))];
        }),
      ),
      contacts: sorted(
        contacts.map((contact) => {
          const value = open(contact.value_enc, personContacts.valueEnc, contact.id)!;
          const bidx = contact.kind === 'phone' ? keyRing.blindIndex('phone', normalisePhone(value)) : null;
          return [contact.kind, value, contact.value_bidx === bidx];
        }),
      ),
      versions: versions.map((version) => ({
        version: version.version,
        sameIdentity: ['given_name_enc', 'family_name_enc', 'name_as_written_enc', 'birth_date_enc'].every(
          (key) => version[key] === person![key],
        ),
      })),
      events: sorted(events.map(({ id: _id, case_id: _case, created_at: _created, updated_at: _updated, ...event }) => event)),
      timeline: timeline.map(({ kind, details }) => ({
        kind,
        details: { ...details, consentId: !!details.consentId, referralId: !!details.referralId },
      })),
      consents,
      decisions,
      referrals: referred.map((referral) => [
        referral.direction,
        referral.external_organisation,
        referral.referred_on,
        referral.case_reference === row.reference,
        referral.pseudonym === person!.pseudonym,
        open(referral.details_enc, referrals.detailsEnc, referral.id),
      ]),
      kept: kept.map((values) => JSON.parse(open(values.values_enc, caseHtcdsValues.valuesEnc, values.id)!)),
    });
    expect(rowOfCase.get(caseId)).toBe(row.row_number);
  }
  const audited = await query(
    app,
    sql`select details from audit_events where action = 'case.import' and resource_id = ${importId} order by seq`,
  );
  const [job] = await query(
    app,
    sql`select imported, matched_existing, skipped, state, warnings from htcds_imports where id = ${importId}::uuid`,
  );
  // The two databases were seeded apart: the officer and her agency are the same people under other ids.
  const officer = await officerOf(app);
  const scrubbed = JSON.parse(JSON.stringify(records).replaceAll(officer.id, '<officer>').replaceAll(officer.agencyId, '<agency>'));
  return {
    records: scrubbed as typeof records,
    auditedCases: audited.flatMap((event) => event.details.caseIds as string[]).map((caseId) => rowOfCase.get(caseId)),
    job: { ...job!, warnings: (job!.warnings as Json[]).map((warning) => [warning.row, warning.code, warning.column]) },
  };
}

describe('an import written in batches', () => {
  let batched: TestApp;
  let rowByRow: TestApp;
  beforeAll(async () => {
    batched = await startTestApp();
    rowByRow = await startTestApp();
  }, 180_000);
  afterAll(async () => {
    await batched?.close();
    await rowByRow?.close();
  });

  it('stores the same persons, name keys, cases, records and audit events as one row at a time', async () => {
    const bytes = csvOf([HEADER, ...ROWS]);
    const inBatches = await recordJob(batched, bytes);
    await inBatches.run();
    const oneByOne = await recordJob(rowByRow, bytes);
    await oneByOne.run(1);
    const ours = await storedRecords(batched, inBatches.id);
    const reference = await storedRecords(rowByRow, oneByOne.id);

    expect(ours.records).toEqual(reference.records);
    expect(ours.job).toEqual(reference.job);
    expect(ours.auditedCases).toEqual([2, 3, 4, 5, 6]);
    expect(reference.auditedCases).toEqual([2, 3, 4, 5, 6]);

    // And what both stored is what the rows say.
    expect(ours.job).toMatchObject({ state: 'done', imported: 5, matched_existing: 1, skipped: 0 });
    expect(ours.job.warnings).toEqual([
      [4, 'reference_taken', 'sls_CaseReference'],
      [5, 'matched_existing_person', null],
    ]);
    const [somchai, dara, aung, again, noy] = ours.records;
    expect(again).toMatchObject({ personOfRow: 2, matchedExistingPerson: true });
    expect(aung!.kase.reference).toBe('generated');
    expect(somchai!.names.map((name) => [name.kind, name.name])).toEqual(
      [
        ['alias', 'Chai'],
        ['alias', 'Som'],
        ['primary', 'Somchai Jaidee'],
        ['written', 'สมชาย ใจดี'],
      ].sort((a, b) => (JSON.stringify({ kind: a[0], name: a[1] }) < JSON.stringify({ kind: b[0], name: b[1] }) ? -1 : 1)),
    );
    for (const name of [...somchai!.names, ...noy!.names]) {
      const keys = nameKeysOf(name.name!);
      expect(name.keys.slice(0, 3)).toEqual([keys.searchKey, keys.phoneticKey, keys.syllableKeys]);
    }
    expect(noy!.names.some((name) => name.keys[2].length > 0)).toBe(true);
    expect(somchai!.documents).toEqual([[expect.any(String), '1-1001-00001-11-1', true]]);
    expect(somchai!.contacts).toEqual([['phone', '081-555-0199', true]]);
    expect(normalisePhone('081-555-0199')).toBe('66815550199');
    expect(somchai!.versions).toEqual([{ version: 1, sameIdentity: true }]);
    expect(somchai!.timeline.map((event) => event.kind)).toEqual(['consent.recorded', 'referral.recorded', 'case.imported']);
    expect(dara!.kept).toEqual([{ con_Consent: false }]);
    expect(somchai!.referrals).toHaveLength(1);
    expect(somchai!.decisions).toHaveLength(1);
  }, 180_000);

  it('writes nothing when a row in the middle fails its checks, and names the row and column', async () => {
    const count = async () =>
      (await query(batched, sql`select (select count(*) from cases)::int as cases, (select count(*) from persons)::int as persons`))[0];
    const before = await count();
    const rows = ROWS.map((row, index) => [...row.slice(0, 9), `TH-2024-BF000${index}`, ...row.slice(10)]);
    rows[2]![10] = '2024-13-45';
    const job = await recordJob(batched, csvOf([HEADER, ...rows]));
    await job.run(2);
    const [report] = await query(batched, sql`select state, imported, errors from htcds_imports where id = ${job.id}::uuid`);
    expect(report).toMatchObject({ state: 'failed', imported: 0 });
    expect(report!.errors.map((error: Json) => [error.row, error.column])).toEqual([[4, 'sls_OpenedOn']]);
    expect(await count()).toEqual(before);
  }, 60_000);

  it('rolls back the whole batch a row fails to write in, its persons too, and reports the failure', async () => {
    const count = async () =>
      (await query(batched, sql`select (select count(*) from cases)::int as cases, (select count(*) from persons)::int as persons`))[0];
    const before = await count();
    const rows = ROWS.map((row, index) => [
      'Refused',
      `Row${'abcde'[index]}`,
      ...row.slice(2, 7),
      '',
      '',
      `TH-2024-RB000${index}`,
      ...row.slice(10),
    ]);
    // The database refuses the fourth row's case (as a constraint the checks do not know of would).
    await query(
      batched,
      sql.raw(`create function test_refuse_case() returns trigger language plpgsql as $$ begin
        if new.reference = 'TH-2024-RB0003' then raise exception 'refused'; end if; return new; end $$`),
    );
    await query(batched, sql.raw('create trigger refuse_case before insert on cases for each row execute function test_refuse_case()'));
    try {
      const job = await recordJob(batched, csvOf([HEADER, ...rows]));
      await expect(job.run(2)).rejects.toThrow();
      // The first batch (rows 2 and 3) committed with its progress; the second (rows 4 and 5) left nothing.
      const [progress] = await query(batched, sql`select processed, imported from htcds_imports where id = ${job.id}::uuid`);
      expect(progress).toMatchObject({ processed: 2, imported: 2 });
      expect(await count()).toEqual({ cases: before!.cases + 2, persons: before!.persons + 2 });
      const refused = await query(
        batched,
        sql`select count(*)::int as n from person_names where search_key in ('refused rowc', 'refused rowd')`,
      );
      expect(refused[0]!.n).toBe(0);
      const written = await query(
        batched,
        sql`select count(*)::int as n from person_names where search_key in ('refused rowa', 'refused rowb')`,
      );
      expect(written[0]!.n).toBe(2);
    } finally {
      await query(batched, sql.raw('drop trigger refuse_case on cases'));
      await query(batched, sql.raw('drop function test_refuse_case()'));
    }
  }, 60_000);
});
