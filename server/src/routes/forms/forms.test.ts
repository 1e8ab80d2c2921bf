import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, expectProblem, startTestApp, type TestApp } from '../../../test/harness.js';

let t: TestApp;
let worker: ApiClient;
let admin: ApiClient;
beforeAll(async () => {
  t = await startTestApp();
  [worker, admin] = await Promise.all([t.login('th.socialworker'), t.login('admin')]);
});
afterAll(() => t.close());

const person = { givenName: 'Form', familyName: 'Answers', gender: 'Feminine', citizenship: ['MM'] };

describe('country forms', () => {
  it("serves Thailand's intake form with its picklists, labelled in every language", async () => {
    const form = (await worker.get('/api/forms/intake')).body;
    const fields = form.definition.groups.flatMap((group: { fields: { key: string }[] }) => group.fields.map((field) => field.key));
    expect(fields).toContain('incident_province');
    const provinces = form.lookups.find((list: { key: string }) => list.key === 'th_provinces');
    expect(provinces.values.find((value: { value: string }) => value.value === 'TH-57').labels).toMatchObject({
      en: 'Chiang Rai',
      th: 'เชียงราย',
    });
  });

  it('checks configured answers: unknown fields and values, required rules, each named by its path', async () => {
    const wrong = await worker.post('/api/cases', { person, formAnswers: { incident_province: 'XX-99', favourite_colour: 'blue' } });
    const problem = expectProblem(wrong, 422, 'validation_failed');
    expect(problem.errors?.map((error) => [error.path, error.code]).sort()).toEqual([
      ['formAnswers.favourite_colour', 'unknown_field'],
      ['formAnswers.incident_province', 'unknown_value'],
    ]);
    const created = await worker.post('/api/cases', { person, formAnswers: { incident_province: 'TH-57', incident_district: 'Mae Sai' } });
    expect(created.status).toBe(201);
    expect(created.body.formAnswers).toEqual({ incident_province: 'TH-57', incident_district: 'Mae Sai' });

    const missing = await worker.patch(`/api/cases/${created.body.id}`, {
      version: created.body.version,
      formAnswers: { legal_status: 'thai_national' },
    });
    const paths = expectProblem(missing, 422, 'validation_failed').errors?.map((error) => `${error.path}:${error.code}`);
    expect(paths).toEqual(
      expect.arrayContaining(['formAnswers.thai_id_number:required', 'formAnswers.reflection_period_offered:required']),
    );
    const saved = await worker.patch(`/api/cases/${created.body.id}`, {
      version: created.body.version,
      formAnswers: { legal_status: 'thai_national', thai_id_number: '1-2345-67890-12-3', reflection_period_offered: false },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.formAnswers).toMatchObject({
      incident_province: 'TH-57',
      legal_status: 'thai_national',
      reflection_period_offered: false,
    });
  });

  it('keeps configured identity answers from those without the identity section', async () => {
    // Demo person 0's case (Aye Aye Khine, Chiang Rai) is shared with the shelter with identity + shelter.
    const list = (await worker.get(`/api/cases?q=${encodeURIComponent('Aye Aye Khine')}`)).body.items;
    const kase = (await worker.get(`/api/cases/${list[0].id}`)).body;
    const saved = await worker.patch(`/api/cases/${kase.id}`, {
      version: kase.version,
      formAnswers: {
        legal_status: 'thai_national',
        thai_id_number: '1-2345-67890-12-3',
        reflection_period_offered: false,
        stays_outside_shelter: true,
      },
    });
    expect(saved.status).toBe(200);
    const shelterStaff = (await (await t.login('th.shelter')).get(`/api/cases/${kase.id}`)).body;
    expect(shelterStaff.formAnswers).toMatchObject({ thai_id_number: '1-2345-67890-12-3', stays_outside_shelter: true });
    const psychologist = (await (await t.login('th.psychologist')).get(`/api/cases/${kase.id}`)).body;
    expect(psychologist.formAnswers).toEqual({ reflection_period_offered: false });
  });

  it('lets a form administrator deactivate a picklist value but never remove one', async () => {
    const lists = (await admin.get('/api/admin/lookups?countryCode=TH')).body.items;
    const provinces = lists.find((list: { key: string }) => list.key === 'th_provinces');
    const removed = await admin.put('/api/admin/lookups/TH/th_provinces', {
      labels: provinces.labels,
      values: provinces.values.filter((value: { value: string }) => value.value !== 'TH-63'),
      version: provinces.version,
    });
    expect(expectProblem(removed, 422, 'validation_failed').errors?.[0]?.path).toBe('values');
    const deactivated = await admin.put('/api/admin/lookups/TH/th_provinces', {
      labels: provinces.labels,
      values: provinces.values.map((value: { value: string }) => (value.value === 'TH-63' ? { ...value, active: false } : value)),
      version: provinces.version,
    });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.version).toBe(provinces.version + 1);
    const refused = await worker.post('/api/cases', { person, formAnswers: { incident_province: 'TH-63' } });
    expect(expectProblem(refused, 422, 'validation_failed').errors?.[0]).toMatchObject({
      path: 'formAnswers.incident_province',
      code: 'unknown_value',
    });
    expectProblem(
      await admin.put('/api/admin/lookups/TH/th_provinces', {
        labels: provinces.labels,
        values: provinces.values,
        version: provinces.version,
      }),
      409,
      'conflict',
    );
  });

  it('refuses a new picklist whose key no form field could name, instead of storing one it cannot show', async () => {
    const labels = {
      en: 'Shelters',
      th: 'Shelters',
      km: 'Shelters',
      lo: 'Shelters',
      my: 'Shelters',
      vi: 'Shelters',
      zh: 'Shelters',
      ja: 'Shelters',
    };
    const values = [{ value: 'A', labels, active: true, sort: 0 }];
    for (const listKey of ['trailing_', 'double__underscore']) {
      const refused = await admin.put(`/api/admin/lookups/TH/${listKey}`, { labels, values, version: 0 });
      expect(expectProblem(refused, 400, 'validation_failed').errors?.[0]?.path).toBe('params.listKey');
    }
    const created = await admin.put('/api/admin/lookups/TH/test_shelter_kinds', { labels, values, version: 0 });
    expect(created.status).toBe(200);
    expect(created.body.key).toBe('test_shelter_kinds');
  });

  it('refuses a form whose field points to a picklist the country does not have', async () => {
    const [intake] = (await admin.get('/api/admin/forms?countryCode=TH')).body.items.filter(
      (form: { form: string }) => form.form === 'intake',
    );
    const definition = structuredClone(intake.definition);
    definition.groups[0].fields[0] = { ...definition.groups[0].fields[0], type: 'select', lookup: 'no_such_list' };
    const response = await admin.put('/api/admin/forms/TH/intake', { definition, version: intake.version });
    expect(expectProblem(response, 422, 'invalid_reference').errors?.[0]?.path).toBe('definition.groups.0.fields.0.lookup');
  });
});
