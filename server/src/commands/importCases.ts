import { randomUUID } from 'node:crypto';
import type { FormField } from '@seamless/contracts';
import { and, eq, inArray } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { insertRecordset } from '../db/insertRecordset.js';
import {
  caseComments,
  caseEvents,
  cases,
  perpetrators,
  personContacts,
  personDocuments,
  personIdentityVersions,
  personNames,
  persons,
  traffickingEvents,
  users,
  victimContexts,
} from '../db/schema/index.js';
import { localToday } from '../followUp/schedule.js';
import { caseFormFields, formAnswerColumnsOf } from '../forms/formConfiguration.js';
import { importHeldRecords } from '../htcds/import/importHeldRecords.js';
import { genderOf, type ImportedCase } from '../htcds/importedCase.js';
import { personNameRows } from '../matching/indexPersonNames.js';
import { ageOn } from '../shelters/placementRules.js';
import { personColumns, randomCode } from './openCase.js';
import { addToPersonIdentity, contactRows, documentRows, identityVersionRow, namesOf } from './writePersonIdentity.js';

/** One row of a file to write: the case it describes and, when she is known already (a certain match), her person. */
export type CaseToImport = { importedCase: ImportedCase; existingPersonId: string | null };

export type ImportCasesProps = {
  tx: Tx;
  keyRing: KeyRing;
  actor: { userId: string; agencyId: string };
  /** The importing agency's country: cases whose row names none belong to it. */
  countryCode: string;
  rows: readonly CaseToImport[];
  /** The import job writing the rows, remembered beside the values it keeps as written. */
  importId?: string | null;
  now: Date;
};

export type ImportedCaseWritten = { caseId: string; reference: string; personId: string; referenceTaken: boolean };

/**
 * Writes imported rows: each row's person (or the known person), a case owned by the importing
 * agency with the dates and statuses the file records, and its victim context, trafficking
 * events, perpetrators and comments. Each table takes all the rows in one multi-row statement, so
 * a batch costs a handful of round trips whatever its size; only a known person's identity is
 * merged row by row, as it must be read first. Imported cases start no deadline task: the file
 * records the past, and the case list shows what needs doing. Returns what each row wrote, in order.
 */
export async function importCases({ tx, keyRing, actor, countryCode, rows, importId = null, now }: ImportCasesProps) {
  const recorder = { agencyId: actor.agencyId, userId: actor.userId };
  const personIds = await writePersons(tx, keyRing, rows, recorder, now);
  const owners = await agencyUserIds(
    tx,
    actor.agencyId,
    rows.map((row) => row.importedCase.kase.ownerUsername),
  );
  // The case form's fields, read once per country the batch's rows name.
  const formFields = new Map<string, Map<string, FormField>>();
  const formFieldsOf = async (countryCode: string) => {
    const known = formFields.get(countryCode);
    if (known) return known;
    const fields = await caseFormFields(tx, { countryCode, agencyId: actor.agencyId });
    formFields.set(countryCode, fields);
    return fields;
  };
  const planned: {
    values: Omit<typeof cases.$inferInsert, 'reference'> & { id: string; countryCode: string };
    generatedReference: () => string;
    reference: string;
  }[] = [];
  for (const [index, { importedCase }] of rows.entries()) {
    const { person, kase } = importedCase;
    const caseCountry = kase.countryCode ?? countryCode;
    const openedAt = kase.openedOn ? new Date(`${kase.openedOn}T00:00:00Z`) : now;
    const status = kase.status ?? 'Active';
    const closed = status === 'Closed' || status === 'ClosedReferred';
    // The id is chosen here: the case's ciphertexts are bound to it, and a reference clash retries with the same id.
    const caseId = randomUUID();
    const values = {
      id: caseId,
      countryCode: caseCountry,
      personId: personIds[index]!,
      ownerAgencyId: actor.agencyId,
      ownerUserId: kase.ownerUsername ? (owners.get(kase.ownerUsername) ?? null) : null,
      intakeByAgencyId: actor.agencyId,
      status,
      stage: kase.stage ?? 'intake',
      traffickingStatus: kase.traffickingStatus ?? 'Potential',
      closureReason: kase.closureReason,
      intakeChannel: kase.intakeChannel,
      urgency: kase.urgency ?? 'routine',
      intakeLocation: kase.intakeLocation,
      intakeNarrativeEnc: keyRing.encrypt(kase.intakeNarrative, placeOf(cases.intakeNarrativeEnc, caseId)),
      locale: kase.locale ?? 'en',
      ageAtIntake: person.birthDate ? ageOn(person.birthDate, localToday(caseCountry, openedAt)) : null,
      ...formAnswerColumnsOf(await formFieldsOf(caseCountry), keyRing, caseId, kase.formAnswers),
      openedAt,
      closedAt: closed ? (kase.closedOn ? new Date(`${kase.closedOn}T00:00:00Z`) : now) : null,
    };
    const generatedReference = () => `${caseCountry}-${openedAt.getUTCFullYear()}-${randomCode(6)}`;
    planned.push({ values, generatedReference, reference: kase.reference ?? generatedReference() });
  }
  // The file's own reference is kept when no case here bears it — including cases of other
  // agencies this actor cannot see, which is why the unique index decides, not a lookup.
  const references = new Map<string, string>();
  const caseKeys = { id: cases.id, reference: cases.reference };
  const kept = await insertRecordset<{ id: string; reference: string }>(
    tx,
    cases,
    planned.map(({ values, reference }) => ({ ...values, reference })),
    { skipOnConflict: cases.reference, returning: caseKeys },
  );
  for (const { id, reference } of kept) references.set(id, reference);
  const keptIds = new Set(references.keys());
  const taken = planned.filter(({ values }) => !references.has(values.id));
  if (taken.length) {
    const renamed = await insertRecordset<{ id: string; reference: string }>(
      tx,
      cases,
      taken.map(({ values, generatedReference }) => ({ ...values, reference: generatedReference() })),
      { returning: caseKeys },
    );
    for (const { id, reference } of renamed) references.set(id, reference);
  }
  const caseIds = planned.map(({ values }) => values.id);
  await writeCaseRecords(tx, keyRing, actor, rows, caseIds, now);
  const timeline = await importHeldRecords({
    tx,
    keyRing,
    actor,
    importId,
    cases: rows.map(({ importedCase }, index) => ({
      caseId: caseIds[index]!,
      kase: { reference: references.get(caseIds[index]!)!, countryCode: planned[index]!.values.countryCode, personId: personIds[index]! },
      importedCase,
      openedOn: importedCase.kase.openedOn ?? localToday(planned[index]!.values.countryCode, now),
    })),
  });
  await insertRecordset(tx, caseEvents, [
    ...timeline,
    ...rows.map(({ existingPersonId }, index) => ({
      caseId: caseIds[index]!,
      kind: 'case.imported' as const,
      section: null,
      details: { existingPerson: !!existingPersonId },
      actorUserId: actor.userId,
      actorAgencyId: actor.agencyId,
    })),
  ]);
  return caseIds.map(
    (caseId, index): ImportedCaseWritten => ({
      caseId,
      reference: references.get(caseId)!,
      personId: personIds[index]!,
      referenceTaken: !keptIds.has(caseId),
    }),
  );
}

/** What a first identity version copies from the person written. */
const identityVersioned = {
  id: persons.id,
  version: persons.version,
  givenNameEnc: persons.givenNameEnc,
  familyNameEnc: persons.familyNameEnc,
  nameAsWrittenEnc: persons.nameAsWrittenEnc,
  birthDateEnc: persons.birthDateEnc,
  addressEnc: persons.addressEnc,
  ethnicity: persons.ethnicity,
};
type IdentityVersioned = Parameters<typeof identityVersionRow>[0];

/**
 * The person of each row: a known person gains what the row adds to her identity; the others are
 * created, with their names and keys, documents, contacts and first identity version, each table
 * in one statement. Returns the person id of each row, in order.
 */
async function writePersons(
  tx: Tx,
  keyRing: KeyRing,
  rows: readonly CaseToImport[],
  recorder: { agencyId: string; userId: string },
  now: Date,
): Promise<string[]> {
  const personIds: string[] = [];
  const created = [];
  for (const { importedCase, existingPersonId } of rows) {
    const { person } = importedCase;
    const input = {
      ...person,
      gender: genderOf(importedCase),
      estimatedAge: person.birthYear !== null ? Math.max(0, now.getUTCFullYear() - person.birthYear) : null,
    };
    if (existingPersonId) {
      await addToPersonIdentity(tx, keyRing, existingPersonId, input, recorder);
      personIds.push(existingPersonId);
      continue;
    }
    const id = randomUUID();
    const columns = personColumns(keyRing, id, input, now);
    personIds.push(id);
    created.push({
      input,
      values: {
        id,
        ...columns,
        birthYear: person.birthYear ?? columns.birthYear,
        pseudonym: person.pseudonym ?? `P-${randomCode(6)}`,
        createdByAgencyId: recorder.agencyId,
      },
    });
  }
  if (!created.length) return personIds;
  const inserted = await insertRecordset<IdentityVersioned>(
    tx,
    persons,
    created.map(({ values }) => values),
    { returning: identityVersioned },
  );
  const names = created.flatMap(({ input, values }) => personNameRows(keyRing, values.id, namesOf(input), recorder.agencyId));
  const documents = created.flatMap(({ input, values }) => documentRows(keyRing, values.id, input.documents, recorder));
  const contacts = created.flatMap(({ input, values }) => contactRows(keyRing, values.id, input.contacts, recorder));
  await insertRecordset(tx, personNames, names);
  await insertRecordset(tx, personDocuments, documents);
  await insertRecordset(tx, personContacts, contacts);
  await insertRecordset(
    tx,
    personIdentityVersions,
    inserted.map((person) => identityVersionRow(person, recorder)),
  );
  return personIds;
}

/** Victim contexts, trafficking events, perpetrators and comments of the rows' cases, each table in one statement. */
async function writeCaseRecords(
  tx: Tx,
  keyRing: KeyRing,
  actor: { userId: string; agencyId: string },
  rows: readonly CaseToImport[],
  caseIds: readonly string[],
  now: Date,
) {
  const each = <T>(records: (importedCase: ImportedCase, caseId: string) => T[]) =>
    rows.flatMap(({ importedCase }, index) => records(importedCase, caseIds[index]!));
  await insertRecordset(
    tx,
    victimContexts,
    each((importedCase, caseId) => [{ caseId, ...importedCase.victimContext }]),
  );
  const events = each((importedCase, caseId) => importedCase.events.map((event) => ({ caseId, ...event, createdBy: actor.userId })));
  await insertRecordset(tx, traffickingEvents, events);
  const perpetratorRows = each((importedCase, caseId) =>
    importedCase.perpetrators.map(({ name, ...perpetrator }) => {
      const id = randomUUID();
      return { id, caseId, ...perpetrator, nameEnc: keyRing.encrypt(name, placeOf(perpetrators.nameEnc, id)), createdBy: actor.userId };
    }),
  );
  await insertRecordset(tx, perpetrators, perpetratorRows);
  const comments = each((importedCase, caseId) =>
    importedCase.comments.map((comment) => {
      const id = randomUUID();
      return {
        id,
        caseId,
        section: comment.section,
        bodyEnc: keyRing.encrypt(comment.body, placeOf(caseComments.bodyEnc, id)),
        authorUserId: actor.userId,
        authorAgencyId: actor.agencyId,
        createdAt: comment.writtenAt ? new Date(comment.writtenAt) : now,
      };
    }),
  );
  await insertRecordset(tx, caseComments, comments);
}

/** The importing agency's active users of the usernames the rows name: the file's case owner keeps her cases. */
async function agencyUserIds(tx: Tx, agencyId: string, usernames: readonly (string | null)[]): Promise<Map<string, string>> {
  const named = [...new Set(usernames.filter((username): username is string => !!username))];
  if (!named.length) return new Map();
  const found = await tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), inArray(users.username, named), eq(users.active, true)));
  return new Map(found.map((user) => [user.username, user.id]));
}
