import { randomInt, randomUUID } from 'node:crypto';
import { type CaseCreate, type PersonInput, procedureForCountry } from '@seamless/contracts';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { agencyHoldsIdentity } from '../db/identityAccess.js';
import { agencies, cases, caseTasks, personMergeRequests, persons, victimContexts } from '../db/schema/index.js';
import { localToday } from '../followUp/schedule.js';
import { formAnswerColumns } from '../forms/formConfiguration.js';
import { fieldError } from '../http/problem.js';
import { DEFAULT_MATCH_THRESHOLD, findPersonMatches } from '../matching/findPersonMatches.js';
import { ageOn } from '../shelters/placementRules.js';
import { recordCaseEvent } from './recordCaseEvent.js';
import {
  addToPersonIdentity,
  type IdentityRecorder,
  primaryNameOf,
  recordIdentityVersion,
  writeNewPersonIdentity,
} from './writePersonIdentity.js';

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const randomCode = (length: number) => Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export const isoDay = (date: Date) => date.toISOString().slice(0, 10);
export const addDays = (day: string, days: number) => isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

/** A real calendar date, not in the future: the checks every date of birth goes through. */
export function assertBirthDate(birthDate: string | null | undefined, path: string, today: string) {
  if (!birthDate) return;
  const birth = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(birth.getTime()) || isoDay(birth) !== birthDate)
    throw fieldError(400, 'validation_failed', path, 'Not a calendar date.');
  if (birthDate > today) throw fieldError(422, 'validation_failed', path, 'The birth date is in the future.');
}

/** The clear-text facts of a person (identity columns encrypted, bound to her record). */
export function personColumns(keyRing: KeyRing, personId: string, person: PersonInput, now: Date) {
  const sealed = (column: PgColumn, value: string | null | undefined) => keyRing.encrypt(value, placeOf(column, personId));
  const birthYear = person.birthDate
    ? Number(person.birthDate.slice(0, 4))
    : person.estimatedAge != null
      ? now.getUTCFullYear() - person.estimatedAge
      : null;
  return {
    givenNameEnc: sealed(persons.givenNameEnc, person.givenName),
    familyNameEnc: sealed(persons.familyNameEnc, person.familyName),
    nameAsWrittenEnc: sealed(persons.nameAsWrittenEnc, person.nameAsWritten),
    birthDateEnc: sealed(persons.birthDateEnc, person.birthDate),
    birthYear,
    birthYearEstimated: !person.birthDate && person.estimatedAge != null,
    gender: person.gender,
    citizenship: person.citizenship,
    languages: person.languages,
    ethnicMinority: person.ethnicMinority ?? null,
    ethnicity: person.ethnicity ?? null,
    addressEnc: sealed(persons.addressEnc, person.address),
  };
}

export type OpenCaseProps = {
  tx: Tx;
  keyRing: KeyRing;
  audit: AuditContext;
  agencyId: string;
  userId: string;
  countryCode: string;
  input: CaseCreate;
  /** The actor's role opens the identity section: without it no case is linked to a known person. */
  mayLinkIdentity: boolean;
  now?: Date;
};

/**
 * Records an intake: registers the person (or joins a known one), opens a case owned by the
 * actor's agency or by the agency it is handed to, sets the identification deadline of the
 * country's procedure, and flags a returning person when the person already had a closed case.
 */
export async function openCase({
  tx,
  keyRing,
  audit,
  agencyId,
  userId,
  countryCode,
  input,
  mayLinkIdentity,
  now = new Date(),
}: OpenCaseProps) {
  const { person } = input;
  const today = localToday(countryCode, now);
  assertBirthDate(person.birthDate, 'person.birthDate', today);
  if (person.birthDate && person.estimatedAge != null) {
    throw fieldError(422, 'validation_failed', 'person.estimatedAge', 'Give a birth date or an estimated age, not both.');
  }
  const ownerAgencyId = input.assignToAgencyId ?? agencyId;
  if (input.assignToAgencyId) {
    const [target] = await tx
      .select({ id: agencies.id, active: agencies.active })
      .from(agencies)
      .where(eq(agencies.id, input.assignToAgencyId));
    if (!target?.active) throw fieldError(422, 'invalid_reference', 'assignToAgencyId', 'No such active agency.');
  }

  const recorder = { agencyId, userId };
  let personId: string;
  let possibleDuplicateOf: string | null = null;
  const known = input.existingPersonId ? await knownPerson(tx, input.existingPersonId) : null;
  if (input.existingPersonId && !known) {
    throw fieldError(422, 'invalid_reference', 'existingPersonId', 'No such person, or not visible to you.');
  }
  if (known && mayLinkIdentity && (await agencyHoldsIdentity(tx, agencyId, known))) {
    personId = known;
    await addToPersonIdentity(tx, keyRing, personId, person, recorder);
  } else {
    // Linking to a person whose identity the agency does not hold would hand it her identity
    // through its own new case: she is recorded anew, and the owners decide whether it is her.
    possibleDuplicateOf = known;
    personId = await createPerson(tx, keyRing, person, recorder, now);
  }

  const previous = await previousClosedCase(tx, keyRing, personId, personId === known, input);
  const procedure = procedureForCountry(countryCode);
  const identificationDueOn = procedure.identificationDeadlineDays ? addDays(today, procedure.identificationDeadlineDays) : null;
  const ageAtIntake = person.birthDate ? ageOn(person.birthDate, today) : (person.estimatedAge ?? null);
  const caseId = randomUUID();
  const [kase] = await tx
    .insert(cases)
    .values({
      id: caseId,
      reference: `${countryCode}-${now.getUTCFullYear()}-${randomCode(6)}`,
      countryCode,
      personId,
      ownerAgencyId,
      ownerUserId: ownerAgencyId === agencyId ? userId : null,
      intakeByAgencyId: agencyId,
      intakeChannel: input.intake?.channel ?? null,
      urgency: input.intake?.urgency ?? 'routine',
      intakeLocation: input.intake?.location ?? null,
      intakeNarrativeEnc: keyRing.encrypt(input.intake?.narrative, placeOf(cases.intakeNarrativeEnc, caseId)),
      locale: input.locale ?? 'en',
      ageAtIntake,
      identificationDueOn,
      returningPerson: !!previous,
      previousCaseId: previous?.id ?? null,
      ...(await formAnswerColumns(tx, keyRing, caseId, { countryCode, agencyId: ownerAgencyId }, input.formAnswers)),
      openedAt: now,
    })
    .returning();
  if (input.victimContext) {
    await tx.insert(victimContexts).values({ caseId: kase!.id, ...input.victimContext, recordedByAgencyId: agencyId });
  }
  if (identificationDueOn) {
    await tx.insert(caseTasks).values({
      caseId: kase!.id,
      kind: 'identification_deadline',
      dueOn: identificationDueOn,
      agencyId: ownerAgencyId,
      createdBy: userId,
    });
  }
  const actor = { userId, agencyId };
  await recordCaseEvent(tx, actor, kase!.id, 'case.opened', {
    channel: kase!.intakeChannel,
    urgency: kase!.urgency,
    returningPerson: kase!.returningPerson,
  });
  if (ownerAgencyId !== agencyId) await recordCaseEvent(tx, actor, kase!.id, 'case.referred', { toAgencyId: ownerAgencyId });
  if (possibleDuplicateOf) {
    const [request] = await tx
      .insert(personMergeRequests)
      .values({
        kind: 'possible_duplicate',
        survivorId: possibleDuplicateOf,
        mergedId: personId,
        requestedBy: userId,
        requestingAgencyId: agencyId,
      })
      .returning({ id: personMergeRequests.id });
    await recordCaseEvent(tx, actor, kase!.id, 'person.possible_duplicate', { requestId: request!.id });
  }
  await recordAudit(tx, audit, {
    action: 'case.create',
    resourceType: 'case',
    resourceId: kase!.id,
    details: {
      personId,
      ownerAgencyId,
      existingPerson: personId === known,
      possibleDuplicateOf,
      returningPerson: !!previous,
    },
  });
  return kase!;
}

/**
 * The latest closed case of this person — or, for a new record, of a person the matcher finds
 * above its threshold: a possible re-trafficking the caseworker should see at once.
 */
async function previousClosedCase(tx: Tx, keyRing: KeyRing, personId: string, linked: boolean, input: CaseCreate) {
  const personIds = [personId];
  if (!linked) {
    const { person } = input;
    const matches = await findPersonMatches(
      tx,
      keyRing,
      {
        name: primaryNameOf(person),
        birthdate: person.birthDate ?? undefined,
        birthYear: !person.birthDate && person.estimatedAge != null ? new Date().getUTCFullYear() - person.estimatedAge : undefined,
        gender: person.gender,
        citizenship: person.citizenship[0],
        documentNumber: person.documents[0]?.number,
        phone: person.contacts.find((contact) => contact.kind === 'phone')?.value,
        excludePersonId: personId,
      },
      { threshold: DEFAULT_MATCH_THRESHOLD },
    );
    personIds.push(...matches.map((match) => match.personId));
  }
  const [closed] = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.personId, personIds), inArray(cases.status, ['Closed', 'ClosedReferred'])))
    .orderBy(desc(cases.closedAt))
    .limit(1);
  return closed ?? null;
}

/** The surviving record of a person the actor can see at all, or null. */
async function knownPerson(tx: Tx, personId: string): Promise<string | null> {
  const [known] = await tx.select({ id: persons.id, mergedIntoId: persons.mergedIntoId }).from(persons).where(eq(persons.id, personId));
  return known ? (known.mergedIntoId ?? known.id) : null;
}

async function createPerson(tx: Tx, keyRing: KeyRing, person: PersonInput, recorder: IdentityRecorder, now: Date): Promise<string> {
  const id = randomUUID();
  const [created] = await tx
    .insert(persons)
    .values({ id, ...personColumns(keyRing, id, person, now), pseudonym: `P-${randomCode(6)}`, createdByAgencyId: recorder.agencyId })
    .returning();
  await writeNewPersonIdentity(tx, keyRing, created!.id, person, recorder);
  await recordIdentityVersion(tx, created!, recorder);
  return created!.id;
}
