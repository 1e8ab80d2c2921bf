import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { asSystem } from '../db/actorContext.js';
import { placeOf } from '../db/cipherPlace.js';
import { rowsOf } from '../db/client.js';
import { cases } from '../db/schema/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const THAI_ID = '3-1005-02837-46-1';
const person = { givenName: 'Kanya', familyName: 'Srisuk', gender: 'Feminine', citizenship: ['TH'], documents: [], contacts: [] };

const rawCase = async (id: string) => {
  const result = await asSystem(t.database.db, (tx) => tx.execute(sql`select to_jsonb(c) as row from cases c where c.id = ${id}`));
  return (rowsOf(result)[0] as { row: Record<string, unknown> }).row;
};

describe('answers to identity fields of a country form', () => {
  it('are stored encrypted, never in clear beside the other answers', async () => {
    const worker = await t.login('th.socialworker');
    const created = await worker.post('/api/cases', {
      person,
      formAnswers: { incident_province: 'TH-57', legal_status: 'thai_national', thai_id_number: THAI_ID, reflection_period_offered: false },
    });
    expect(created.status).toBe(201);
    expect(created.body.formAnswers).toMatchObject({ legal_status: 'thai_national', thai_id_number: THAI_ID });

    const row = await rawCase(created.body.id);
    expect(JSON.stringify(row)).not.toContain(THAI_ID);
    expect(JSON.stringify(row)).not.toContain('1005');
    expect(row.form_answers).toEqual({ incident_province: 'TH-57', reflection_period_offered: false });
    expect(row.form_identity_enc).toMatch(/^v2:/);
    expect(JSON.parse(t.keyRing.decrypt(row.form_identity_enc as string, placeOf(cases.formIdentityEnc, created.body.id)))).toEqual({
      legal_status: 'thai_national',
      thai_id_number: THAI_ID,
    });
  });

  it('are stored encrypted when added by an edit, and an unrelated edit leaves their ciphertext alone', async () => {
    const worker = await t.login('th.socialworker');
    const created = await worker.post('/api/cases', { person, formAnswers: { incident_province: 'TH-57' } });
    const edited = await worker.patch(`/api/cases/${created.body.id}`, {
      version: created.body.version,
      formAnswers: { legal_status: 'pink_card_holder', pink_card_number: '00-1234-567890-1', reflection_period_offered: false },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.formAnswers).toMatchObject({ pink_card_number: '00-1234-567890-1', reflection_period_offered: false });
    const before = await rawCase(created.body.id);
    expect(JSON.stringify(before)).not.toContain('567890');

    const again = await worker.patch(`/api/cases/${created.body.id}`, {
      version: edited.body.version,
      formAnswers: { incident_province: 'TH-63' },
    });
    expect(again.status).toBe(200);
    expect(again.body.formAnswers).toMatchObject({ incident_province: 'TH-63', pink_card_number: '00-1234-567890-1' });
    const after = await rawCase(created.body.id);
    expect(after.form_identity_enc).toBe(before.form_identity_enc);

    // The timeline says identity answers changed only in an entry of the identity section.
    const timeline = (await worker.get(`/api/cases/${created.body.id}/timeline?pageSize=50`)).body.items as {
      kind: string;
      section: string | null;
      details: unknown;
    }[];
    expect(JSON.stringify(timeline)).not.toContain('formIdentityEnc');
    const updates = timeline.filter((entry) => entry.kind === 'case.updated');
    expect(updates).toContainEqual(expect.objectContaining({ section: 'identity', details: { fields: ['formAnswers'] } }));
    expect(updates.filter((entry) => entry.section === null).map((entry) => entry.details)).toEqual([
      { fields: ['formAnswers'] },
      { fields: ['formAnswers'] },
    ]);
  });

  it('are stored encrypted when an HTCDS import brings them', async () => {
    const answers = JSON.stringify({ legal_status: 'thai_national', thai_id_number: THAI_ID, reflection_period_offered: false });
    const csv = `prs_FirstName,prs_Gender,sls_CaseReference,sls_FormAnswers\r\nPanida,Feminine,TH-2024-FA0001,"${answers.replace(/"/g, '""')}"\r\n`;
    const dataOfficer = await t.login('th.data');
    const report = await dataOfficer.upload('/api/imports/htcds?dryRun=false', {
      name: 'answers.csv',
      type: 'text/csv',
      bytes: Buffer.from(csv),
    });
    expect(report.body, JSON.stringify(report.body)).toMatchObject({ state: 'done', imported: 1, errorCount: 0 });
    const result = await asSystem(t.database.db, (tx) =>
      tx.execute(sql`select to_jsonb(c) as row from cases c where c.reference = 'TH-2024-FA0001'`),
    );
    const row = (rowsOf(result)[0] as { row: Record<string, unknown> }).row;
    expect(JSON.stringify(row)).not.toContain(THAI_ID);
    expect(row.form_answers).toEqual({ reflection_period_offered: false });
    expect(JSON.parse(t.keyRing.decrypt(row.form_identity_enc as string, placeOf(cases.formIdentityEnc, row.id as string)))).toEqual({
      legal_status: 'thai_national',
      thai_id_number: THAI_ID,
    });
  });

  it('are shown only to those who may read the identity section', async () => {
    const worker = await t.login('th.socialworker');
    const list = (await worker.get(`/api/cases?q=${encodeURIComponent('Aye Aye Khine')}`)).body.items;
    const kase = (await worker.get(`/api/cases/${list[0].id}`)).body;
    const saved = await worker.patch(`/api/cases/${kase.id}`, {
      version: kase.version,
      formAnswers: { legal_status: 'thai_national', thai_id_number: THAI_ID, reflection_period_offered: false },
    });
    expect(saved.status).toBe(200);
    expect(JSON.stringify(await rawCase(kase.id))).not.toContain(THAI_ID);
    const shelter = (await (await t.login('th.shelter')).get(`/api/cases/${kase.id}`)).body;
    expect(shelter.formAnswers).toMatchObject({ thai_id_number: THAI_ID });
    const psychologist = (await (await t.login('th.psychologist')).get(`/api/cases/${kase.id}`)).body;
    expect(psychologist.formAnswers).toEqual({ reflection_period_offered: false });
  });
});
