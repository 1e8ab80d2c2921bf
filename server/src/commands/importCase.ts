import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import type { Tx } from '../db/client.js';
import { caseComments, cases, perpetrators, persons, traffickingEvents, users, victimContexts } from '../db/schema/index.js';
import { localToday } from '../followUp/schedule.js';
import { formAnswerColumns } from '../forms/formConfiguration.js';
import { importHeldRecords } from '../htcds/import/importHeldRecords.js';
import { genderOf, type ImportedCase } from '../htcds/importedCase.js';
import { ageOn } from '../shelters/placementRules.js';
import { personColumns, randomCode } from './openCase.js';
import { recordCaseEvent } from './recordCaseEvent.js';
import { addToPersonIdentity, recordIdentityVersion, writeNewPersonIdentity } from './writePersonIdentity.js';

export type ImportCaseProps = {
  tx: Tx;
  keyRing: KeyRing;
  actor: { userId: string; agencyId: string };
  /** The importing agency's country: cases whose row names none belong to it. */
  countryCode: string;
  importedCase: ImportedCase;
  /** A person already known (a certain match): the case joins her, her record gains what the row adds. */
  existingPersonId: string | null;
  /** The import job writing the row, remembered beside the values it keeps as written. */
  importId?: string | null;
  now: Date;
};

/**
 * Writes one imported row: the person (or the known person), a case owned by the importing
 * agency with the dates and statuses the file records, and its victim context, trafficking
 * events, perpetrators and comments. Imported cases start no deadline task: the file records
 * the past, and the case list shows what needs doing.
 */
export async function importCase({
  tx,
  keyRing,
  actor,
  countryCode,
  importedCase,
  existingPersonId,
  importId = null,
  now,
}: ImportCaseProps) {
  const { person, kase } = importedCase;
  const personInput = {
    ...person,
    gender: genderOf(importedCase),
    estimatedAge: person.birthYear !== null ? Math.max(0, now.getUTCFullYear() - person.birthYear) : null,
  };
  const recorder = { agencyId: actor.agencyId, userId: actor.userId };
  let personId = existingPersonId;
  if (personId) {
    await addToPersonIdentity(tx, keyRing, personId, personInput, recorder);
  } else {
    const newPersonId = randomUUID();
    const columns = personColumns(keyRing, newPersonId, personInput, now);
    const [created] = await tx
      .insert(persons)
      .values({
        id: newPersonId,
        ...columns,
        birthYear: person.birthYear ?? columns.birthYear,
        pseudonym: person.pseudonym ?? `P-${randomCode(6)}`,
        createdByAgencyId: actor.agencyId,
      })
      .returning();
    personId = created!.id;
    await writeNewPersonIdentity(tx, keyRing, personId, personInput, recorder);
    await recordIdentityVersion(tx, created!, recorder);
  }
  const caseCountry = kase.countryCode ?? countryCode;
  const openedAt = kase.openedOn ? new Date(`${kase.openedOn}T00:00:00Z`) : now;
  const status = kase.status ?? 'Active';
  const closed = status === 'Closed' || status === 'ClosedReferred';
  const generatedReference = () => `${caseCountry}-${openedAt.getUTCFullYear()}-${randomCode(6)}`;
  // The id is chosen here: the case's ciphertexts are bound to it, and a reference clash retries with the same id.
  const caseId = randomUUID();
  const caseValues = {
    id: caseId,
    countryCode: caseCountry,
    personId,
    ownerAgencyId: actor.agencyId,
    ownerUserId: kase.ownerUsername ? await agencyUserId(tx, actor.agencyId, kase.ownerUsername) : null,
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
    ...(await formAnswerColumns(tx, keyRing, caseId, { countryCode: caseCountry, agencyId: actor.agencyId }, kase.formAnswers)),
    openedAt,
    closedAt: closed ? (kase.closedOn ? new Date(`${kase.closedOn}T00:00:00Z`) : now) : null,
  };
  // The file's own reference is kept when no case here bears it — including cases of other
  // agencies this actor cannot see, which is why the unique index decides, not a lookup.
  let [created] = await tx
    .insert(cases)
    .values({ ...caseValues, reference: kase.reference ?? generatedReference() })
    .onConflictDoNothing({ target: cases.reference })
    .returning({ id: cases.id, reference: cases.reference });
  const referenceTaken = !created;
  if (!created) {
    [created] = await tx
      .insert(cases)
      .values({ ...caseValues, reference: generatedReference() })
      .returning({ id: cases.id, reference: cases.reference });
  }
  await tx.insert(victimContexts).values({ caseId, ...importedCase.victimContext });
  if (importedCase.events.length) {
    await tx.insert(traffickingEvents).values(importedCase.events.map((event) => ({ caseId, ...event, createdBy: actor.userId })));
  }
  if (importedCase.perpetrators.length) {
    await tx.insert(perpetrators).values(
      importedCase.perpetrators.map(({ name, ...perpetrator }) => {
        const id = randomUUID();
        return { id, caseId, ...perpetrator, nameEnc: keyRing.encrypt(name, placeOf(perpetrators.nameEnc, id)), createdBy: actor.userId };
      }),
    );
  }
  if (importedCase.comments.length) {
    await tx.insert(caseComments).values(
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
  }
  const openedOn = kase.openedOn ?? localToday(caseCountry, now);
  const copied = { reference: created!.reference, countryCode: caseCountry, personId };
  await importHeldRecords({ tx, keyRing, actor, caseId, kase: copied, importedCase, importId, openedOn });
  await recordCaseEvent(tx, actor, caseId, 'case.imported', { existingPerson: !!existingPersonId });
  return { caseId, reference: created!.reference, personId, referenceTaken };
}

/** The importing agency's user of that username, if any: the file's case owner keeps her cases. */
async function agencyUserId(tx: Tx, agencyId: string, username: string): Promise<string | null> {
  const [user] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), eq(users.username, username), eq(users.active, true)));
  return user?.id ?? null;
}
