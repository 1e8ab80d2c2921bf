import {
  type CaseDetail,
  type ContactKind,
  type Gender,
  type IdentityDocumentType,
  SPOKEN_LANGUAGES,
  type SpokenLanguage,
} from '@seamless/contracts';
import { blankToNull } from '../common/options';

export type YesNoUnknown = 'yes' | 'no' | 'unknown';

export interface DocumentRow {
  documentType: IdentityDocumentType | null;
  number: string;
  issuingCountry: string | null;
  expiresOn: string;
}

export interface ContactRow {
  kind: ContactKind | null;
  value: string;
}

export interface PersonFormValues {
  givenName: string;
  familyName: string;
  nameAsWritten: string;
  aliases: string[];
  gender: Gender | null;
  birthDate: string;
  estimatedAge: number | '';
  citizenship: string[];
  languages: SpokenLanguage[];
  ethnicMinority: YesNoUnknown;
  ethnicity: string;
  address: string;
  documents: DocumentRow[];
  contacts: ContactRow[];
}

const isSpokenLanguage = (code: string): code is SpokenLanguage => (SPOKEN_LANGUAGES as readonly string[]).includes(code);

/**
 * The form as the record now reads. Only the birth year survives an estimated age, so the age is
 * recomputed from it; an exact birth date comes back with the identity section.
 */
export function personFormValues(detail: Pick<CaseDetail, 'person' | 'sections'>, now: Date = new Date()): PersonFormValues {
  const { person } = detail;
  const identity = detail.sections.identity;
  return {
    givenName: identity?.givenName ?? '',
    familyName: identity?.familyName ?? '',
    nameAsWritten: identity?.nameAsWritten ?? '',
    aliases: identity?.aliases ?? [],
    gender: person.gender,
    birthDate: identity?.birthDate ?? '',
    estimatedAge: person.birthYearEstimated && person.birthYear !== null ? now.getFullYear() - person.birthYear : '',
    citizenship: person.citizenship,
    languages: person.languages.filter(isSpokenLanguage),
    ethnicMinority: person.ethnicMinority === null ? 'unknown' : person.ethnicMinority ? 'yes' : 'no',
    ethnicity: identity?.ethnicity ?? '',
    address: identity?.address ?? '',
    documents: (identity?.documents ?? []).map((document) => ({
      documentType: document.documentType,
      number: document.number,
      issuingCountry: document.issuingCountry,
      expiresOn: document.expiresOn ?? '',
    })),
    contacts: (identity?.contacts ?? []).map((contact) => ({ kind: contact.kind, value: contact.value })),
  };
}

/**
 * The request body before validation: the whole identity as it should now read. A birth date wins
 * over an age (the server refuses both); unset selects stay undefined so the schema names them.
 */
export function personUpdateCandidate(values: PersonFormValues, version: number) {
  const birthDate = blankToNull(values.birthDate);
  return {
    version,
    givenName: values.givenName.trim(),
    familyName: blankToNull(values.familyName),
    nameAsWritten: blankToNull(values.nameAsWritten),
    aliases: values.aliases.map((alias) => alias.trim()).filter(Boolean),
    gender: values.gender ?? undefined,
    birthDate,
    estimatedAge: birthDate || values.estimatedAge === '' ? null : values.estimatedAge,
    citizenship: values.citizenship,
    languages: values.languages,
    ethnicMinority: values.ethnicMinority === 'unknown' ? null : values.ethnicMinority === 'yes',
    ethnicity: blankToNull(values.ethnicity),
    address: blankToNull(values.address),
    documents: values.documents.map((document) => ({
      documentType: document.documentType ?? undefined,
      number: document.number.trim(),
      issuingCountry: document.issuingCountry,
      expiresOn: blankToNull(document.expiresOn),
    })),
    contacts: values.contacts.map((contact) => ({
      kind: contact.kind ?? undefined,
      value: contact.value.trim(),
    })),
  };
}
