/*
 * A form definition being edited, and one field of it in the field dialog. A field's key, type and
 * picklist are fixed once saved: stored answers are read through them.
 */
import {
  type FormDefinition,
  type FormField,
  type FormFieldType,
  type FormSection,
  type LocalisedLabels,
  SUPPORTED_LOCALES,
} from '@seamless/contracts';

export const REQUIRED_MODES = ['optional', 'always', 'when'] as const;
export type RequiredMode = (typeof REQUIRED_MODES)[number];

/** The field dialog's values; numbers are '' while empty, as number inputs give them. */
export interface FieldDraft {
  key: string;
  type: FormFieldType;
  lookup: string | null;
  section: FormSection;
  labels: LocalisedLabels;
  requiredMode: RequiredMode;
  whenField: string | null;
  /** The awaited answer as the condition's input holds it: 'true'/'false', a picklist code, a number or text. */
  whenValue: string;
  min: number | '';
  max: number | '';
  maxLength: number | '';
}

export const emptyLabels = (): LocalisedLabels => Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, ''])) as LocalisedLabels;

export function newFieldDraft(): FieldDraft {
  return {
    key: '',
    type: 'text',
    lookup: null,
    section: 'general',
    labels: emptyLabels(),
    requiredMode: 'optional',
    whenField: null,
    whenValue: '',
    min: '',
    max: '',
    maxLength: '',
  };
}

export function fieldDraftOf(field: FormField): FieldDraft {
  const rule = field.required;
  return {
    key: field.key,
    type: field.type,
    lookup: field.lookup ?? null,
    section: field.section,
    labels: { ...emptyLabels(), ...field.labels },
    requiredMode: typeof rule === 'object' ? 'when' : rule ? 'always' : 'optional',
    whenField: typeof rule === 'object' ? rule.when.field : null,
    whenValue: typeof rule === 'object' ? String(rule.when.equals) : '',
    min: field.min ?? '',
    max: field.max ?? '',
    maxLength: field.maxLength ?? '',
  };
}

export const isChoiceType = (type: FormFieldType) => type === 'select' || type === 'multiselect';
const takesBounds = (type: FormFieldType) => type === 'number' || type === 'multiselect';
const takesLength = (type: FormFieldType) => type === 'text' || type === 'textarea';

/** The awaited answer typed as the field it depends on stores it. */
export function conditionValue(dependency: Pick<FormField, 'type'> | undefined, text: string): string | number | boolean {
  if (dependency?.type === 'boolean') return text === 'true';
  if (dependency?.type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

const optionalNumber = (value: number | '') => (value === '' ? undefined : value);

/**
 * The field the dialog describes, for `formFieldSchema` to check. What the dialog does not edit
 * (help texts) is carried over from the field as it was.
 */
export function fieldFromDraft(draft: FieldDraft, dependency: Pick<FormField, 'type'> | undefined, original?: FormField): unknown {
  const required =
    draft.requiredMode === 'always'
      ? true
      : draft.requiredMode === 'when'
        ? { when: { field: draft.whenField ?? '', equals: conditionValue(dependency, draft.whenValue) } }
        : undefined;
  const labels = Object.fromEntries(SUPPORTED_LOCALES.map((locale) => [locale, draft.labels[locale].trim()]));
  return {
    key: draft.key.trim(),
    type: draft.type,
    ...(isChoiceType(draft.type) ? { lookup: draft.lookup ?? '' } : {}),
    ...(required !== undefined ? { required } : {}),
    ...(takesBounds(draft.type) ? { min: optionalNumber(draft.min), max: optionalNumber(draft.max) } : {}),
    ...(takesLength(draft.type) ? { maxLength: optionalNumber(draft.maxLength) } : {}),
    section: draft.section,
    labels,
    ...(original?.help ? { help: original.help } : {}),
  };
}

export interface FieldPlace {
  field: FormField;
  groupIndex: number;
  fieldIndex: number;
}

export function allFields(definition: FormDefinition): FormField[] {
  return definition.groups.flatMap((group) => group.fields);
}

export function findField(definition: FormDefinition, key: string): FieldPlace | undefined {
  for (const [groupIndex, group] of definition.groups.entries()) {
    const fieldIndex = group.fields.findIndex((field) => field.key === key);
    if (fieldIndex !== -1) return { field: group.fields[fieldIndex] as FormField, groupIndex, fieldIndex };
  }
  return undefined;
}

/** The field an error path points into: `groups.1.fields.0.required…`, with or without a `definition.` prefix. */
export function fieldAtPath(definition: FormDefinition, path: string): FormField | undefined {
  const match = /(?:^|\.)groups\.(\d+)\.fields\.(\d+)(?:\.|$)/.exec(path);
  if (!match) return undefined;
  return definition.groups[Number(match[1])]?.fields[Number(match[2])];
}

function mapGroups(definition: FormDefinition, change: (fields: FormField[], groupKey: string) => FormField[]): FormDefinition {
  return { ...definition, groups: definition.groups.map((group) => ({ ...group, fields: change(group.fields, group.key) })) };
}

export function replaceField(definition: FormDefinition, key: string, field: FormField): FormDefinition {
  return mapGroups(definition, (fields) => fields.map((candidate) => (candidate.key === key ? field : candidate)));
}

export function addField(definition: FormDefinition, groupKey: string, field: FormField): FormDefinition {
  return mapGroups(definition, (fields, key) => (key === groupKey ? [...fields, field] : fields));
}

export function removeField(definition: FormDefinition, key: string): FormDefinition {
  return mapGroups(definition, (fields) => fields.filter((field) => field.key !== key));
}

/** Moves a field one place up or down within its group. */
export function moveField(definition: FormDefinition, key: string, delta: -1 | 1): FormDefinition {
  return mapGroups(definition, (fields) => {
    const index = fields.findIndex((field) => field.key === key);
    const target = index + delta;
    if (index === -1 || target < 0 || target >= fields.length) return fields;
    const next = [...fields];
    [next[index], next[target]] = [next[target] as FormField, next[index] as FormField];
    return next;
  });
}

export function renameGroup(definition: FormDefinition, groupKey: string, labels: LocalisedLabels): FormDefinition {
  return { ...definition, groups: definition.groups.map((group) => (group.key === groupKey ? { ...group, labels } : group)) };
}

/** Fields whose `required.when` condition reads the given field. */
export function dependentsOf(definition: FormDefinition, key: string): FormField[] {
  return allFields(definition).filter((field) => typeof field.required === 'object' && field.required.when.field === key);
}

/** A comparable form of a definition: the database gives objects back with their keys reordered. */
function definitionKey(definition: FormDefinition): string {
  return JSON.stringify(definition, (_name, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

export function sameDefinition(a: FormDefinition, b: FormDefinition): boolean {
  return definitionKey(a) === definitionKey(b);
}

/**
 * After someone else saved the form: the groups and fields they added, which the draft lacks, join
 * it (a field at the end of its group), so that saving the draft does not drop them.
 */
export function withFieldsAddedElsewhere(draft: FormDefinition, stored: FormDefinition): FormDefinition {
  const known = new Set(allFields(draft).map((field) => field.key));
  let next = draft;
  for (const group of stored.groups) {
    const missing = group.fields.filter((field) => !known.has(field.key));
    if (!missing.length) continue;
    next = next.groups.some((candidate) => candidate.key === group.key)
      ? mapGroups(next, (fields, key) => (key === group.key ? [...fields, ...missing] : fields))
      : { ...next, groups: [...next.groups, { ...group, fields: missing }] };
  }
  return next;
}
