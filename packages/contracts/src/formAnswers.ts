/**
 * Pure validation of answers to a configured form (forms.ts). Used by the server before storing
 * `formAnswers` and by the web app before submitting, so both give the same errors.
 */
import type { FormDefinition, FormField, FormSection, LookupList } from './forms.js';

export const FORM_ANSWER_ISSUE_CODES = [
  'required',
  'unknown_field',
  'unknown_value',
  'invalid_type',
  'too_long',
  'out_of_range',
  'invalid_date',
] as const;
export type FormAnswerIssueCode = (typeof FORM_ANSWER_ISSUE_CODES)[number];

export interface FormAnswerIssue {
  /** e.g. `formAnswers.province_of_origin` */
  path: string;
  code: FormAnswerIssueCode;
  message: string;
}

export interface FormAnswerOptions {
  /** Prefix of every issue path (default `formAnswers`). */
  pathPrefix?: string;
  /**
   * The answers stored before this change: a value that was valid then (e.g. a lookup value since
   * deactivated) stays acceptable when it is resubmitted unchanged.
   */
  previous?: Record<string, unknown>;
}

/** Length limits of text fields that set no `maxLength`. */
export const DEFAULT_MAX_LENGTH = { text: 500, textarea: 10_000 } as const;

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function conditionHolds(answer: unknown, equals: string | number | boolean): boolean {
  return Array.isArray(answer) ? answer.includes(equals) : answer === equals;
}

function isRequired(field: FormField, answers: Record<string, unknown>): boolean {
  const rule = field.required;
  if (rule === undefined || rule === false) return false;
  if (rule === true) return true;
  return conditionHolds(answers[rule.when.field], rule.when.equals);
}

/**
 * Checks answers against a form definition and its lookup lists. Returns every issue found (empty
 * when valid):
 * - `unknown_field`: a key that is not a field of the form, or a field in a section the caller is
 *   not granted (`sectionsAllowed`; 'general' is always allowed) — need-to-know applies;
 * - `required`: a required field (or one whose `required.when` condition holds) is empty;
 * - `invalid_type`: wrong JSON type for the field;
 * - `unknown_value`: a select/multiselect value not in the field's lookup list (or deactivated);
 * - `too_long`, `out_of_range`, `invalid_date`.
 * Empty answers (null, '', []) count as "not answered".
 */
export function validateFormAnswers(
  definition: FormDefinition,
  lookups: readonly LookupList[] | Readonly<Record<string, LookupList>>,
  answers: Record<string, unknown>,
  sectionsAllowed?: readonly FormSection[] | readonly string[],
  options: FormAnswerOptions = {},
): FormAnswerIssue[] {
  const prefix = options.pathPrefix ?? 'formAnswers';
  const issues: FormAnswerIssue[] = [];
  const lists = new Map<string, LookupList>(
    Array.isArray(lookups)
      ? (lookups as readonly LookupList[]).map((list) => [list.key, list] as const)
      : Object.entries(lookups as Readonly<Record<string, LookupList>>),
  );
  const fields = new Map<string, FormField>();
  for (const group of definition.groups) for (const field of group.fields) fields.set(field.key, field);
  const allowed = (field: FormField) =>
    field.section === 'general' || sectionsAllowed === undefined || (sectionsAllowed as readonly string[]).includes(field.section);

  for (const key of Object.keys(answers)) {
    const field = fields.get(key);
    if (!field || !allowed(field)) {
      issues.push({
        path: `${prefix}.${key}`,
        code: 'unknown_field',
        message: `"${key}" is not a field of the ${definition.form} form${field ? ' available to you' : ''}.`,
      });
    }
  }

  for (const field of fields.values()) {
    if (!allowed(field)) continue;
    const path = `${prefix}.${field.key}`;
    const value = answers[field.key];
    if (isEmpty(value)) {
      if (isRequired(field, answers)) issues.push({ path, code: 'required', message: `"${field.key}" is required.` });
      continue;
    }
    const previous = options.previous?.[field.key];
    const issue = checkValue(field, value, lists.get(field.lookup ?? ''), previous);
    if (issue) issues.push({ path, ...issue });
  }
  return issues;
}

function checkValue(
  field: FormField,
  value: unknown,
  list: LookupList | undefined,
  previous: unknown,
): Omit<FormAnswerIssue, 'path'> | null {
  const name = `"${field.key}"`;
  switch (field.type) {
    case 'text':
    case 'textarea': {
      if (typeof value !== 'string') return { code: 'invalid_type', message: `${name} must be text.` };
      const limit = field.maxLength ?? DEFAULT_MAX_LENGTH[field.type];
      if ([...value].length > limit) return { code: 'too_long', message: `${name} must be at most ${limit} characters.` };
      return null;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { code: 'invalid_type', message: `${name} must be a number.` };
      if ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max)) {
        return { code: 'out_of_range', message: `${name} must be between ${field.min ?? '−∞'} and ${field.max ?? '∞'}.` };
      }
      return null;
    }
    case 'date': {
      if (typeof value !== 'string') return { code: 'invalid_type', message: `${name} must be a date (YYYY-MM-DD).` };
      if (!isIsoDate(value)) return { code: 'invalid_date', message: `${name} is not a valid date (YYYY-MM-DD): "${value}".` };
      return null;
    }
    case 'boolean': {
      if (typeof value !== 'boolean') return { code: 'invalid_type', message: `${name} must be true or false.` };
      return null;
    }
    case 'select': {
      if (typeof value !== 'string') return { code: 'invalid_type', message: `${name} must be one value of the list.` };
      return lookupValueKnown(list, value, previous === value)
        ? null
        : { code: 'unknown_value', message: `${name} has no value "${value}" in list "${field.lookup}".` };
    }
    case 'multiselect': {
      if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
        return { code: 'invalid_type', message: `${name} must be a list of values.` };
      }
      const items = value as string[];
      const before = Array.isArray(previous) ? (previous as unknown[]) : [];
      const unknown = items.filter((item) => !lookupValueKnown(list, item, before.includes(item)));
      if (unknown.length > 0) {
        return { code: 'unknown_value', message: `${name} has unknown values in list "${field.lookup}": ${unknown.join(', ')}.` };
      }
      if (new Set(items).size !== items.length) return { code: 'invalid_type', message: `${name} lists a value twice.` };
      if ((field.min !== undefined && items.length < field.min) || (field.max !== undefined && items.length > field.max)) {
        return { code: 'out_of_range', message: `${name} takes between ${field.min ?? 0} and ${field.max ?? '∞'} choices.` };
      }
      return null;
    }
  }
}

function lookupValueKnown(list: LookupList | undefined, value: string, unchanged: boolean): boolean {
  const entry = list?.values.find((candidate) => candidate.value === value);
  if (!entry) return false;
  return entry.active !== false || unchanged;
}
