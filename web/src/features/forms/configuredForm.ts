/*
 * The pure side of configured forms: which fields a user sees, which are required right now,
 * which choices a picklist offers, how inputs map to stored answers, and the client-side check
 * (the contracts' `validateFormAnswers`, the very function the server runs).
 */
import {
  DEFAULT_MAX_LENGTH,
  FORM_SECTIONS,
  type FormAnswerIssue,
  type FormDefinition,
  type FormField,
  type FormGroup,
  type FormSection,
  type Locale,
  type LookupList,
  validateFormAnswers,
} from '@seamless/contracts';

/** A country's form as `GET /api/forms/:form` answers: its definition (if any) and the picklists it draws on. */
export interface ConfiguredForm {
  definition: FormDefinition | null;
  lookups: LookupList[];
}

/** Answers keyed by field key, as stored in `formAnswers`. */
export type FormAnswers = Record<string, unknown>;

/** The text in the reader's language, English where the configuration has none. */
export function localised(labels: Partial<Record<Locale, string>> | undefined, locale: Locale): string {
  return labels?.[locale]?.trim() || labels?.en || '';
}

/** Need to know applies to configured fields too: 'general' is open to everyone. */
export function fieldOpen(field: Pick<FormField, 'section'>, sections: readonly string[]): boolean {
  return field.section === 'general' || sections.includes(field.section);
}

/** The groups with only the fields the reader may see; a group left empty is dropped. */
export function visibleGroups(definition: FormDefinition, sections: readonly string[]): FormGroup[] {
  return definition.groups
    .map((group) => ({ ...group, fields: group.fields.filter((field) => fieldOpen(field, sections)) }))
    .filter((group) => group.fields.length > 0);
}

/** Sections that hold fields of this form the reader may not see, to say so rather than hide it silently. */
export function closedSections(definition: FormDefinition, sections: readonly string[]): FormSection[] {
  const closed = new Set(
    definition.groups.flatMap((group) => group.fields.filter((field) => !fieldOpen(field, sections))).map((f) => f.section),
  );
  return FORM_SECTIONS.filter((section) => closed.has(section));
}

/** The same rule `validateFormAnswers` applies: `true`, or another field's answer equals (or includes) a value. */
export function requiredNow(field: Pick<FormField, 'required'>, answers: FormAnswers): boolean {
  const rule = field.required;
  if (rule === undefined || rule === false) return false;
  if (rule === true) return true;
  const answer = answers[rule.when.field];
  return Array.isArray(answer) ? answer.includes(rule.when.equals) : answer === rule.when.equals;
}

export interface ChoiceOption {
  value: string;
  label: string;
  active: boolean;
}

/** The strings an answer holds: one for a select, several for a multiselect. */
export function chosenValues(answer: unknown): string[] {
  if (typeof answer === 'string') return [answer];
  return Array.isArray(answer) ? answer.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * What a picklist offers, in its configured order: the active values, plus any deactivated value
 * in `keep` (an answer already stored keeps its meaning and may be saved again unchanged).
 */
export function choiceOptions(list: LookupList | undefined, locale: Locale, keep: readonly string[]): ChoiceOption[] {
  if (!list) return [];
  return list.values
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => entry.active !== false || keep.includes(entry.value))
    .sort((a, b) => (a.entry.sort ?? 0) - (b.entry.sort ?? 0) || a.index - b.index)
    .map(({ entry }) => ({ value: entry.value, label: localised(entry.labels, locale), active: entry.active !== false }));
}

/** What an input shows for a stored answer; anything of the wrong shape shows as empty. */
export function inputValueOf(field: Pick<FormField, 'type'>, answer: unknown): string | number | boolean | string[] | null {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'date':
      return typeof answer === 'string' ? answer : '';
    case 'number':
      return typeof answer === 'number' || typeof answer === 'string' ? answer : '';
    case 'boolean':
      return typeof answer === 'boolean' ? answer : null;
    case 'select':
      return typeof answer === 'string' ? answer : null;
    case 'multiselect':
      return chosenValues(answer);
  }
}

/**
 * The answer an input's value stores. Emptied inputs store null, so that a save clears the
 * stored answer (the server merges submitted answers into the stored ones). A number still being
 * typed ("-", "1.") stays text and is reported by the check as not a number.
 */
export function answerFromInput(field: Pick<FormField, 'type'>, input: unknown): unknown {
  if (input === undefined || input === null || input === '') return null;
  if (Array.isArray(input)) return input.length ? input : null;
  if (field.type === 'number' && typeof input === 'string') {
    const number = Number(input);
    return input.trim() !== '' && Number.isFinite(number) ? number : input;
  }
  return input;
}

/** The keys of a form's fields: case answers hold the intake and case forms' answers side by side. */
export function fieldKeys(definition: FormDefinition): Set<string> {
  return new Set(definition.groups.flatMap((group) => group.fields.map((field) => field.key)));
}

/** This form's answers that the reader may fill in, for a request body. */
export function answersOfForm(definition: FormDefinition, answers: FormAnswers, sections: readonly string[]): FormAnswers {
  const open = new Set(
    definition.groups.flatMap((group) => group.fields.filter((field) => fieldOpen(field, sections)).map((field) => field.key)),
  );
  return Object.fromEntries(Object.entries(answers).filter(([key]) => open.has(key)));
}

export interface CheckOptions {
  /** Answers as stored before this change: a deactivated choice kept unchanged stays valid. */
  previous?: FormAnswers;
  /** Prefix of issue paths, as the server reports them (default `formAnswers`). */
  pathPrefix?: string;
}

/**
 * The check the server will make, before sending: the answers of this form the reader may fill in,
 * against the definition and picklists. Empty when there is nothing to object to.
 */
export function checkFormAnswers(
  form: ConfiguredForm,
  answers: FormAnswers,
  sections: readonly string[],
  options: CheckOptions = {},
): FormAnswerIssue[] {
  if (!form.definition) return [];
  return validateFormAnswers(form.definition, form.lookups, answersOfForm(form.definition, answers, sections), ['general', ...sections], {
    pathPrefix: options.pathPrefix,
    previous: options.previous,
  });
}

type Bound = 'between' | 'atLeast' | 'atMost';

function boundOf(field: Pick<FormField, 'min' | 'max'>): Bound {
  if (field.min !== undefined && field.max !== undefined) return 'between';
  return field.min !== undefined ? 'atLeast' : 'atMost';
}

/** A catalogue key (below `configuration.answerError`) and its values, for one issue of one field. */
export interface IssueMessage {
  key:
    | 'required'
    | 'unknown_field'
    | 'unknown_value'
    | 'invalid_type'
    | 'notANumber'
    | 'invalid_date'
    | 'too_long'
    | `range.${Bound}`
    | `choices.${Bound}`;
  values?: { min?: number; max?: number };
}

/** The sentence for an issue the form-answer check (client or server) reports on a field; null for another code. */
export function issueMessage(field: FormField, code: string): IssueMessage | null {
  switch (code) {
    case 'required':
    case 'unknown_field':
    case 'unknown_value':
    case 'invalid_date':
      return { key: code };
    case 'invalid_type':
      if (field.type === 'number') return { key: 'notANumber' };
      return { key: field.type === 'date' ? 'invalid_date' : 'invalid_type' };
    case 'too_long': {
      const max = field.maxLength ?? (field.type === 'textarea' ? DEFAULT_MAX_LENGTH.textarea : DEFAULT_MAX_LENGTH.text);
      return { key: 'too_long', values: { max } };
    }
    case 'out_of_range': {
      const family = field.type === 'multiselect' ? 'choices' : 'range';
      return { key: `${family}.${boundOf(field)}`, values: { min: field.min, max: field.max } };
    }
    default:
      return null;
  }
}
