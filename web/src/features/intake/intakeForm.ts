import {
  type CaseCreate,
  type ContactKind,
  caseCreateSchema,
  type ExploitationType,
  type FieldError,
  type Gender,
  type IdentityDocumentType,
  type IntakeChannel,
  type IntakeUrgency,
  type Locale,
  type SpokenLanguage,
} from '@seamless/contracts';
import { validate } from '../../lib/validation';
import type { FormAnswers } from '../forms/configuredForm';

export interface DocumentRow {
  /** Identifies the row while the list is edited; never sent. */
  key: string;
  documentType: IdentityDocumentType | null;
  number: string;
  issuingCountry: string | null;
}

export interface ContactRow {
  key: string;
  kind: ContactKind | null;
  value: string;
}

export interface IntakeValues {
  channel: IntakeChannel | null;
  urgency: IntakeUrgency;
  location: string;
  narrative: string;
  anonymous: boolean;
  givenName: string;
  familyName: string;
  nameAsWritten: string;
  aliases: string[];
  gender: Gender | null;
  birthDate: string;
  /** As the number field holds it: empty until typed. */
  estimatedAge: number | string;
  citizenship: string[];
  languages: SpokenLanguage[];
  ethnicMinority: boolean;
  documents: DocumentRow[];
  contacts: ContactRow[];
  exploitationTypes: ExploitationType[];
  assignToAgencyId: string | null;
  /** Answers to the country's own intake questions (configured forms). */
  answers: FormAnswers;
}

export function emptyIntake(): IntakeValues {
  return {
    channel: null,
    urgency: 'routine',
    location: '',
    narrative: '',
    anonymous: false,
    givenName: '',
    familyName: '',
    nameAsWritten: '',
    aliases: [],
    gender: null,
    birthDate: '',
    estimatedAge: '',
    citizenship: [],
    languages: [],
    ethnicMinority: false,
    documents: [],
    contacts: [],
    exploitationTypes: [],
    assignToAgencyId: null,
    answers: {},
  };
}

/**
 * What can be wrong with an intake beyond the contract's shape: the birth-date checks both sides
 * make, and references the server found unusable.
 */
export const INTAKE_ERROR_CODES = [
  'birth_date_future',
  'birth_date_invalid',
  'birth_date_and_age',
  'agency_unavailable',
  'person_unavailable',
] as const;
export type IntakeErrorCode = (typeof INTAKE_ERROR_CODES)[number];

export function isIntakeErrorCode(code: string): code is IntakeErrorCode {
  return (INTAKE_ERROR_CODES as readonly string[]).includes(code);
}

const text = (value: string) => value.trim() || undefined;
const orNull = (value: string) => value.trim() || null;

function estimatedAgeOf(value: number | string): number | null {
  if (typeof value === 'number') return value;
  return value.trim() === '' ? null : Number(value);
}

/**
 * The form as the request the server takes, before validation. Blank required answers are left
 * out rather than sent empty, so that they are reported as missing rather than too short.
 */
export function intakeRequest(values: IntakeValues, locale: Locale, existingPersonId: string | null) {
  const documents = values.documents
    .filter((row) => row.documentType || row.number.trim() || row.issuingCountry)
    .map((row) => ({ documentType: row.documentType ?? undefined, number: text(row.number), issuingCountry: row.issuingCountry }));
  const contacts = values.contacts
    .filter((row) => row.kind || row.value.trim())
    .map((row) => ({ kind: row.kind ?? undefined, value: text(row.value) }));
  return {
    person: {
      givenName: text(values.givenName),
      familyName: orNull(values.familyName),
      nameAsWritten: orNull(values.nameAsWritten),
      aliases: values.aliases.map((alias) => alias.trim()).filter(Boolean),
      gender: values.gender ?? undefined,
      birthDate: values.birthDate || null,
      estimatedAge: estimatedAgeOf(values.estimatedAge),
      citizenship: values.citizenship,
      languages: values.languages,
      ethnicMinority: values.ethnicMinority ? true : null,
      documents,
      contacts,
    },
    intake: {
      channel: values.channel ?? undefined,
      urgency: values.urgency,
      location: orNull(values.location),
      narrative: orNull(values.narrative),
      anonymous: values.anonymous,
    },
    victimContext: values.exploitationTypes.length ? { exploitationTypes: values.exploitationTypes } : undefined,
    assignToAgencyId: values.assignToAgencyId ?? undefined,
    locale,
    existingPersonId: existingPersonId ?? undefined,
  };
}

/** The checks on the birth date the server makes beyond the schema, worth showing while typing. */
export function birthDateErrors(values: Pick<IntakeValues, 'birthDate' | 'estimatedAge'>, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (values.birthDate && values.birthDate > today) {
    errors.push({ path: 'person.birthDate', code: 'birth_date_future', message: '' });
  }
  if (values.birthDate && estimatedAgeOf(values.estimatedAge) !== null) {
    errors.push({ path: 'person.estimatedAge', code: 'birth_date_and_age', message: '' });
  }
  return errors;
}

/**
 * The server explains these refusals in English; they are re-stated by field so that the
 * worker reads them in her language. Any other error keeps its own code.
 */
export function explainServerError(error: FieldError): FieldError {
  const explained: Partial<Record<string, IntakeErrorCode>> = {
    'person.birthDate': error.code === 'validation_failed' ? 'birth_date_invalid' : undefined,
    'person.estimatedAge': error.code === 'validation_failed' ? 'birth_date_and_age' : undefined,
    assignToAgencyId: error.code === 'invalid_reference' ? 'agency_unavailable' : undefined,
    existingPersonId: error.code === 'invalid_reference' ? 'person_unavailable' : undefined,
  };
  const code = explained[error.path];
  return code ? { ...error, code } : error;
}

/** An unanswered choice is reported as missing rather than as a value outside the list. */
function asMissing(request: unknown, error: FieldError): FieldError {
  if (error.code !== 'invalid_value') return error;
  const value = error.path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], request);
  return value === undefined ? { ...error, code: 'invalid_type' } : error;
}

export type IntakeCheck = { ok: true; body: CaseCreate } | { ok: false; errors: FieldError[] };

/** Everything the server would refuse, with the same field paths as its answer. */
export function checkIntake(values: IntakeValues, locale: Locale, existingPersonId: string | null, today: string): IntakeCheck {
  const request = intakeRequest(values, locale, existingPersonId);
  const checked = validate(caseCreateSchema, request);
  const errors = [...(checked.ok ? [] : checked.errors.map((error) => asMissing(request, error))), ...birthDateErrors(values, today)];
  if (checked.ok && errors.length === 0) return { ok: true, body: checked.data };
  return { ok: false, errors };
}

/** Today as a calendar day where the worker is, which is what a birth date is compared with. */
export function localToday(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** Full years between a birth date and a day, both `YYYY-MM-DD`. */
export function ageOn(birthDate: string, day: string): number {
  const [birthYear, birthMonthDay] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  const [year, monthDay] = [Number(day.slice(0, 4)), day.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}
