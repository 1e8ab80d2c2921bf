import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { type AuditContext, recordAudit } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import { placeOf } from '../db/cipherPlace.js';
import { rowsOf, type Tx } from '../db/client.js';
import { cases, personIdentityVersions, personNames, persons } from '../db/schema/index.js';
import { randomCode } from './openCase.js';

type SeparationPlan = { separate: boolean; merge_id: string | null; target_id: string | null; leaving_agency_id: string };

type IdentityColumn = 'givenNameEnc' | 'familyNameEnc' | 'nameAsWrittenEnc' | 'birthDateEnc' | 'addressEnc';

/**
 * Sharing with these agencies just ended on this case. An agency whose own cases of the same person
 * joined her record (by a link or a merge in either direction) stays on it only while it holds
 * identity on a case of the record's home agency; otherwise the two records part, each agency keeping
 * what it recorded itself (separation_plan, migration 0025). Else its own case would stay a window
 * onto what the others recorded after the victim withdrew her consent.
 */
export async function separateAgencyRecords(tx: Tx, keyRing: KeyRing, audit: AuditContext, caseId: string, agencyIds: string[]) {
  const [kase] = await tx.select({ personId: cases.personId }).from(cases).where(eq(cases.id, caseId));
  if (!kase) return;
  for (const agencyId of agencyIds) await separateAgencyRecord(tx, keyRing, audit, kase.personId, agencyId, caseId);
}

/**
 * Every separation due across the instance, as the system: after a release that migrated (records
 * joined before separation existed) and each day (consents that ran out by date).
 */
export async function separateRecordsWithoutBasis(tx: Tx, keyRing: KeyRing): Promise<number> {
  const due = rowsOf<{ person_id: string; agency_id: string }>(await tx.execute(sql`select * from separations_due()`));
  let separated = 0;
  for (const { person_id, agency_id } of due) {
    if (await separateAgencyRecord(tx, keyRing, {}, person_id, agency_id, null)) separated += 1;
  }
  return separated;
}

async function separateAgencyRecord(
  tx: Tx,
  keyRing: KeyRing,
  audit: AuditContext,
  personId: string,
  agencyId: string,
  caseId: string | null,
): Promise<boolean> {
  const [plan] = rowsOf<SeparationPlan>(await tx.execute(sql`select * from separation_plan(${personId}::uuid, ${agencyId}::uuid)`));
  if (!plan?.separate) return false;
  const targetId = plan.target_id ?? randomUUID();
  // Usually the agency itself leaves; when it had merged the home agency's record into its own, the home's cases go back.
  const identity = await leavingIdentity(tx, keyRing, personId, plan.leaving_agency_id, targetId, plan.merge_id === null);
  await tx.execute(
    sql`select separate_agency_record(${personId}::uuid, ${agencyId}::uuid, ${targetId}::uuid, ${identity === null ? null : JSON.stringify(identity)}::jsonb)`,
  );
  await recordAudit(tx, audit, {
    action: 'person.separate',
    resourceType: 'person',
    resourceId: personId,
    details: { separatedPersonId: targetId, agencyId: plan.leaving_agency_id, mergeId: plan.merge_id, caseId },
  });
  return true;
}

/**
 * The identity columns the leaving agency itself last wrote on her record, encrypted for its own
 * record. Without such a version, a record a merge took away keeps its own columns (null); a linked
 * case gets a new record named by the first name the agency recorded.
 */
async function leavingIdentity(tx: Tx, keyRing: KeyRing, personId: string, agencyId: string, targetId: string, newRecord: boolean) {
  const [own] = await tx
    .select()
    .from(personIdentityVersions)
    .where(and(eq(personIdentityVersions.personId, personId), eq(personIdentityVersions.recordedByAgencyId, agencyId)))
    .orderBy(desc(personIdentityVersions.version))
    .limit(1);
  const moveTo = (column: IdentityColumn, ciphertext: string | null) =>
    keyRing.encrypt(keyRing.decrypt(ciphertext, placeOf(persons[column], personId)), placeOf(persons[column], targetId));
  const pseudonym = newRecord ? `P-${randomCode(6)}` : undefined;
  if (own) {
    const birthDate = keyRing.decrypt(own.birthDateEnc, placeOf(persons.birthDateEnc, personId));
    return {
      pseudonym,
      given_name_enc: moveTo('givenNameEnc', own.givenNameEnc),
      family_name_enc: moveTo('familyNameEnc', own.familyNameEnc),
      name_as_written_enc: moveTo('nameAsWrittenEnc', own.nameAsWrittenEnc),
      birth_date_enc: moveTo('birthDateEnc', own.birthDateEnc),
      address_enc: moveTo('addressEnc', own.addressEnc),
      ethnicity: own.ethnicity,
      birth_year: birthDate ? Number(birthDate.slice(0, 4)) : null,
    };
  }
  if (!newRecord) return null;
  const [firstName] = await tx
    .select({ id: personNames.id, nameEnc: personNames.nameEnc })
    .from(personNames)
    .where(and(eq(personNames.personId, personId), eq(personNames.recordedByAgencyId, agencyId)))
    .orderBy(asc(personNames.createdAt))
    .limit(1);
  const name = firstName ? keyRing.decrypt(firstName.nameEnc, placeOf(personNames.nameEnc, firstName.id)) : null;
  return {
    pseudonym,
    given_name_enc: keyRing.encrypt(name, placeOf(persons.givenNameEnc, targetId)),
    family_name_enc: null,
    name_as_written_enc: null,
    birth_date_enc: null,
    address_enc: null,
    ethnicity: null,
    birth_year: null,
  };
}
