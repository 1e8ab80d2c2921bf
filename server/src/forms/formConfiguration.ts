import {
  type CountryFormConfiguration,
  countryFormConfigurationSchema,
  type FormDefinition,
  type FormField,
  type FormFieldType,
  type FormKind,
  type LookupList,
  validateFormAnswers,
} from '@seamless/contracts';
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { cases, formConfigurations, lookupLists } from '../db/schema/index.js';
import { AppError } from '../http/problem.js';
import { SHIPPED_FORM_CONFIGURATIONS } from './configurations/index.js';
import { provinceLookupList } from './provinceList.js';
import { type StoredFormAnswers, storedFormAnswers } from './storedFormAnswers.js';

/** The forms whose answers live in `cases.form_answers` (field keys are unique across them). */
const CASE_FORMS: FormKind[] = ['intake', 'case'];

/**
 * Loads the shipped configurations of every country on a fresh database. Existing rows are never
 * overwritten: once an admin has edited a form or list, it is theirs.
 */
export async function seedFormConfigurations(tx: Tx): Promise<void> {
  for (const input of SHIPPED_FORM_CONFIGURATIONS) {
    const configuration: CountryFormConfiguration = countryFormConfigurationSchema.parse(input);
    for (const definition of configuration.forms) {
      await tx
        .insert(formConfigurations)
        .values({ countryCode: configuration.country, form: definition.form, definition })
        .onConflictDoNothing();
    }
    const provinces = provinceLookupList(configuration);
    for (const list of provinces ? [...configuration.lookups, provinces] : configuration.lookups) {
      await tx
        .insert(lookupLists)
        .values({ countryCode: configuration.country, listKey: list.key, labels: list.labels, values: list.values })
        .onConflictDoNothing();
    }
  }
}

export type ActiveForms = { definition: FormDefinition | null; lookups: LookupList[] };

/**
 * The form as an agency uses it: the agency's own configuration where it has one, the
 * country's otherwise, with every lookup list the country defines.
 */
export async function loadForms(tx: Tx, countryCode: string, agencyId: string, forms: readonly FormKind[]): Promise<ActiveForms> {
  const rows = await tx
    .select()
    .from(formConfigurations)
    .where(
      and(
        eq(formConfigurations.countryCode, countryCode),
        inArray(formConfigurations.form, [...forms]),
        or(isNull(formConfigurations.agencyId), eq(formConfigurations.agencyId, agencyId)),
      ),
    );
  const chosen = forms.flatMap((form) => {
    const candidates = rows.filter((row) => row.form === form);
    const row = candidates.find((candidate) => candidate.agencyId === agencyId) ?? candidates.find((candidate) => !candidate.agencyId);
    return row ? [row.definition as unknown as FormDefinition] : [];
  });
  const lists = await tx.select().from(lookupLists).where(eq(lookupLists.countryCode, countryCode));
  return {
    definition: chosen.length ? { form: forms[0]!, groups: chosen.flatMap((definition) => definition.groups) } : null,
    lookups: lists.map((list) => ({
      key: list.listKey,
      labels: list.labels as LookupList['labels'],
      values: list.values as LookupList['values'],
    })),
  };
}

/**
 * Checks the configured answers a caller submits: every key must be a field of the intake or
 * case form (in a section the caller may write), and each form that was touched is validated
 * whole — its required rules included — against the answers as they will be stored.
 * Every issue is reported at once.
 */
export async function assertCaseFormAnswers(
  tx: Tx,
  scope: { countryCode: string; agencyId: string },
  submitted: Record<string, unknown>,
  stored: Record<string, unknown>,
  sectionsAllowed: readonly string[],
): Promise<void> {
  if (!Object.keys(submitted).length) return;
  const sections = ['general', ...sectionsAllowed];
  // One form after another: they are read on the caller's transaction, one statement at a time.
  const forms = [];
  for (const form of CASE_FORMS) forms.push(await loadForms(tx, scope.countryCode, scope.agencyId, [form]));
  const keysOf = (definition: FormDefinition | null) =>
    new Set(definition?.groups.flatMap((group) => group.fields.map((field) => field.key)) ?? []);
  const issues = [];
  const known = new Set(forms.flatMap(({ definition }) => [...keysOf(definition)]));
  for (const key of Object.keys(submitted)) {
    if (!known.has(key))
      issues.push({ path: `formAnswers.${key}`, code: 'unknown_field', message: `"${key}" is not a field of this country's forms.` });
  }
  const merged = { ...stored, ...submitted };
  for (const { definition, lookups } of forms) {
    if (!definition) continue;
    const keys = keysOf(definition);
    if (!Object.keys(submitted).some((key) => keys.has(key))) continue;
    const answers = Object.fromEntries(Object.entries(merged).filter(([key]) => keys.has(key)));
    issues.push(...validateFormAnswers(definition, lookups, answers, sections, { previous: stored }));
  }
  if (issues.length) throw new AppError(422, 'validation_failed', 'Some answers do not fit the form.', issues);
}

/**
 * Answers the actor may see: fields of sections they may read, and general ones. Identity
 * answers are decrypted only for an actor who may read the identity section.
 */
export async function visibleFormAnswers(
  tx: Tx,
  keyRing: KeyRing,
  scope: { countryCode: string; agencyId: string },
  stored: StoredFormAnswers & { id: string },
  sectionsAllowed: readonly string[],
  { withoutFreeText = false }: { withoutFreeText?: boolean } = {},
): Promise<Record<string, unknown>> {
  const answers = sectionsAllowed.includes('identity') ? storedFormAnswers(keyRing, stored.id, stored) : stored.formAnswers;
  if (!Object.keys(answers).length) return answers;
  const fields = await caseFormFields(tx, scope);
  return Object.fromEntries(
    Object.entries(answers).filter(([key]) => {
      const field = fields.get(key);
      const section = field?.section ?? 'general';
      if (withoutFreeText && (!field || FREE_TEXT.includes(field.type))) return false;
      return section === 'general' || sectionsAllowed.includes(section);
    }),
  );
}

/** Field types whose answers are typed by a worker, and so may name or locate anyone. */
const FREE_TEXT: readonly FormFieldType[] = ['text', 'textarea'];

/** Every field of the case forms an agency uses, by key. */
export async function caseFormFields(tx: Tx, scope: { countryCode: string; agencyId: string }): Promise<Map<string, FormField>> {
  const { definition } = await loadForms(tx, scope.countryCode, scope.agencyId, CASE_FORMS);
  return new Map(definition?.groups.flatMap((group) => group.fields.map((field) => [field.key, field] as const)) ?? []);
}

/**
 * The columns that store `answers` (all of a case's answers, in clear). The identity ciphertext
 * of `previous` is kept when its answers did not change, so an unrelated edit does not show as
 * a change of identity data.
 */
export async function formAnswerColumns(
  tx: Tx,
  keyRing: KeyRing,
  caseId: string,
  scope: { countryCode: string; agencyId: string },
  answers: Record<string, unknown>,
  previous?: StoredFormAnswers,
): Promise<StoredFormAnswers> {
  const fields = Object.keys(answers).length ? await caseFormFields(tx, scope) : new Map<string, FormField>();
  return formAnswerColumnsOf(fields, keyRing, caseId, answers, previous);
}

/** formAnswerColumns with the case form's fields read already: an import reads them once per batch, not per row. */
export function formAnswerColumnsOf(
  fields: ReadonlyMap<string, FormField>,
  keyRing: KeyRing,
  caseId: string,
  answers: Record<string, unknown>,
  previous?: StoredFormAnswers,
): StoredFormAnswers {
  const isIdentity = ([key]: [string, unknown]) => fields.get(key)?.section === 'identity';
  const entries = Object.entries(answers);
  const formAnswers = Object.fromEntries(entries.filter((entry) => !isIdentity(entry)));
  const identity = Object.fromEntries(entries.filter(isIdentity).sort(([a], [b]) => (a < b ? -1 : 1)));
  if (!Object.keys(identity).length) return { formAnswers, formIdentityEnc: null };
  if (previous?.formIdentityEnc) {
    const before = storedFormAnswers(keyRing, caseId, { formAnswers: {}, formIdentityEnc: previous.formIdentityEnc });
    if (sameAnswers(before, identity)) return { formAnswers, formIdentityEnc: previous.formIdentityEnc };
  }
  return { formAnswers, formIdentityEnc: keyRing.encrypt(JSON.stringify(identity), placeOf(cases.formIdentityEnc, caseId)) };
}

const sameAnswers = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  Object.keys(a).length === Object.keys(b).length &&
  Object.entries(a).every(([key, value]) => JSON.stringify(value) === JSON.stringify(b[key]));
