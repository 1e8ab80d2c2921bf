import { type FormDefinition, type FormField, formDefinitionSchema, formFieldSchema, type LocalisedLabels } from '@seamless/contracts';
import { describe, expect, it } from 'vitest';
import {
  addField,
  conditionValue,
  dependentsOf,
  fieldAtPath,
  fieldDraftOf,
  fieldFromDraft,
  moveField,
  newFieldDraft,
  removeField,
  renameGroup,
  replaceField,
  sameDefinition,
  withFieldsAddedElsewhere,
} from './formDraft';

const labels = (en: string): LocalisedLabels => ({ en, th: `${en}-th`, km: en, lo: en, my: en, vi: en, zh: en, ja: en });

const offered: FormField = { key: 'offered', type: 'boolean', section: 'general', labels: labels('Offered'), required: true };
const start: FormField = {
  key: 'start',
  type: 'date',
  section: 'general',
  labels: labels('Start'),
  required: { when: { field: 'offered', equals: true } },
  help: { en: 'When it began' },
};
const status: FormField = { key: 'status', type: 'select', lookup: 'statuses', section: 'identity', labels: labels('Status') };
const days: FormField = { key: 'days', type: 'number', section: 'shelter', labels: labels('Days'), min: 0, max: 90 };

const definition: FormDefinition = {
  form: 'case',
  groups: [
    { key: 'reflection', labels: labels('Reflection'), fields: [offered, start, days] },
    { key: 'identity', labels: labels('Identity'), fields: [status] },
  ],
};
const keys = (def: FormDefinition) => def.groups.map((group) => group.fields.map((field) => field.key));

describe('field dialog', () => {
  it.each([offered, start, status, days])('gives back the same field it opened ($key)', (field) => {
    const parsed = formFieldSchema.parse(fieldFromDraft(fieldDraftOf(field), field.key === 'start' ? offered : undefined, field));
    expect(parsed).toEqual(field);
  });

  it('builds a conditional rule typed as the answer it awaits', () => {
    const draft = { ...fieldDraftOf(status), requiredMode: 'when' as const, whenField: 'days', whenValue: '30' };
    expect(formFieldSchema.parse(fieldFromDraft(draft, days)).required).toEqual({ when: { field: 'days', equals: 30 } });
    expect(conditionValue({ type: 'boolean' }, 'false')).toBe(false);
    expect(conditionValue({ type: 'select' }, 'thai_national')).toBe('thai_national');
    expect(conditionValue({ type: 'number' }, 'x')).toBe('x');
  });

  it('leaves out what the type does not take', () => {
    const draft = { ...newFieldDraft(), key: 'note', labels: labels('Note'), min: 1 as const, max: 5 as const, maxLength: 80 as const };
    expect(fieldFromDraft(draft, undefined)).not.toHaveProperty('min');
    expect(fieldFromDraft({ ...draft, type: 'number' }, undefined)).not.toHaveProperty('maxLength');
    expect(fieldFromDraft({ ...draft, type: 'date' }, undefined)).not.toHaveProperty('lookup');
  });

  it('lets the contract refuse a select without a list and a condition without a field', () => {
    const select = { ...newFieldDraft(), key: 'kind', type: 'select' as const, labels: labels('Kind') };
    const refused = formFieldSchema.safeParse(fieldFromDraft(select, undefined));
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toContain('lookup');
    const conditional = { ...newFieldDraft(), key: 'x', labels: labels('X'), requiredMode: 'when' as const };
    const noField = formFieldSchema.safeParse(fieldFromDraft(conditional, undefined));
    expect(noField.error?.issues.map((issue) => issue.path.join('.'))).toContain('required.when.field');
  });

  it('trims labels and refuses a missing language', () => {
    const draft = { ...newFieldDraft(), key: 'x', labels: { ...labels(' X '), km: ' ' } };
    const parsed = formFieldSchema.safeParse(fieldFromDraft(draft, undefined));
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['labels.km']);
  });
});

describe('definition draft', () => {
  it('moves a field within its group only', () => {
    expect(keys(moveField(definition, 'days', -1))).toEqual([['offered', 'days', 'start'], ['status']]);
    expect(keys(moveField(definition, 'offered', -1))).toEqual(keys(definition));
    expect(keys(moveField(definition, 'status', 1))).toEqual(keys(definition));
  });

  it('adds, replaces and removes fields', () => {
    const note: FormField = { key: 'note', type: 'textarea', section: 'general', labels: labels('Note') };
    const added = addField(definition, 'identity', note);
    expect(keys(added)).toEqual([
      ['offered', 'start', 'days'],
      ['status', 'note'],
    ]);
    expect(formDefinitionSchema.safeParse(added).success).toBe(true);
    const renamed = replaceField(added, 'note', { ...note, labels: labels('Remarks') });
    expect(renamed.groups[1]?.fields[1]?.labels.en).toBe('Remarks');
    expect(keys(removeField(renamed, 'note'))).toEqual(keys(definition));
  });

  it('renames a group', () => {
    expect(renameGroup(definition, 'identity', labels('Papers')).groups[1]?.labels.en).toBe('Papers');
  });

  it('knows which fields depend on another', () => {
    expect(dependentsOf(definition, 'offered').map((field) => field.key)).toEqual(['start']);
    expect(dependentsOf(definition, 'days')).toEqual([]);
  });

  it('finds the field an error path points into', () => {
    expect(fieldAtPath(definition, 'groups.0.fields.1.required')?.key).toBe('start');
    expect(fieldAtPath(definition, 'definition.groups.1.fields.0.lookup')?.key).toBe('status');
    expect(fieldAtPath(definition, 'groups.0.key')).toBeUndefined();
    expect(fieldAtPath(definition, 'groups.5.fields.0')).toBeUndefined();
  });

  it('compares definitions whatever order the database gives object keys in', () => {
    const reordered = JSON.parse(
      JSON.stringify(definition, (_name, value: unknown) =>
        typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
      ),
    ) as FormDefinition;
    expect(sameDefinition(definition, reordered)).toBe(true);
    expect(sameDefinition(definition, moveField(definition, 'days', -1))).toBe(false);
  });

  it('keeps the fields and groups someone else added, after the draft’s own', () => {
    const mine: FormField = { key: 'mine', type: 'text', section: 'general', labels: labels('Mine') };
    const theirs: FormField = { key: 'theirs', type: 'text', section: 'general', labels: labels('Theirs') };
    const extra: FormField = { key: 'extra', type: 'boolean', section: 'legal', labels: labels('Extra') };
    const draft = addField(definition, 'identity', mine);
    const stored: FormDefinition = {
      ...addField(definition, 'identity', theirs),
      groups: [...addField(definition, 'identity', theirs).groups, { key: 'legal', labels: labels('Legal'), fields: [extra] }],
    };
    expect(keys(withFieldsAddedElsewhere(draft, stored))).toEqual([['offered', 'start', 'days'], ['status', 'mine', 'theirs'], ['extra']]);
    expect(withFieldsAddedElsewhere(draft, definition)).toBe(draft);
  });
});
