import { randomInt } from 'node:crypto';
import type { CaseCreate } from '@seamless/contracts';
import { recordAudit, type AuditContext } from '../audit/record.js';
import type { KeyRing } from '../crypto/keyRing.js';
import type { Tx } from '../db/client.js';
import { cases, persons } from '../db/schema/index.js';
import { fieldError } from '../http/problem.js';

const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomCode = (length: number) => Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

export function ageOn(birthDate: string, on: Date): number {
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  const age = on.getUTCFullYear() - year;
  const beforeBirthday = on.getUTCMonth() + 1 < month || (on.getUTCMonth() + 1 === month && on.getUTCDate() < day);
  return beforeBirthday ? age - 1 : age;
}

export type OpenCaseProps = {
  tx: Tx;
  keyRing: KeyRing;
  audit: AuditContext;
  agencyId: string;
  userId: string;
  countryCode: string;
  input: CaseCreate;
  now?: Date;
};

/** Registers a person and opens a case owned by the actor's agency, identity data encrypted. */
export async function openCase({ tx, keyRing, audit, agencyId, userId, countryCode, input, now = new Date() }: OpenCaseProps) {
  const { person } = input;
  if (person.birthDate) {
    const birth = new Date(`${person.birthDate}T00:00:00Z`);
    if (Number.isNaN(birth.getTime()) || birth.toISOString().slice(0, 10) !== person.birthDate) {
      throw fieldError(400, 'validation_failed', 'person.birthDate', 'Not a calendar date.');
    }
    if (birth > now) throw fieldError(422, 'validation_failed', 'person.birthDate', 'The birth date is in the future.');
  }
  const ageAtIntake = person.birthDate ? ageOn(person.birthDate, now) : (person.estimatedAge ?? null);
  const [created] = await tx
    .insert(persons)
    .values({
      givenNameEnc: keyRing.encrypt(person.givenName),
      familyNameEnc: keyRing.encrypt(person.familyName),
      nameAsWrittenEnc: keyRing.encrypt(person.nameAsWritten),
      birthDateEnc: keyRing.encrypt(person.birthDate),
      documentNumberEnc: keyRing.encrypt(person.documentNumber),
      documentNumberBidx: keyRing.blindIndex('document', person.documentNumber),
      phoneEnc: keyRing.encrypt(person.phone),
      phoneBidx: keyRing.blindIndex('phone', person.phone),
      gender: person.gender,
      birthYear: person.birthDate ? Number(person.birthDate.slice(0, 4)) : null,
      citizenship: person.citizenship,
      pseudonym: `P-${randomCode(6)}`,
      createdByAgencyId: agencyId,
    })
    .returning();
  const [kase] = await tx
    .insert(cases)
    .values({
      reference: `${countryCode}-${now.getUTCFullYear()}-${randomCode(6)}`,
      personId: created!.id,
      ownerAgencyId: agencyId,
      ownerUserId: userId,
      ageAtIntake,
      openedAt: now,
    })
    .returning();
  await recordAudit(tx, audit, { action: 'case.create', resourceType: 'case', resourceId: kase!.id, details: { personId: created!.id } });
  return { kase: kase!, person: created! };
}
