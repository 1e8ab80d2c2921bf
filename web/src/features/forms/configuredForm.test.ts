import type { FormDefinition, FormField, LocalisedLabels, LookupList } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import {
  answerFromInput,
  answersOfForm,
  type ConfiguredForm,
  checkFormAnswers,
  choiceOptions,
  closedSections,
  inputValueOf,
  issueMessage,
  localised,
  requiredNow,
  visibleGroups,
} from './configuredForm';

const labels = (en: string, th = `${en} (th)`): LocalisedLabels => ({ en, th, km: en, lo: en, my: en, vi: en, zh: en, ja: en });

const provinces: LookupList = {
  key: 'th_provinces',
  labels: labels('Provinces'),
  values: [
    { value: 'TH-57', labels: labels('Chiang Rai', 'เชียงราย'), active: true, sort: 20 },
    { value: 'TH-10', labels: labels('Bangkok', 'กรุงเทพมหานคร'), active: true, sort: 10 },
    { value: 'TH-99', labels: labels('Old province'), active: false, sort: 15 },
  ],
};

const field = (overrides: Partial<FormField> & Pick<FormField, 'key' | 'type'>): FormField => ({
  section: 'general',
  labels: labels(overrides.key),
  ...overrides,
});

const definition: FormDefinition = {
  form: 'case',
  groups: [
    {
      key: 'status',
      labels: labels('Status'),
      fields: [
        field({ key: 'reflection_offered', type: 'boolean', required: true }),
        field({ key: 'reflection_start', type: 'date', required: { when: { field: 'reflection_offered', equals: true } } }),
        field({ key: 'province', type: 'select', lookup: 'th_provinces' }),
        field({ key: 'days_in_shelter', type: 'number', min: 0, max: 365 }),
      ],
    },
    {
      key: 'identity',
      labels: labels('Identity'),
      fields: [field({ key: 'thai_id_number', type: 'text', section: 'identity', maxLength: 13 })],
    },
    {
      key: 'medical',
      labels: labels('Medical'),
      fields: [field({ key: 'treatment_needed', type: 'boolean', section: 'medical' })],
    },
  ],
};

const form: ConfiguredForm = { definition, lookups: [provinces] };

describe('localised', () => {
  it('takes the reader’s language and falls back to English when it is blank or missing', () => {
    expect(localised(labels('Province', 'จังหวัด'), 'th')).toBe('จังหวัด');
    expect(localised({ ...labels('Province'), th: '  ' }, 'th')).toBe('Province');
    expect(localised({ en: 'Help' }, 'km')).toBe('Help');
    expect(localised(undefined, 'th')).toBe('');
  });
});

describe('need to know', () => {
  it('shows general fields and the reader’s sections only, dropping groups left empty', () => {
    const groups = visibleGroups(definition, ['identity']);
    expect(groups.map((group) => group.key)).toEqual(['status', 'identity']);
    expect(groups[1]?.fields.map((item) => item.key)).toEqual(['thai_id_number']);
  });

  it('names the sections whose fields are hidden, in the sections’ order', () => {
    expect(closedSections(definition, [])).toEqual(['identity', 'medical']);
    expect(closedSections(definition, ['identity', 'medical'])).toEqual([]);
  });

  it('sends only the answers of this form the reader may fill in', () => {
    const answers = { province: 'TH-10', thai_id_number: '123', treatment_needed: true, hotline: '1300' };
    expect(answersOfForm(definition, answers, ['identity'])).toEqual({ province: 'TH-10', thai_id_number: '123' });
  });
});

describe('requiredNow', () => {
  const conditional = definition.groups[0]?.fields[1] as FormField;

  it('follows a plain rule', () => {
    expect(requiredNow({ required: true }, {})).toBe(true);
    expect(requiredNow({ required: false }, {})).toBe(false);
    expect(requiredNow({}, {})).toBe(false);
  });

  it('follows a condition on another answer, as it changes', () => {
    expect(requiredNow(conditional, {})).toBe(false);
    expect(requiredNow(conditional, { reflection_offered: false })).toBe(false);
    expect(requiredNow(conditional, { reflection_offered: true })).toBe(true);
  });

  it('holds when a multiselect answer includes the awaited value', () => {
    const rule = { required: { when: { field: 'members', equals: 'police' } } };
    expect(requiredNow(rule, { members: ['ngo', 'police'] })).toBe(true);
    expect(requiredNow(rule, { members: ['ngo'] })).toBe(false);
  });
});

describe('choiceOptions', () => {
  it('offers the active values in the configured order, in the reader’s language', () => {
    expect(choiceOptions(provinces, 'th', [])).toEqual([
      { value: 'TH-10', label: 'กรุงเทพมหานคร', active: true },
      { value: 'TH-57', label: 'เชียงราย', active: true },
    ]);
  });

  it('keeps a deactivated value that is already chosen, marked as inactive', () => {
    expect(choiceOptions(provinces, 'en', ['TH-99']).map((option) => [option.value, option.active])).toEqual([
      ['TH-10', true],
      ['TH-99', false],
      ['TH-57', true],
    ]);
  });

  it('offers nothing for a list the country lacks', () => {
    expect(choiceOptions(undefined, 'en', [])).toEqual([]);
  });
});

describe('inputs and answers', () => {
  it('shows stored answers in the shape each input takes', () => {
    expect(inputValueOf({ type: 'text' }, 'abc')).toBe('abc');
    expect(inputValueOf({ type: 'text' }, 12)).toBe('');
    expect(inputValueOf({ type: 'number' }, 12)).toBe(12);
    expect(inputValueOf({ type: 'number' }, null)).toBe('');
    expect(inputValueOf({ type: 'boolean' }, false)).toBe(false);
    expect(inputValueOf({ type: 'boolean' }, undefined)).toBeNull();
    expect(inputValueOf({ type: 'select' }, 'TH-10')).toBe('TH-10');
    expect(inputValueOf({ type: 'multiselect' }, ['a', 3, 'b'])).toEqual(['a', 'b']);
    expect(inputValueOf({ type: 'multiselect' }, undefined)).toEqual([]);
  });

  it('stores an emptied input as null, so that saving clears the stored answer', () => {
    expect(answerFromInput({ type: 'text' }, '')).toBeNull();
    expect(answerFromInput({ type: 'select' }, null)).toBeNull();
    expect(answerFromInput({ type: 'multiselect' }, [])).toBeNull();
    expect(answerFromInput({ type: 'number' }, '')).toBeNull();
  });

  it('stores numbers as numbers and keeps a number still being typed as text', () => {
    expect(answerFromInput({ type: 'number' }, 12)).toBe(12);
    expect(answerFromInput({ type: 'number' }, '12.5')).toBe(12.5);
    expect(answerFromInput({ type: 'number' }, '-')).toBe('-');
    expect(answerFromInput({ type: 'boolean' }, false)).toBe(false);
    expect(answerFromInput({ type: 'multiselect' }, ['a'])).toEqual(['a']);
  });
});

describe('checkFormAnswers', () => {
  const paths = (issues: ReturnType<typeof checkFormAnswers>) => issues.map((issue) => `${issue.path}:${issue.code}`);

  it('reports required answers, conditional ones included, under formAnswers.<key>', () => {
    expect(paths(checkFormAnswers(form, {}, []))).toEqual(['formAnswers.reflection_offered:required']);
    expect(paths(checkFormAnswers(form, { reflection_offered: true }, []))).toEqual(['formAnswers.reflection_start:required']);
    expect(checkFormAnswers(form, { reflection_offered: true, reflection_start: '2026-02-01' }, [])).toEqual([]);
  });

  it('ignores answers of other forms and of sections the reader may not fill in', () => {
    const answers = { reflection_offered: false, hotline: '1300', treatment_needed: 'not a boolean' };
    expect(checkFormAnswers(form, answers, ['identity'])).toEqual([]);
  });

  it('checks the answers of the reader’s sections', () => {
    const answers = { reflection_offered: false, thai_id_number: '12345678901234' };
    expect(paths(checkFormAnswers(form, answers, ['identity']))).toEqual(['formAnswers.thai_id_number:too_long']);
  });

  it('refuses a deactivated value unless it was stored before', () => {
    const answers = { reflection_offered: false, province: 'TH-99' };
    expect(paths(checkFormAnswers(form, answers, []))).toEqual(['formAnswers.province:unknown_value']);
    expect(checkFormAnswers(form, answers, [], { previous: { province: 'TH-99' } })).toEqual([]);
  });

  it('reports a number still being typed and one out of range', () => {
    expect(paths(checkFormAnswers(form, { reflection_offered: false, days_in_shelter: '-' }, []))).toEqual([
      'formAnswers.days_in_shelter:invalid_type',
    ]);
    expect(paths(checkFormAnswers(form, { reflection_offered: false, days_in_shelter: 400 }, []))).toEqual([
      'formAnswers.days_in_shelter:out_of_range',
    ]);
  });

  it('uses the path prefix of the request it checks', () => {
    expect(paths(checkFormAnswers(form, {}, [], { pathPrefix: 'intake.formAnswers' }))).toEqual([
      'intake.formAnswers.reflection_offered:required',
    ]);
  });

  it('has nothing to say about a country without the form', () => {
    expect(checkFormAnswers({ definition: null, lookups: [] }, { anything: 1 }, [])).toEqual([]);
  });
});

describe('issueMessage', () => {
  it('words a range by the bounds the field has', () => {
    expect(issueMessage(field({ key: 'n', type: 'number', min: 0, max: 9 }), 'out_of_range')).toEqual({
      key: 'range.between',
      values: { min: 0, max: 9 },
    });
    expect(issueMessage(field({ key: 'n', type: 'number', min: 1 }), 'out_of_range')?.key).toBe('range.atLeast');
    expect(issueMessage(field({ key: 'm', type: 'multiselect', lookup: 'l', max: 2 }), 'out_of_range')?.key).toBe('choices.atMost');
  });

  it('names the length limit, the default one included', () => {
    expect(issueMessage(field({ key: 't', type: 'text', maxLength: 13 }), 'too_long')).toEqual({ key: 'too_long', values: { max: 13 } });
    expect(issueMessage(field({ key: 't', type: 'text' }), 'too_long')?.values?.max).toBe(500);
    expect(issueMessage(field({ key: 't', type: 'textarea' }), 'too_long')?.values?.max).toBe(10_000);
  });

  it('says what a wrong type means for the field', () => {
    expect(issueMessage(field({ key: 'n', type: 'number' }), 'invalid_type')?.key).toBe('notANumber');
    expect(issueMessage(field({ key: 'd', type: 'date' }), 'invalid_type')?.key).toBe('invalid_date');
    expect(issueMessage(field({ key: 'b', type: 'boolean' }), 'invalid_type')?.key).toBe('invalid_type');
    expect(issueMessage(field({ key: 'b', type: 'boolean' }), 'required')?.key).toBe('required');
  });

  it('leaves other codes to the shared messages', () => {
    expect(issueMessage(field({ key: 'b', type: 'text' }), 'too_small')).toBeNull();
  });
});
