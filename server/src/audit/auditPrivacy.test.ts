import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, startTestApp, type TestApp } from '../../test/harness.js';
import { isoDay } from '../commands/openCase.js';
import { asSystem } from '../db/actorContext.js';
import { rowsOf } from '../db/client.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/**
 * Every value this file stores as identity data, as typed and as it might be normalised. None may
 * appear in the audit trail or the case timeline, whoever wrote the event.
 */
const IDENTITY_VALUES = [
  'Suphannee',
  'Kaewprasert',
  'สุพรรณี',
  'Wilaiwan',
  'Boonmee',
  'วิไลวรรณ',
  'AA-7731904',
  'AA7731904',
  '+66 89 404 7713',
  '404 7713',
  '894047713',
  'Soi Ratchada 7',
  'Ban Pa Sak',
  '1994-11-02',
  '1995-02-17',
  '3-1199-00483-21-5',
  '3119900483215',
  '00-8812-304455-6',
  'Duangjai',
  'Phromma',
  'TT-5509182',
];

const person = {
  givenName: 'Suphannee',
  familyName: 'Kaewprasert',
  nameAsWritten: 'สุพรรณี แก้วประเสริฐ',
  gender: 'Feminine',
  birthDate: '1994-11-02',
  citizenship: ['TH'],
  address: 'Soi Ratchada 7, Mueang Chiang Rai',
  documents: [{ documentType: 'passport', number: 'AA-7731904', issuingCountry: 'TH' }],
  contacts: [{ kind: 'phone', value: '+66 89 404 7713' }],
};

const csvOf = (rows: (string | null)[][]) =>
  `${rows.map((row) => row.map((cell) => (cell === null ? '' : /[",\n;]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',')).join('\r\n')}\r\n`;

async function ok<T>(response: Promise<{ status: number; body: T }>, status: number): Promise<T> {
  const answer = await response;
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body;
}

/** Everything the audit trail and the timelines hold, as the schema owner reads it. */
async function storedDetails() {
  const read = (query: ReturnType<typeof sql>) => asSystem(t.database.db, async (tx) => rowsOf(await tx.execute(query)));
  const audit = (await read(sql`select action, resource_type, details from audit_events order by seq`)) as {
    action: string;
    resource_type: string | null;
    details: Record<string, unknown>;
  }[];
  const timeline = (await read(sql`select kind, details from case_events order by id`)) as {
    kind: string;
    details: Record<string, unknown>;
  }[];
  return { audit, timeline };
}

describe('the audit trail and the case timeline', () => {
  it('hold ids, field and section names, never a value stored as identity data', async () => {
    const worker: ApiClient = await t.login('th.socialworker');
    const kase = await ok(
      worker.post('/api/cases', {
        person,
        intake: { channel: 'hotline_call', urgency: 'urgent', location: 'TH-57' },
        formAnswers: { legal_status: 'thai_national', thai_id_number: '3-1199-00483-21-5', reflection_period_offered: false },
      }),
      201,
    );
    const renamed = await ok(
      worker.patch(`/api/cases/${kase.id}/person`, {
        ...person,
        givenName: 'Wilaiwan',
        familyName: 'Boonmee',
        nameAsWritten: 'วิไลวรรณ บุญมี',
        birthDate: '1995-02-17',
        address: 'Ban Pa Sak, Mae Chan',
        version: kase.person.version,
      }),
      200,
    );
    const edited = await ok(
      worker.patch(`/api/cases/${kase.id}`, {
        version: renamed.version,
        urgency: 'routine',
        formAnswers: { legal_status: 'pink_card_holder', pink_card_number: '00-8812-304455-6', thai_id_number: null },
      }),
      200,
    );
    expect(edited.formAnswers).toMatchObject({ pink_card_number: '00-8812-304455-6' });
    await ok(
      worker.post(`/api/cases/${kase.id}/comments`, { body: 'Wilaiwan Boonmee asked us to call +66 89 404 7713 only after 6 pm.' }),
      201,
    );
    await ok(
      worker.post(`/api/cases/${kase.id}/comments`, { section: 'identity', body: 'Passport AA-7731904 is with the employer.' }),
      201,
    );

    const [ngo] = (await asSystem(t.database.db, async (tx) =>
      rowsOf(await tx.execute(sql`select id from agencies where name like 'Mekong Hope%'`)),
    )) as { id: string }[];
    const consent = await ok(
      worker.post(`/api/cases/${kase.id}/consents`, {
        purpose: 'services',
        sections: ['identity', 'family'],
        agencyIds: [ngo!.id],
        countries: [],
        givenBy: 'victim',
        givenOn: isoDay(new Date()),
      }),
      201,
    );
    await ok(worker.post(`/api/cases/${kase.id}/shares`, { agencyId: ngo!.id, consentId: consent.id, sections: ['family'] }), 200);

    await ok(
      worker.post(`/api/cases/${kase.id}/interviews`, {
        conductedOn: isoDay(new Date()),
        place: 'Mae Sai',
        language: 'th',
        participantAgencyIds: [],
        stepsCompleted: ['pre_screening'],
        indicators: { act: ['recruitment'], means: ['deception', 'document_retention'], purpose: ['forced_labour'] },
        account: 'Wilaiwan Boonmee: the broker kept passport AA-7731904.',
        status: 'completed',
      }),
      201,
    );
    const current = (await worker.get(`/api/cases/${kase.id}`)).body;
    await ok(
      worker.post(`/api/cases/${kase.id}/trafficking-status`, {
        toStatus: 'Presumed',
        decidingAgencyId: current.ownerAgencyId,
        decidedOn: isoDay(new Date()),
        decidedByName: 'Provincial MDT, Chiang Rai',
        reasons: 'Wilaiwan Boonmee was recruited by deception; passport AA-7731904 retained.',
        caseVersion: current.version,
      }),
      201,
    );

    const dataOfficer = await t.login('th.data');
    expect((await dataOfficer.download('/api/exports/htcds?format=csv')).status).toBe(200);
    const imported = await dataOfficer.upload('/api/imports/htcds?dryRun=false', {
      name: 'partner.csv',
      type: 'text/csv',
      bytes: Buffer.from(
        csvOf([
          ['prs_FirstName', 'prs_SecondName', 'prs_Gender', 'prs_Citizenship', 'prs_IdentityNumber', 'vic_TypeOfExploitation'],
          ['Duangjai', 'Phromma', 'Feminine', 'TH', 'TT-5509182', 'ForcedLabour'],
        ]),
      ),
    });
    expect(imported.status, JSON.stringify(imported.body)).toBeLessThan(300);

    const { audit, timeline } = await storedDetails();
    expect(audit.map((event) => event.action)).toEqual(
      expect.arrayContaining(['case.create', 'person.update', 'case.update', 'case.share', 'export.created']),
    );
    for (const [where, entries] of [
      ['audit', audit],
      ['timeline', timeline],
    ] as const) {
      for (const entry of entries) {
        const text = JSON.stringify(entry.details).toLowerCase();
        for (const value of IDENTITY_VALUES) expect(text, `${where} ${JSON.stringify(entry)}`).not.toContain(value.toLowerCase());
        // Ciphertexts are identity data too: they change with each key and say when a value changed.
        expect(text, `${where} ${JSON.stringify(entry)}`).not.toMatch(/v[12]:[a-z0-9_-]+:/);
      }
    }
    const update = audit.find((event) => event.action === 'case.update' && JSON.stringify(event.details).includes('formIdentityEnc'));
    expect(update?.details).toEqual({ changes: { urgency: 'changed', formIdentityEnc: 'changed' } });
    const personUpdate = audit.find((event) => event.action === 'person.update');
    expect(Object.values(personUpdate?.details.changes as Record<string, unknown>).every((change) => change === 'changed')).toBe(true);
  });
});
