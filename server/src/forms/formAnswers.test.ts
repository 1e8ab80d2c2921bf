import {
  countryFormConfigurationSchema,
  type FormDefinition,
  formDefinitionSchema,
  type LocalisedLabels,
  type LookupList,
  lookupListSchema,
  SUPPORTED_LOCALES,
  validateFormAnswers,
} from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import { SHIPPED_FORM_CONFIGURATIONS, shippedFormConfiguration } from './configurations/index.js';

const labels = (en: string): LocalisedLabels => ({ en, th: en, km: en, lo: en, my: en, vi: en, zh: en, ja: en });

const provinces: LookupList = lookupListSchema.parse({
  key: 'provinces',
  labels: labels('Provinces'),
  values: [
    { value: 'TH-57', labels: labels('Chiang Rai') },
    { value: 'TH-63', labels: labels('Tak') },
    { value: 'TH-10', labels: labels('Bangkok') },
    { value: 'TH-99', labels: labels('Retired'), active: false },
  ],
});

const definition: FormDefinition = formDefinitionSchema.parse({
  form: 'intake',
  groups: [
    {
      key: 'details',
      labels: labels('Details'),
      fields: [
        { key: 'province_of_origin', type: 'select', lookup: 'provinces', required: true, section: 'general', labels: labels('Province') },
        { key: 'places_worked', type: 'multiselect', lookup: 'provinces', max: 2, section: 'general', labels: labels('Places') },
        { key: 'note', type: 'text', maxLength: 10, section: 'general', labels: labels('Note') },
        { key: 'children', type: 'number', min: 0, max: 20, section: 'family', labels: labels('Children') },
        { key: 'arrived_on', type: 'date', section: 'general', labels: labels('Arrived') },
        { key: 'has_document', type: 'boolean', section: 'identity', labels: labels('Has document') },
        {
          key: 'document_number',
          type: 'text',
          required: { when: { field: 'has_document', equals: true } },
          section: 'identity',
          labels: labels('Document number'),
        },
        { key: 'medical_note', type: 'textarea', section: 'medical', labels: labels('Medical note') },
      ],
    },
  ],
});

const validate = (answers: Record<string, unknown>, sections?: readonly string[], previous?: Record<string, unknown>) =>
  validateFormAnswers(definition, [provinces], answers, sections, { previous });

const SCRIPTS: Record<string, RegExp> = {
  th: /[\u0E00-\u0E7F]/,
  lo: /[\u0E80-\u0EFF]/,
  km: /[\u1780-\u17FF]/,
  my: /[\u1000-\u109F]/,
  zh: /[\u4E00-\u9FFF]/,
  ja: /[\u3040-\u30FF\u4E00-\u9FFF]/,
};
const SOUTHEAST_ASIAN = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]/g;

/** Every label object of a configuration, with where it is. */
function allLabels(configuration: (typeof SHIPPED_FORM_CONFIGURATIONS)[number]): [string, LocalisedLabels][] {
  const out: [string, LocalisedLabels][] = [];
  for (const list of configuration.lookups) {
    out.push([`lookup ${list.key}`, list.labels]);
    for (const value of list.values) out.push([`lookup ${list.key}.${value.value}`, value.labels]);
  }
  for (const form of configuration.forms) {
    for (const group of form.groups) {
      out.push([`${form.form} group ${group.key}`, group.labels]);
      for (const field of group.fields) out.push([`${form.form} field ${field.key}`, field.labels]);
    }
  }
  return out;
}

describe('shipped form configurations', () => {
  it('exist for the five countries of the region', () => {
    expect(SHIPPED_FORM_CONFIGURATIONS.map((configuration) => configuration.country).sort()).toEqual(['KH', 'LA', 'MM', 'TH', 'VN']);
    expect(shippedFormConfiguration('th')?.country).toBe('TH');
    expect(shippedFormConfiguration('JP')).toBeUndefined();
  });

  it.each(SHIPPED_FORM_CONFIGURATIONS.map((configuration) => [configuration.country, configuration] as const))(
    '%s passes the schemas',
    (_country, configuration) => {
      expect(countryFormConfigurationSchema.safeParse(configuration).error?.issues ?? []).toEqual([]);
      for (const form of configuration.forms) expect(formDefinitionSchema.safeParse(form).success).toBe(true);
    },
  );

  it.each(SHIPPED_FORM_CONFIGURATIONS.map((configuration) => [configuration.country, configuration] as const))(
    '%s resolves every lookup reference and uses each list',
    (_country, configuration) => {
      const lists = new Set(configuration.lookups.map((list) => list.key));
      const referenced = configuration.forms.flatMap((form) =>
        form.groups.flatMap((group) => group.fields.flatMap((field) => (field.lookup ? [field.lookup] : []))),
      );
      expect(referenced.filter((key) => !lists.has(key))).toEqual([]);
      expect([...lists].filter((key) => !referenced.includes(key))).toEqual([]);
    },
  );

  it.each(SHIPPED_FORM_CONFIGURATIONS.map((configuration) => [configuration.country, configuration] as const))(
    '%s has field keys unique across its intake and case forms (both stored in formAnswers)',
    (_country, configuration) => {
      const keys = configuration.forms
        .filter((form) => form.form !== 'identification')
        .flatMap((form) => form.groups.flatMap((group) => group.fields.map((field) => field.key)));
      expect(keys.length).toBe(new Set(keys).size);
    },
  );

  it.each(SHIPPED_FORM_CONFIGURATIONS.map((configuration) => [configuration.country, configuration] as const))(
    '%s labels every item in all eight languages, each in its own script',
    (_country, configuration) => {
      const problems: string[] = [];
      for (const [where, text] of allLabels(configuration)) {
        for (const locale of SUPPORTED_LOCALES) {
          const label = text[locale];
          if (!label?.trim()) {
            problems.push(`${where} [${locale}] empty`);
            continue;
          }
          const script = SCRIPTS[locale];
          // A label that is only Latin letters, digits and punctuation (e.g. "1202 DSI") needs no script.
          if (script && !script.test(label) && /[^\x20-\x7E]/.test(label)) problems.push(`${where} [${locale}] not in its script`);
          if (script && !/^[\x20-\x7E]*$/.test(label) && !script.test(label)) problems.push(`${where} [${locale}] not in its script`);
          const foreign = (label.match(SOUTHEAST_ASIAN) ?? []).filter((char) => !script?.test(char));
          if (foreign.length) problems.push(`${where} [${locale}] mixes scripts: ${label}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('accepts realistic Thai intake and case answers and rejects a bad province', () => {
    const thailand = shippedFormConfiguration('TH');
    const intake = thailand?.forms.find((form) => form.form === 'intake');
    expect(intake).toBeDefined();
    if (!thailand || !intake) return;
    expect(validateFormAnswers(intake, thailand.lookups, { hotline: 'hotline_1300', incident_province: 'TH-27' })).toEqual([]);
    expect(validateFormAnswers(intake, thailand.lookups, { incident_province: 'KH-1' })).toEqual([
      expect.objectContaining({ path: 'formAnswers.incident_province', code: 'unknown_value' }),
    ]);
  });
});

describe('formDefinitionSchema', () => {
  it('rejects a select without a lookup, duplicate keys, a non-snake key, missing languages and a condition on an unknown field', () => {
    const bad = formDefinitionSchema.safeParse({
      form: 'case',
      groups: [
        {
          key: 'g',
          labels: labels('G'),
          fields: [
            { key: 'a', type: 'select', section: 'general', labels: labels('A') },
            { key: 'a', type: 'text', section: 'general', labels: labels('A2') },
            { key: 'BadKey', type: 'text', section: 'general', labels: labels('B') },
            { key: 'c', type: 'text', section: 'general', labels: { en: 'C' } },
            { key: 'd', type: 'text', required: { when: { field: 'nope', equals: true } }, section: 'general', labels: labels('D') },
            { key: 'e', type: 'text', section: 'secret', labels: labels('E') },
          ],
        },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = (bad.error?.issues ?? []).map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'groups.0.fields.0.lookup',
        'groups.0.fields.2.key',
        'groups.0.fields.3.labels.th',
        'groups.0.fields.5.section',
      ]),
    );
  });

  it('rejects a configuration whose field refers to a missing lookup list', () => {
    const result = countryFormConfigurationSchema.safeParse({ country: 'TH', forms: [definition], lookups: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('Unknown lookup list provinces');
  });
});

describe('validateFormAnswers', () => {
  it('accepts valid answers and treats empty values as unanswered', () => {
    expect(
      validate({
        province_of_origin: 'TH-57',
        places_worked: ['TH-57', 'TH-63'],
        note: 'short',
        children: 2,
        arrived_on: '2024-02-29',
        has_document: false,
        document_number: '',
        medical_note: null,
      }),
    ).toEqual([]);
  });

  it('reports a missing required field, and a conditionally required one when its condition holds', () => {
    expect(validate({})).toEqual([expect.objectContaining({ path: 'formAnswers.province_of_origin', code: 'required' })]);
    expect(validate({ province_of_origin: 'TH-57', has_document: true })).toEqual([
      expect.objectContaining({ path: 'formAnswers.document_number', code: 'required' }),
    ]);
  });

  it('rejects unknown fields by name', () => {
    expect(validate({ province_of_origin: 'TH-57', favourite_colour: 'blue' })).toEqual([
      expect.objectContaining({ path: 'formAnswers.favourite_colour', code: 'unknown_field' }),
    ]);
  });

  it('rejects picklist values that are not in the list, naming the field and the value', () => {
    const issues = validate({ province_of_origin: 'Atlantis', places_worked: ['TH-63', 'Narnia'] });
    expect(issues).toEqual([
      expect.objectContaining({ path: 'formAnswers.province_of_origin', code: 'unknown_value' }),
      expect.objectContaining({ path: 'formAnswers.places_worked', code: 'unknown_value' }),
    ]);
    expect(issues[0]?.message).toContain('Atlantis');
    expect(issues[1]?.message).toContain('Narnia');
  });

  it('rejects a deactivated value for new answers but keeps it when unchanged', () => {
    expect(validate({ province_of_origin: 'TH-99' })).toEqual([expect.objectContaining({ code: 'unknown_value' })]);
    expect(validate({ province_of_origin: 'TH-99' }, undefined, { province_of_origin: 'TH-99' })).toEqual([]);
  });

  it('rejects wrong types', () => {
    const issues = validate({
      province_of_origin: 57,
      places_worked: 'TH-57',
      note: 5,
      children: '2',
      arrived_on: 20240101,
      has_document: 'yes',
    });
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['formAnswers.province_of_origin', 'invalid_type'],
      ['formAnswers.places_worked', 'invalid_type'],
      ['formAnswers.note', 'invalid_type'],
      ['formAnswers.children', 'invalid_type'],
      ['formAnswers.arrived_on', 'invalid_type'],
      ['formAnswers.has_document', 'invalid_type'],
    ]);
  });

  it('checks lengths, ranges, choice counts and calendar dates', () => {
    const issues = validate({
      province_of_origin: 'TH-57',
      note: 'far too long for ten',
      children: 21,
      places_worked: ['TH-57', 'TH-63', 'TH-99'],
      arrived_on: '2023-02-29',
    });
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['formAnswers.places_worked', 'unknown_value'],
      ['formAnswers.note', 'too_long'],
      ['formAnswers.children', 'out_of_range'],
      ['formAnswers.arrived_on', 'invalid_date'],
    ]);
    expect(validate({ province_of_origin: 'TH-57', places_worked: ['TH-57', 'TH-63', 'TH-10'] })[0]?.code).toBe('out_of_range');
    expect(validate({ province_of_origin: 'TH-57', places_worked: ['TH-57', 'TH-57'] })[0]?.code).toBe('invalid_type');
    expect(validate({ province_of_origin: 'TH-57', children: -1 })[0]?.code).toBe('out_of_range');
  });

  it('applies need-to-know: fields of sections not granted are unknown and not required', () => {
    const issues = validate({ province_of_origin: 'TH-57', medical_note: 'x', children: 1, has_document: true }, ['identity']);
    expect(issues.map((issue) => [issue.path, issue.code])).toEqual([
      ['formAnswers.medical_note', 'unknown_field'],
      ['formAnswers.children', 'unknown_field'],
      ['formAnswers.document_number', 'required'],
    ]);
    // without the identity section, the conditionally required identity field is not asked for
    expect(validate({ province_of_origin: 'TH-57' }, [])).toEqual([]);
  });

  it('uses a custom path prefix', () => {
    expect(validateFormAnswers(definition, { provinces }, {}, undefined, { pathPrefix: 'answers' })[0]?.path).toBe(
      'answers.province_of_origin',
    );
  });
});
